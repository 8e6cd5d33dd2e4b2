//! `.xlsx`/`.xlsm`: sizes checked in the zip directory first, then every sheet streamed cell
//! by cell (calamine's cell reader), so memory stays flat however long the sheet is and a
//! sheet claiming an absurd range is refused before anything is allocated for it.

use std::io::BufReader;
use std::path::Path;

use calamine::{DataRef, Reader, SheetType, SheetVisible, Xlsx, XlsxError};

use super::ahead::{Ahead, Zipped};
use super::cell::{Cell, borrow};
use super::merged::MAX_STREAMED_ROWS;
use super::{FileError, FileProblem, Inflate, SheetConsumer, SheetProblem, column_letter};
use crate::template::Limits;

pub fn read(
    path: &Path,
    limits: &Limits,
    inflate: Inflate,
    consumer: &mut dyn SheetConsumer,
) -> Result<(), FileError> {
    check_part_sizes(path, limits)?;
    check_container(path)?;
    let file = super::open(path)?;
    // A file whose view cannot be made is read as it is (and any fault in it reported so).
    let ahead = match inflate {
        Inflate::Ahead => Ahead::open(path).ok().flatten(),
        Inflate::InPlace => None,
    };
    let zipped = match ahead {
        Some(ahead) => Zipped::Ahead(ahead),
        None => Zipped::Plain(BufReader::new(file)),
    };
    let mut book = Xlsx::new(zipped).map_err(|e| open_error(path, e))?;
    for sheet in book.sheets_metadata().to_vec() {
        consumer.begin_sheet(&sheet.name);
        if sheet.typ == SheetType::ChartSheet {
            consumer.chart_sheet();
            consumer.end_sheet(None);
            continue;
        }
        if sheet.visible != SheetVisible::Visible {
            consumer.hidden_sheet();
        }
        let error = stream_sheet(&mut book, &sheet.name, limits, consumer).err();
        consumer.end_sheet(error);
    }
    Ok(())
}

/// Refuses a zipped workbook (xlsx, ods) any part of which would decompress past the limit (a zip bomb, or a
/// sheet far bigger than any department export).
pub(super) fn check_part_sizes(path: &Path, limits: &Limits) -> Result<(), FileError> {
    let file = super::open(path)?;
    // Not a zip (an encrypted workbook is a CFB container): the workbook reader says what it is.
    let Ok(mut zip) = zip::ZipArchive::new(BufReader::new(file)) else {
        return Ok(());
    };
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|_| FileError::new(path, corrupt(path)))?;
        if entry.size() > limits.max_part_bytes {
            return Err(FileError::new(
                path,
                FileProblem::PartTooLarge {
                    part: entry.name().unwrap_or_default().to_string(),
                    size: entry.size(),
                    limit: limits.max_part_bytes,
                },
            ));
        }
    }
    Ok(())
}

/// Refuses a compound-file container (an encrypted workbook) that calamine could not walk
/// to an end.
fn check_container(path: &Path) -> Result<(), FileError> {
    use std::io::Read;
    let mut head = [0u8; 8];
    let mut file = super::open(path)?;
    if file.read_exact(&mut head).is_err() || head[..] != *super::sniff::CFB_MAGIC {
        return Ok(());
    }
    let bytes = std::fs::read(path)
        .map_err(|e| FileError::new(path, FileProblem::CannotRead(e.to_string())))?;
    super::cfb::check_container(&bytes).map_err(|_| FileError::new(path, corrupt(path)))
}

/// A zip container that cannot be read, named by the file's kind.
fn corrupt(path: &Path) -> FileProblem {
    let ods = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ods"));
    FileProblem::Corrupt {
        ext: if ods { "ods" } else { "xlsx" },
    }
}

fn open_error(path: &Path, e: XlsxError) -> FileError {
    match e {
        XlsxError::Password => FileError::new(path, FileProblem::Password),
        other if larger_than_declared(&other) => {
            FileError::new(path, FileProblem::LargerThanDeclared)
        }
        XlsxError::Zip(_) | XlsxError::Io(_) => FileError::new(path, corrupt(path)),
        other => FileError::new(path, FileProblem::Unreadable(other.to_string())),
    }
}

/// The zip reader's words when a part decompresses past its declared size: the declared
/// size (checked against the budget before reading) bounds every part while it streams.
const LARGER_THAN_DECLARED: &str = "larger than its declared uncompressed size";

/// Whether a reader's error says a part decompressed past its declared size.
pub(super) fn larger_than_declared(e: &impl std::fmt::Display) -> bool {
    e.to_string().contains(LARGER_THAN_DECLARED)
}

/// A calamine error as a sheet problem: `otherwise` with calamine's reason, unless the part
/// lied about its size.
fn sheet_problem(e: &XlsxError, otherwise: fn(String) -> SheetProblem) -> SheetProblem {
    if larger_than_declared(e) {
        SheetProblem::LargerThanDeclared
    } else {
        otherwise(e.to_string())
    }
}

/// Streams one sheet. Returns the problem that stopped it, if any.
fn stream_sheet(
    book: &mut Xlsx<Zipped>,
    name: &str,
    limits: &Limits,
    consumer: &mut dyn SheetConsumer,
) -> Result<(), SheetProblem> {
    let reader = book
        .worksheet_cells_reader(name)
        .map_err(|e| sheet_problem(&e, SheetProblem::Unreadable))?;
    let dim = reader.dimensions();
    check_range(dim, limits)?;
    // Merged cells follow the cells in the sheet's XML: a small sheet is read for them first
    // (a sheet declaring no range may be of any size, and is not).
    let rows = dim.end.0.saturating_sub(dim.start.0) + 1;
    let mut reader = if dim.end != (0, 0) && rows <= MAX_STREAMED_ROWS {
        drop(reader);
        // A sheet whose merged cells cannot be read is read without them.
        if let Ok(regions) = book.merge_cells_by_sheet_name(name) {
            consumer.merged_down(super::merged::down(&regions));
        }
        book.worksheet_cells_reader(name)
            .map_err(|e| sheet_problem(&e, SheetProblem::Unreadable))?
    } else {
        reader
    };
    stream_cells(&mut reader, limits, consumer)
}

/// Refuses a sheet declaring a range of more cells than the limit, before reading it.
fn check_range(dim: calamine::Dimensions, limits: &Limits) -> Result<(), SheetProblem> {
    let rows = u64::from(dim.end.0.saturating_sub(dim.start.0)) + 1;
    let cols = u64::from(dim.end.1.saturating_sub(dim.start.1)) + 1;
    if rows * cols > limits.max_cells {
        return Err(SheetProblem::RangeTooLarge {
            range: format!(
                "{}{}:{}{}",
                column_letter(dim.start.1),
                dim.start.0 + 1,
                column_letter(dim.end.1),
                dim.end.0 + 1
            ),
            cells: rows * cols,
            limit: limits.max_cells,
        });
    }
    Ok(())
}

/// Streams the cells of `reader`'s sheet to `consumer`.
fn stream_cells<'a>(
    reader: &mut calamine::XlsxCellReader<'a, Zipped>,
    limits: &Limits,
    consumer: &mut dyn SheetConsumer,
) -> Result<(), SheetProblem> {
    // Two stages on two cores: this thread decompresses and parses the XML into rows of
    // cells; a second thread normalises them. Batches keep the hand-over cheap; the bounded
    // channel keeps memory flat. Text calamine allocated is copied into the batch's text
    // buffer and freed at once, on this thread, while the allocator still has it at hand
    // (strings held for a whole batch, or freed on the other thread, cost this thread more
    // in the allocator than the copy). Each batch goes back to be refilled, its buffers kept.
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Batch<'_>>(2);
        let (back_tx, back_rx) = std::sync::mpsc::channel::<Batch<'_>>();
        let worker = scope.spawn(move || {
            for batch in rx {
                normalise(&batch, consumer);
                if back_tx.send(batch).is_err() {
                    break;
                }
            }
        });
        let produced = produce(reader, limits, &tx, &back_rx);
        drop(tx);
        let joined = worker.join();
        produced?;
        joined.map_err(|_| SheetProblem::Internal)
    })
}

/// Hands each row of `batch` to the consumer, one row buffer for the whole batch.
fn normalise(batch: &Batch<'_>, consumer: &mut dyn SheetConsumer) {
    let mut cells: Vec<Cell<'_>> = Vec::new();
    for row in batch.cells.chunk_by(|a, b| a.row == b.row) {
        emit(row, &batch.text, &mut cells, consumer);
    }
}

/// Whole rows of cells in sheet order, their text in one buffer.
#[derive(Default)]
struct Batch<'a> {
    cells: Vec<Placed<'a>>,
    text: String,
}

impl Batch<'_> {
    fn clear(&mut self) {
        self.cells.clear();
        self.text.clear();
    }

    fn is_full(&self) -> bool {
        self.cells.len() >= BATCH_CELLS || self.text.len() >= BATCH_TEXT_BYTES
    }
}

/// A cell where it stands.
struct Placed<'a> {
    row: u32,
    col: u32,
    value: Slot<'a>,
}

/// A cell's value as handed over: calamine's, but text it allocated lives in the batch.
enum Slot<'a> {
    /// A value holding no allocation of its own (shared strings borrow the workbook's).
    Value(DataRef<'a>),
    /// Text at this byte range of the batch's text.
    Text(std::ops::Range<usize>),
}

const BATCH_CELLS: usize = 32 * 1024;
const BATCH_TEXT_BYTES: usize = 4 << 20;

/// Reads cells and sends them in batches that never split a row.
fn produce<'a>(
    reader: &mut calamine::XlsxCellReader<'a, Zipped>,
    limits: &Limits,
    tx: &std::sync::mpsc::SyncSender<Batch<'a>>,
    back: &std::sync::mpsc::Receiver<Batch<'a>>,
) -> Result<(), SheetProblem> {
    // A batch handed back, emptied here, or a new one.
    let fresh = || {
        back.try_recv().map_or_else(
            |_| Batch {
                cells: Vec::with_capacity(BATCH_CELLS),
                text: String::new(),
            },
            |mut b| {
                b.clear();
                b
            },
        )
    };
    let mut batch = fresh();
    loop {
        let next = reader
            .next_cell()
            .map_err(|e| sheet_problem(&e, SheetProblem::Corrupt))?;
        let Some(cell) = next else { break };
        let (row, col) = cell.get_position();
        if col >= limits.max_columns {
            return Err(SheetProblem::ColumnTooFar {
                cell: format!("{}{}", column_letter(col), row + 1),
                limit: limits.max_columns,
            });
        }
        if batch.is_full() && batch.cells.last().is_some_and(|c| c.row != row) {
            let full = std::mem::replace(&mut batch, fresh());
            if tx.send(full).is_err() {
                return Err(SheetProblem::Internal);
            }
        }
        let value = match cell.get_value() {
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
                let start = batch.text.len();
                batch.text.push_str(s);
                Slot::Text(start..batch.text.len())
            }
            other => Slot::Value(other.clone()),
        };
        batch.cells.push(Placed { row, col, value });
    }
    if !batch.cells.is_empty() && tx.send(batch).is_err() {
        return Err(SheetProblem::Internal);
    }
    Ok(())
}

/// Hands one row to the consumer, cells placed by column (in `cells`, reused).
fn emit<'b>(
    raw: &'b [Placed<'_>],
    text: &'b str,
    cells: &mut Vec<Cell<'b>>,
    consumer: &mut dyn SheetConsumer,
) {
    let Some(first) = raw.first() else { return };
    let width = raw.iter().map(|c| c.col as usize + 1).max().unwrap_or(0);
    cells.clear();
    cells.resize(width, Cell::Empty);
    for c in raw {
        cells[c.col as usize] = match &c.value {
            Slot::Value(v) => borrow(v),
            Slot::Text(range) => Cell::Text(std::borrow::Cow::Borrowed(&text[range.clone()])),
        };
    }
    consumer.row(first.row, cells);
}

#[cfg(all(test, feature = "report"))]
mod tests;

//! `.xlsx`/`.xlsm`: sizes checked in the zip directory first, then every sheet streamed cell
//! by cell (calamine's cell reader), so memory stays flat however long the sheet is and a
//! sheet claiming an absurd range is refused before anything is allocated for it.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use calamine::{DataRef, Reader, Xlsx, XlsxError};

use super::cell::{Cell, borrow};
use super::{FileError, FileProblem, SheetConsumer, SheetProblem, column_letter};
use crate::template::Limits;

pub fn read(
    path: &Path,
    limits: &Limits,
    consumer: &mut dyn SheetConsumer,
) -> Result<(), FileError> {
    check_part_sizes(path, limits)?;
    let file = super::open(path)?;
    let mut book = Xlsx::new(BufReader::new(file)).map_err(|e| open_error(path, e))?;
    for name in book.sheet_names() {
        consumer.begin_sheet(&name);
        let error = stream_sheet(&mut book, &name, limits, consumer).err();
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
    book: &mut Xlsx<BufReader<File>>,
    name: &str,
    limits: &Limits,
    consumer: &mut dyn SheetConsumer,
) -> Result<(), SheetProblem> {
    let mut reader = book
        .worksheet_cells_reader(name)
        .map_err(|e| sheet_problem(&e, SheetProblem::Unreadable))?;
    let dim = reader.dimensions();
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
    // Two stages on two cores: this thread decompresses and parses the XML into rows of
    // calamine cells (moved, never copied); a second thread normalises them. Batches keep
    // the hand-over cheap; the bounded channel keeps memory flat. Each batch goes back to
    // be refilled, so the strings calamine allocated are freed by the thread that allocated
    // them (freeing them on the other thread makes the two fight over the allocator).
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
        let produced = produce(&mut reader, limits, &tx, &back_rx);
        drop(tx);
        let joined = worker.join();
        produced?;
        joined.map_err(|_| SheetProblem::Internal)
    })
}

/// Hands each row of `batch` to the consumer, one row buffer for the whole batch.
fn normalise(batch: &Batch<'_>, consumer: &mut dyn SheetConsumer) {
    let mut cells: Vec<Cell<'_>> = Vec::new();
    for row in batch.chunk_by(|a, b| a.get_position().0 == b.get_position().0) {
        emit(row, &mut cells, consumer);
    }
}

/// Cells as calamine gives them, whole rows in sheet order, one allocation per batch.
type Batch<'a> = Vec<calamine::Cell<DataRef<'a>>>;

const BATCH_CELLS: usize = 32 * 1024;

/// Reads cells and sends them in batches that never split a row.
fn produce<'a>(
    reader: &mut calamine::XlsxCellReader<'a, BufReader<File>>,
    limits: &Limits,
    tx: &std::sync::mpsc::SyncSender<Batch<'a>>,
    back: &std::sync::mpsc::Receiver<Batch<'a>>,
) -> Result<(), SheetProblem> {
    // A batch handed back, emptied here, or a new one.
    let fresh = || {
        back.try_recv().map_or_else(
            |_| Vec::with_capacity(BATCH_CELLS),
            |mut b| {
                b.clear();
                b
            },
        )
    };
    let mut batch: Batch<'a> = Vec::with_capacity(BATCH_CELLS);
    loop {
        let next = reader
            .next_cell()
            .map_err(|e| sheet_problem(&e, SheetProblem::Corrupt))?;
        let Some(cell) = next else { break };
        let (r, col) = cell.get_position();
        if col >= limits.max_columns {
            return Err(SheetProblem::ColumnTooFar {
                cell: format!("{}{}", column_letter(col), r + 1),
                limit: limits.max_columns,
            });
        }
        if batch.len() >= BATCH_CELLS && batch.last().is_some_and(|c| c.get_position().0 != r) {
            let full = std::mem::replace(&mut batch, fresh());
            if tx.send(full).is_err() {
                return Err(SheetProblem::Internal);
            }
        }
        batch.push(cell);
    }
    if !batch.is_empty() && tx.send(batch).is_err() {
        return Err(SheetProblem::Internal);
    }
    Ok(())
}

/// Hands one row to the consumer, cells placed by column (in `cells`, reused).
fn emit<'b>(
    raw: &'b [calamine::Cell<DataRef<'_>>],
    cells: &mut Vec<Cell<'b>>,
    consumer: &mut dyn SheetConsumer,
) {
    let Some(first) = raw.first() else { return };
    let width = raw
        .iter()
        .map(|c| c.get_position().1 as usize + 1)
        .max()
        .unwrap_or(0);
    cells.clear();
    cells.resize(width, Cell::Empty);
    for c in raw {
        cells[c.get_position().1 as usize] = borrow(c.get_value());
    }
    consumer.row(first.get_position().0, cells);
}

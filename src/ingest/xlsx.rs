//! `.xlsx`/`.xlsm`: sizes checked in the zip directory first, then every sheet streamed cell
//! by cell (calamine's cell reader), so memory stays flat however long the sheet is and a
//! sheet claiming an absurd range is refused before anything is allocated for it.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use calamine::{Reader, Xlsx, XlsxError};

use super::cell::{Cell, from_data_ref};
use super::{FileError, SheetConsumer, column_letter};
use crate::template::Limits;

pub fn read(
    path: &Path,
    limits: &Limits,
    consumer: &mut dyn SheetConsumer,
) -> Result<(), FileError> {
    check_part_sizes(path, limits)?;
    let file =
        File::open(path).map_err(|e| FileError::new(path, format!("cannot open the file: {e}")))?;
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
    let file =
        File::open(path).map_err(|e| FileError::new(path, format!("cannot open the file: {e}")))?;
    // Not a zip (an encrypted workbook is a CFB container): the workbook reader says what it is.
    let Ok(mut zip) = zip::ZipArchive::new(BufReader::new(file)) else {
        return Ok(());
    };
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|_| FileError::new(path, CORRUPT))?;
        if entry.size() > limits.max_part_bytes {
            return Err(FileError::new(
                path,
                format!(
                    "part {} would decompress to {} bytes, more than the limit of {} bytes; refused",
                    entry.name().unwrap_or_default(),
                    entry.size(),
                    limits.max_part_bytes
                ),
            ));
        }
    }
    Ok(())
}

const CORRUPT: &str = "corrupt or truncated workbook: the .xlsx container cannot be read (re-export or re-save the file)";

fn open_error(path: &Path, e: XlsxError) -> FileError {
    match e {
        XlsxError::Password => FileError::new(
            path,
            "the workbook is password-protected; save a copy without a password and try again",
        ),
        XlsxError::Zip(_) | XlsxError::Io(_) => FileError::new(path, CORRUPT),
        other => FileError::new(path, format!("cannot read the workbook: {other}")),
    }
}

/// Streams one sheet. Returns the message that stopped it, if any.
fn stream_sheet(
    book: &mut Xlsx<BufReader<File>>,
    name: &str,
    limits: &Limits,
    consumer: &mut dyn SheetConsumer,
) -> Result<(), String> {
    let mut reader = book
        .worksheet_cells_reader(name)
        .map_err(|e| format!("cannot read the sheet: {e}"))?;
    let dim = reader.dimensions();
    let rows = u64::from(dim.end.0.saturating_sub(dim.start.0)) + 1;
    let cols = u64::from(dim.end.1.saturating_sub(dim.start.1)) + 1;
    if rows * cols > limits.max_cells {
        return Err(format!(
            "the sheet claims the range {}{}:{}{} ({} cells), more than the limit of {} cells; refused",
            column_letter(dim.start.1),
            dim.start.0 + 1,
            column_letter(dim.end.1),
            dim.end.0 + 1,
            rows * cols,
            limits.max_cells
        ));
    }
    let mut row_cells: Vec<Cell<'_>> = Vec::new();
    let mut current: Option<u32> = None;
    loop {
        let next = reader
            .next_cell()
            .map_err(|e| format!("the sheet is corrupt: {e}"))?;
        let Some(cell) = next else { break };
        let (row, col) = cell.get_position();
        if col >= limits.max_columns {
            return Err(format!(
                "cell {}{} lies beyond the limit of {} columns; refused",
                column_letter(col),
                row + 1,
                limits.max_columns
            ));
        }
        if current != Some(row) {
            if let Some(r) = current {
                consumer.row(r, &row_cells);
            }
            row_cells.clear();
            current = Some(row);
        }
        let col = col as usize;
        if row_cells.len() <= col {
            row_cells.resize(col + 1, Cell::Empty);
        }
        row_cells[col] = from_data_ref(cell.get_value().clone());
    }
    if let Some(r) = current {
        consumer.row(r, &row_cells);
    }
    Ok(())
}

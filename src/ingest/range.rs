//! `.xls` and `.ods`: formats calamine reads whole sheets of, as a range. Both are bounded by
//! their own limits (65,536 rows for xls) or, for ods, by the size checks made first.

use std::io::BufReader;
use std::path::Path;

use calamine::{Data, Ods, OdsError, Range, Reader, Xls, XlsError};

use super::cell::from_data;
use super::{FileError, FileProblem, SheetConsumer, SheetProblem};
use crate::template::Limits;

pub fn read_xls(
    path: &Path,
    limits: &Limits,
    consumer: &mut dyn SheetConsumer,
) -> Result<(), FileError> {
    super::biff::check(path, limits)?;
    let file = super::open(path)?;
    let book = Xls::new(BufReader::new(file)).map_err(|e| match e {
        XlsError::Password => FileError::new(path, FileProblem::Password),
        other => FileError::new(path, FileProblem::Unreadable(other.to_string())),
    })?;
    read_sheets(book, consumer, |book, name| {
        book.merge_cells_by_sheet_name(name).unwrap_or_default()
    });
    Ok(())
}

pub fn read_ods(
    path: &Path,
    limits: &Limits,
    consumer: &mut dyn SheetConsumer,
) -> Result<(), FileError> {
    super::xlsx::check_part_sizes(path, limits)?;
    let file = super::open(path)?;
    let book = Ods::new(BufReader::new(file)).map_err(|e| match e {
        OdsError::Password => FileError::new(path, FileProblem::Password),
        other if super::xlsx::larger_than_declared(&other) => {
            FileError::new(path, FileProblem::LargerThanDeclared)
        }
        OdsError::Zip(_) | OdsError::Io(_) => {
            FileError::new(path, FileProblem::Corrupt { ext: "ods" })
        }
        other => FileError::new(path, FileProblem::Unreadable(other.to_string())),
    })?;
    // calamine does not say which cells of an ods sheet are merged.
    read_sheets(book, consumer, |_, _| Vec::new());
    Ok(())
}

/// Hands every sheet of a workbook read as ranges to `consumer`, with the regions `merged`
/// says are merged.
fn read_sheets<RS, R>(
    mut book: R,
    consumer: &mut dyn SheetConsumer,
    merged: impl Fn(&R, &str) -> Vec<calamine::Dimensions>,
) where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    for sheet in book.sheets_metadata().to_vec() {
        let name = sheet.name;
        consumer.begin_sheet(&name);
        if sheet.typ == calamine::SheetType::ChartSheet {
            consumer.chart_sheet();
            consumer.end_sheet(None);
            continue;
        }
        if sheet.visible != calamine::SheetVisible::Visible {
            consumer.hidden_sheet();
        }
        consumer.merged_down(super::merged::down(&merged(&book, &name)));
        match book.worksheet_range(&name) {
            Ok(range) => {
                feed(&range, consumer);
                consumer.end_sheet(None);
            }
            Err(e) => consumer.end_sheet(Some(SheetProblem::Unreadable(e.to_string()))),
        }
    }
}

fn feed(range: &Range<Data>, consumer: &mut dyn SheetConsumer) {
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut cells = Vec::new();
    for (i, row) in range.rows().enumerate() {
        cells.clear();
        cells.resize(col0 as usize, super::Cell::Empty);
        cells.extend(row.iter().map(from_data));
        consumer.row(row0 + i as u32, &cells);
    }
}

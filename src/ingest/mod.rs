//! Reading input files: finding them, recognising their format, and streaming every sheet's
//! rows, cell by cell, to a [`SheetConsumer`]. Nothing here knows what the columns mean.
//!
//! Every error names the file (and sheet where known); one bad file never stops the others.

mod ahead;
mod biff;
pub mod cell;
mod cfb;
mod csv;
mod discover;
mod merged;
mod range;
mod sniff;
mod xlsx;

use std::path::{Path, PathBuf};

pub use cell::Cell;
pub use csv::CSV_SHEET;
pub use discover::{Discovered, discover};
pub use merged::MergedDown;

use crate::lang::Lang;
pub use crate::messages::{FileProblem, SheetProblem};
use crate::template::Limits;

/// Receives the sheets of one file, row by row. Rows come in order, each once; rows that
/// hold no cell at all may be left out (the consumer sees the gap in row numbers). It may
/// run on a second thread while the next rows are being decompressed and parsed.
pub trait SheetConsumer: Send {
    /// A new sheet starts.
    fn begin_sheet(&mut self, sheet: &str);
    /// The sheet's cells merged down over rows (before its rows; not every reader knows
    /// them).
    fn merged_down(&mut self, _regions: Vec<MergedDown>) {}
    /// The sheet is a chart sheet: a chart, no cells (it ends next).
    fn chart_sheet(&mut self) {}
    /// The sheet is hidden (before its rows).
    fn hidden_sheet(&mut self) {}
    /// One row: its 0-based index in the sheet and its cells from column A on.
    fn row(&mut self, row: u32, cells: &[Cell<'_>]);
    /// The sheet ended, completely or with a problem that stopped it.
    fn end_sheet(&mut self, error: Option<SheetProblem>);
}

/// A problem with a whole file: it could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub path: PathBuf,
    pub problem: FileProblem,
}

impl FileError {
    pub fn new(path: &Path, problem: FileProblem) -> FileError {
        FileError {
            path: path.to_path_buf(),
            problem,
        }
    }

    /// `path: problem`, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let sep = lang.pick(":", ": ");
        format!("{}{sep}{}", self.path.display(), self.problem.text(lang))
    }
}

/// Opens an input for reading; the error names the file and says why it failed.
///
/// # Errors
/// The file is missing or cannot be opened.
pub fn open(path: &Path) -> Result<std::fs::File, FileError> {
    std::fs::File::open(path).map_err(|e| sniff::open_error(path, &e))
}

/// Where a zipped workbook's large parts are inflated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inflate {
    /// On a thread of their own, ahead of the parser: for a file read alone, when a core is
    /// free for it.
    Ahead,
    /// Where they are parsed: for files read side by side, when every core is busy reading.
    InPlace,
}

/// Reads every sheet of one file into `consumer`. A reader that fails outright on a damaged
/// file (a panic inside a parsing library) costs that file, never the run: the file is
/// reported as unreadable and a sheet it was reading ends with that problem.
///
/// # Errors
/// The file is missing, empty, not a spreadsheet, corrupt, encrypted or over a size limit.
pub fn read_file(
    path: &Path,
    limits: &Limits,
    inflate: Inflate,
    consumer: &mut dyn SheetConsumer,
) -> Result<(), FileError> {
    let format = sniff::sniff(path)?;
    let mut guarded = Guarded {
        inner: consumer,
        open: false,
    };
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match format {
        sniff::Format::Xlsx => xlsx::read(path, limits, inflate, &mut guarded),
        sniff::Format::Xls => range::read_xls(path, limits, &mut guarded),
        sniff::Format::Ods => range::read_ods(path, limits, &mut guarded),
        sniff::Format::Csv => csv::read(path, limits, &mut guarded),
    }));
    read.unwrap_or_else(|_| {
        if guarded.open {
            guarded.end_sheet(Some(SheetProblem::ReaderFailed));
        }
        Err(FileError::new(path, FileProblem::ReaderFailed))
    })
}

/// Whether a source file belongs to a library (a crate from the registry), not to
/// tsreport: a panic there on a damaged input is contained by [`read_file`].
pub fn is_library_source(file: &str) -> bool {
    file.contains("/.cargo/registry/") || file.contains("\\.cargo\\registry\\")
}

/// A consumer that knows whether a sheet is still open (to close it after a failure).
struct Guarded<'c> {
    inner: &'c mut dyn SheetConsumer,
    open: bool,
}

impl SheetConsumer for Guarded<'_> {
    fn begin_sheet(&mut self, sheet: &str) {
        self.open = true;
        self.inner.begin_sheet(sheet);
    }

    fn merged_down(&mut self, regions: Vec<MergedDown>) {
        self.inner.merged_down(regions);
    }

    fn chart_sheet(&mut self) {
        self.inner.chart_sheet();
    }

    fn hidden_sheet(&mut self) {
        self.inner.hidden_sheet();
    }

    fn row(&mut self, row: u32, cells: &[Cell<'_>]) {
        self.inner.row(row, cells);
    }

    fn end_sheet(&mut self, error: Option<SheetProblem>) {
        self.open = false;
        self.inner.end_sheet(error);
    }
}

/// The spreadsheet-style name of a 0-based column: 0 → A, 27 → AB.
pub fn column_letter(col: u32) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII letters")
}

#[cfg(test)]
mod tests {
    use super::column_letter;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(16383), "XFD");
    }
}

//! "Nothing lost": the data-problem list (数据问题) and the per-sheet reconciliation
//! (rows read = used + skipped + rejected). Row problems are data, never errors.

use std::path::PathBuf;
use std::time::SystemTime;

mod reason;

pub use reason::{Action, Reason};

use crate::schema::Kind;

/// Why a sheet matched no kind: the closest kind and its missing required columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Unrecognised {
    pub closest: Option<(Kind, Vec<&'static str>)>,
    pub searched_rows: usize,
}

/// One entry of the 数据问题 list.
#[derive(Debug, Clone, PartialEq)]
pub struct DataIssue {
    /// Index into the sheet list ([`SheetReport`]) the row comes from.
    pub sheet: usize,
    /// 1-based row number as Excel shows it; `None` for a whole sheet.
    pub row: Option<u32>,
    /// The column as `header (letter)`, where one column is at fault.
    pub column: Option<String>,
    pub raw: String,
    pub reason: Reason,
    pub action: Action,
}

/// Where a record came from: its sheet (index into the sheet list) and 1-based row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    pub sheet: usize,
    pub row: Option<u32>,
}

impl DataIssue {
    /// A problem with a record that was kept and used (or left out of one statistic only).
    pub fn kept(origin: Origin, raw: String, reason: Reason) -> DataIssue {
        DataIssue {
            sheet: origin.sheet,
            row: origin.row,
            column: None,
            raw,
            reason,
            action: Action::Kept,
        }
    }
}

/// How the columns of a recognised sheet were used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnUse {
    /// 0-based column.
    pub col: u32,
    /// The header as written (two-row headers joined with `/`).
    pub header: String,
    /// The field's id, or `None` when the column was ignored.
    pub field: Option<&'static str>,
}

/// One input sheet: what it was recognised as and where each of its rows went.
#[derive(Debug, Clone)]
pub struct SheetReport {
    pub file: PathBuf,
    pub sheet: String,
    pub modified: Option<SystemTime>,
    pub kind: Option<Kind>,
    /// Other kinds the sheet's header also qualified for (the kind above explains more of
    /// its columns).
    pub also_qualified: Vec<Kind>,
    /// 1-based first and last header row.
    pub header_rows: Option<(u32, u32)>,
    pub columns: Vec<ColumnUse>,
    pub rows_read: u64,
    pub used: u64,
    pub skipped: u64,
    pub rejected: u64,
    /// Blank cells of data rows given the value of a cell merged down over them.
    pub merged_filled: u64,
    /// Why the sheet was not used, or not completely, when that is so.
    pub note: Option<Reason>,
}

impl SheetReport {
    pub fn new(file: PathBuf, sheet: &str, modified: Option<SystemTime>) -> SheetReport {
        SheetReport {
            file,
            sheet: sheet.to_string(),
            modified,
            kind: None,
            also_qualified: Vec::new(),
            header_rows: None,
            columns: Vec::new(),
            merged_filled: 0,
            rows_read: 0,
            used: 0,
            skipped: 0,
            rejected: 0,
            note: None,
        }
    }

    /// rows read = used + skipped + rejected.
    pub fn reconciles(&self) -> bool {
        self.rows_read == self.used + self.skipped + self.rejected
    }

    /// `name [sheet]` with the file's name only (no folder), or for CSV the name alone.
    pub fn short_location(&self) -> String {
        let name = self.file.file_name().map_or_else(
            || self.file.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        if self.sheet == crate::ingest::CSV_SHEET {
            name
        } else {
            format!("{name} [{}]", self.sheet)
        }
    }

    /// `file [sheet]` or, for CSV, the file alone.
    pub fn location(&self) -> String {
        if self.sheet == crate::ingest::CSV_SHEET {
            self.file.display().to_string()
        } else {
            format!("{} [{}]", self.file.display(), self.sheet)
        }
    }
}

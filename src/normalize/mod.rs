//! From files to normalised records: every sheet recognised by its header, every row read
//! into typed values or accounted for as skipped/rejected, complaints deduplicated.

mod checks;
mod collect;
mod dedup;
mod header;
mod record;

pub mod value;

use std::path::PathBuf;

use crate::frames::Frames;
use crate::ingest::{self, FileError};
use crate::issues::{DataIssue, Reason, SheetReport};
use crate::lang::Lang;
use crate::schema::Kind;
use crate::template::Template;

/// Everything read from the inputs.
#[derive(Debug, Default)]
pub struct Loaded {
    pub frames: Frames,
    /// Every sheet of every file read, in reading order.
    pub sheets: Vec<SheetReport>,
    /// Every skipped or rejected row and every problem value kept.
    pub issues: Vec<DataIssue>,
    /// Files (or sheets) that could not be read at all.
    pub file_errors: Vec<FileError>,
    /// Files in the input folders that are not spreadsheets.
    pub ignored_files: Vec<PathBuf>,
    /// How many files were found to read.
    pub files_found: usize,
}

impl Loaded {
    /// One line per file or sheet that could not be used: files that could not be read,
    /// sheets that failed or matched no kind (sheets that hold no table are not errors).
    pub fn error_lines(&self, lang: Lang) -> Vec<String> {
        let sep = lang.pick(":", ": ");
        let mut lines: Vec<String> = self.file_errors.iter().map(|e| e.text(lang)).collect();
        for issue in &self.issues {
            if matches!(
                issue.reason,
                Reason::UnrecognisedSheet(_) | Reason::SheetError(_)
            ) {
                let sheet = &self.sheets[issue.sheet];
                lines.push(format!(
                    "{}{sep}{}",
                    sheet.location(),
                    issue.reason.text(lang)
                ));
            }
        }
        lines
    }

    /// Whether anything at all could be used.
    pub fn has_records(&self) -> bool {
        self.frames.tables.values().any(|df| df.height() > 0)
    }
}

/// Reads all inputs (files and folders), once. `progress` is told after each file.
pub fn load(
    inputs: &[PathBuf],
    template: &Template,
    progress: &mut dyn FnMut(usize, usize),
) -> Loaded {
    let found = ingest::discover(inputs);
    let mut collector = collect::Collector::new(template);
    let mut file_errors = found.errors;
    let total = found.files.len();
    for (i, path) in found.files.iter().enumerate() {
        collector.start_file(path);
        if let Err(e) = ingest::read_file(path, &template.limits, &mut collector) {
            file_errors.push(e);
        }
        progress(i + 1, total);
    }
    let mut sheets = collector.sheets;
    let mut issues = collector.issues;
    let mut frames = Frames::default();
    for (kind, table) in collector.tables {
        let df = if kind == Kind::Complaint {
            dedup::dedup_complaints(table, &mut sheets, &mut issues)
        } else {
            table.finish()
        };
        frames.tables.insert(kind, df);
    }
    issues.sort_by_key(|i| (i.sheet, i.row));
    Loaded {
        frames,
        sheets,
        issues,
        file_errors,
        ignored_files: found.ignored,
        files_found: total,
    }
}

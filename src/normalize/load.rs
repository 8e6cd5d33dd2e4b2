//! Reading every input into typed records: the files (side by side when asked), their
//! sheets, the problems, and complaints de-duplicated.

use std::path::PathBuf;

use crate::frames::{Frames, Keep};
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

/// How to read: which fields to store and how many files to read at once.
#[derive(Debug, Clone, Copy)]
pub struct Reading {
    pub keep: Keep,
    /// Files read side by side (at least 1); the result is the same for any number.
    pub jobs: usize,
}

impl Default for Reading {
    fn default() -> Reading {
        Reading {
            keep: Keep::All,
            jobs: 1,
        }
    }
}

/// Reads all inputs (files and folders), once, storing every field, one file at a time.
/// `progress` is told after each file.
pub fn load(
    inputs: &[PathBuf],
    template: &Template,
    progress: &mut dyn FnMut(usize, usize),
) -> Loaded {
    load_with(inputs, template, Reading::default(), progress)
}

/// Reads all inputs as `reading` says: files side by side on `reading.jobs` threads, merged
/// in file order, so the result is the same as reading them one after another.
pub fn load_with(
    inputs: &[PathBuf],
    template: &Template,
    reading: Reading,
    progress: &mut dyn FnMut(usize, usize),
) -> Loaded {
    let found = ingest::discover(inputs);
    let total = found.files.len();
    let mut merged = super::parts::Merged::new(found.errors);
    super::parts::read_in_order(&found.files, template, reading, &mut |done, part| {
        merged.add(part);
        progress(done, total);
    });
    let super::parts::Merged {
        mut sheets,
        mut issues,
        tables,
        file_errors,
    } = merged;
    let mut frames = Frames::default();
    for (kind, (df, hashes)) in tables {
        let df = if kind == Kind::Complaint {
            super::dedup::dedup_complaints(df, &hashes, &mut sheets, &mut issues)
        } else {
            super::reexport::dedup_reexports(df, &hashes, &mut sheets, &mut issues)
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

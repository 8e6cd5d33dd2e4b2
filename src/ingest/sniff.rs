//! Recognising a file's real format from its first bytes, so a renamed or mislabelled file
//! gets a message that says what it actually is.

use std::io::Read;
use std::path::Path;

use super::{FileError, FileProblem};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xls,
    Ods,
    Csv,
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
pub(super) const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Decides how to read `path`.
///
/// # Errors
/// The file is missing, unreadable, empty, or its content is no spreadsheet.
pub fn sniff(path: &Path) -> Result<Format, FileError> {
    let mut file = super::open(path)?;
    let mut head = Vec::with_capacity(512);
    (&mut file)
        .take(512)
        .read_to_end(&mut head)
        .map_err(|e| FileError::new(path, FileProblem::CannotRead(e.to_string())))?;
    if head.is_empty() {
        return Err(FileError::new(path, FileProblem::Empty));
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    if ext == "csv" {
        return Ok(Format::Csv);
    }
    if head.starts_with(ZIP_MAGIC) {
        return Ok(if ext == "ods" {
            Format::Ods
        } else {
            Format::Xlsx
        });
    }
    if head.starts_with(CFB_MAGIC) {
        // An encrypted .xlsx is a CFB container too; the xlsx reader recognises it.
        return Ok(if ext == "xls" {
            Format::Xls
        } else {
            Format::Xlsx
        });
    }
    Err(FileError::new(path, not_a_spreadsheet(&head, &ext)))
}

/// The error for a file that could not be opened, saying why in the user's terms.
pub(super) fn open_error(path: &Path, e: &std::io::Error) -> FileError {
    match e.kind() {
        std::io::ErrorKind::NotFound => FileError::new(path, FileProblem::NotFound),
        std::io::ErrorKind::PermissionDenied => FileError::new(path, FileProblem::PermissionDenied),
        _ => FileError::new(path, FileProblem::CannotOpen(e.to_string())),
    }
}

fn not_a_spreadsheet(head: &[u8], ext: &str) -> FileProblem {
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    let ext = ext.to_string();
    if trimmed.starts_with("<!doctype html")
        || trimmed.starts_with("<html")
        || trimmed.contains("<table")
    {
        return FileProblem::Html { ext };
    }
    // UTF-16 text (Excel's "Unicode text") is half zero bytes.
    let utf16 = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
    let printable = head
        .iter()
        .filter(|&&b| b == b'\n' || b == b'\r' || b == b'\t' || b >= 0x20)
        .count();
    if utf16 || printable * 10 >= head.len() * 9 {
        FileProblem::PlainText { ext }
    } else {
        FileProblem::NotSpreadsheet { ext }
    }
}

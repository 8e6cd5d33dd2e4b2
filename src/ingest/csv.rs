//! `.csv`: UTF-8 (with or without BOM) or GB18030/GBK, as Chinese Excel saves it, or UTF-16
//! with its byte-order mark (Excel's "Unicode text", tab separated) — detected from the
//! bytes, never asked. Comma, semicolon or tab separated, detected the same way.

use std::borrow::Cow;

use crate::text::decode;
use std::path::Path;

use super::{Cell, FileError, FileProblem, SheetConsumer, SheetProblem};
use crate::template::Limits;

/// The sheet name CSV rows are reported under.
pub const CSV_SHEET: &str = "CSV";

pub fn read(
    path: &Path,
    limits: &Limits,
    consumer: &mut dyn SheetConsumer,
) -> Result<(), FileError> {
    let size = std::fs::metadata(path)
        .map_err(|e| FileError::new(path, FileProblem::CannotRead(e.to_string())))?
        .len();
    if size > limits.max_csv_bytes {
        return Err(FileError::new(
            path,
            FileProblem::CsvTooLarge {
                size,
                limit: limits.max_csv_bytes,
            },
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| FileError::new(path, FileProblem::CannotRead(e.to_string())))?;
    let text = decode(&bytes);
    if text.contains('\0') {
        return Err(FileError::new(path, FileProblem::CsvBinary));
    }
    let delimiter = sniff_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    consumer.begin_sheet(CSV_SHEET);
    let mut record = csv::StringRecord::new();
    let mut row = 0u32;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                // Rows are numbered as Excel shows the file: one record, one row.
                let line = row;
                let cells: Vec<Cell<'_>> = record
                    .iter()
                    .map(|f| {
                        if f.is_empty() {
                            Cell::Empty
                        } else {
                            Cell::Text(Cow::Borrowed(f))
                        }
                    })
                    .collect();
                consumer.row(line, &cells);
                row = line + 1;
            }
            Err(e) => {
                consumer.end_sheet(Some(SheetProblem::MalformedCsv {
                    after_row: row,
                    detail: e.to_string(),
                }));
                return Ok(());
            }
        }
    }
    consumer.end_sheet(None);
    Ok(())
}

/// The separator that occurs most in the first lines (title rows have none).
fn sniff_delimiter(text: &str) -> u8 {
    let head: String = text.lines().take(30).collect::<Vec<_>>().join("\n");
    [b',', b'\t', b';']
        .into_iter()
        .max_by_key(|d| (head.bytes().filter(|b| b == d).count(), *d == b','))
        .unwrap_or(b',')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_bytes_decode_as_chinese() {
        let (gbk, _, _) = encoding_rs::GBK.encode("受理日期,渠道\n");
        assert_eq!(decode(&gbk), "受理日期,渠道\n");
        assert_eq!(decode("\u{feff}日期".as_bytes()), "日期");
    }

    #[test]
    fn utf16_with_its_byte_order_mark_decodes_either_way_round() {
        let text = "受理日期\t渠道\r\n2026/10/3\t电话\r\n";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le), text);
        assert_eq!(decode(&be), text);
        assert_eq!(sniff_delimiter(&decode(&le)), b'\t');
    }

    #[test]
    fn delimiter_is_the_most_frequent_separator() {
        assert_eq!(sniff_delimiter("标题\na\tb\tc\n1\t2\t3"), b'\t');
        assert_eq!(sniff_delimiter("a,b\n1,2"), b',');
        assert_eq!(sniff_delimiter("只有一列"), b',');
    }
}

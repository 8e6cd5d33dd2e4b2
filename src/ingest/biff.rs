//! An `.xls` checked before calamine reads it. calamine parses every sheet of an `.xls` when
//! it opens the file, each into a dense grid spanning the sheet's cells, and reserves room
//! for the range a sheet's DIMENSIONS record declares: one damaged number makes it allocate
//! gigabytes, which no reader can catch. So the workbook stream is first taken out of its
//! compound-file container ([`super::cfb`]) and its records walked the way calamine walks
//! them, and a sheet whose grid would pass the cell budget (at most 65,536 rows × 256
//! columns, the format's own limit) is refused before calamine allocates anything.

use std::io::Read;
use std::path::Path;

use super::cfb::{Damaged, workbook_stream};
use super::{FileError, FileProblem};
use crate::template::Limits;

/// The most cells an `.xls` sheet can have: 65,536 rows × 256 columns.
const XLS_CELLS: u64 = 65_536 * 256;

/// Refuses an `.xls` whose container is damaged or one of whose sheets would pass the cell
/// budget; leaves every other problem to calamine's own message.
pub fn check(path: &Path, limits: &Limits) -> Result<(), FileError> {
    let mut bytes = Vec::new();
    super::open(path)?
        .read_to_end(&mut bytes)
        .map_err(|e| FileError::new(path, FileProblem::CannotRead(e.to_string())))?;
    let stream = match workbook_stream(&bytes) {
        Ok(Some(stream)) => stream,
        Ok(None) => return Ok(()),
        Err(Damaged) => return Err(FileError::new(path, FileProblem::Corrupt { ext: "xls" })),
    };
    let limit = limits.max_cells.min(XLS_CELLS);
    match largest_sheet(&stream) {
        Some(cells) if cells > limit => Err(FileError::new(
            path,
            FileProblem::XlsSheetTooLarge { cells, limit },
        )),
        Some(_) => Ok(()),
        // Sheets overlapping in the stream: calamine would parse the same bytes again and again.
        None => Err(FileError::new(path, FileProblem::Corrupt { ext: "xls" })),
    }
}

/// One BIFF record: its type and its data (a CONTINUE record is a record of its own here;
/// calamine attaches it to the one before, and neither reads it for cells).
struct Record<'s> {
    typ: u16,
    data: &'s [u8],
}

/// The records from the start of `stream`, up to the first one that does not fit.
fn records(mut stream: &[u8]) -> impl Iterator<Item = Record<'_>> {
    std::iter::from_fn(move || {
        let head = stream.get(..4)?;
        let typ = u16::from_le_bytes([head[0], head[1]]);
        let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
        let data = stream.get(4..4 + len)?;
        stream = &stream[4 + len..];
        Some(Record { typ, data })
    })
}

fn u16_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_le_bytes(
        data.get(at..at + 2)?.try_into().ok()?,
    )))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

/// The largest grid (cells) calamine would allocate for any sheet: where each BoundSheet
/// record says a sheet starts, its records to its end. `None` when the sheets' records add
/// up to more than the stream holds (sheets overlapping, read again and again).
fn largest_sheet(stream: &[u8]) -> Option<u64> {
    let starts: Vec<usize> = records(stream)
        .filter(|r| r.typ == 0x0085)
        .filter_map(|r| u32_at(r.data, 0))
        .map(|pos| pos as usize)
        .filter(|&pos| pos <= stream.len())
        .collect();
    let mut largest = 0;
    let mut walked = 0usize;
    for start in starts {
        let sheet = walk_sheet(&stream[start..]);
        walked = walked.saturating_add(sheet.bytes);
        if walked > stream.len() {
            return None;
        }
        largest = largest.max(sheet.cells);
    }
    Some(largest)
}

/// What calamine would allocate for one sheet and how many bytes of records it spans.
#[derive(Debug, Default, PartialEq)]
struct Sheet {
    cells: u64,
    bytes: usize,
}

/// The bounds of a set of cells.
#[derive(Default)]
struct Span(Option<(u32, u32, u32, u32)>);

impl Span {
    fn add(&mut self, row: u32, col: u32) {
        self.0 = Some(match self.0 {
            None => (row, row, col, col),
            Some((r0, r1, c0, c1)) => (r0.min(row), r1.max(row), c0.min(col), c1.max(col)),
        });
    }

    fn cells(&self) -> u64 {
        self.0.map_or(0, |(r0, r1, c0, c1)| {
            u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1)
        })
    }
}

/// Walks one sheet's records as calamine does: nested substreams (embedded charts) skipped,
/// ending at the sheet's EOF; the grid of its values, of its formulas and the range its
/// DIMENSIONS record declares, whichever is largest.
fn walk_sheet(stream: &[u8]) -> Sheet {
    let (mut values, mut formulas) = (Span::default(), Span::default());
    let (mut declared, mut bytes) = (0u64, 0usize);
    let (mut seen_bof, mut depth) = (false, 0usize);
    let mut formula_at = (0, 0);
    for r in records(stream) {
        bytes += 4 + r.data.len();
        if depth > 0 {
            match r.typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let at = || Some((u16_at(r.data, 0)?, u16_at(r.data, 2)?));
        match r.typ {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x000A => break,
            0x0200 => declared = declared.max(dimensions(r.data)),
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD => {
                if let Some((row, col)) = at() {
                    values.add(row, col);
                }
            }
            0x0207 => values.add(formula_at.0, formula_at.1),
            0x00BD => {
                if let (Some((row, first)), Some(last)) =
                    (at(), u16_at(r.data, r.data.len().saturating_sub(2)))
                {
                    values.add(row, first);
                    values.add(row, last);
                }
            }
            0x0006 => {
                if let Some((row, col)) = at() {
                    formula_at = (row, col);
                    values.add(row, col);
                    formulas.add(row, col);
                }
            }
            _ => {}
        }
    }
    Sheet {
        cells: declared.max(values.cells()).max(formulas.cells()),
        bytes,
    }
}

/// The cells a DIMENSIONS record declares, read as calamine reads it (BIFF8's 32-bit rows).
fn dimensions(data: &[u8]) -> u64 {
    let read = || -> Option<(u32, u32, u32, u32)> {
        match data.len() {
            10 => Some((
                u16_at(data, 0)?,
                u16_at(data, 2)?,
                u16_at(data, 4)?,
                u16_at(data, 6)?,
            )),
            14 | 16 => Some((
                u32_at(data, 0)?,
                u32_at(data, 4)?,
                u16_at(data, 8)?,
                u16_at(data, 10)?,
            )),
            _ => None,
        }
    };
    let Some((rf, rl, mut cf, cl)) = read() else {
        return 0;
    };
    if cf > 0xFF || cl < cf {
        cf = 0;
    }
    if rl >= 1 && cl >= 1 {
        let rows = u64::from(rl - 1).saturating_sub(u64::from(rf)) + 1;
        let cols = u64::from(cl - 1).saturating_sub(u64::from(cf)) + 1;
        rows * cols
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut out = typ.to_le_bytes().to_vec();
        out.extend((data.len() as u16).to_le_bytes());
        out.extend(data);
        out
    }

    fn number(row: u16, col: u16) -> Vec<u8> {
        let mut data = row.to_le_bytes().to_vec();
        data.extend(col.to_le_bytes());
        data.extend([0; 10]);
        record(0x0203, &data)
    }

    fn dims(rows: u32, cols: u16) -> Vec<u8> {
        let mut data = 0u32.to_le_bytes().to_vec();
        data.extend(rows.to_le_bytes());
        data.extend(0u16.to_le_bytes());
        data.extend(cols.to_le_bytes());
        data.extend([0, 0]);
        record(0x0200, &data)
    }

    /// A stream: globals (one BoundSheet pointing at the sheet), then the sheet's records
    /// between BOF and EOF.
    fn workbook(sheet: &[Vec<u8>]) -> Vec<u8> {
        let bof = record(0x0809, &[0; 16]);
        let eof = record(0x000A, &[]);
        let globals_len = bof.len() + 4 + 8 + eof.len();
        let mut out = bof.clone();
        let mut bound = (globals_len as u32).to_le_bytes().to_vec();
        bound.extend([0; 4]);
        out.extend(record(0x0085, &bound));
        out.extend(&eof);
        out.extend(&bof);
        for r in sheet {
            out.extend(r);
        }
        out.extend(&eof);
        out
    }

    #[test]
    fn a_sheets_grid_spans_its_cells() {
        let stream = workbook(&[number(0, 0), number(9, 2)]);
        assert_eq!(largest_sheet(&stream), Some(10 * 3));
    }

    #[test]
    fn far_apart_cells_make_a_huge_grid() {
        let stream = workbook(&[number(0, 0), number(65_535, 65_535)]);
        assert_eq!(largest_sheet(&stream), Some(65_536 * 65_536));
    }

    #[test]
    fn a_declared_range_counts_as_calamine_reserves_it() {
        let stream = workbook(&[dims(4_000_000, 200), number(0, 0)]);
        assert_eq!(largest_sheet(&stream), Some(4_000_000 * 200));
    }

    #[test]
    fn cells_in_an_embedded_chart_are_not_the_sheets() {
        let chart = [
            record(0x0809, &[0; 16]),
            number(60_000, 200),
            record(0x000A, &[]),
        ];
        let mut sheet = vec![number(0, 0)];
        sheet.extend(chart);
        sheet.push(number(1, 1));
        assert_eq!(largest_sheet(&workbook(&sheet)), Some(4));
    }

    #[test]
    fn sheets_overlapping_in_the_stream_are_refused() {
        let mut stream = workbook(&[number(0, 0)]);
        // A second BoundSheet pointing at the globals' start makes the walk read all again.
        let bound = record(0x0085, &[0; 8]);
        stream.splice(0..0, bound.iter().copied());
        let mut again = stream.clone();
        for _ in 0..3 {
            again.splice(0..0, bound.iter().copied());
        }
        assert_eq!(largest_sheet(&again), None);
    }
}

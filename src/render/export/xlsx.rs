//! The registers as one workbook: a sheet per kind, field ids in a frozen, filtered header
//! row, dates as dates, numbers as numbers, text always as text (never a formula); a kind
//! longer than a sheet continues on the next (`A 客诉登记 (2)`). Sheets are written row by
//! row in constant memory.

use anyhow::{Context, Result};
use polars::prelude::*;
use rust_xlsxwriter::{Format, Workbook, Worksheet};
use unicode_width::UnicodeWidthStr;

use super::Register;
use crate::lang::Lang;

/// Data rows per sheet: Excel's 1,048,576 rows less the header.
pub const MAX_DATA_ROWS: usize = 1_048_575;

/// Excel's serial day of 1970-01-01 (polars counts dates from there).
const EPOCH_SERIAL: f64 = 25_569.0;

/// How many rows decide a column's width.
const WIDTH_SAMPLE: usize = 200;

struct Formats {
    header: Format,
    date: Format,
}

/// The sheet names of a register split into `parts` sheets.
fn sheet_name(base: &str, part: usize) -> String {
    if part == 0 {
        base.to_string()
    } else {
        format!("{base} ({})", part + 1)
    }
}

fn widths(df: &DataFrame) -> Vec<f64> {
    df.columns()
        .iter()
        .map(|c| {
            let header = c.name().as_str().width();
            let sample = match c.dtype() {
                DataType::String => c
                    .str()
                    .map(|s| {
                        s.iter()
                            .take(WIDTH_SAMPLE)
                            .flatten()
                            .map(|t| t.width())
                            .max()
                            .unwrap_or(0)
                    })
                    .unwrap_or(0),
                DataType::Date => 10,
                _ => 10,
            };
            (header.max(sample).clamp(6, 40) + 2) as f64
        })
        .collect()
}

fn write_rows(
    ws: &mut Worksheet,
    df: &DataFrame,
    rows: std::ops::Range<usize>,
    f: &Formats,
) -> Result<()> {
    for (c, col) in df.columns().iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, col.name().as_str(), &f.header)?;
    }
    let columns: Vec<Column> = df.columns().to_vec();
    let dates: Vec<Option<Int32Chunked>> = columns
        .iter()
        .map(|c| {
            (c.dtype() == &DataType::Date)
                .then(|| c.cast(&DataType::Int32).ok()?.i32().ok().cloned())
                .flatten()
        })
        .collect();
    for (r, i) in rows.clone().enumerate() {
        let row = r as u32 + 1;
        for (c, col) in columns.iter().enumerate() {
            let cn = c as u16;
            match col.dtype() {
                DataType::String => {
                    if let Some(t) = col.str()?.get(i) {
                        ws.write_string(row, cn, crate::render::xlsx::cell_text(t))?;
                    }
                }
                DataType::Date => {
                    if let Some(d) = dates[c].as_ref().and_then(|d| d.get(i)) {
                        ws.write_number_with_format(row, cn, f64::from(d) + EPOCH_SERIAL, &f.date)?;
                    }
                }
                DataType::Float64 => {
                    if let Some(x) = col.f64()?.get(i) {
                        ws.write_number(row, cn, x)?;
                    }
                }
                DataType::UInt32 => {
                    if let Some(x) = col.u32()?.get(i) {
                        ws.write_number(row, cn, f64::from(x))?;
                    }
                }
                other => anyhow::bail!("no workbook form for a {other} column"),
            }
        }
    }
    let last_col = df.width().saturating_sub(1) as u16;
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, rows.len() as u32, last_col)?;
    Ok(())
}

/// The registers as one workbook, each kind on as many sheets of `max_rows` data rows as it
/// needs (at least one).
///
/// # Errors
/// rust_xlsxwriter failed.
pub fn to_bytes(
    registers: &[Register],
    lang: Lang,
    date: chrono::NaiveDate,
    max_rows: usize,
) -> Result<Vec<u8>> {
    let mut wb: Workbook =
        crate::render::xlsx::new_workbook(date, Some(lang.pick("台账", "Registers").to_string()))?;
    let f = Formats {
        header: Format::new().set_bold().set_background_color("DDEBF7"),
        date: Format::new().set_num_format("yyyy-mm-dd"),
    };
    for reg in registers {
        let mut df = reg.df.clone();
        df.rechunk_mut();
        let widths = widths(&df);
        let parts = df.height().div_ceil(max_rows).max(1);
        for part in 0..parts {
            let ws = wb.add_worksheet_with_constant_memory()?;
            ws.set_name(sheet_name(reg.name(lang), part))?;
            for (c, w) in widths.iter().enumerate() {
                ws.set_column_width(c as u16, *w)?;
            }
            let from = part * max_rows;
            let to = (from + max_rows).min(df.height());
            write_rows(ws, &df, from..to, &f)
                .with_context(|| format!("sheet {}", reg.name(lang)))?;
        }
    }
    crate::render::xlsx::save(&mut wb)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_register_continues_on_further_sheets() {
        assert_eq!(sheet_name("A 客诉登记", 0), "A 客诉登记");
        assert_eq!(sheet_name("A 客诉登记", 1), "A 客诉登记 (2)");
        let df = df!["id" => ["a", "b", "c", "d", "e"]].unwrap();
        let reg = Register {
            stem: "complaint",
            zh: "A 客诉登记".into(),
            en: "A complaints".into(),
            df,
        };
        let date = chrono::NaiveDate::from_ymd_opt(2026, 10, 31).unwrap();
        let bytes = to_bytes(&[reg], Lang::Zh, date, 2).unwrap();
        use calamine::Reader;
        let mut wb = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(
            wb.sheet_names(),
            vec!["A 客诉登记", "A 客诉登记 (2)", "A 客诉登记 (3)"]
        );
        let last = wb.worksheet_range("A 客诉登记 (3)").unwrap();
        let cells: Vec<String> = last.rows().map(|r| r[0].to_string()).collect();
        assert_eq!(cells, vec!["id", "e"]);
    }
}

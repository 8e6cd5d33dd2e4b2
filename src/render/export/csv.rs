//! A register as CSV: UTF-8 with a byte-order mark (so Excel reads the Chinese right), the
//! field ids as the header, dates `yyyy-mm-dd`, numbers as written by Rust (`35`, `2.75`),
//! and text that Excel would take for a formula (`=`, `+`, `-`, `@`, a tab or a carriage
//! return first) behind an apostrophe — the OWASP rule of SPEC §8.

use std::io::{self, Write};

use polars::prelude::*;

use crate::frames::date_of;

/// The UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A text value safe from Excel's formula evaluation.
pub fn defused(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// One column's values, typed.
enum Values<'a> {
    Text(&'a StringChunked),
    Date(Int32Chunked),
    Number(&'a Float64Chunked),
    Whole(&'a UInt32Chunked),
}

impl Values<'_> {
    fn cell(&self, i: usize) -> Option<String> {
        match self {
            Values::Text(c) => c.get(i).map(|t| defused(t).into_owned()),
            Values::Date(c) => c.get(i).map(|d| date_of(d).format("%Y-%m-%d").to_string()),
            Values::Number(c) => c.get(i).map(|x| x.to_string()),
            Values::Whole(c) => c.get(i).map(|x| x.to_string()),
        }
    }
}

fn values(c: &Column) -> PolarsResult<Values<'_>> {
    Ok(match c.dtype() {
        DataType::String => Values::Text(c.str()?),
        DataType::Date => Values::Date(c.cast(&DataType::Int32)?.i32()?.clone()),
        DataType::Float64 => Values::Number(c.f64()?),
        DataType::UInt32 => Values::Whole(c.u32()?),
        other => polars_bail!(ComputeError: "no CSV form for a {other} column"),
    })
}

/// Writes `df` as CSV to `w`.
///
/// # Errors
/// The writer failed.
pub fn write(df: &DataFrame, w: &mut impl Write) -> io::Result<()> {
    w.write_all(BOM)?;
    let mut df = df.clone();
    df.rechunk_mut();
    let columns: Vec<Values<'_>> = df
        .columns()
        .iter()
        .map(values)
        .collect::<PolarsResult<_>>()
        .map_err(io::Error::other)?;
    let mut out = ::csv::Writer::from_writer(w);
    out.write_record(df.get_column_names().iter().map(|n| n.as_str()))?;
    for i in 0..df.height() {
        out.write_record(columns.iter().map(|c| c.cell(i).unwrap_or_default()))?;
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_excel_would_evaluate_gets_an_apostrophe() {
        for (raw, out) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+8613800000000", "'+8613800000000"),
            ("-3", "'-3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("金穗", "金穗"),
            ("a=b", "a=b"),
        ] {
            assert_eq!(defused(raw), out);
        }
    }

    #[test]
    fn bom_header_dates_numbers_and_quoting() {
        let df = df![
            "id" => ["K1", "=1+1"],
            "n" => [Some(35.0), None],
        ]
        .unwrap();
        let dates = Int32Chunked::from_iter_options("d".into(), [Some(20_392), None].into_iter())
            .into_date()
            .into_series()
            .into_column();
        let df = df.hstack(&[dates]).unwrap();
        let mut bytes = Vec::new();
        write(&df, &mut bytes).unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "\u{feff}id,n,d\nK1,35,2025-10-31\n'=1+1,,\n"
        );
    }
}

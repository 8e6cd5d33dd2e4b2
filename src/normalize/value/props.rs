//! Property tests: any valid date written any way SPEC §2 lists reads back as itself, any
//! number written with separators, full-width digits, a percent sign or its unit reads back
//! as itself, and no text at all makes a parser panic.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

use super::*;

fn date() -> impl Strategy<Value = NaiveDate> {
    (1990i32..=2100, 1u32..=12, 1u32..=31)
        .prop_filter_map("a real day", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

/// Full-width digits and punctuation, as some exports write them.
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// The ways SPEC §2 says a date may be written as text.
fn written(d: NaiveDate, form: usize, time: bool, wide: bool) -> String {
    let text = match form {
        0 => d.format("%Y-%m-%d").to_string(),
        1 => format!("{}/{}/{}", d.year(), d.month(), d.day()),
        2 => d.format("%Y.%m.%d").to_string(),
        3 => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        _ => d.format("%Y%m%d").to_string(),
    };
    let text = if time {
        format!("{text} 14:05:09")
    } else {
        text
    };
    if wide { full_width(&text) } else { text }
}

/// The Excel (1900 system) serial number of a date.
fn serial(d: NaiveDate) -> f64 {
    let base = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    (d - base).num_days() as f64
}

proptest! {
    #[test]
    fn any_date_written_any_spec_way_reads_back(
        d in date(), form in 0usize..5, time: bool, wide: bool,
    ) {
        let text = written(d, form, time, wide);
        prop_assert_eq!(parse_date(&Cell::Text(Cow::Borrowed(&text))), Ok(Some(d)), "{}", text);
        prop_assert_eq!(parse_date(&Cell::Number(serial(d))), Ok(Some(d)));
        let noon = d.and_hms_opt(12, 0, 0).unwrap();
        prop_assert_eq!(parse_date(&Cell::DateTime(noon)), Ok(Some(d)));
    }

    #[test]
    fn any_number_written_with_separators_or_its_unit_reads_back(
        whole in 0u64..10_000_000_000, cents in 0u32..100, negative: bool,
        form in 0usize..4, wide: bool,
    ) {
        let sign = if negative { "-" } else { "" };
        let x = (whole as f64 + f64::from(cents) / 100.0) * if negative { -1.0 } else { 1.0 };
        // 1234567.5 → 1,234,567.50
        let digits = whole.to_string();
        let grouped: Vec<String> = digits
            .as_bytes()
            .rchunks(3)
            .rev()
            .map(|c| String::from_utf8(c.to_vec()).unwrap())
            .collect();
        let body = format!("{sign}{}.{cents:02}", grouped.join(","));
        let (text, expect, unit) = match form {
            0 => (body, x, None),
            1 => (format!("{body}吨"), x, Some("吨")),
            2 => (format!("{body}%"), x / 100.0, None),
            _ => (format!(" {body} "), x, None),
        };
        let text = if wide { full_width(&text) } else { text };
        let got = parse_number(&Cell::Text(Cow::Borrowed(&text)), &["吨", "t"]);
        let (value, suffix) = got.unwrap().unwrap();
        prop_assert!((value - expect).abs() <= expect.abs() * 1e-12 + 1e-9, "{} → {}", text, value);
        prop_assert_eq!(suffix, unit);
    }

    #[test]
    fn no_text_makes_a_parser_panic(s in ".{0,40}", x: f64) {
        let cell = Cell::Text(Cow::Borrowed(&s));
        let _ = parse_date(&cell);
        let _ = parse_number(&cell, &["吨", "元/kg"]);
        let _ = text_value(&cell);
        let _ = parse_date(&Cell::Number(x));
        let _ = parse_number(&Cell::Number(x), &[]);
    }

    /// SPEC §2's text cleaning, written out the long way: invisible characters dropped,
    /// full-width forms folded, line breaks made spaces, outer spaces (any width) trimmed,
    /// blank as missing, error texts as errors — against the fast path and the one-pass
    /// cleaner.
    #[test]
    fn text_cells_are_cleaned_as_spec_says(s in "[ 　\u{a0}\u{feff}\u{200b}\u{200d}\u{2060}\n\r#a-zA-Z0-9，。！？（）ＡＢ１２—…客户反映饲料]{0,24}|#N/A|#REF!") {
        let cell = Cell::Text(Cow::Borrowed(&s));
        let got = text_value(&cell);
        let error = matches!(s.trim(), "#N/A" | "#REF!");
        let invisible = |c: char| matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}');
        let spaces = |c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}';
        let folded: String = s
            .chars()
            .filter(|c| !invisible(*c))
            .map(|c| match c {
                '\u{3000}' | '\n' | '\r' => ' ',
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap(),
                c => c,
            })
            .collect();
        let want = folded.trim_matches(spaces);
        match got {
            Err(_) => prop_assert!(error, "{:?} read as an error", s),
            Ok(v) => {
                prop_assert!(!error, "{:?} not read as an error", s);
                prop_assert_eq!(v.as_deref(), (!want.is_empty()).then_some(want), "{:?}", s);
            }
        }
    }
}

//! Reading one cell as a date, a number or text, in all the forms exports use (SPEC §2):
//! Excel date cells, serial numbers, `2026-10-03` `2026/10/3` `2026.10.03` `2026年10月3日`
//! `20261003` with or without a time; `1,234.5`, `12.5%`, `１２３`, `35吨`.

use std::borrow::Cow;

use chrono::{Datelike, Duration, NaiveDate};

use crate::ingest::Cell;
use crate::ingest::cell::format_number;
use crate::issues::Reason;
use crate::text::{clean_text, half_width, is_invisible, is_space};

/// Dates outside these years are typing errors, not records.
const MIN_YEAR: i32 = 1990;
const MAX_YEAR: i32 = 2100;

/// A cell read as a date: `Ok(None)` when blank.
///
/// # Errors
/// The reason the cell is not a usable date.
pub fn parse_date(cell: &Cell<'_>) -> Result<Option<NaiveDate>, Reason> {
    let date = match cell {
        Cell::Empty => return Ok(None),
        Cell::DateTime(dt) => dt.date(),
        Cell::Number(n) => serial_date(*n)
            .or_else(|| digits_date(*n))
            .ok_or(Reason::BadDate)?,
        Cell::Text(t) if is_error_text(t) => return Err(Reason::ErrorCell),
        Cell::Text(t) => match text_date(t)? {
            Some(d) => d,
            None => return Ok(None),
        },
        Cell::Bool(_) => return Err(Reason::BadDate),
        Cell::Error(_) => return Err(Reason::ErrorCell),
    };
    if (MIN_YEAR..=MAX_YEAR).contains(&date.year()) {
        Ok(Some(date))
    } else {
        Err(Reason::DateOutOfRange)
    }
}

/// A date typed as the number `20261003` (a number cell, not text): eight digits read as
/// year, month and day. No serial day number is that large.
fn digits_date(n: f64) -> Option<NaiveDate> {
    if n.fract() != 0.0 || !(19_000_101.0..=21_001_231.0).contains(&n) {
        return None;
    }
    let n = n as u32;
    NaiveDate::from_ymd_opt((n / 10_000) as i32, n / 100 % 100, n % 100)
}

/// An Excel serial day number (1900 system, with its phantom 1900-02-29) as a date.
fn serial_date(n: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&n) {
        return None;
    }
    let days = n.floor() as i64;
    // Serial 60 is the non-existent 1900-02-29; from 61 on, day 0 is 1899-12-30.
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let days = if days < 61 { days + 1 } else { days };
    base.checked_add_signed(Duration::days(days))
}

fn text_date(raw: &str) -> Result<Option<NaiveDate>, Reason> {
    let Some(t) = clean_text(raw) else {
        return Ok(None);
    };
    let t = t.as_str();
    if is_missing_marker(t) {
        return Ok(None);
    }
    // Drop a time part (after a space or a `T` between date and time) and a weekday in
    // brackets (`2026年10月3日(周六)`; full-width brackets are folded already).
    let date_part = t
        .split(|c: char| c.is_whitespace() || c == 'T' || c == '(')
        .next()
        .unwrap_or(t);
    let date_part = date_part.trim_end_matches('日').trim_end_matches('号');
    if date_part.len() == 8 && date_part.bytes().all(|b| b.is_ascii_digit()) {
        let y = date_part[0..4].parse().map_err(|_| Reason::BadDate)?;
        let m = date_part[4..6].parse().map_err(|_| Reason::BadDate)?;
        let d = date_part[6..8].parse().map_err(|_| Reason::BadDate)?;
        return NaiveDate::from_ymd_opt(y, m, d)
            .map(Some)
            .ok_or(Reason::BadDate);
    }
    if date_part.bytes().all(|b| b.is_ascii_digit() || b == b'.') && !date_part.contains("..") {
        // A serial number typed or exported as text.
        if let Ok(n) = date_part.parse::<f64>()
            && (20_000.0..80_000.0).contains(&n)
        {
            return serial_date(n).map(Some).ok_or(Reason::BadDate);
        }
    }
    let parts: Vec<&str> = date_part
        .split(['-', '/', '.', '年', '月'])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() != 3 || parts[0].len() != 4 {
        return Err(Reason::BadDate);
    }
    let num = |s: &str| s.parse::<u32>().map_err(|_| Reason::BadDate);
    let y = num(parts[0])? as i32;
    NaiveDate::from_ymd_opt(y, num(parts[1])?, num(parts[2])?)
        .map(Some)
        .ok_or(Reason::BadDate)
}

/// Text that stands for "no value" in exports.
fn is_missing_marker(t: &str) -> bool {
    matches!(
        t,
        "-" | "--" | "—" | "——" | "/" | "无" | "空" | "n/a" | "N/A" | "NA"
    )
}

/// A cell read as a number, with the unit written after it when there was one. `units`
/// lists the suffixes the field accepts; a percent sign divides by 100.
///
/// # Errors
/// The reason the cell is not a usable number.
pub fn parse_number(
    cell: &Cell<'_>,
    units: &[&'static str],
) -> Result<Option<(f64, Option<&'static str>)>, Reason> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(n) if n.is_finite() => Ok(Some((*n, None))),
        Cell::Number(_) | Cell::DateTime(_) | Cell::Bool(_) => Err(Reason::BadNumber),
        Cell::Error(_) => Err(Reason::ErrorCell),
        Cell::Text(t) if is_error_text(t) => Err(Reason::ErrorCell),
        Cell::Text(t) => text_number(t, units),
    }
}

fn text_number(
    raw: &str,
    units: &[&'static str],
) -> Result<Option<(f64, Option<&'static str>)>, Reason> {
    let t = half_width(raw);
    let t: String = t
        .chars()
        .filter(|c| !is_space(*c) && *c != ',' && *c != '，')
        .collect();
    if t.is_empty() || is_missing_marker(&t) {
        return Ok(None);
    }
    let (body, percent) = match t.strip_suffix('%') {
        Some(b) => (b, true),
        None => (t.as_str(), false),
    };
    let split = body
        .char_indices()
        .find(|(i, c)| !(c.is_ascii_digit() || *c == '.' || ((*c == '-' || *c == '+') && *i == 0)))
        .map_or(body.len(), |(i, _)| i);
    let (digits, suffix) = body.split_at(split);
    let value: f64 = digits.parse().map_err(|_| Reason::BadNumber)?;
    let unit = if suffix.is_empty() {
        None
    } else {
        let key = suffix.to_lowercase();
        match units.iter().find(|u| u.to_lowercase() == key) {
            Some(u) => Some(*u),
            None if units.is_empty() => return Err(Reason::BadNumber),
            None => return Err(Reason::UnexpectedUnit(suffix.to_string())),
        }
    };
    if percent && unit.is_some() {
        return Err(Reason::BadNumber);
    }
    Ok(Some((if percent { value / 100.0 } else { value }, unit)))
}

/// A cell read as text for a text field: numbers without a spurious `.0`, dates as
/// `yyyy-mm-dd`, error values as missing.
pub fn text_value<'a>(cell: &'a Cell<'_>) -> Result<Option<Cow<'a, str>>, Reason> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Text(t) if is_clean(t) => Ok(Some(Cow::Borrowed(&**t))),
        Cell::Text(t) if is_error_text(t) => Err(Reason::ErrorCell),
        Cell::Text(t) => Ok(clean_text(t).map(Cow::Owned)),
        Cell::Error(_) => Err(Reason::ErrorCell),
        other => Ok(Some(Cow::Owned(other.display()))),
    }
}

/// Text that needs no cleaning: non-empty, no outer spaces, no full-width forms, line breaks
/// or invisible characters (the common case, kept without copying). Only a line break or a
/// character led by 0xC2 (U+00A0), 0xE2 (U+200B–U+2060), 0xE3 (U+3000) or 0xEF (U+FEFF,
/// U+FF01–U+FF5E) can need work: the bytes are searched for those first, and the characters
/// are looked at only from there.
fn is_clean(t: &str) -> bool {
    let (Some(first), Some(last)) = (t.chars().next(), t.chars().next_back()) else {
        return false;
    };
    if first.is_whitespace() || last.is_whitespace() || t.starts_with('#') {
        return false;
    }
    let suspect = |b: &u8| matches!(b, b'\n' | b'\r' | 0xC2 | 0xE2 | 0xE3 | 0xEF);
    // A line break or a lead byte: always a character boundary.
    let Some(from) = t.as_bytes().iter().position(suspect) else {
        return true;
    };
    !t[from..].chars().any(|c| {
        is_invisible(c)
            || matches!(
                c,
                '\u{3000}' | '\u{FF01}'..='\u{FF5E}' | '\n' | '\r' | '\u{00A0}'
            )
    })
}

/// An Excel error value that arrived as text (CSV exports, cached formula results).
fn is_error_text(t: &str) -> bool {
    matches!(
        t.trim(),
        "#N/A" | "#DIV/0!" | "#VALUE!" | "#REF!" | "#NAME?" | "#NUM!" | "#NULL!" | "#DATA!"
    )
}

/// Renders a number the way it is shown back to a user.
pub fn show_number(n: f64) -> String {
    format_number(n)
}

#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;

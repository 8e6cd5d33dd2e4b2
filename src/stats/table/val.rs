//! One value of a result table, and the same value as a key to join tables on.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::measure::Measure;

/// One value of a result table.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    Null,
    /// Text, shared where it repeats (a channel, a status: one allocation for thousands of
    /// rows of a long list).
    Text(Arc<str>),
    Int(i64),
    /// A plain number (days, ratios, money).
    Num(f64),
    /// A share or rate as a fraction (0.25 = 25%).
    Pct(f64),
    Date(NaiveDate),
    /// Yes/no (own brand): `true`/`false` in JSON, 是/否 in the workbook.
    Bool(bool),
    /// A list of dates: an array of `yyyy-mm-dd` in JSON, `mm-dd, mm-dd` in the workbook.
    Dates(Arc<[NaiveDate]>),
}

impl Val {
    pub fn text(s: impl AsRef<str>) -> Val {
        Val::Text(Arc::from(s.as_ref()))
    }

    /// A number when there is one, null otherwise.
    pub fn num(x: Option<f64>) -> Val {
        x.map_or(Val::Null, Val::Num)
    }

    /// `part / whole` as a share, null when `whole` is 0.
    pub fn share(part: i64, whole: i64) -> Val {
        if whole == 0 {
            Val::Null
        } else {
            Val::Pct(part as f64 / whole as f64)
        }
    }

    /// A number as a value of `measure`: whole numbers as integers, shares and changes as
    /// fractions, the rest as plain numbers; null when there is none.
    pub fn of(measure: Measure, x: Option<f64>) -> Val {
        match x {
            None => Val::Null,
            Some(x) if measure.is_whole() => Val::Int(x.round() as i64),
            Some(x) if measure.is_fraction() => Val::Pct(x),
            Some(x) => Val::Num(x),
        }
    }

    /// The value as a number, when it is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Val::Int(i) => Some(*i as f64),
            Val::Num(x) | Val::Pct(x) => Some(*x),
            _ => None,
        }
    }

    /// A list of dates as the workbook and the brief show it: `10-20, 10-21`.
    pub fn dates_text(dates: &[NaiveDate]) -> String {
        let days: Vec<String> = dates
            .iter()
            .map(|d| d.format("%m-%d").to_string())
            .collect();
        days.join(", ")
    }

    /// The value as a key to join two tables on: equal values give equal keys.
    pub fn join_key(&self) -> JoinKey<'_> {
        match self {
            Val::Null => JoinKey::Null,
            Val::Text(t) => JoinKey::Text(t),
            Val::Int(i) => JoinKey::Int(*i),
            Val::Num(x) => JoinKey::Num(x.to_bits()),
            Val::Pct(x) => JoinKey::Pct(x.to_bits()),
            Val::Date(d) => JoinKey::Date(*d),
            Val::Bool(b) => JoinKey::Bool(*b),
            Val::Dates(d) => JoinKey::Dates(d),
        }
    }

    /// The value as text, when it is text.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Val::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// A [`Val`] as a hashable key (numbers by their bits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JoinKey<'a> {
    Null,
    Text(&'a str),
    Int(i64),
    Num(u64),
    Pct(u64),
    Date(NaiveDate),
    Bool(bool),
    Dates(&'a [NaiveDate]),
}

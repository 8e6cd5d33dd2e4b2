//! The normalised records of each kind as polars DataFrames with typed columns: dates as
//! `Date`, numbers as `f64`, text and canonical category labels as `String`; plus `source`
//! (index into the sheet list) and `row` (the 1-based row in that sheet).

mod builder;
mod days;

use std::collections::BTreeMap;

use polars::prelude::{DataFrame, DataType};

pub use builder::{RecordsBuilder, Value};
pub use days::{date_of, day};

use crate::schema::Kind;

/// Column holding the index of the sheet a record came from.
pub const SOURCE: &str = "source";
/// Column holding the 1-based row a record came from.
pub const ROW: &str = "row";

/// A field a command does not need stored: read, checked and part of the duplicate check
/// like every field, but left out of the frame — or, with `unless`, stored only on the
/// records whose field `unless.0` holds one of `unless.1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Omit {
    pub kind: Kind,
    pub field: &'static str,
    pub unless: Option<(&'static str, &'static [&'static str])>,
}

/// Which fields the frames store.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Keep {
    /// Every field (`check`, `export`).
    #[default]
    All,
    /// Every field but these (`report`, `review`: what no statistic reads).
    AllBut(&'static [Omit]),
}

impl Keep {
    /// The fields of `kind` not (always) stored.
    pub fn omits(self, kind: Kind) -> Vec<Omit> {
        match self {
            Keep::All => Vec::new(),
            Keep::AllBut(list) => list.iter().copied().filter(|o| o.kind == kind).collect(),
        }
    }
}

/// One DataFrame per kind that had any sheet.
#[derive(Debug, Default, Clone)]
pub struct Frames {
    pub tables: BTreeMap<Kind, DataFrame>,
}

impl Frames {
    /// The latest date any record is dated by (SPEC §4's field of each kind).
    pub fn latest_date(&self) -> Option<chrono::NaiveDate> {
        self.record_days().max().map(date_of)
    }

    /// The latest date a record is dated by that is not after `last`.
    pub fn latest_date_until(&self, last: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
        let last = day(last);
        self.record_days().filter(|&d| d <= last).max().map(date_of)
    }

    /// The earliest and the latest date records are dated by.
    pub fn date_span(&self) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
        let (min, max) =
            self.record_days()
                .fold(None, |span: Option<(i32, i32)>, d| match span {
                    None => Some((d, d)),
                    Some((a, b)) => Some((a.min(d), b.max(d))),
                })?;
        Some((date_of(min), date_of(max)))
    }

    /// How many records are dated from `start` to `end`, both included.
    pub fn dated_within(&self, start: chrono::NaiveDate, end: chrono::NaiveDate) -> usize {
        let (start, end) = (day(start), day(end));
        self.record_days()
            .filter(|d| (start..=end).contains(d))
            .count()
    }

    /// The day (since 1970) each record of every kind is dated by, where it has one.
    fn record_days(&self) -> impl Iterator<Item = i32> + '_ {
        self.tables.iter().flat_map(|(kind, df)| {
            let days = df
                .column(kind.date_field())
                .ok()
                .and_then(|c| c.cast(&DataType::Int32).ok());
            let days: Vec<i32> = days
                .as_ref()
                .and_then(|c| c.i32().ok())
                .map(|c| c.iter().flatten().collect())
                .unwrap_or_default();
            days
        })
    }

    /// The records of one kind; an empty frame with the kind's columns when there were none.
    pub fn get(&self, kind: Kind) -> DataFrame {
        self.tables
            .get(&kind)
            .cloned()
            .unwrap_or_else(|| RecordsBuilder::new(kind).finish())
    }
}

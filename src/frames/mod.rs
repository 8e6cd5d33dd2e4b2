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

/// One DataFrame per kind that had any sheet.
#[derive(Debug, Default, Clone)]
pub struct Frames {
    pub tables: BTreeMap<Kind, DataFrame>,
}

impl Frames {
    /// The latest date any record is dated by (SPEC §4's field of each kind).
    pub fn latest_date(&self) -> Option<chrono::NaiveDate> {
        self.tables
            .iter()
            .filter_map(|(kind, df)| {
                let c = df
                    .column(kind.date_field())
                    .ok()?
                    .cast(&DataType::Int32)
                    .ok()?;
                c.i32().ok()?.iter().flatten().max()
            })
            .max()
            .map(date_of)
    }

    /// The records of one kind; an empty frame with the kind's columns when there were none.
    pub fn get(&self, kind: Kind) -> DataFrame {
        self.tables
            .get(&kind)
            .cloned()
            .unwrap_or_else(|| RecordsBuilder::new(kind).finish())
    }
}

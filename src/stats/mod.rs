//! Statistics, one module per SPEC §5 section. Each returns plain [`Table`]s; nothing here
//! formats or writes.

pub mod accounting;
pub mod assist;
pub mod brief;
pub mod comparisons;
pub mod complaints;
pub mod demo_farms;
pub mod diseases;
pub mod fcr;
pub mod feed_usage;
pub mod field_visits;
#[cfg(test)]
pub mod fixtures;
pub mod forecast;
pub mod id;
pub mod market;
pub mod prices;
pub mod query;
pub mod ranking;
pub mod report;
pub mod review;
pub mod site_visits;
pub mod table;
pub mod technicians;
pub mod trips;
pub mod warnings;

pub use id::{Id, Sheet};
pub use table::{Column, Layout, Measure, Record, Shown, Table, Val};

use crate::frames::Omit;
use crate::schema::Kind;
use crate::taxonomy::{Dimension, SEVERE, UNRECOGNISED};

/// The fields no statistic reads: `report` and `review` leave them out of the frames (they
/// are still read, checked and listed; `export` and `check` keep them). The description of a
/// complaint is kept only where the severe-complaint lists show it. A test reports the
/// sample data with and without these and compares every output.
pub const UNREAD_FIELDS: &[Omit] = &[
    Omit {
        kind: Kind::Complaint,
        field: "phone",
        unless: None,
    },
    Omit {
        kind: Kind::Complaint,
        field: "outcome",
        unless: None,
    },
    Omit {
        kind: Kind::Complaint,
        field: "description",
        unless: Some(("severity", &SEVERE)),
    },
];

/// Label for a blank value in a breakdown, so every record is counted exactly once.
pub const BLANK: &str = "未填写";

/// The rows of a breakdown by `dim`: every canonical label (zero counts included), then
/// `其他/未识别` and `未填写` when they occur.
pub fn ordered_labels(dim: Dimension, present: &[Option<String>]) -> Vec<String> {
    let mut out: Vec<String> = dim.labels().iter().map(|l| l.zh.to_string()).collect();
    let mut extra: Vec<String> = present
        .iter()
        .flatten()
        .filter(|p| !out.contains(p) && p.as_str() != UNRECOGNISED)
        .cloned()
        .collect();
    extra.sort();
    extra.dedup();
    out.extend(extra);
    if present.iter().flatten().any(|p| p == UNRECOGNISED) {
        out.push(UNRECOGNISED.to_string());
    }
    if present.iter().any(Option::is_none) {
        out.push(BLANK.to_string());
    }
    out
}

/// The English label of a canonical value, for `--lang en` views.
pub fn label_en(dim: Dimension, zh: &str) -> String {
    match dim.labels().iter().find(|l| l.zh == zh) {
        Some(l) => l.en.to_string(),
        None if zh == UNRECOGNISED => "other/unrecognised".to_string(),
        None if zh == BLANK => "blank".to_string(),
        None => zh.to_string(),
    }
}

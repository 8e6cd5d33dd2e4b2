//! Small hand-made frames for the statistics' unit tests: records of one kind written as
//! `field = value` pairs, every other field blank.

use std::borrow::Cow;

use chrono::NaiveDate;
use polars::prelude::DataFrame;

use crate::frames::{Frames, RecordsBuilder, Value};
use crate::normalize::Loaded;
use crate::schema::{FieldType, Kind};

/// A fixture value: text (or a category label), a date `yyyy-mm-dd`, or a number.
#[derive(Debug, Clone, Copy)]
pub enum F {
    T(&'static str),
    D(&'static str),
    N(f64),
}

/// A date from `yyyy-mm-dd`.
pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a yyyy-mm-dd date")
}

/// The frame of `kind` holding `rows`; each row lists only its filled fields. Rows come from
/// sheet 0, numbered from 2 (under a header row).
pub fn frame(kind: Kind, rows: &[&[(&str, F)]]) -> DataFrame {
    let mut b = RecordsBuilder::new(kind);
    for (i, row) in rows.iter().enumerate() {
        let values: Vec<Value<'_>> = kind
            .fields()
            .iter()
            .map(|field| match row.iter().find(|(id, _)| *id == field.id) {
                None => Value::Null,
                Some((_, F::T(t))) => Value::Text(Cow::Borrowed(t)),
                Some((_, F::D(d))) => Value::Date(date(d)),
                Some((_, F::N(n))) => Value::Number(*n),
            })
            .collect();
        assert!(
            row.iter().all(|(id, v)| {
                let ty = kind.field(id).ty;
                matches!(
                    (ty, v),
                    (FieldType::Date, F::D(_))
                        | (FieldType::Number(_), F::N(_))
                        | (FieldType::Text | FieldType::Category(_), F::T(_))
                )
            }),
            "a fixture value of the wrong type for {kind:?}"
        );
        b.push(0, i as u32 + 2, &values);
    }
    b.finish()
}

/// Everything loaded, as if read from files: one frame per kind given.
pub fn loaded(frames: Vec<(Kind, DataFrame)>) -> Loaded {
    Loaded {
        frames: Frames {
            tables: frames.into_iter().collect(),
        },
        ..Loaded::default()
    }
}

//! Typed column builders: rows are appended as they are read, so a million-row sheet never
//! exists as a grid of cells, only as its final columns.

use std::hash::{DefaultHasher, Hash, Hasher};

use chrono::NaiveDate;
use polars::prelude::*;

use super::{ROW, SOURCE, day};
use crate::schema::{FieldType, Kind};

/// One field's normalised value, ready to append.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Text(std::borrow::Cow<'a, str>),
    Label(&'static str),
    Date(NaiveDate),
    Number(f64),
}

enum Column {
    Text(StringChunkedBuilder),
    Date(Vec<Option<i32>>),
    Number(Vec<Option<f64>>),
}

/// The rows of one kind read so far.
pub struct RecordsBuilder {
    kind: Kind,
    columns: Vec<Column>,
    source: Vec<u32>,
    row: Vec<u32>,
    /// Per row: a hash of every field value, to tell identical duplicates from conflicting ones.
    content_hash: Vec<u64>,
}

impl RecordsBuilder {
    pub fn new(kind: Kind) -> RecordsBuilder {
        let columns = kind
            .fields()
            .iter()
            .map(|f| match f.ty {
                FieldType::Text | FieldType::Category(_) => {
                    Column::Text(StringChunkedBuilder::new(f.id.into(), 0))
                }
                FieldType::Date => Column::Date(Vec::new()),
                FieldType::Number(_) => Column::Number(Vec::new()),
            })
            .collect();
        RecordsBuilder {
            kind,
            columns,
            source: Vec::new(),
            row: Vec::new(),
            content_hash: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.source.len()
    }

    pub fn is_empty(&self) -> bool {
        self.source.is_empty()
    }

    /// Appends one record (values in field order).
    pub fn push(&mut self, source: u32, row: u32, values: &[Value<'_>]) {
        let mut hasher = DefaultHasher::new();
        for (col, v) in self.columns.iter_mut().zip(values) {
            match (col, v) {
                (Column::Text(b), Value::Text(t)) => {
                    t.hash(&mut hasher);
                    b.append_value(t.as_ref());
                }
                (Column::Text(b), Value::Label(l)) => {
                    l.hash(&mut hasher);
                    b.append_value(l);
                }
                (Column::Date(d), Value::Date(x)) => {
                    let days = day(*x);
                    days.hash(&mut hasher);
                    d.push(Some(days));
                }
                (Column::Number(n), Value::Number(x)) => {
                    x.to_bits().hash(&mut hasher);
                    n.push(Some(*x));
                }
                (col, _) => {
                    0xFFu8.hash(&mut hasher);
                    match col {
                        Column::Text(b) => b.append_null(),
                        Column::Date(d) => d.push(None),
                        Column::Number(n) => n.push(None),
                    }
                }
            }
        }
        self.source.push(source);
        self.row.push(row);
        self.content_hash.push(hasher.finish());
    }

    /// The content hash of each row, in order.
    pub fn content_hashes(&self) -> &[u64] {
        &self.content_hash
    }

    /// The sheet index of each row, in order.
    pub fn sources(&self) -> &[u32] {
        &self.source
    }

    /// The DataFrame of the rows.
    pub fn finish(self) -> DataFrame {
        let height = self.source.len();
        let mut columns: Vec<polars::prelude::Column> = self
            .columns
            .into_iter()
            .zip(self.kind.fields())
            .map(|(col, f)| match col {
                Column::Text(b) => b.finish().into_series().into_column(),
                Column::Date(d) => Int32Chunked::from_iter_options(f.id.into(), d.into_iter())
                    .into_date()
                    .into_series()
                    .into_column(),
                Column::Number(n) => Float64Chunked::from_iter_options(f.id.into(), n.into_iter())
                    .into_series()
                    .into_column(),
            })
            .collect();
        columns.push(
            UInt32Chunked::from_vec(SOURCE.into(), self.source)
                .into_series()
                .into_column(),
        );
        columns.push(
            UInt32Chunked::from_vec(ROW.into(), self.row)
                .into_series()
                .into_column(),
        );
        DataFrame::new(height, columns).expect("columns of equal length")
    }
}

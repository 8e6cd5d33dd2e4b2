//! Typed column builders: rows are appended as they are read, so a million-row sheet never
//! exists as a grid of cells, only as its final columns. Fields the caller does not keep
//! ([`Keep`]) are read, checked and hashed like the others but not stored.

use std::hash::{BuildHasher, Hash, Hasher};

use chrono::NaiveDate;
use polars::prelude::*;

use super::{Keep, ROW, SOURCE, day};
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

impl Value<'_> {
    fn text(&self) -> Option<&str> {
        match self {
            Value::Text(t) => Some(t),
            Value::Label(l) => Some(l),
            _ => None,
        }
    }
}

enum Column {
    Text(StringChunkedBuilder),
    Date(Vec<Option<i32>>),
    Number(Vec<Option<f64>>),
    /// Not stored.
    Omitted,
}

/// When a kept-on-condition field is stored: field `index` holds one of `values`.
struct Condition {
    index: usize,
    values: &'static [&'static str],
}

/// The rows of one kind read so far.
pub struct RecordsBuilder {
    kind: Kind,
    columns: Vec<Column>,
    /// Per field: stored only on rows meeting this condition.
    conditions: Vec<Option<Condition>>,
    source: Vec<u32>,
    row: Vec<u32>,
    /// Per row: a hash of every field value, to tell identical duplicates from conflicting ones.
    content_hash: Vec<u64>,
}

/// The content hash's fixed seed: the same record always hashes alike.
const HASH_SEED: u64 = 0x7473_7265_706f_7274;

impl RecordsBuilder {
    /// A builder storing every field.
    pub fn new(kind: Kind) -> RecordsBuilder {
        RecordsBuilder::keeping(kind, Keep::All)
    }

    /// A builder storing the fields `keep` keeps.
    pub fn keeping(kind: Kind, keep: Keep) -> RecordsBuilder {
        let omits = keep.omits(kind);
        let fields = kind.fields();
        let columns = fields
            .iter()
            .map(|f| match (f.ty, omits.iter().find(|o| o.field == f.id)) {
                (_, Some(o)) if o.unless.is_none() => Column::Omitted,
                (FieldType::Text | FieldType::Category(_), _) => {
                    Column::Text(StringChunkedBuilder::new(f.id.into(), 0))
                }
                (FieldType::Date, _) => Column::Date(Vec::new()),
                (FieldType::Number(_), _) => Column::Number(Vec::new()),
            })
            .collect();
        let conditions = fields
            .iter()
            .map(|f| {
                let (on, values) = omits.iter().find(|o| o.field == f.id)?.unless?;
                Some(Condition {
                    index: kind.field_index(on)?,
                    values,
                })
            })
            .collect();
        RecordsBuilder {
            kind,
            columns,
            conditions,
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
        let mut hasher = foldhash::fast::FixedState::with_seed(HASH_SEED).build_hasher();
        for (f, (col, v)) in self.columns.iter_mut().zip(values).enumerate() {
            // A field stored on condition is blank on the other rows (still hashed).
            let stored = self.conditions[f].as_ref().is_none_or(|c| {
                values[c.index]
                    .text()
                    .is_some_and(|t| c.values.contains(&t))
            });
            match (col, v) {
                (Column::Omitted, v) => hash_value(v, &mut hasher),
                (col, v) if !stored => {
                    hash_value(v, &mut hasher);
                    col.push_null();
                }
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
                    col.push_null();
                }
            }
        }
        self.source.push(source);
        self.row.push(row);
        self.content_hash.push(hasher.finish());
    }

    /// The DataFrame of the rows, and each row's content hash.
    pub fn finish_with_hashes(mut self) -> (DataFrame, Vec<u64>) {
        let hashes = std::mem::take(&mut self.content_hash);
        (self.finish(), hashes)
    }

    /// The DataFrame of the rows.
    pub fn finish(self) -> DataFrame {
        let height = self.source.len();
        let mut columns: Vec<polars::prelude::Column> = self
            .columns
            .into_iter()
            .zip(self.kind.fields())
            .filter(|(col, _)| !matches!(col, Column::Omitted))
            .map(|(col, f)| match col {
                Column::Omitted => unreachable!("left out above"),
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

impl Column {
    fn push_null(&mut self) {
        match self {
            Column::Text(b) => b.append_null(),
            Column::Date(d) => d.push(None),
            Column::Number(n) => n.push(None),
            Column::Omitted => {}
        }
    }
}

/// Hashes a value as [`RecordsBuilder::push`] does when it stores it.
fn hash_value(v: &Value<'_>, hasher: &mut impl Hasher) {
    match v {
        Value::Text(t) => t.hash(hasher),
        Value::Label(l) => l.hash(hasher),
        Value::Date(x) => day(*x).hash(hasher),
        Value::Number(x) => x.to_bits().hash(hasher),
        Value::Null => 0xFFu8.hash(hasher),
    }
}

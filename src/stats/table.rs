//! The plain result tables every statistic returns and every renderer shows: the workbook,
//! the chart pictures, the brief and `summary.json` are views of the same tables. Outside the
//! module that builds a table, its values are read by column key ([`Table::records`],
//! [`Record::get`]), never by position.

use super::id::Id;
use crate::lang::Lang;
pub use crate::measure::Measure;
pub use val::{JoinKey, Val};

mod val;

/// Which workbook shows a column (`summary.json` always has every column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Always,
    /// Only in the workbook of this language (a label column in one language).
    In(Lang),
    /// Never: an internal key machines read.
    Never,
}

/// A column: its stable key (for `summary.json`), its labels, what its values are, and which
/// workbook shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub key: String,
    pub zh: String,
    pub en: String,
    pub measure: Measure,
    pub shown: Shown,
}

impl Column {
    /// A column of `measure` values.
    pub fn of(
        measure: Measure,
        key: impl Into<String>,
        zh: impl Into<String>,
        en: impl Into<String>,
    ) -> Column {
        Column {
            key: key.into(),
            zh: zh.into(),
            en: en.into(),
            measure,
            shown: if measure == Measure::Key {
                Shown::Never
            } else {
                Shown::Always
            },
        }
    }

    /// A column of labels in one language, shown only in that language's workbook.
    pub fn label_in(
        lang: Lang,
        key: impl Into<String>,
        zh: impl Into<String>,
        en: impl Into<String>,
    ) -> Column {
        Column {
            shown: Shown::In(lang),
            ..Column::text(key, zh, en)
        }
    }

    /// A label in both languages: `zh_key` shown in the Chinese workbook, `en_key` in the
    /// English one (`summary.json` holds both).
    pub fn labels(zh_key: &str, en_key: &str, zh: &str, en: &str) -> [Column; 2] {
        [
            Column::label_in(Lang::Zh, zh_key, zh, format!("{en} (Chinese)")),
            Column::label_in(Lang::En, en_key, format!("{zh}(英文)"), en),
        ]
    }

    /// The same column, never shown in the workbook (`summary.json` only).
    pub fn hidden(self) -> Column {
        Column {
            shown: Shown::Never,
            ..self
        }
    }

    /// Whether the workbook in `lang` shows the column.
    pub fn shown_in(&self, lang: Lang) -> bool {
        match self.shown {
            Shown::Always => true,
            Shown::In(l) => l == lang,
            Shown::Never => false,
        }
    }

    /// A column of names or labels.
    pub fn text(key: impl Into<String>, zh: impl Into<String>, en: impl Into<String>) -> Column {
        Column::of(Measure::Text, key, zh, en)
    }

    /// A column holding one figure.
    pub fn figure(f: &crate::measure::Figure) -> Column {
        Column::of(f.measure, f.key, f.zh, f.en)
    }
}

/// How the table is laid out in the workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One record per row, as in `summary.json`.
    Records,
    /// A single record, shown in the workbook as one line per column (指标 | 数值).
    Record,
    /// A cross-table: the first column holds the row label, the rest one value per column
    /// label; `summary.json` lists it as `(row, column, value)` records under these keys.
    Cross {
        row_key: &'static str,
        col_key: &'static str,
        value_key: &'static str,
    },
}

/// A result table, identified by its `summary.json` id.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub id: Id,
    pub zh: String,
    pub en: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Val>>,
    pub layout: Layout,
    /// Show missing values as `—` in the workbook (comparisons); `summary.json` keeps null.
    pub dash_for_null: bool,
    /// Tables with one figure per row: each row's measure, read by the columns whose measure
    /// is [`Measure::OfRow`] or [`Measure::MedianOfRow`].
    pub row_measures: Vec<Measure>,
    /// A line the workbook shows under the title (Chinese, English): how the figures were
    /// made, or — when the table has no row — why.
    pub note: Option<(String, String)>,
}

/// One row of a table, read by column key.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    table: &'a Table,
    index: usize,
    values: &'a [Val],
}

impl<'a> Record<'a> {
    /// The value under the column `key`.
    ///
    /// # Panics
    /// The table has no column `key` (a misspelt key is a bug, never a silent null).
    pub fn get(&self, key: &str) -> &'a Val {
        &self.values[self.table.index_of(key)]
    }

    /// The number under `key`, when there is one.
    pub fn num(&self, key: &str) -> Option<f64> {
        self.get(key).as_f64()
    }

    /// The text under `key`, when there is some.
    pub fn text(&self, key: &str) -> Option<&'a str> {
        self.get(key).as_text()
    }

    /// What the value under `key` is (for one-figure-per-row tables, this row's figure).
    pub fn measure(&self, key: &str) -> Measure {
        self.table.measure_at(self.index, self.table.index_of(key))
    }

    /// The table the record is a row of.
    pub fn table(&self) -> &'a Table {
        self.table
    }

    /// The values in column order (for renderers that show every column).
    pub fn values(&self) -> &'a [Val] {
        self.values
    }
}

impl Table {
    pub fn new(
        id: Id,
        zh: impl Into<String>,
        en: impl Into<String>,
        columns: Vec<Column>,
    ) -> Table {
        Table {
            id,
            zh: zh.into(),
            en: en.into(),
            columns,
            rows: Vec::new(),
            layout: Layout::Records,
            dash_for_null: false,
            row_measures: Vec::new(),
            note: None,
        }
    }

    /// The position of the column with `key`.
    pub fn column_index(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.key == key)
    }

    /// The position of the column with `key`.
    ///
    /// # Panics
    /// The table has no such column (a bug in the code that names it).
    pub fn index_of(&self, key: &str) -> usize {
        self.column_index(key).unwrap_or_else(|| {
            let keys: Vec<&str> = self.columns.iter().map(|c| c.key.as_str()).collect();
            panic!(
                "table {} has no column {key:?} (its columns: {keys:?})",
                self.id.key()
            )
        })
    }

    /// The positions of the columns the workbook in `lang` shows, in order.
    pub fn shown_columns(&self, lang: Lang) -> Vec<usize> {
        (0..self.columns.len())
            .filter(|&c| self.columns[c].shown_in(lang))
            .collect()
    }

    /// The column with `key`.
    pub fn column(&self, key: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.key == key)
    }

    /// Every row, read by column key.
    pub fn records(&self) -> impl Iterator<Item = Record<'_>> {
        self.rows.iter().enumerate().map(|(index, values)| Record {
            table: self,
            index,
            values,
        })
    }

    /// The first row (the one row of a [`Layout::Record`] table).
    pub fn first(&self) -> Option<Record<'_>> {
        self.records().next()
    }

    /// The rows whose value under `key` is the text `value`.
    pub fn records_where<'a: 'v, 'v>(
        &'a self,
        key: &'v str,
        value: &'v str,
    ) -> impl Iterator<Item = Record<'a>> + 'v {
        let c = self.index_of(key);
        self.records()
            .filter(move |r| r.values[c].as_text() == Some(value))
    }

    /// What the value in `row`, column `col` is.
    pub fn measure_at(&self, row: usize, col: usize) -> Measure {
        let of_row = || self.row_measures.get(row).copied().unwrap_or(Measure::Text);
        match self.columns.get(col).map_or(Measure::Text, |c| c.measure) {
            Measure::OfRow => of_row(),
            Measure::MedianOfRow => of_row().median(),
            m => m,
        }
    }
}

impl Table {
    /// Adds a column computed from each row's value under `value` and the value of the row
    /// with the same `keys` in `base` (the same table for another period).
    ///
    /// # Panics
    /// Either table lacks one of the columns named.
    pub fn add_from_base(
        &mut self,
        base: &Table,
        keys: &[&str],
        value: &str,
        column: Column,
        f: impl Fn(&Val, &Val) -> Val,
    ) {
        let (v_here, v_base) = (self.index_of(value), base.index_of(value));
        let keys_here: Vec<usize> = keys.iter().map(|k| self.index_of(k)).collect();
        let keys_base: Vec<usize> = keys.iter().map(|k| base.index_of(k)).collect();
        let index: std::collections::HashMap<Vec<JoinKey<'_>>, &Val> = base
            .rows
            .iter()
            .map(|r| {
                (
                    keys_base.iter().map(|&i| r[i].join_key()).collect(),
                    &r[v_base],
                )
            })
            .collect();
        for row in &mut self.rows {
            let key: Vec<JoinKey<'_>> = keys_here.iter().map(|&i| row[i].join_key()).collect();
            let b = index.get(&key).copied().unwrap_or(&Val::Null);
            let v = f(&row[v_here], b);
            row.push(v);
        }
        self.columns.push(column);
    }
}

/// The base value itself (previous share, last year's mean …).
pub fn base_value(_: &Val, base: &Val) -> Val {
    base.clone()
}

/// The difference of two values of the same kind (for shares: percentage points as a fraction).
pub fn difference(v: &Val, base: &Val) -> Val {
    match (v, base) {
        (Val::Pct(a), Val::Pct(b)) => Val::Pct(a - b),
        (Val::Num(a), Val::Num(b)) => Val::Num(a - b),
        (Val::Int(a), Val::Int(b)) => Val::Int(a - b),
        _ => Val::Null,
    }
}

/// A figure's change against its base, and the change relative to the base (null where the
/// base is absent or, for the relative change, 0).
pub fn change(value: Option<f64>, base: Option<f64>) -> (Option<f64>, Option<f64>) {
    match (value, base) {
        (Some(v), Some(b)) => (Some(v - b), (b != 0.0).then(|| (v - b) / b)),
        _ => (None, None),
    }
}

/// The relative change of a number against its base (null where the base is 0 or absent).
pub fn relative(v: &Val, base: &Val) -> Val {
    Val::of(Measure::Change, change(v.as_f64(), base.as_f64()).1)
}

#[cfg(test)]
mod tests;

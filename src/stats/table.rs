//! The plain result tables every statistic returns and every renderer shows: the workbook,
//! `summary.json` (and later the charts and the brief) are views of the same tables.

use chrono::NaiveDate;

/// One value of a result table.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    Null,
    Text(String),
    Int(i64),
    /// A plain number (days, ratios, money).
    Num(f64),
    /// A share or rate as a fraction (0.25 = 25%).
    Pct(f64),
    Date(NaiveDate),
    /// Yes/no (own brand): `true`/`false` in JSON, 是/否 in the workbook.
    Bool(bool),
}

impl Val {
    pub fn text(s: impl Into<String>) -> Val {
        Val::Text(s.into())
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
}

/// A column: its stable key (for `summary.json`) and its labels.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub key: String,
    pub zh: String,
    pub en: String,
}

impl Column {
    pub fn new(key: impl Into<String>, zh: impl Into<String>, en: impl Into<String>) -> Column {
        Column {
            key: key.into(),
            zh: zh.into(),
            en: en.into(),
        }
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
    pub id: &'static str,
    pub zh: String,
    pub en: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Val>>,
    pub layout: Layout,
    /// Show missing values as `—` in the workbook (comparisons); `summary.json` keeps null.
    pub dash_for_null: bool,
}

impl Table {
    pub fn new(
        id: &'static str,
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
        }
    }

    /// The value in `row` under the column with `key`.
    pub fn get(&self, row: usize, key: &str) -> Option<&Val> {
        let c = self.columns.iter().position(|c| c.key == key)?;
        self.rows.get(row)?.get(c)
    }

    /// The row whose first column is the text `label`.
    pub fn row_by_label(&self, label: &str) -> Option<usize> {
        self.rows
            .iter()
            .position(|r| matches!(r.first(), Some(Val::Text(t)) if t == label))
    }
}

impl Table {
    /// Adds a column computed from each row's value under `value` and the value of the row
    /// with the same `keys` in `base` (the same table for another period).
    pub fn add_from_base(
        &mut self,
        base: &Table,
        keys: &[&str],
        value: &str,
        column: Column,
        f: impl Fn(&Val, &Val) -> Val,
    ) {
        let idx = |t: &Table, k: &str| t.columns.iter().position(|c| c.key == k);
        let (Some(v_here), Some(v_base)) = (idx(self, value), idx(base, value)) else {
            return;
        };
        let keys_here: Vec<usize> = keys.iter().filter_map(|k| idx(self, k)).collect();
        let keys_base: Vec<usize> = keys.iter().filter_map(|k| idx(base, k)).collect();
        if keys_here.len() != keys.len() || keys_base.len() != keys.len() {
            return;
        }
        let index: std::collections::HashMap<Vec<String>, &Val> = base
            .rows
            .iter()
            .map(|r| {
                (
                    keys_base.iter().map(|&i| format!("{:?}", r[i])).collect(),
                    &r[v_base],
                )
            })
            .collect();
        for row in &mut self.rows {
            let key: Vec<String> = keys_here.iter().map(|&i| format!("{:?}", row[i])).collect();
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

/// The relative change of a number against its base (null where the base is 0 or absent).
pub fn relative(v: &Val, base: &Val) -> Val {
    let num = |x: &Val| match x {
        Val::Num(x) | Val::Pct(x) => Some(*x),
        Val::Int(i) => Some(*i as f64),
        _ => None,
    };
    match (num(v), num(base)) {
        (Some(a), Some(b)) if b != 0.0 => Val::Pct((a - b) / b),
        _ => Val::Null,
    }
}

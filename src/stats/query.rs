//! Small polars queries the statistics share: period filters on date columns, counts by a
//! column, and columns read back into plain Rust values or table values.

use chrono::NaiveDate;

use polars::prelude::*;

use crate::frames::{date_of, day};
use crate::period::Period;
use crate::schema::{FieldType, Kind};
use crate::stats::{Column, Measure, Val};

/// A date column as day numbers.
pub fn days(name: &str) -> Expr {
    col(name).cast(DataType::Int32)
}

/// The date column falls in the period (nulls never do).
pub fn within(name: &str, p: &Period) -> Expr {
    days(name)
        .gt_eq(lit(day(p.start)))
        .and(days(name).lt_eq(lit(day(p.end))))
}

/// The date column is on or before `d`.
pub fn on_or_before(name: &str, d: NaiveDate) -> Expr {
    days(name).lt_eq(lit(day(d)))
}

/// Rows of a lazy frame.
///
/// # Errors
/// A polars error (a bug: the frames' columns are fixed).
pub fn count(lf: LazyFrame) -> PolarsResult<i64> {
    let df = lf
        .select([len().cast(DataType::Int64).alias("n")])
        .collect()?;
    Ok(df.column("n")?.i64()?.get(0).unwrap_or(0))
}

/// Rows where each condition holds (a null condition does not), all counted in one pass.
///
/// # Errors
/// A polars error.
pub fn count_each<const N: usize>(lf: LazyFrame, conditions: [Expr; N]) -> PolarsResult<[i64; N]> {
    let sums: Vec<Expr> = conditions
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            c.fill_null(lit(false))
                .sum()
                .cast(DataType::Int64)
                .alias(format!("n{i}"))
        })
        .collect();
    let df = lf.select(sums).collect()?;
    let mut out = [0; N];
    for (i, n) in out.iter_mut().enumerate() {
        *n = df.column(&format!("n{i}"))?.i64()?.get(0).unwrap_or(0);
    }
    Ok(out)
}

/// Rows per value of `key` (a text column); `None` for nulls.
///
/// # Errors
/// A polars error.
pub fn count_by(lf: LazyFrame, key: &str) -> PolarsResult<Vec<(Option<String>, i64)>> {
    let df = lf
        .group_by([col(key)])
        .agg([len().cast(DataType::Int64).alias("n")])
        .collect()?;
    let keys = df.column(key)?.str()?.clone();
    let n = df.column("n")?.i64()?.clone();
    Ok(keys
        .iter()
        .zip(n.iter())
        .map(|(k, n)| (k.map(str::to_string), n.unwrap_or(0)))
        .collect())
}

/// A count per pair of values (nulls as `None`).
pub type PairCount = (Option<String>, Option<String>, i64);

/// Rows per pair of values of two text columns.
///
/// # Errors
/// A polars error.
pub fn count_by2(lf: LazyFrame, a: &str, b: &str) -> PolarsResult<Vec<PairCount>> {
    let df = lf
        .group_by([col(a), col(b)])
        .agg([len().cast(DataType::Int64).alias("n")])
        .collect()?;
    let ka = df.column(a)?.str()?.clone();
    let kb = df.column(b)?.str()?.clone();
    let n = df.column("n")?.i64()?.clone();
    Ok(ka
        .iter()
        .zip(kb.iter())
        .zip(n.iter())
        .map(|((x, y), n)| (x.map(str::to_string), y.map(str::to_string), n.unwrap_or(0)))
        .collect())
}

/// A float column's first value.
///
/// # Errors
/// A polars error.
pub fn scalar_f64(df: &DataFrame, name: &str) -> PolarsResult<Option<f64>> {
    Ok(df.column(name)?.cast(&DataType::Float64)?.f64()?.get(0))
}

/// A date column as `yyyy * 100 + mm`, for grouping by calendar month.
pub fn year_month(name: &str) -> Expr {
    (col(name).dt().year() * lit(100) + col(name).dt().month().cast(DataType::Int32)).alias("ym")
}

/// `yyyy * 100 + mm` of a date.
pub fn year_month_of(d: NaiveDate) -> i32 {
    use chrono::Datelike;
    d.year() * 100 + d.month() as i32
}

/// A text column's values.
///
/// # Errors
/// The column is missing or not text (a bug: the schema fixes the columns).
pub fn text_col(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<String>>> {
    Ok(df
        .column(name)?
        .str()?
        .iter()
        .map(|v| v.map(str::to_string))
        .collect())
}

/// A date column's values.
///
/// # Errors
/// The column is missing or not a date.
pub fn date_col(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<NaiveDate>>> {
    let c = df.column(name)?.cast(&DataType::Int32)?;
    Ok(c.i32()?.iter().map(|d| d.map(date_of)).collect())
}

/// A number column's values.
///
/// # Errors
/// The column is missing or not a number.
pub fn num_col(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<f64>>> {
    Ok(df.column(name)?.f64()?.iter().collect())
}

/// A text column as table values (null where blank).
///
/// # Errors
/// The column is missing or not text.
pub fn text_vals(df: &DataFrame, name: &str) -> PolarsResult<Vec<Val>> {
    // A value met before shares its text: a long list's channels, statuses and technicians
    // are a handful of strings, not one each per row. A column with more different values
    // than this holds ids or names, which rarely repeat: its other values are not looked up.
    const SHARED: usize = 4096;
    let mut seen: foldhash::HashMap<&str, Val> = foldhash::HashMap::default();
    let col = df.column(name)?.str()?;
    Ok(col
        .iter()
        .map(|v| match v {
            None => Val::Null,
            Some(t) if seen.len() >= SHARED => Val::text(t),
            Some(t) => seen.entry(t).or_insert_with(|| Val::text(t)).clone(),
        })
        .collect())
}

/// A date column as table values (null where blank).
///
/// # Errors
/// The column is missing or not a date.
pub fn date_vals(df: &DataFrame, name: &str) -> PolarsResult<Vec<Val>> {
    let c = df.column(name)?.cast(&DataType::Int32)?;
    Ok(c.i32()?
        .iter()
        .map(|d| d.map_or(Val::Null, |d| Val::Date(date_of(d))))
        .collect())
}

/// An integer column as table values (null where blank).
///
/// # Errors
/// The column is missing or not an `i64`.
pub fn int_vals(df: &DataFrame, name: &str) -> PolarsResult<Vec<Val>> {
    Ok(df
        .column(name)?
        .i64()?
        .iter()
        .map(|v| v.map_or(Val::Null, Val::Int))
        .collect())
}

/// Where each record of `df` came from: its sheet (index into the sheet list) and 1-based row.
///
/// # Errors
/// The frame lacks the origin columns (a bug: every kind's frame has them).
pub fn origins(df: &DataFrame) -> PolarsResult<Vec<crate::issues::Origin>> {
    let sources = df.column(crate::frames::SOURCE)?.u32()?;
    let rows = df.column(crate::frames::ROW)?.u32()?;
    Ok(sources
        .iter()
        .zip(rows.iter())
        .map(|(s, r)| crate::issues::Origin {
            sheet: s.unwrap_or(0) as usize,
            row: r,
        })
        .collect())
}

/// The column is one of the texts `values` (nulls never are).
pub fn is_one_of(name: &str, values: &[&str]) -> Expr {
    values.iter().fold(lit(false), |acc, v| {
        acc.or(col(name).eq(lit(*v)).fill_null(lit(false)))
    })
}

/// Table columns for fields of `kind`, labelled as the schema labels them.
pub fn field_columns(kind: Kind, fields: &[&str]) -> Vec<Column> {
    fields
        .iter()
        .map(|id| {
            let f = kind.field(id);
            let measure = match f.ty {
                FieldType::Date => Measure::Date,
                FieldType::Number(_) => Measure::Quantity,
                FieldType::Text | FieldType::Category(_) => Measure::Text,
            };
            Column::of(measure, f.id, f.zh, f.en)
        })
        .collect()
}

/// The values of fields of `kind` in `df`, one list per field.
///
/// # Errors
/// A field is missing from the frame (a bug: the schema makes every frame's columns).
pub fn field_values(df: &DataFrame, kind: Kind, fields: &[&str]) -> PolarsResult<Vec<Vec<Val>>> {
    fields
        .iter()
        .map(|id| match kind.field(id).ty {
            FieldType::Date => date_vals(df, id),
            FieldType::Number(_) => Ok(num_col(df, id)?.into_iter().map(Val::num).collect()),
            FieldType::Text | FieldType::Category(_) => text_vals(df, id),
        })
        .collect()
}

/// Rows from columns of equal length.
pub fn transpose(columns: Vec<Vec<Val>>) -> Vec<Vec<Val>> {
    let n = columns.first().map_or(0, Vec::len);
    let mut iters: Vec<_> = columns.into_iter().map(Vec::into_iter).collect();
    (0..n)
        .map(|_| {
            iters
                .iter_mut()
                .map(|c| c.next().unwrap_or(Val::Null))
                .collect()
        })
        .collect()
}

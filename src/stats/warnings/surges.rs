//! Surges (异常增长, SPEC §5.5 item 2): per category and per region, the complaints received
//! in the period against the same count in each of the periods of the same length right
//! before it — a surge when the count reaches the baseline mean plus `surge_sd` standard
//! deviations and at least `surge_min_excess` complaints more than the mean.

use crate::stats::Id;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use polars::prelude::*;

use crate::frames::{date_of, day};
use crate::measure::Measure;
use crate::period::Period;
use crate::stats::query::days;
use crate::stats::{BLANK, Column, Table, Val};
use crate::template::Warnings;

/// Fewer usable baseline periods than this and no surge is evaluated.
pub const MIN_BASELINE: usize = 3;

/// Slack for comparing a whole count with a threshold computed in floating point, so a
/// count of exactly m + 2s is a surge.
const EPS: f64 = 1e-9;

/// One flagged value: its dimension (`category` / `region`), the value, the period's count,
/// and the baseline it was measured against.
#[derive(Debug, Clone, PartialEq)]
pub struct Surge {
    pub dimension: &'static str,
    pub value: String,
    pub count: usize,
    pub mean: f64,
    pub sd: f64,
    pub periods: usize,
    /// How much the value's share of all complaints rose against its baseline share (a
    /// fraction: 0.05 = 5 points); none for the total itself.
    pub share_change: Option<f64>,
}

impl Surge {
    /// How many complaints above the baseline mean.
    pub fn excess(&self) -> f64 {
        self.count as f64 - self.mean
    }
}

/// The baseline periods of `p` that do not end before `earliest`, newest first.
pub fn baseline(p: &Period, periods: u32, earliest: Option<NaiveDate>) -> Vec<Period> {
    let mut out = Vec::new();
    let mut q = *p;
    for _ in 0..periods {
        q = q.previous();
        if earliest.is_some_and(|e| q.end >= e) {
            out.push(q);
        }
    }
    out
}

/// Population mean and standard deviation.
fn mean_sd(values: &[f64]) -> (f64, f64) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
    (mean, var.sqrt())
}

/// Whether `count` is a surge against `baseline` counts.
pub fn is_surge(count: f64, baseline: &[f64], w: &Warnings) -> bool {
    let (m, s) = mean_sd(baseline);
    count + EPS >= m + w.surge_sd * s && count + EPS >= m + w.surge_min_excess
}

/// Counts of `values` (blank → 未填写) in each of `periods` (disjoint), in one pass over the
/// rows: per value, its count in every period, in `periods`' order.
fn counts(
    days: &[Option<i32>],
    values: &StringChunked,
    periods: &[Period],
) -> BTreeMap<String, Vec<usize>> {
    let spans: Vec<(i32, i32)> = periods.iter().map(|p| (day(p.start), day(p.end))).collect();
    let mut out: PlHashMap<&str, Vec<usize>> = PlHashMap::new();
    for (d, v) in days.iter().zip(values.iter()) {
        let Some(d) = *d else { continue };
        let Some(i) = spans.iter().position(|&(s, e)| s <= d && d <= e) else {
            continue;
        };
        out.entry(v.unwrap_or(BLANK))
            .or_insert_with(|| vec![0; spans.len()])[i] += 1;
    }
    out.into_iter().map(|(k, n)| (k.to_string(), n)).collect()
}

/// The surges of period `p` by category and by region.
///
/// # Errors
/// A polars error.
pub fn find(complaints: &DataFrame, p: &Period, w: &Warnings) -> PolarsResult<Vec<Surge>> {
    Ok(find_all(complaints, p, w)?.0)
}

/// The surges of period `p` by category and by region, and the total count's surge, if the
/// period's total is one itself (SPEC §5.5 item 4: the brief then says so once).
///
/// # Errors
/// A polars error.
pub fn find_all(
    complaints: &DataFrame,
    p: &Period,
    w: &Warnings,
) -> PolarsResult<(Vec<Surge>, Option<Surge>)> {
    let received = complaints.column("received_date")?.cast(&DataType::Int32)?;
    let received = received.i32()?;
    let earliest = received.min().map(date_of);
    let base = baseline(p, w.baseline_periods, earliest);
    if base.len() < MIN_BASELINE {
        return Ok((Vec::new(), None));
    }
    // Only the rows of the period and its baseline are counted.
    let first = day(base.last().map_or(p.start, |q| q.start));
    let window = complaints
        .clone()
        .lazy()
        .filter(
            days("received_date")
                .gt_eq(lit(first))
                .and(days("received_date").lt_eq(lit(day(p.end)))),
        )
        .collect()?;
    let dates: Vec<Option<i32>> = window
        .column("received_date")?
        .cast(&DataType::Int32)?
        .i32()?
        .iter()
        .collect();
    // The period first, then its baseline.
    let periods: Vec<Period> = std::iter::once(*p).chain(base).collect();
    let mut out = Vec::new();
    let mut totals: Vec<usize> = Vec::new();
    for dimension in ["category", "region"] {
        let by = counts(&dates, window.column(dimension)?.str()?, &periods);
        // Every complaint counts once per dimension (blank as 未填写): the totals.
        totals = (0..periods.len())
            .map(|i| by.values().map(|n| n[i]).sum())
            .collect();
        for (value, n) in by {
            if let Some(s) = surge(dimension, value, &n, Some(&totals), w) {
                out.push(s);
            }
        }
    }
    let total = surge("total", ALL.to_string(), &totals, None, w);
    Ok((out, total))
}

/// The value's surge, when its counts (the period's first, then the baseline's) make one;
/// with `totals`, how much its share of them rose.
fn surge(
    dimension: &'static str,
    value: String,
    n: &[usize],
    totals: Option<&[usize]>,
    w: &Warnings,
) -> Option<Surge> {
    let count = *n.first()?;
    let history: Vec<f64> = n[1..].iter().map(|&c| c as f64).collect();
    if count == 0 || !is_surge(count as f64, &history, w) {
        return None;
    }
    let (mean, sd) = mean_sd(&history);
    let share = |n: &[usize], t: &[usize]| {
        let t: usize = t.iter().sum();
        (t > 0).then(|| n.iter().sum::<usize>() as f64 / t as f64)
    };
    let share_change =
        totals.and_then(|t| Some(share(&n[..1], &t[..1])? - share(&n[1..], &t[1..])?));
    Some(Surge {
        dimension,
        value,
        count,
        mean,
        sd,
        periods: history.len(),
        share_change,
    })
}

/// The `warning_surges` table.
pub fn table(surges: &[Surge]) -> Table {
    let mut t = Table::new(
        Id::WarningSurges,
        "异常增长:投诉数明显高于前几期",
        "Surges: complaints well above the periods before",
        [Column::of(Measure::Key, "dimension", "维度", "dimension")]
            .into_iter()
            .chain(Column::labels(
                "dimension_label",
                "dimension_en",
                "维度",
                "dimension",
            ))
            .chain([
                Column::text("value", "取值", "value"),
                Column::of(Measure::Count, "count", "本期投诉(件)", "complaints"),
                Column::of(
                    Measure::Median,
                    "baseline_mean",
                    "基期均值",
                    "baseline mean",
                ),
                Column::of(Measure::Median, "baseline_sd", "基期标准差", "baseline SD"),
                Column::of(
                    Measure::Count,
                    "baseline_periods",
                    "基期数",
                    "baseline periods",
                ),
            ])
            .collect(),
    );
    for s in surges {
        let (zh, en) = dimension_labels(s.dimension);
        t.rows.push(vec![
            Val::text(s.dimension),
            Val::text(zh),
            Val::text(en),
            Val::text(&s.value),
            Val::Int(s.count as i64),
            Val::Num(s.mean),
            Val::Num(s.sd),
            Val::Int(s.periods as i64),
        ]);
    }
    t
}

/// The value of the total's surge.
pub const ALL: &str = "全部";

/// The labels of a surge dimension.
pub fn dimension_labels(dimension: &str) -> (&'static str, &'static str) {
    match dimension {
        "category" => ("投诉类别", "category"),
        "total" => ("投诉总量", "all complaints"),
        _ => ("地区", "region"),
    }
}

//! The series the forecast looks at (SPEC §5.6 item 1), by month — or by quarter for a
//! quarterly report — per region and overall (`全部`): E1 Σ销量 in total and per 饲料类型, E3
//! mean 单价 per 品项 × 价格类型 × 单位, E2 存栏 per species.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use polars::prelude::*;

use crate::measure::Measure;
use crate::stats::BLANK;
use crate::stats::market::ALL_REGIONS;
use crate::stats::query::{date_col, num_col, text_col};

/// What a series measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SeriesKind {
    FeedVolume,
    FeedTypeVolume,
    Price,
    Livestock,
}

impl SeriesKind {
    /// The key in `summary.json`.
    pub const fn key(self) -> &'static str {
        match self {
            SeriesKind::FeedVolume => "feed_volume",
            SeriesKind::FeedTypeVolume => "feed_type_volume",
            SeriesKind::Price => "price",
            SeriesKind::Livestock => "livestock",
        }
    }

    /// The label in Chinese and English.
    pub const fn labels(self) -> (&'static str, &'static str) {
        match self {
            SeriesKind::FeedVolume => ("饲料销量(吨)", "feed volume (t)"),
            SeriesKind::FeedTypeVolume => ("分料型销量(吨)", "volume by feed type (t)"),
            SeriesKind::Price => ("均价", "mean price"),
            SeriesKind::Livestock => ("存栏", "livestock"),
        }
    }

    /// What its values are.
    pub const fn measure(self) -> Measure {
        match self {
            SeriesKind::Price => Measure::Price,
            _ => Measure::Quantity,
        }
    }
}

/// Months, or quarters: a date's bucket as a running number, and its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Month,
    Quarter,
}

impl Step {
    /// The bucket holding `d`.
    pub fn of(self, d: NaiveDate) -> i32 {
        match self {
            Step::Month => d.year() * 12 + d.month0() as i32,
            Step::Quarter => d.year() * 4 + d.month0() as i32 / 3,
        }
    }

    /// `2026-10` or `2026-Q3`.
    pub fn label(self, bucket: i32) -> String {
        match self {
            Step::Month => format!("{}-{:02}", bucket.div_euclid(12), bucket.rem_euclid(12) + 1),
            Step::Quarter => format!("{}-Q{}", bucket.div_euclid(4), bucket.rem_euclid(4) + 1),
        }
    }

    /// The word for the bucket, for "历史不足 12 个月".
    pub fn unit(self) -> (&'static str, &'static str) {
        match self {
            Step::Month => ("个月", "months"),
            Step::Quarter => ("个季度", "quarters"),
        }
    }
}

/// One series: what it is, where, and its value per bucket (no entry where there is none).
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub kind: SeriesKind,
    pub region: String,
    /// The 饲料类型, 品项 or species; none for the total feed volume.
    pub item: Option<String>,
    pub price_type: Option<String>,
    pub unit: Option<String>,
    pub values: BTreeMap<i32, f64>,
    /// How many values were summed or averaged into it (prices: the rows behind it, which
    /// decide the items the brief names).
    pub rows: usize,
}

/// Series keyed by (kind, region, item, price type, unit), the overall region last.
type Key = (SeriesKind, bool, String, String, String, String);

fn key(kind: SeriesKind, region: &str, item: &str, price_type: &str, unit: &str) -> Key {
    (
        kind,
        region == ALL_REGIONS,
        region.to_string(),
        item.to_string(),
        price_type.to_string(),
        unit.to_string(),
    )
}

/// Sums (or, for prices, sums and counts for the mean) per key and bucket.
#[derive(Default)]
struct Acc {
    sums: BTreeMap<Key, BTreeMap<i32, (f64, usize)>>,
}

impl Acc {
    fn add(&mut self, key: Key, bucket: i32, value: f64) {
        let e = self.sums.entry(key).or_default().entry(bucket).or_default();
        e.0 += value;
        e.1 += 1;
    }

    fn into_series(self, mean: bool) -> Vec<Series> {
        self.sums
            .into_iter()
            .map(|((kind, _, region, item, price_type, unit), by)| Series {
                kind,
                rows: by.values().map(|(_, n)| n).sum(),
                values: by
                    .into_iter()
                    .map(|(b, (s, n))| (b, if mean { s / n as f64 } else { s }))
                    .collect(),
                item: (!item.is_empty()).then_some(item),
                price_type: (!price_type.is_empty()).then_some(price_type),
                unit: (!unit.is_empty()).then_some(unit),
                region,
            })
            .collect()
    }
}

/// E1: Σ销量 per bucket, per region and overall, in total and per 饲料类型 (blank → 未填写).
fn feed(df: &DataFrame, end: NaiveDate, step: Step) -> PolarsResult<Vec<Series>> {
    let (date, region) = (date_col(df, "survey_date")?, text_col(df, "region")?);
    let (volume, kind) = (num_col(df, "volume_t")?, text_col(df, "feed_type")?);
    let mut acc = Acc::default();
    for i in 0..df.height() {
        let (Some(d), Some(v)) = (date[i], volume[i]) else {
            continue;
        };
        if d > end {
            continue;
        }
        let b = step.of(d);
        let feed_type = kind[i].as_deref().unwrap_or(BLANK);
        for r in [region[i].as_deref().unwrap_or(BLANK), ALL_REGIONS] {
            acc.add(key(SeriesKind::FeedVolume, r, "", "", ""), b, v);
            acc.add(key(SeriesKind::FeedTypeVolume, r, feed_type, "", ""), b, v);
        }
    }
    Ok(acc.into_series(false))
}

/// E3: the mean 单价 per 品项 × 价格类型 × 单位 and bucket (元/斤 as 元/kg), per region and
/// overall.
fn prices(df: &DataFrame, end: NaiveDate, step: Step) -> PolarsResult<Vec<Series>> {
    let (date, region) = (date_col(df, "survey_date")?, text_col(df, "region")?);
    let (item, price_type) = (text_col(df, "item")?, text_col(df, "price_type")?);
    let (price, unit) = (num_col(df, "price")?, text_col(df, "unit")?);
    let mut acc = Acc::default();
    for i in 0..df.height() {
        let (Some(d), Some(p), Some(it)) = (date[i], price[i], &item[i]) else {
            continue;
        };
        if d > end {
            continue;
        }
        let (p, u) = match unit[i].as_deref() {
            Some("元/斤") => (p * 2.0, "元/kg"),
            u => (p, u.unwrap_or(BLANK)),
        };
        let pt = price_type[i].as_deref().unwrap_or(BLANK);
        for r in [region[i].as_deref().unwrap_or(BLANK), ALL_REGIONS] {
            acc.add(key(SeriesKind::Price, r, it, pt, u), step.of(d), p);
        }
    }
    Ok(acc.into_series(true))
}

/// E2: 存栏 per species and bucket — per region the latest survey in the bucket (the rows of
/// that day summed); `全部` the sum over the regions surveyed that bucket.
fn livestock(df: &DataFrame, end: NaiveDate, step: Step) -> PolarsResult<Vec<Series>> {
    let (date, region) = (date_col(df, "survey_date")?, text_col(df, "region")?);
    let (species, scale) = (text_col(df, "species")?, num_col(df, "scale")?);
    // (region, species, bucket) → (latest day, its sum).
    let mut latest: BTreeMap<(String, String, i32), (NaiveDate, f64)> = BTreeMap::new();
    for i in 0..df.height() {
        let (Some(d), Some(v), Some(s)) = (date[i], scale[i], &species[i]) else {
            continue;
        };
        if d > end {
            continue;
        }
        let r = region[i].clone().unwrap_or_else(|| BLANK.to_string());
        let e = latest.entry((r, s.clone(), step.of(d))).or_insert((d, 0.0));
        if d > e.0 {
            *e = (d, 0.0);
        }
        if d == e.0 {
            e.1 += v;
        }
    }
    let mut acc = Acc::default();
    for ((r, s, b), (_, v)) in latest {
        for region in [r.as_str(), ALL_REGIONS] {
            acc.add(key(SeriesKind::Livestock, region, &s, "", ""), b, v);
        }
    }
    Ok(acc.into_series(false))
}

/// Every series up to `end`: feed volumes, prices, livestock.
///
/// # Errors
/// A polars error.
pub fn build(
    feed_df: &DataFrame,
    price_df: &DataFrame,
    livestock_df: &DataFrame,
    end: NaiveDate,
    step: Step,
) -> PolarsResult<Vec<Series>> {
    let mut all = feed(feed_df, end, step)?;
    all.extend(prices(price_df, end, step)?);
    all.extend(livestock(livestock_df, end, step)?);
    Ok(all)
}

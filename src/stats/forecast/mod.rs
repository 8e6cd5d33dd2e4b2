//! 预测 Next period (SPEC §5.6; the manual's 4-3 一.11: 下期市场的走势如何, 下期以哪种饲料为主导料型):
//! per region and overall, next period's feed volume in total and per feed type, mean prices
//! and livestock, each with an 80 % interval, a direction and the model's backtest against the
//! naive forecast; and the dominant feed type next period against this one. Monthly and
//! quarterly reports only.

pub mod model;
pub mod series;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use polars::prelude::*;

use super::market::ALL_REGIONS;
use super::{BLANK, Measure, Table, Val};
use crate::normalize::Loaded;
use crate::period::{Period, Span};
use crate::schema::Kind;
use crate::template::Template;
use model::Backtest;
use series::{Series, SeriesKind, Step};

/// The forecast's tables.
#[derive(Debug, Clone)]
pub struct ForecastStats {
    /// `forecast_feed_type`: the dominant feed type now and next period, per region.
    pub feed_type: Table,
    /// `forecast`: every series.
    pub series: Table,
    /// The overall feed volume of the last 12 periods and the forecast, for the chart.
    pub trend: Table,
}

/// What the forecast made of one series.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub current: f64,
    pub next: Option<model::Step>,
    /// Periods holding a real value (not interpolated), up to the report's.
    pub points: usize,
    pub backtest: Option<Backtest>,
    /// Why there is no forecast (Chinese, English).
    pub note: Option<(String, String)>,
}

/// 上升 / 下降 / 持平 (Chinese, English): the forecast against the current value (±5 %).
pub fn direction(current: f64, forecast: f64) -> (&'static str, &'static str) {
    if forecast >= 1.05 * current {
        ("上升", "up")
    } else if forecast <= 0.95 * current {
        ("下降", "down")
    } else {
        ("持平", "flat")
    }
}

/// The step of a report's period, when it is forecast at all.
fn step_of(p: &Period) -> Option<Step> {
    match p.span {
        Span::Month => Some(Step::Month),
        Span::Quarter => Some(Step::Quarter),
        Span::Half | Span::Year | Span::Range => None,
    }
}

/// Forecasts `s` from its values up to bucket `current`, when it has a value there and at
/// least `min_points` values in all; `None` when it has no value in that bucket.
pub fn assess(
    s: &Series,
    current: i32,
    min_points: usize,
    backtest_periods: usize,
    step: Step,
) -> Option<Outcome> {
    let current_value = *s.values.get(&current)?;
    let first = *s.values.keys().next()?;
    let real: Vec<(usize, f64)> = s
        .values
        .range(..=current)
        .map(|(&b, &v)| ((b - first) as usize, v))
        .collect();
    let points = real.len();
    if points < min_points {
        let (zh, en) = step.unit();
        return Some(Outcome {
            current: current_value,
            next: None,
            points,
            backtest: None,
            note: Some((
                format!("历史不足 {min_points} {zh}(仅 {points} 期有数据),不做预测"),
                format!("less than {min_points} {en} of history ({points}); no forecast"),
            )),
        });
    }
    let y = model::interpolate(&real);
    let mut is_real = vec![false; y.len()];
    real.iter().for_each(|&(i, _)| is_real[i] = true);
    let seasonal = step == Step::Month;
    let next = model::next(&y, seasonal);
    let note = next.is_none().then(|| {
        (
            "模型无法拟合,不做预测".to_string(),
            "no model could be fitted; no forecast".to_string(),
        )
    });
    Some(Outcome {
        current: current_value,
        backtest: next
            .as_ref()
            .and_then(|_| model::backtest(&y, &is_real, backtest_periods, seasonal)),
        next,
        points,
        note,
    })
}

/// Computes the forecast tables for period `p`.
///
/// # Errors
/// A polars error.
pub fn compute(loaded: &Loaded, p: &Period, template: &Template) -> PolarsResult<ForecastStats> {
    let Some(step) = step_of(p) else {
        return Ok(ForecastStats::none());
    };
    let settings = template.forecast;
    let min_points = match step {
        Step::Month => settings.min_points as usize,
        // Two thirds as many quarters: 12 months → 8 quarters.
        Step::Quarter => (settings.min_points as usize * 2).div_ceil(3),
    };
    let all = series::build(
        &loaded.frames.get(Kind::FeedMarket),
        &loaded.frames.get(Kind::Price),
        &loaded.frames.get(Kind::Livestock),
        p.end,
        step,
    )?;
    let current = step.of(p.start);
    let mut assessed: Vec<(Series, Outcome)> = all
        .into_iter()
        .filter_map(|s| {
            let o = assess(&s, current, min_points, settings.backtest as usize, step)?;
            Some((s, o))
        })
        .collect();
    // Regions in order, `全部` last; within one: volume, feed types, prices, livestock.
    assessed.sort_by(|(a, _), (b, _)| order(a).cmp(&order(b)));
    Ok(ForecastStats {
        feed_type: tables::feed_type(&assessed),
        trend: tables::trend(&assessed, current, step),
        series: tables::series(&assessed, step),
    })
}

type Order<'a> = (
    bool,
    &'a str,
    SeriesKind,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

fn order(s: &Series) -> Order<'_> {
    (
        s.region == ALL_REGIONS,
        s.region.as_str(),
        s.kind,
        s.item.as_deref(),
        s.price_type.as_deref(),
        s.unit.as_deref(),
    )
}

impl ForecastStats {
    /// No forecast: a half year, a year or a day range.
    fn none() -> ForecastStats {
        let mut feed_type = tables::feed_type(&[]);
        feed_type.note = Some((
            "本报告期间为半年、全年或自定义日期段,不做预测;按月或按季度出报表时预测下一期。".to_string(),
            "No forecast is made for a half year, a year or a range of days; monthly and quarterly reports forecast the next period.".to_string(),
        ));
        ForecastStats {
            feed_type,
            series: tables::series(&[], Step::Month),
            trend: tables::trend(&[], 0, Step::Month),
        }
    }
}

mod tables;

/// The label of a blank feed type, never dominant.
const UNFILLED: &str = BLANK;

/// The largest entry that is not `未填写`, and its share of the sum of all.
fn dominant(values: &BTreeMap<String, f64>) -> Option<(String, f64)> {
    let total: f64 = values.values().sum();
    let (name, v) = values
        .iter()
        .filter(|(k, _)| k.as_str() != UNFILLED)
        .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| b.0.cmp(a.0)))?;
    (total > 0.0).then(|| (name.clone(), v / total))
}

/// `x` as a value of measure `m`.
fn val(m: Measure, x: Option<f64>) -> Val {
    Val::of(m, x)
}

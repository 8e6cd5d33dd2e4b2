//! Price moves (SPEC §5.5 item 3): per item × price type × unit over all regions, the
//! period's mean price against the previous period's; a move when it changed by at least
//! `price_pct` of the previous mean.

use crate::stats::Id;
use polars::prelude::*;

use crate::measure::Measure;
use crate::period::Period;
use crate::stats::market::ALL_REGIONS;
use crate::stats::{Column, Record, Table, Val};

/// Slack for a change of exactly `price_pct` computed in floating point.
const EPS: f64 = 1e-9;

/// One price that moved.
#[derive(Debug, Clone, PartialEq)]
pub struct Move {
    pub item: String,
    pub price_type: String,
    pub unit: String,
    pub mean: f64,
    pub previous: f64,
}

impl Move {
    /// The change as a fraction of the previous mean.
    pub fn change(&self) -> f64 {
        (self.mean - self.previous) / self.previous
    }
}

/// Whether a mean moved far enough from `previous` (which must be above 0).
pub fn moved(mean: f64, previous: f64, pct: f64) -> bool {
    previous > 0.0 && (mean - previous).abs() + EPS * previous >= pct * previous
}

fn key(r: &Record<'_>) -> [String; 3] {
    ["item", "price_type", "unit"].map(|k| r.text(k).unwrap_or_default().to_string())
}

/// The price moves of period `p`, in the price table's order.
///
/// # Errors
/// A polars error.
pub fn find(price_df: &DataFrame, p: &Period, pct: f64) -> PolarsResult<Vec<Move>> {
    let now = crate::stats::prices::prices(price_df, p)?;
    let before = crate::stats::prices::prices(price_df, &p.previous())?;
    let overall = |t: &Table| -> Vec<([String; 3], f64)> {
        t.records_where("region", ALL_REGIONS)
            .filter_map(|r| Some((key(&r), r.num("mean")?)))
            .collect()
    };
    let previous = overall(&before);
    Ok(overall(&now)
        .into_iter()
        .filter_map(|(k, mean)| {
            let (_, prev) = previous.iter().find(|(pk, _)| *pk == k)?;
            moved(mean, *prev, pct).then(|| {
                let [item, price_type, unit] = k;
                Move {
                    item,
                    price_type,
                    unit,
                    mean,
                    previous: *prev,
                }
            })
        })
        .collect())
}

/// The `warning_prices` table.
pub fn table(moves: &[Move]) -> Table {
    let mut t = Table::new(
        Id::WarningPrices,
        "价格异动:全部地区均价较上期变动较大",
        "Price moves: mean over all regions against the previous period",
        vec![
            Column::text("item", "品项", "item"),
            Column::text("price_type", "价格类型", "price type"),
            Column::text("unit", "单位", "unit"),
            Column::of(Measure::Price, "mean", "本期均价", "mean"),
            Column::of(Measure::Price, "previous_mean", "上期均价", "previous mean"),
            Column::of(Measure::Change, "change_pct", "变动%", "change %"),
        ],
    );
    for m in moves {
        t.rows.push(vec![
            Val::text(&m.item),
            Val::text(&m.price_type),
            Val::text(&m.unit),
            Val::Num(m.mean),
            Val::Num(m.previous),
            Val::Pct(m.change()),
        ]);
    }
    t
}

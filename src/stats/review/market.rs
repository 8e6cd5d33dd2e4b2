//! 我的市场: 4-3 一 for the regions of the person's market — market share, livestock and farm
//! feed use, prices, FCR per species, demonstration farms, diseases, best and worst batches,
//! field visits by problem class, next period's forecast — each beside the department's.

use std::collections::BTreeMap;

use polars::prelude::*;

use super::{MARKET_SHARE, Reviews, empty_with_note, farming, surveys};
use crate::period::Period;
use crate::schema::Kind;
use crate::stats::query::{text_col, within};
use crate::stats::{Column, Id, Measure, Record, Table, Val};

/// Where a person's market comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarketSource {
    /// The template's `[markets]`.
    Template,
    /// His field visits and batches in the period (20 % rule).
    Period,
    /// The same over the 12 months before the period end.
    LastTwelveMonths,
}

impl MarketSource {
    const fn key(self) -> &'static str {
        match self {
            MarketSource::Template => "template",
            MarketSource::Period => "period",
            MarketSource::LastTwelveMonths => "last_12_months",
        }
    }

    const fn labels(self) -> (&'static str, &'static str) {
        match self {
            MarketSource::Template => ("模板 [markets] 指定", "the template's [markets]"),
            MarketSource::Period => (
                "本期现场拜访与饲养批次",
                "field visits and batches this period",
            ),
            MarketSource::LastTwelveMonths => (
                "近 12 个月现场拜访与饲养批次",
                "field visits and batches of the last 12 months",
            ),
        }
    }
}

/// A person's market: its regions (most records first) and where they come from, with the
/// records behind each (none from the template).
#[derive(Debug, Clone, PartialEq)]
pub struct Market {
    pub regions: Vec<(String, Option<i64>)>,
    pub source: Option<MarketSource>,
}

impl Market {
    pub(super) fn has(&self, region: &str) -> bool {
        self.regions.iter().any(|(r, _)| r == region)
    }
}

/// The person's field visits and batches per region in `window` (blank regions count in the
/// total but are no market).
fn records_by_region(
    r: &Reviews<'_>,
    name: &str,
    window: &Period,
) -> PolarsResult<(BTreeMap<String, i64>, i64)> {
    let mut by = BTreeMap::new();
    let mut total = 0;
    for (kind, date) in [(Kind::FieldVisit, "visit_date"), (Kind::Batch, "end_date")] {
        let df = r
            .loaded
            .frames
            .get(kind)
            .lazy()
            .filter(within(date, window).and(col("technician").eq(lit(name)).fill_null(lit(false))))
            .collect()?;
        total += df.height() as i64;
        for region in text_col(&df, "region")?.into_iter().flatten() {
            *by.entry(region).or_default() += 1;
        }
    }
    Ok((by, total))
}

/// The person's market (SPEC §5.3): the template's `[markets]`; else every region holding at
/// least 20 % of his field visits and batches in the period, most records first; else the
/// same over the 12 months before the period end; else none.
///
/// # Errors
/// A polars error.
pub fn market_of(r: &Reviews<'_>, name: &str) -> PolarsResult<Market> {
    if let Some(regions) = r.template.market_of(name) {
        return Ok(Market {
            regions: regions.iter().map(|g| (g.clone(), None)).collect(),
            source: Some(MarketSource::Template),
        });
    }
    for (window, source) in [
        (r.period, MarketSource::Period),
        (r.last_12_months(), MarketSource::LastTwelveMonths),
    ] {
        let (by, total) = records_by_region(r, name, &window)?;
        let mut regions: Vec<(String, i64)> = by
            .into_iter()
            .filter(|(_, n)| *n as f64 >= MARKET_SHARE * total as f64 - 1e-9)
            .collect();
        regions.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        if !regions.is_empty() {
            return Ok(Market {
                regions: regions.into_iter().map(|(g, n)| (g, Some(n))).collect(),
                source: Some(source),
            });
        }
    }
    Ok(Market {
        regions: Vec::new(),
        source: None,
    })
}

/// The line each market block shows when the market is unknown.
fn unknown(name: &str) -> (String, String) {
    (
        format!(
            "市场未知:本期和此前 12 个月都没有 {name} 的现场拜访或饲养批次记录。请在模板的 [markets] 中设置,例如 \"{name}\" = [\"地区\"]。"
        ),
        format!(
            "Market unknown: no field visit or batch of {name} this period or in the 12 months before. Set it in the template's [markets], e.g. \"{name}\" = [\"region\"]."
        ),
    )
}

/// Every table of 我的市场, in the order of 4-3 一. Without a market, each block about the
/// market says in one line that it is unknown and how to set it; the person's own batches and
/// visits are still shown.
///
/// # Errors
/// A polars error.
pub fn tables(r: &Reviews<'_>, name: &str, market: &Market) -> PolarsResult<Vec<Table>> {
    let known = !market.regions.is_empty();
    let about_market = |t: Table| {
        if known {
            t
        } else {
            let mut e = empty_with_note(t.id, (&t.zh, &t.en), unknown(name));
            e.columns = t.columns;
            e
        }
    };
    Ok(vec![
        about_market(market_table(market)),
        about_market(surveys::market_share(r, market)),
        about_market(surveys::livestock(r, market)),
        about_market(surveys::feed_usage(r, market)),
        about_market(surveys::prices(r, market)),
        farming::fcr(r, name, market),
        about_market(farming::demo_farms(r, market)),
        about_market(farming::diseases(r, market)?),
        super::work::my_batches(r, name, BATCHES_TITLE)?,
        super::work::my_field_visits(r, name, VISITS_TITLE)?,
        about_market(farming::forecast(r, market)),
    ])
}

pub(super) const SHARE_TITLE: (&str, &str) = (
    "一.1 你所在市场的占有率:本公司品牌与前五大其他品牌(与全部门对比)",
    "1.1 Market share in your market: own brands and the five largest others, against the department",
);
pub(super) const LIVESTOCK_TITLE: (&str, &str) =
    ("一.2 你所在市场的养殖规模", "1.2 Livestock in your market");
pub(super) const FEED_TITLE: (&str, &str) = (
    "一.2 你所在市场主流养殖户用料:商品饲料与自配料",
    "1.2 Farm feed use in your market: commercial and self-mixed",
);
pub(super) const PRICES_TITLE: (&str, &str) = (
    "一.3 你所在市场的价格与全部门均价",
    "1.3 Prices in your market against the department's mean",
);
pub(super) const FCR_TITLE: (&str, &str) = (
    "一.5 料肉比(按品种):本人批次、本市场、全部门",
    "1.5 FCR per species: my batches, my market, the department",
);
pub(super) const DEMO_TITLE: (&str, &str) = (
    "一.5 本市场的示范户与最近拜访",
    "1.5 Demonstration farms in your market and their last visit",
);
pub(super) const DISEASES_TITLE: (&str, &str) = (
    "一.8 你所在市场的疫病报告与新发疫情",
    "1.8 Disease reports and new outbreaks in your market",
);
pub(super) const BATCHES_TITLE: (&str, &str) = (
    "一.9 本人饲养效果最好与最差的批次(按品种)",
    "1.9 My best and worst batches per species",
);
pub(super) const VISITS_TITLE: (&str, &str) = (
    "一.10 本人现场拜访:按问题分类与解决情况",
    "1.10 My field visits by problem class",
);
pub(super) const FORECAST_TITLE: (&str, &str) = (
    "一.11 你所在市场的下期预测",
    "1.11 Next period in your market",
);

fn market_table(m: &Market) -> Table {
    let mut t = Table::new(
        Id::ReviewMarket,
        "你所在的市场(4-3 一)",
        "Your market (4-3, part one)",
        [
            Column::text("region", "地区", "region"),
            Column::of(Measure::Key, "source", "来源代码", "source"),
        ]
        .into_iter()
        .chain(Column::labels(
            "source_label",
            "source_en",
            "依据",
            "source",
        ))
        .chain([Column::of(
            Measure::Count,
            "records",
            "拜访与批次记录",
            "records",
        )])
        .collect(),
    );
    for (region, records) in &m.regions {
        let source = m.source.expect("a market with regions has a source");
        let (zh, en) = source.labels();
        t.rows.push(vec![
            Val::text(region),
            Val::text(source.key()),
            Val::text(zh),
            Val::text(en),
            records.map_or(Val::Null, Val::Int),
        ]);
    }
    t
}

/// The rows of `t` whose `region` is in the market, in the market's order.
pub(super) fn in_market<'a>(t: &'a Table, m: &Market) -> Vec<Record<'a>> {
    let mut rows: Vec<Record<'a>> = t
        .records()
        .filter(|r| r.text("region").is_some_and(|g| m.has(g)))
        .collect();
    let pos = |r: &Record<'_>| {
        m.regions
            .iter()
            .position(|(g, _)| Some(g.as_str()) == r.text("region"))
    };
    rows.sort_by_key(pos);
    rows
}

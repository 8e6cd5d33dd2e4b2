//! 环比 / 同比 / 累计 (SPEC §4): every headline figure for the period, the previous period of
//! the same length, the same period a year earlier and, for monthly and quarterly reports,
//! the year to date — with change and % change (null where the base is 0 or absent).

use polars::prelude::*;

use super::market::ALL_REGIONS;
use super::query::{count, within};
use super::{Column, Table, Val, complaints, fcr, market, prices};
use crate::normalize::Loaded;
use crate::period::Period;
use crate::schema::Kind;
use crate::template::Template;

/// One headline figure: key, Chinese and English label, value.
#[derive(Debug, Clone, PartialEq)]
pub struct Kpi {
    pub key: String,
    pub zh: String,
    pub en: String,
    pub value: Option<f64>,
}

fn kpi(
    key: impl Into<String>,
    zh: impl Into<String>,
    en: impl Into<String>,
    value: Option<f64>,
) -> Kpi {
    Kpi {
        key: key.into(),
        zh: zh.into(),
        en: en.into(),
        value,
    }
}

fn num(t: &Table, key: &str) -> Option<f64> {
    match t.get(0, key)? {
        Val::Int(i) => Some(*i as f64),
        Val::Num(x) | Val::Pct(x) => Some(*x),
        _ => None,
    }
}

/// The headline figures of one period.
///
/// # Errors
/// A polars error.
pub fn headline(loaded: &Loaded, p: &Period, template: &Template) -> PolarsResult<Vec<Kpi>> {
    let complaints_df = loaded.frames.get(Kind::Complaint);
    let visits_df = loaded.frames.get(Kind::SiteVisit);
    let k = complaints::kpis_table(&complaints_df, &visits_df, p)?;
    let mut out = vec![
        kpi(
            "complaints_received",
            "受理投诉(件)",
            "complaints received",
            num(&k, "received"),
        ),
        kpi("close_rate", "结案率", "close rate", num(&k, "close_rate")),
        kpi(
            "backlog_end",
            "期末未结案(件)",
            "open at period end",
            num(&k, "backlog_end"),
        ),
        kpi(
            "closed_in_period",
            "本期结案(件)",
            "closed in period",
            num(&k, "closed_in_period"),
        ),
        kpi(
            "median_days_to_close",
            "结案天数中位数",
            "median days to close",
            num(&k, "median_days_to_close"),
        ),
        kpi(
            "site_visits",
            "投诉现场访问(次)",
            "complaint site visits",
            Some(count(visits_df.lazy().filter(within("visit_date", p)))? as f64),
        ),
        kpi(
            "field_visits",
            "现场拜访(次)",
            "field visits",
            Some(count(
                loaded
                    .frames
                    .get(Kind::FieldVisit)
                    .lazy()
                    .filter(within("visit_date", p)),
            )? as f64),
        ),
    ];
    let (share, _) = market::market_share(&loaded.frames.get(Kind::FeedMarket), p, template)?;
    let overall: Vec<&Vec<Val>> = share
        .rows
        .iter()
        .filter(|r| matches!(r.first(), Some(Val::Text(t)) if t == ALL_REGIONS))
        .collect();
    let own: f64 = overall
        .iter()
        .filter(|r| r.get(4) == Some(&Val::Bool(true)))
        .filter_map(|r| match r.get(3) {
            Some(Val::Pct(x)) => Some(*x),
            _ => None,
        })
        .sum();
    out.push(kpi(
        "own_brand_share",
        "本公司品牌占有率",
        "own-brand market share",
        (!overall.is_empty()).then_some(own),
    ));
    let price = prices::prices(&loaded.frames.get(Kind::Price), p)?;
    for r in price
        .rows
        .iter()
        .filter(|r| r.get(3) == Some(&Val::text(ALL_REGIONS)))
    {
        let text = |i: usize| match r.get(i) {
            Some(Val::Text(t)) => t.clone(),
            _ => String::new(),
        };
        let (item, kind, unit) = (text(0), text(1), text(2));
        let mean = match r.get(5) {
            Some(Val::Num(x)) => Some(*x),
            _ => None,
        };
        out.push(kpi(
            format!("price:{item}·{kind}·{unit}"),
            format!("{item}{kind}均价({unit})"),
            format!("mean price {item} {kind} ({unit})"),
            mean,
        ));
    }
    let f = fcr::compute(&loaded.frames.get(Kind::Batch), p, template)?;
    for r in f
        .groups
        .rows
        .iter()
        .filter(|r| r.first() == Some(&Val::text("species")))
    {
        let (Some(Val::Text(species)), Some(Val::Text(metric))) = (r.get(1), r.get(2)) else {
            continue;
        };
        let value = match r.get(6) {
            Some(Val::Num(x)) => Some(*x),
            _ => None,
        };
        out.push(kpi(
            format!("fcr:{species}"),
            format!("{species}{metric}"),
            format!("FCR {species}"),
            value,
        ));
    }
    Ok(out)
}

fn change(value: Option<f64>, base: Option<f64>) -> (Val, Val) {
    match (value, base) {
        (Some(v), Some(b)) => (
            Val::Num(v - b),
            if b != 0.0 {
                Val::Pct((v - b) / b)
            } else {
                Val::Null
            },
        ),
        _ => (Val::Null, Val::Null),
    }
}

/// The `comparisons` table for period `p`.
///
/// # Errors
/// A polars error.
pub fn comparisons(loaded: &Loaded, p: &Period, template: &Template) -> PolarsResult<Table> {
    let current = headline(loaded, p, template)?;
    let previous = headline(loaded, &p.previous(), template)?;
    let last_year = headline(loaded, &p.last_year(), template)?;
    let ytd = p
        .year_to_date()
        .map(|y| headline(loaded, &y, template))
        .transpose()?;
    let find = |list: &[Kpi], key: &str| list.iter().find(|k| k.key == key).and_then(|k| k.value);
    let mut t = Table::new(
        "comparisons",
        format!(
            "主要指标 环比 / 同比 / 累计(上期 {},去年同期 {})",
            p.previous().label(),
            p.last_year().label()
        ),
        format!(
            "Headline figures vs the previous period ({}) and a year earlier ({})",
            p.previous().label(),
            p.last_year().label()
        ),
        vec![
            Column::new("kpi", "指标代码", "key"),
            Column::new("label", "指标", "figure"),
            Column::new("label_en", "指标(英文)", "figure (English)"),
            Column::new("value", "本期", "this period"),
            Column::new("previous", "上期", "previous"),
            Column::new("mom_change", "环比变化", "change vs previous"),
            Column::new("mom_pct", "环比%", "% vs previous"),
            Column::new("last_year", "去年同期", "a year earlier"),
            Column::new("yoy_change", "同比变化", "change vs a year earlier"),
            Column::new("yoy_pct", "同比%", "% vs a year earlier"),
            Column::new("ytd", "本年累计", "year to date"),
        ],
    );
    t.dash_for_null = true;
    for k in &current {
        let prev = find(&previous, &k.key);
        let ly = find(&last_year, &k.key);
        let (mom, mom_pct) = change(k.value, prev);
        let (yoy, yoy_pct) = change(k.value, ly);
        let rate = k.key == "close_rate" || k.key == "own_brand_share";
        let shown = |x: Option<f64>| match x {
            Some(x) if rate => Val::Pct(x),
            other => Val::num(other),
        };
        let pp = |v: Val| match v {
            Val::Num(x) if rate => Val::Pct(x),
            other => other,
        };
        t.rows.push(vec![
            Val::text(&k.key),
            Val::text(&k.zh),
            Val::text(&k.en),
            shown(k.value),
            shown(prev),
            pp(mom),
            mom_pct,
            shown(ly),
            pp(yoy),
            yoy_pct,
            ytd.as_ref().map_or(Val::Null, |y| shown(find(y, &k.key))),
        ]);
    }
    Ok(t)
}

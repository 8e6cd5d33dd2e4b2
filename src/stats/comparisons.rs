//! 环比 / 同比 / 累计 (SPEC §4): every headline figure for the period, the previous period of
//! the same length, the same period a year earlier and, for monthly and quarterly reports,
//! the year to date — with change and % change (null where the base is 0 or absent).

use crate::stats::Id;
use polars::prelude::*;

use super::market::ALL_REGIONS;
use super::query::{count, within};
use super::table::change;
use super::{Column, Measure, Record, Table, Val, complaints, fcr, market, prices};
use crate::normalize::Loaded;
use crate::period::Period;
use crate::schema::Kind;
use crate::template::Template;

/// One headline figure of one period: key, labels, what it is, value.
#[derive(Debug, Clone, PartialEq)]
pub struct Kpi {
    pub key: String,
    pub zh: String,
    pub en: String,
    pub measure: Measure,
    pub value: Option<f64>,
}

fn kpi(
    measure: Measure,
    key: impl Into<String>,
    zh: impl Into<String>,
    en: impl Into<String>,
    value: Option<f64>,
) -> Kpi {
    Kpi {
        key: key.into(),
        zh: zh.into(),
        en: en.into(),
        measure,
        value,
    }
}

/// A headline figure read from the one-record table `t`, labelled as its column is.
fn from_record(t: &Table, column: &str, key: &str) -> Kpi {
    let c = t.column(column).expect("the figure's column exists");
    let value = t.first().and_then(|r| r.num(column));
    kpi(c.measure, key, c.zh.clone(), c.en.clone(), value)
}

/// The headline figures of one period.
///
/// # Errors
/// A polars error.
pub fn headline(loaded: &Loaded, p: &Period, template: &Template) -> PolarsResult<Vec<Kpi>> {
    let mut out = work_kpis(loaded, p)?;
    out.extend(rules_kpis(loaded, p, template)?);
    out.push(own_brand_share(loaded, p, template)?);
    out.push(commercial_feed_share(loaded, p, template)?);
    out.extend(price_kpis(loaded, p)?);
    out.extend(fcr_kpis(loaded, p, template)?);
    Ok(out)
}

/// Complaints, site visits and field visits.
fn work_kpis(loaded: &Loaded, p: &Period) -> PolarsResult<Vec<Kpi>> {
    let visits_df = loaded.frames.get(Kind::SiteVisit);
    let k = complaints::kpis_table(&loaded.frames.get(Kind::Complaint), &visits_df, p)?;
    let field_visits = loaded.frames.get(Kind::FieldVisit);
    Ok(vec![
        from_record(&k, "received", "complaints_received"),
        from_record(&k, "close_rate", "close_rate"),
        from_record(&k, "backlog_end", "backlog_end"),
        from_record(&k, "closed_in_period", "closed_in_period"),
        from_record(&k, "median_days_to_close", "median_days_to_close"),
        kpi(
            Measure::Count,
            "site_visits",
            "投诉现场访问(次)",
            "complaint site visits",
            Some(count(visits_df.lazy().filter(within("visit_date", p)))? as f64),
        ),
        kpi(
            Measure::Count,
            "field_visits",
            "现场拜访(次)",
            "field visits",
            Some(count(field_visits.lazy().filter(within("visit_date", p)))? as f64),
        ),
    ])
}

/// Department feedback, diseases and trips: the assistance reply rate, disease reports, new
/// outbreaks, trips lacking approval.
fn rules_kpis(loaded: &Loaded, p: &Period, template: &Template) -> PolarsResult<Vec<Kpi>> {
    let assist = super::assist::compute(
        &loaded.frames.get(Kind::Assist),
        &loaded.frames.get(Kind::Complaint),
        p,
        template.assist_reply_days,
    )?;
    let sum = |key: &str| -> i64 {
        assist
            .by_dept
            .records()
            .filter_map(|r| r.num(key))
            .sum::<f64>() as i64
    };
    let reply_rate = match Val::share(sum("replied"), sum("requests")) {
        Val::Pct(x) => Some(x),
        _ => None,
    };
    let diseases = loaded.frames.get(Kind::Disease);
    let trips = super::trips::compute(loaded, p, template)?;
    let missing: i64 = trips.figures.values().map(|f| f.approval_missing).sum();
    Ok(vec![
        kpi(
            Measure::Share,
            "assist_reply_rate",
            "协查回馈率",
            "assistance reply rate",
            reply_rate,
        ),
        kpi(
            Measure::Count,
            "disease_reports",
            "疫病报告(次)",
            "disease reports",
            Some(super::diseases::report_count(&diseases, p)? as f64),
        ),
        kpi(
            Measure::Count,
            "disease_new",
            "新发疫情(地区×疾病)",
            "new outbreaks (region × disease)",
            Some(super::diseases::new_count(&diseases, p)? as f64),
        ),
        kpi(
            Measure::Count,
            "trips_approval_missing",
            "出差缺审批(次)",
            "trips lacking approval",
            Some(missing as f64),
        ),
    ])
}

/// The commercial feed's share of the surveyed farms' feed, overall.
fn commercial_feed_share(loaded: &Loaded, p: &Period, template: &Template) -> PolarsResult<Kpi> {
    let usage = super::feed_usage::compute(&loaded.frames.get(Kind::FeedUsage), p, template)?;
    let share = usage
        .by_region
        .records_where("region", ALL_REGIONS)
        .next()
        .and_then(|r| r.num("commercial_share"));
    Ok(kpi(
        Measure::Share,
        "commercial_feed_share",
        "主流养殖户商品饲料占比",
        "commercial share of farm feed",
        share,
    ))
}

/// The own brands' share of the overall market (null when nothing was surveyed).
fn own_brand_share(loaded: &Loaded, p: &Period, template: &Template) -> PolarsResult<Kpi> {
    let (share, _) = market::market_share(&loaded.frames.get(Kind::FeedMarket), p, template)?;
    let overall: Vec<Record<'_>> = share.records_where("region", ALL_REGIONS).collect();
    let own: f64 = overall
        .iter()
        .filter(|r| *r.get("own_brand") == Val::Bool(true))
        .filter_map(|r| r.num("share"))
        .sum();
    Ok(kpi(
        Measure::Share,
        "own_brand_share",
        "本公司品牌占有率",
        "own-brand market share",
        (!overall.is_empty()).then_some(own),
    ))
}

/// The overall mean price of every item × price type × unit.
fn price_kpis(loaded: &Loaded, p: &Period) -> PolarsResult<Vec<Kpi>> {
    let price = prices::prices(&loaded.frames.get(Kind::Price), p)?;
    Ok(price
        .records_where("region", ALL_REGIONS)
        .map(|r| {
            let (item, kind, unit) = (
                r.text("item").unwrap_or_default(),
                r.text("price_type").unwrap_or_default(),
                r.text("unit").unwrap_or_default(),
            );
            kpi(
                Measure::Price,
                format!("price:{item}·{kind}·{unit}"),
                format!("{item}{kind}均价({unit})"),
                format!("mean price {item} {kind} ({unit})"),
                r.num("mean"),
            )
        })
        .collect())
}

/// The FCR of every species.
fn fcr_kpis(loaded: &Loaded, p: &Period, template: &Template) -> PolarsResult<Vec<Kpi>> {
    let f = fcr::compute(&loaded.frames.get(Kind::Batch), p, template)?;
    Ok(f.groups
        .records_where("grouping", "species")
        .filter_map(|r| {
            let (species, metric) = (r.text("group")?, r.text("metric")?);
            Some(kpi(
                Measure::Ratio,
                format!("fcr:{species}"),
                format!("{species}{metric}"),
                format!("FCR {species}"),
                r.num("fcr"),
            ))
        })
        .collect())
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
        Id::Comparisons,
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
        Column::labels("label", "label_en", "指标", "figure")
            .into_iter()
            .chain([
                Column::of(Measure::OfRow, "value", "本期", "this period"),
                Column::of(Measure::OfRow, "previous", "上期", "previous"),
                Column::of(
                    Measure::OfRow,
                    "mom_change",
                    "环比变化",
                    "change vs previous",
                ),
                Column::of(Measure::Change, "mom_pct", "环比%", "% vs previous"),
                Column::of(Measure::OfRow, "last_year", "去年同期", "a year earlier"),
                Column::of(
                    Measure::OfRow,
                    "yoy_change",
                    "同比变化",
                    "change vs a year earlier",
                ),
                Column::of(Measure::Change, "yoy_pct", "同比%", "% vs a year earlier"),
                Column::of(Measure::OfRow, "ytd", "本年累计", "year to date"),
                Column::of(Measure::Key, "kpi", "指标代码", "key"),
            ])
            .collect(),
    );
    t.dash_for_null = true;
    for k in &current {
        let prev = find(&previous, &k.key);
        let ly = find(&last_year, &k.key);
        let (mom, mom_pct) = change(k.value, prev);
        let (yoy, yoy_pct) = change(k.value, ly);
        let shown = |x: Option<f64>| Val::of(k.measure, x);
        let pct = |x: Option<f64>| Val::of(Measure::Change, x);
        t.rows.push(vec![
            Val::text(&k.zh),
            Val::text(&k.en),
            shown(k.value),
            shown(prev),
            Val::of(k.measure.difference(), mom),
            pct(mom_pct),
            shown(ly),
            Val::of(k.measure.difference(), yoy),
            pct(yoy_pct),
            ytd.as_ref().map_or(Val::Null, |y| shown(find(y, &k.key))),
            Val::text(&k.key),
        ]);
        t.row_measures.push(k.measure);
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::fixtures::{F::*, frame, loaded};

    #[test]
    fn each_figure_against_the_previous_period_and_a_year_earlier() {
        // October: 3 received, 1 of them 完成; September: 2 received, both 完成; October 2025: 1.
        #[rustfmt::skip]
        let complaints = frame(
            Kind::Complaint,
            &[
                &[("received_date", D("2026-10-01")), ("status", T("完成")), ("closed_date", D("2026-10-02"))],
                &[("received_date", D("2026-10-05")), ("status", T("未处理"))],
                &[("received_date", D("2026-10-09")), ("status", T("未处理"))],
                &[("received_date", D("2026-09-01")), ("status", T("完成")), ("closed_date", D("2026-09-02"))],
                &[("received_date", D("2026-09-03")), ("status", T("完成")), ("closed_date", D("2026-09-04"))],
                &[("received_date", D("2025-10-03")), ("status", T("完成")), ("closed_date", D("2025-10-04"))],
            ],
        );
        let l = loaded(vec![(Kind::Complaint, complaints)]);
        let t = comparisons(&l, &Period::parse("2026-10").unwrap(), &Template::builtin()).unwrap();
        let received = t
            .records_where("kpi", "complaints_received")
            .next()
            .unwrap();
        assert_eq!(
            [
                received.num("value"),
                received.num("previous"),
                received.num("mom_change"),
                received.num("mom_pct"),
                received.num("last_year"),
                received.num("yoy_pct"),
                received.num("ytd")
            ],
            [
                Some(3.0),
                Some(2.0),
                Some(1.0),
                Some(0.5),
                Some(1.0),
                Some(2.0),
                Some(5.0)
            ]
        );
        assert_eq!(received.measure("value"), Measure::Count);
        // The close rate falls from 100% to 33.3%: a change in percentage points.
        let rate = t.records_where("kpi", "close_rate").next().unwrap();
        assert_eq!(rate.measure("mom_change"), Measure::Share);
        assert!((rate.num("mom_change").unwrap() + 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(rate.measure("mom_pct"), Measure::Change);
        // Nothing surveyed: the own-brand share is missing, not 0.
        let own = t.records_where("kpi", "own_brand_share").next().unwrap();
        assert_eq!(*own.get("value"), Val::Null);
    }
}

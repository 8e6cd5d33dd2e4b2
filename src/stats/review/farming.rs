//! The farming blocks of 我的市场 (4-3 一.5, 一.8, 一.11): FCR per species — mine, my
//! market's, the department's —, the demonstration farms, diseases and the forecast of the
//! person's market.

use std::collections::BTreeMap;

use polars::prelude::*;

use super::Reviews;
use super::market::*;
use crate::schema::Kind;
use crate::stats::query::{text_col, within};
use crate::stats::{BLANK, Column, Id, Measure, Table, Val};

/// FCR per species: the person's batches, the market's, the department's — each a ratio of
/// sums, never across species.
pub(super) fn fcr(r: &Reviews<'_>, name: &str, m: &Market) -> Table {
    let groups = &r.report.fcr.groups;
    let mut t = Table::new(
        Id::MyFcr,
        FCR_TITLE.0,
        FCR_TITLE.1,
        [
            Column::text("species", "品种", "species"),
            Column::of(Measure::Key, "scope", "范围代码", "scope"),
        ]
        .into_iter()
        .chain(Column::labels("scope_label", "scope_en", "范围", "scope"))
        .chain([
            Column::of(Measure::Count, "batches", "批次", "batches"),
            Column::of(Measure::Ratio, "fcr", "料肉比/饵料系数", "FCR"),
        ])
        .collect(),
    );
    let sums = |grouping: &str, keep: &dyn Fn(&str) -> Option<String>| {
        let mut by: BTreeMap<String, (f64, f64, f64)> = BTreeMap::new();
        for x in groups.records_where("grouping", grouping) {
            let Some(species) = x.text("group").and_then(keep) else {
                continue;
            };
            let e = by.entry(species).or_default();
            e.0 += x.num("batches").unwrap_or(0.0);
            e.1 += x.num("feed_kg").unwrap_or(0.0);
            e.2 += x.num("gain_kg").unwrap_or(0.0);
        }
        by
    };
    let mine = sums("technician_species", &|g: &str| {
        g.strip_prefix(name)?.strip_prefix('/').map(str::to_string)
    });
    let market = sums("region_species", &|g: &str| {
        let (region, species) = g.split_once('/')?;
        m.has(region).then(|| species.to_string())
    });
    let dept = sums("species", &|g: &str| Some(g.to_string()));
    for species in dept.keys() {
        for (scope, (zh, en), by) in [
            ("mine", ("本人批次", "my batches"), &mine),
            ("market", ("本市场", "my market"), &market),
            ("department", ("全部门", "department"), &dept),
        ] {
            let Some(&(batches, feed, gain)) = by.get(species) else {
                continue;
            };
            t.rows.push(vec![
                Val::text(species),
                Val::text(scope),
                Val::text(zh),
                Val::text(en),
                Val::Int(batches as i64),
                Val::num((gain > 0.0).then(|| feed / gain)),
            ]);
        }
    }
    t
}

pub(super) fn demo_farms(r: &Reviews<'_>, m: &Market) -> Table {
    let all = &r.report.demo_farms.farms;
    let keys = [
        "region",
        "farm",
        "first_seen",
        "last_visit_date",
        "last_visit_technician",
        "days_since_visit",
        "batches",
        "unvisited",
    ];
    let columns = keys
        .iter()
        .map(|k| all.columns[all.index_of(k)].clone())
        .collect();
    let mut t = Table::new(Id::MyDemoFarms, DEMO_TITLE.0, DEMO_TITLE.1, columns);
    for x in in_market(all, m) {
        t.rows.push(keys.iter().map(|k| x.get(k).clone()).collect());
    }
    t
}

pub(super) fn diseases(r: &Reviews<'_>, m: &Market) -> PolarsResult<Table> {
    let df = r
        .loaded
        .frames
        .get(Kind::Disease)
        .lazy()
        .filter(within("report_date", &r.period))
        .collect()?;
    let (region, disease) = (text_col(&df, "region")?, text_col(&df, "disease")?);
    let mut by: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    for (g, d) in region.iter().zip(&disease) {
        let d = d.clone().unwrap_or_else(|| BLANK.to_string());
        let e = by.entry(d).or_default();
        e.1 += 1;
        if g.as_deref().is_some_and(|g| m.has(g)) {
            e.0 += 1;
        }
    }
    let new = &r.report.diseases.new;
    let mut t = Table::new(
        Id::MyDiseases,
        DISEASES_TITLE.0,
        DISEASES_TITLE.1,
        vec![
            Column::text("disease", "疾病名称", "disease"),
            Column::of(Measure::Count, "reports", "本市场报告(次)", "reports here"),
            Column::of(Measure::Flag, "new", "本市场新发", "new here"),
            Column::of(
                Measure::Count,
                "dept_reports",
                "全部门报告(次)",
                "department reports",
            ),
        ],
    );
    let mut rows: Vec<(String, i64, i64)> = by
        .into_iter()
        .filter(|(_, (here, _))| *here > 0)
        .map(|(d, (here, all))| (d, here, all))
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (d, here, all) in rows {
        let is_new = in_market(new, m)
            .iter()
            .any(|x| x.text("disease") == Some(d.as_str()));
        t.rows.push(vec![
            Val::text(d),
            Val::Int(here),
            Val::Bool(is_new),
            Val::Int(all),
        ]);
    }
    Ok(t)
}

pub(super) fn forecast(r: &Reviews<'_>, m: &Market) -> Table {
    let all = &r.report.forecast.series;
    let mut t = Table::new(
        Id::MyForecast,
        FORECAST_TITLE.0,
        FORECAST_TITLE.1,
        all.columns.clone(),
    );
    t.note = all.note.clone();
    for (i, x) in all.records().enumerate() {
        if x.text("region").is_some_and(|g| m.has(g)) {
            t.rows.push(x.values().to_vec());
            t.row_measures.push(all.row_measures[i]);
        }
    }
    if all.rows.is_empty() {
        t.note = r.report.forecast.feed_type.note.clone();
    }
    t
}

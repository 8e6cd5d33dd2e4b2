//! 我的工作 and 我的出差, and the person's own batches and field visits: every §5.3 figure
//! beside the department median with his rank, previous period and 环比; his field visits per
//! month against the median; his trips (4-2) beside the department's.

use std::collections::BTreeMap;

use polars::prelude::*;

use super::{Reviews, record_table};
use crate::schema::Kind;
use crate::stats::fcr::batch_problem;
use crate::stats::query::{date_col, num_col, text_col, within, year_month, year_month_of};
use crate::stats::ranking::{median, rank};
use crate::stats::technicians::FIGURES;
use crate::stats::{BLANK, Column, Id, Measure, Table, Val, ordered_labels};
use crate::taxonomy::{Dimension, RESOLVED};

/// Every §5.3 figure of `name`: mine, the department median, my rank of N, mine last period,
/// 环比.
pub fn my_work(r: &Reviews<'_>, name: &str) -> Table {
    let me = r.current.get(name).cloned().unwrap_or_default();
    let before = r.previous.get(name).cloned().unwrap_or_default();
    let ranked = r.workers.iter().any(|w| w == name);
    let mut t = Table::new(
        Id::MyWork,
        format!("我的工作:{name} 本期各项工作与部门对比(4-3 一.7)"),
        format!("My work: {name} this period against the department"),
        Column::labels("figure", "figure_en", "指标", "figure")
            .into_iter()
            .chain([
                Column::of(Measure::Key, "key", "指标代码", "key"),
                Column::of(Measure::OfRow, "mine", "本人", "mine"),
                Column::of(
                    Measure::MedianOfRow,
                    "dept_median",
                    "部门中位数",
                    "department median",
                ),
                Column::of(Measure::Ordinal, "rank", "排名", "rank"),
                Column::of(Measure::Count, "of", "参与排名人数", "of"),
                Column::of(
                    Measure::OfRow,
                    "previous",
                    "本人上期",
                    "mine, previous period",
                ),
                Column::of(Measure::OfRow, "mom_change", "环比变化", "change"),
                Column::of(Measure::Change, "mom_pct", "环比%", "change %"),
            ])
            .collect(),
    );
    t.dash_for_null = true;
    for fig in &FIGURES {
        let mut values: Vec<f64> = r
            .workers
            .iter()
            .filter_map(|w| r.current.get(w)?.get(fig.key))
            .collect();
        let value = me.get(fig.key);
        let prev = before.get(fig.key);
        let place = value
            .filter(|_| ranked)
            .map(|v| rank(v, &values, fig.lower_is_better) as f64);
        let (change, pct) = crate::stats::table::change(value, prev);
        t.rows.push(vec![
            Val::text(fig.zh),
            Val::text(fig.en),
            Val::text(fig.key),
            Val::of(fig.measure, value),
            Val::of(fig.measure.median(), median(&mut values)),
            Val::of(Measure::Ordinal, place),
            Val::Int(if ranked { values.len() as i64 } else { 0 }),
            Val::of(fig.measure, prev),
            Val::of(fig.measure.difference(), change),
            Val::of(Measure::Change, pct),
        ]);
        t.row_measures.push(fig.measure);
    }
    t
}

/// `name`'s field visits per month against the department median, over 12 months.
///
/// # Errors
/// A polars error.
pub fn monthly_visits(r: &Reviews<'_>, name: &str) -> PolarsResult<Table> {
    let (window, months) = r.period.trailing_year();
    let df = r
        .loaded
        .frames
        .get(Kind::FieldVisit)
        .lazy()
        .filter(within("visit_date", &window).and(col("technician").is_not_null()))
        .group_by([col("technician"), year_month("visit_date")])
        .agg([len().cast(DataType::Int64).alias("n")])
        .collect()?;
    let (names, ym) = (
        text_col(&df, "technician")?,
        df.column("ym")?.cast(&DataType::Int32)?,
    );
    let (ym, n) = (ym.i32()?, df.column("n")?.i64()?);
    let mut visits: BTreeMap<(String, i32), i64> = BTreeMap::new();
    for (i, t) in names.into_iter().enumerate() {
        if let (Some(t), Some(k), Some(c)) = (t, ym.get(i), n.get(i)) {
            visits.insert((t, k), c);
        }
    }
    let mut t = Table::new(
        Id::ReviewMonthlyVisits,
        format!("{name} 每月现场拜访与部门中位数(近12个月)"),
        format!("{name}: field visits per month against the department median"),
        vec![
            Column::text("month", "月份", "month"),
            Column::of(Measure::Count, "mine", name, name),
            Column::of(
                Measure::Median,
                "department_median",
                "部门中位数",
                "department median",
            ),
        ],
    );
    let count = |who: &str, key: i32| visits.get(&(who.to_string(), key)).copied().unwrap_or(0);
    for m in &months {
        let key = year_month_of(*m);
        let mut all: Vec<f64> = r.workers.iter().map(|w| count(w, key) as f64).collect();
        t.rows.push(vec![
            Val::text(m.format("%Y-%m").to_string()),
            Val::Int(count(name, key)),
            Val::num(median(&mut all)),
        ]);
    }
    Ok(t)
}

/// 一.9: per species, the person's best and worst plausible batch of the period by FCR,
/// beside the department's FCR of that species.
///
/// # Errors
/// A polars error.
pub fn my_batches(r: &Reviews<'_>, name: &str, (zh, en): (&str, &str)) -> PolarsResult<Table> {
    let df = r
        .loaded
        .frames
        .get(Kind::Batch)
        .lazy()
        .filter(
            within("end_date", &r.period)
                .and(col("technician").eq(lit(name)).fill_null(lit(false))),
        )
        .collect()?;
    let (farm, species, region) = (
        text_col(&df, "farm")?,
        text_col(&df, "species")?,
        text_col(&df, "region")?,
    );
    let (w0, w1, feed) = (
        num_col(&df, "start_weight_kg")?,
        num_col(&df, "end_weight_kg")?,
        num_col(&df, "feed_kg")?,
    );
    let end = date_col(&df, "end_date")?;
    // Per species: its plausible batches as (FCR, row).
    let mut by: BTreeMap<String, Vec<(f64, usize)>> = BTreeMap::new();
    for i in 0..df.height() {
        let s = species[i].clone().unwrap_or_default();
        let (f, gain) = (
            feed[i].unwrap_or(0.0),
            w1[i].unwrap_or(0.0) - w0[i].unwrap_or(0.0),
        );
        if batch_problem(r.template, &s, f, gain).is_none() {
            by.entry(s).or_default().push((f / gain, i));
        }
    }
    let mut t = Table::new(
        Id::MyBatches,
        zh,
        en,
        vec![
            Column::text("species", "品种", "species"),
            Column::text("rank", "排名", "rank"),
            Column::text("farm", "户名", "farm"),
            Column::text("region", "地区", "region"),
            Column::of(Measure::Date, "end_date", "出栏日期", "end date"),
            Column::of(Measure::Ratio, "fcr", "料肉比/饵料系数", "FCR"),
            Column::of(Measure::Ratio, "dept_fcr", "全部门该品种", "department FCR"),
        ],
    );
    let dept = &r.report.fcr.groups;
    for (s, mut list) in by {
        list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let dept_fcr = dept
            .records_where("grouping", "species")
            .find(|x| x.text("group") == Some(s.as_str()))
            .and_then(|x| x.num("fcr"));
        let best = list[0];
        let picks = if list.len() > 1 {
            vec![("最好", best), ("最差", list[list.len() - 1])]
        } else {
            vec![("最好", best)]
        };
        for (label, (fcr, i)) in picks {
            t.rows.push(vec![
                Val::text(&s),
                Val::text(label),
                farm[i].clone().map_or(Val::Null, Val::text),
                region[i].clone().map_or(Val::Null, Val::text),
                end[i].map_or(Val::Null, Val::Date),
                Val::Num(fcr),
                Val::num(dept_fcr),
            ]);
        }
    }
    Ok(t)
}

/// 一.10: the person's field visits of the period per problem class, with how many were
/// resolved, beside the department's share of that class.
///
/// # Errors
/// A polars error.
pub fn my_field_visits(r: &Reviews<'_>, name: &str, (zh, en): (&str, &str)) -> PolarsResult<Table> {
    let df = r
        .loaded
        .frames
        .get(Kind::FieldVisit)
        .lazy()
        .filter(within("visit_date", &r.period))
        .collect()?;
    let (tech, class, resolution) = (
        text_col(&df, "technician")?,
        text_col(&df, "problem_class")?,
        text_col(&df, "resolution")?,
    );
    // Per class: (mine, mine resolved, department).
    let mut by: BTreeMap<String, (i64, i64, i64)> = BTreeMap::new();
    for i in 0..df.height() {
        let c = class[i].clone().unwrap_or_else(|| BLANK.to_string());
        let e = by.entry(c).or_default();
        e.2 += 1;
        if tech[i].as_deref() == Some(name) {
            e.0 += 1;
            e.1 += i64::from(resolution[i].as_deref() == Some(RESOLVED));
        }
    }
    let (mine_total, dept_total): (i64, i64) =
        by.values().fold((0, 0), |a, v| (a.0 + v.0, a.1 + v.2));
    let mut t = Table::new(
        Id::MyFieldVisits,
        zh,
        en,
        vec![
            Column::text("problem_class", "问题分类", "problem class"),
            Column::of(Measure::Count, "count", "本人拜访(次)", "my visits"),
            Column::of(Measure::Count, "resolved", "已解决", "resolved"),
            Column::of(Measure::Share, "share", "本人占比", "my share"),
            Column::of(
                Measure::Share,
                "dept_share",
                "全部门占比",
                "department share",
            ),
        ],
    );
    let present: Vec<Option<String>> = by.keys().map(|k| (k != BLANK).then(|| k.clone())).collect();
    for c in ordered_labels(Dimension::ProblemClass, &present) {
        let (mine, resolved, dept) = by.get(&c).copied().unwrap_or_default();
        t.rows.push(vec![
            Val::text(c),
            Val::Int(mine),
            Val::Int(resolved),
            Val::share(mine, mine_total),
            Val::share(dept, dept_total),
        ]);
    }
    Ok(t)
}

/// 我的出差 (4-2): the person's trips, trip days, approvals missing, days without a record and
/// field days beside the department's median; and his trips with a finding, with the dates.
pub fn trips(r: &Reviews<'_>, name: &str) -> Vec<Table> {
    let by = &r.report.trips.by_technician;
    let keys = [
        "trips",
        "trip_days",
        "approval_missing",
        "days_without_record",
        "field_days",
    ];
    let me = by.records_where("technician", name).next();
    let mut columns = Vec::new();
    let mut row = Vec::new();
    for k in keys {
        let c = &by.columns[by.index_of(k)];
        let mut values: Vec<f64> = by.records().filter_map(|x| x.num(k)).collect();
        columns.push(c.clone());
        row.push(me.map_or(Val::Int(0), |x| x.get(k).clone()));
        columns.push(Column::of(
            Measure::Median,
            format!("dept_median_{k}"),
            format!("部门中位数:{}", c.zh),
            format!("department median: {}", c.en),
        ));
        row.push(Val::num(median(&mut values)));
    }
    let summary = record_table(
        Id::MyTrips,
        (
            format!("我的出差:{name} 本期出差与考勤(4-2)"),
            format!("My trips: {name} this period (4-2)"),
        ),
        columns,
        row,
    );
    let flagged = &r.report.trips.flagged;
    let mut list = Table::new(
        Id::MyTripsFlagged,
        "需要说明的出差:缺审批、超过两天缺每日工作记录(及缺记录的日期)",
        "Trips to explain: approval missing, days without a record (with the dates)",
        flagged.columns.clone(),
    );
    list.rows = flagged
        .records_where("technician", name)
        .map(|x| x.values().to_vec())
        .collect();
    vec![summary, list]
}

//! Counts and shares by one dimension, channel × first action, and the cross-tables
//! (SPEC §5.1 items 1–3). Every complaint received in the period is counted exactly once in
//! each breakdown: blanks count as `未填写`, unknown values as `其他/未识别`.

use crate::stats::Id;
use std::collections::HashMap;

use polars::prelude::*;

use crate::stats::query::{count_by, count_by2};
use crate::stats::{BLANK, Column, Layout, Measure, Table, Val, ordered_labels};
use crate::taxonomy::{Dimension, RESPONSIBILITY_COMPANY};

/// The `summary.json` key of each first action's count, in the order of the canonical
/// labels (SPEC §6.1 `complaints_by_channel`).
pub const FIRST_ACTION_KEYS: [&str; 4] =
    ["immediate", "notified_market", "site_visit", "escalated"];

fn key(k: &Option<String>) -> String {
    k.clone().unwrap_or_else(|| BLANK.to_string())
}

/// `dim` counts with their share of `whole` (the number of rows counted).
fn shares(
    lf: LazyFrame,
    field: &str,
    dim: Dimension,
    id: Id,
    zh: &str,
    en: &str,
) -> PolarsResult<Table> {
    let counts = count_by(lf, field)?;
    let present: Vec<Option<String>> = counts.iter().map(|(k, _)| k.clone()).collect();
    let map: HashMap<String, i64> = counts.iter().map(|(k, n)| (key(k), *n)).collect();
    let whole: i64 = map.values().sum();
    let mut t = Table::new(
        id,
        zh,
        en,
        vec![
            Column::text(field, dim.zh(), dim.en()),
            Column::of(Measure::Count, "count", "件数", "count"),
            Column::of(Measure::Share, "share", "占比", "share"),
        ],
    );
    for label in ordered_labels(dim, &present) {
        let n = map.get(&label).copied().unwrap_or(0);
        t.rows
            .push(vec![Val::text(label), Val::Int(n), Val::share(n, whole)]);
    }
    Ok(t)
}

pub fn by_category(lf: LazyFrame) -> PolarsResult<Table> {
    shares(
        lf,
        "category",
        Dimension::Category,
        Id::ComplaintsByCategory,
        "投诉类别统计",
        "Complaints by category",
    )
}

pub fn by_responsibility(lf: LazyFrame) -> PolarsResult<Table> {
    shares(
        lf,
        "responsibility",
        Dimension::Responsibility,
        Id::ComplaintsByResponsibility,
        "责任归属统计",
        "Complaints by responsibility",
    )
}

pub fn by_status(lf: LazyFrame) -> PolarsResult<Table> {
    shares(
        lf,
        "status",
        Dimension::Status,
        Id::ComplaintsByStatus,
        "处理状态统计",
        "Complaints by status",
    )
}

/// Departments, as shares of the complaints whose responsibility is 公司.
pub fn by_dept(lf: LazyFrame) -> PolarsResult<Table> {
    let company = lf.filter(col("responsibility").eq(lit(RESPONSIBILITY_COMPANY)));
    shares(
        company,
        "dept",
        Dimension::Dept,
        Id::ComplaintsByDept,
        "公司责任部门统计(占公司责任投诉)",
        "Company departments (share of complaints the company is responsible for)",
    )
}

/// Per channel: received, and per first action its count and share of received.
pub fn by_channel(lf: LazyFrame) -> PolarsResult<Table> {
    let pairs = count_by2(lf, "channel", "first_action")?;
    let present: Vec<Option<String>> = pairs.iter().map(|(c, _, _)| c.clone()).collect();
    let mut received: HashMap<String, i64> = HashMap::new();
    let mut by_action: HashMap<(String, String), i64> = HashMap::new();
    for (c, a, n) in &pairs {
        *received.entry(key(c)).or_default() += n;
        *by_action.entry((key(c), key(a))).or_default() += n;
    }
    let actions: Vec<(&str, &str, &str)> = FIRST_ACTION_KEYS
        .iter()
        .zip(Dimension::FirstAction.labels())
        .map(|(k, l)| (*k, l.zh, l.en))
        .collect();
    let mut columns = vec![
        Column::text("channel", "受理方式", "channel"),
        Column::of(Measure::Count, "received", "接待总数", "received"),
    ];
    for &(k, zh, en) in &actions {
        columns.push(Column::of(Measure::Count, k, zh, en));
        columns.push(Column::of(
            Measure::Share,
            format!("{k}_share"),
            format!("{zh}%"),
            format!("{en} %"),
        ));
    }
    let mut t = Table::new(
        Id::ComplaintsByChannel,
        "受理方式 × 处置方式",
        "Channel × first action",
        columns,
    );
    for channel in ordered_labels(Dimension::Channel, &present) {
        let r = received.get(&channel).copied().unwrap_or(0);
        let mut row = vec![Val::text(channel.clone()), Val::Int(r)];
        for (_, zh, _) in &actions {
            let n = by_action
                .get(&(channel.clone(), zh.to_string()))
                .copied()
                .unwrap_or(0);
            row.push(Val::Int(n));
            row.push(Val::share(n, r));
        }
        t.rows.push(row);
    }
    Ok(t)
}

/// A cross-table of two dimensions' counts; rows of `rows_dim` (or, for free text such as
/// region, the values present ordered by count), columns of `cols_dim`.
#[allow(clippy::too_many_arguments)]
fn cross(
    lf: LazyFrame,
    row_field: &'static str,
    row_dim: Option<Dimension>,
    row_zh: &str,
    col_field: &'static str,
    col_dim: Dimension,
    id: Id,
    zh: &str,
    en: &str,
) -> PolarsResult<Table> {
    let pairs = count_by2(lf, row_field, col_field)?;
    let row_present: Vec<Option<String>> = pairs.iter().map(|(r, _, _)| r.clone()).collect();
    let col_present: Vec<Option<String>> = pairs.iter().map(|(_, c, _)| c.clone()).collect();
    let mut counts: HashMap<(String, String), i64> = HashMap::new();
    let mut row_totals: HashMap<String, i64> = HashMap::new();
    for (r, c, n) in &pairs {
        *counts.entry((key(r), key(c))).or_default() += n;
        *row_totals.entry(key(r)).or_default() += n;
    }
    let rows = match row_dim {
        Some(d) => ordered_labels(d, &row_present),
        None => {
            let mut labels: Vec<String> = row_totals.keys().cloned().collect();
            labels.sort_by(|a, b| row_totals[b].cmp(&row_totals[a]).then(a.cmp(b)));
            labels
        }
    };
    let cols = ordered_labels(col_dim, &col_present);
    let mut columns = vec![Column::text(row_field, row_zh, row_field)];
    columns.extend(cols.iter().map(|c| {
        Column::of(
            Measure::Count,
            c.clone(),
            c.clone(),
            crate::stats::label_en(col_dim, c),
        )
    }));
    let mut t = Table::new(id, zh, en, columns);
    t.layout = Layout::Cross {
        row_key: row_field,
        col_key: col_field,
        value_key: "count",
    };
    for r in rows {
        let mut row = vec![Val::text(r.clone())];
        row.extend(
            cols.iter()
                .map(|c| Val::Int(counts.get(&(r.clone(), c.clone())).copied().unwrap_or(0))),
        );
        t.rows.push(row);
    }
    Ok(t)
}

pub fn category_x_responsibility(lf: LazyFrame) -> PolarsResult<Table> {
    cross(
        lf,
        "category",
        Some(Dimension::Category),
        "投诉类别",
        "responsibility",
        Dimension::Responsibility,
        Id::ComplaintsCategoryXResponsibility,
        "投诉类别 × 责任归属",
        "Category × responsibility",
    )
}

pub fn channel_x_status(lf: LazyFrame) -> PolarsResult<Table> {
    cross(
        lf,
        "channel",
        Some(Dimension::Channel),
        "受理方式",
        "status",
        Dimension::Status,
        Id::ComplaintsChannelXStatus,
        "受理方式 × 处理状态",
        "Channel × status",
    )
}

pub fn region_x_category(lf: LazyFrame) -> PolarsResult<Table> {
    cross(
        lf,
        "region",
        None,
        "地区",
        "category",
        Dimension::Category,
        Id::ComplaintsRegionXCategory,
        "地区 × 投诉类别",
        "Region × category",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Kind;
    use crate::stats::fixtures::{F::*, frame};

    #[test]
    fn every_complaint_counts_once_with_blank_and_unknown_rows() {
        #[rustfmt::skip]
        let df = frame(
            Kind::Complaint,
            &[
                &[("received_date", D("2026-10-01")), ("category", T("品质")), ("responsibility", T("公司")), ("dept", T("生产"))],
                &[("received_date", D("2026-10-02")), ("category", T("品质")), ("responsibility", T("公司"))],
                &[("received_date", D("2026-10-03")), ("category", T("其他/未识别")), ("responsibility", T("用户"))],
                &[("received_date", D("2026-10-04")), ("responsibility", T("用户"))],
            ],
        );
        let t = by_category(df.clone().lazy()).unwrap();
        let rows: Vec<(String, i64)> = t
            .records()
            .map(|r| {
                (
                    r.text("category").unwrap().to_string(),
                    r.num("count").unwrap() as i64,
                )
            })
            .collect();
        // The six categories in SPEC order, then the unknown and the blank.
        assert_eq!(rows[0], ("品质".to_string(), 2));
        assert_eq!(rows.len(), 8);
        assert_eq!(rows[6], ("其他/未识别".to_string(), 1));
        assert_eq!(rows[7], ("未填写".to_string(), 1));
        assert_eq!(t.first().unwrap().num("share"), Some(0.5));
        // Departments are shares of the two complaints the company is responsible for.
        let d = by_dept(df.lazy()).unwrap();
        let production = d.records_where("dept", "生产").next().unwrap();
        assert_eq!(production.num("share"), Some(0.5));
        let blank = d.records_where("dept", "未填写").next().unwrap();
        assert_eq!(blank.num("count"), Some(1.0));
    }
}

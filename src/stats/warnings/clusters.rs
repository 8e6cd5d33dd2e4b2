//! Quality clusters (批次预警, SPEC §5.5 item 1): a product going wrong at several customers
//! at once — the period's 品质 complaints about one product, cut into runs wherever two
//! consecutive 受理日期 are more than `cluster_days` apart; a run with at least `cluster_min`
//! complaints from at least two customers is a cluster.

use crate::stats::Id;
use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use polars::prelude::*;

use crate::measure::Measure;
use crate::period::Period;
use crate::stats::query::{date_col, text_col, within};
use crate::stats::{Column, Table, Val};
use crate::taxonomy::CATEGORY_QUALITY;

/// One quality complaint about a named product.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Complaint {
    date: NaiveDate,
    id: String,
    /// The customer; a blank one counts as a customer of its own (its row stands in).
    customer: Result<String, usize>,
    region: Option<String>,
}

/// A cluster found: product, first and last date, complaints, customers, regions, ids.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub product: String,
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub complaints: usize,
    pub customers: usize,
    pub regions: Vec<String>,
    pub ids: Vec<String>,
}

fn quality_complaints(
    complaints: &DataFrame,
    p: &Period,
) -> PolarsResult<BTreeMap<String, Vec<Complaint>>> {
    let quality = col("category")
        .eq(lit(CATEGORY_QUALITY))
        .fill_null(lit(false))
        .and(col("product").is_not_null());
    let df = complaints
        .clone()
        .lazy()
        .filter(within("received_date", p).and(quality))
        .collect()?;
    let (ids, products) = (text_col(&df, "id")?, text_col(&df, "product")?);
    let (customers, regions) = (text_col(&df, "customer")?, text_col(&df, "region")?);
    let dates = date_col(&df, "received_date")?;
    let mut by_product: BTreeMap<String, Vec<Complaint>> = BTreeMap::new();
    for i in 0..df.height() {
        let (Some(product), Some(date)) = (&products[i], dates[i]) else {
            continue;
        };
        by_product
            .entry(product.clone())
            .or_default()
            .push(Complaint {
                date,
                id: ids[i].clone().unwrap_or_default(),
                customer: customers[i].clone().ok_or(i),
                region: regions[i].clone(),
            });
    }
    for list in by_product.values_mut() {
        list.sort();
    }
    Ok(by_product)
}

/// Cuts one product's complaints (in date order) into runs at gaps of more than `gap_days`.
fn runs(list: &[Complaint], gap_days: i64) -> Vec<&[Complaint]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=list.len() {
        if i == list.len() || (list[i].date - list[i - 1].date).num_days() > gap_days {
            out.push(&list[start..i]);
            start = i;
        }
    }
    out
}

fn cluster(product: &str, run: &[Complaint]) -> Cluster {
    let regions: BTreeSet<&String> = run.iter().filter_map(|c| c.region.as_ref()).collect();
    Cluster {
        product: product.to_string(),
        first: run[0].date,
        last: run[run.len() - 1].date,
        complaints: run.len(),
        customers: run
            .iter()
            .map(|c| &c.customer)
            .collect::<BTreeSet<_>>()
            .len(),
        regions: regions.into_iter().cloned().collect(),
        ids: run.iter().map(|c| c.id.clone()).collect(),
    }
}

/// The quality clusters of period `p`, by first date then product.
///
/// # Errors
/// A polars error.
pub fn find(
    complaints: &DataFrame,
    p: &Period,
    gap_days: u32,
    min_complaints: u32,
) -> PolarsResult<Vec<Cluster>> {
    let mut found: Vec<Cluster> = quality_complaints(complaints, p)?
        .iter()
        .flat_map(|(product, list)| {
            runs(list, i64::from(gap_days))
                .into_iter()
                .map(|run| cluster(product, run))
                .collect::<Vec<_>>()
        })
        .filter(|c| c.complaints >= min_complaints as usize && c.customers >= 2)
        .collect();
    found.sort_by(|a, b| a.first.cmp(&b.first).then(a.product.cmp(&b.product)));
    Ok(found)
}

/// The `warning_clusters` table.
pub fn table(clusters: &[Cluster]) -> Table {
    let mut t = Table::new(
        Id::WarningClusters,
        "批次预警:同一产品短期内多家客户投诉品质问题",
        "Quality clusters: one product, several customers, within days",
        vec![
            Column::text("product", "产品", "product"),
            Column::of(Measure::Date, "first_date", "首次受理", "first received"),
            Column::of(Measure::Date, "last_date", "最后受理", "last received"),
            Column::of(Measure::Count, "complaints", "投诉(件)", "complaints"),
            Column::of(Measure::Count, "customers", "客户数", "customers"),
            Column::text("regions", "地区", "regions"),
            Column::text("ids", "投诉编号", "complaint ids"),
        ],
    );
    for c in clusters {
        t.rows.push(vec![
            Val::text(&c.product),
            Val::Date(c.first),
            Val::Date(c.last),
            Val::Int(c.complaints as i64),
            Val::Int(c.customers as i64),
            Val::text(c.regions.join("、")),
            Val::text(c.ids.join("、")),
        ]);
    }
    t
}

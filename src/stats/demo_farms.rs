//! Demonstration farms (示范户; SPEC §5.2 item 8, the manual's 建立长期定点示范户并跟踪落实): which
//! farms are demonstration farms by the period end — from the field visits (客户类型 示范户) and
//! the batches (是否示范户 = 是) — which are new, which were visited in the period, and which
//! have gone unvisited for more than `demo_visit_days`; each farm's last visit and technician
//! and its batches that left in the period. Their FCR against the other farms is the `fcr`
//! table's `species_demo` grouping.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use polars::prelude::*;

use super::fcr::batch_problem;
use super::market::ALL_REGIONS;
use super::query::{date_col, num_col, text_col};
use super::{BLANK, Column, Id, Measure, Table, Val};
use crate::period::Period;
use crate::taxonomy::{DEMO_FARM, YES};
use crate::template::Template;
use crate::text::value_key;

/// The demonstration-farm tables, and how many farms went unvisited (for the warnings).
#[derive(Debug, Clone)]
pub struct DemoFarmStats {
    pub farms: Table,
    pub by_region: Table,
    pub unvisited: usize,
    /// Of the unvisited, how many were never visited.
    pub never_visited: usize,
    /// The template's limit, for the warning line.
    pub visit_days: u32,
}

/// What is known of one farm (customer) by the period end.
#[derive(Debug, Clone, Default)]
struct Farm {
    region: String,
    name: String,
    /// When the farm was first named a demonstration farm (none: never).
    first_seen: Option<NaiveDate>,
    /// The spelling's date, so the earliest record names the farm.
    named_on: Option<NaiveDate>,
    last_visit: Option<(NaiveDate, Option<String>)>,
    visited_in_period: bool,
    batches: i64,
}

impl Farm {
    /// Takes the record's spelling when it is the earliest seen.
    fn name(&mut self, region: &str, name: &str, on: NaiveDate) {
        if self.named_on.is_none_or(|d| on < d) {
            self.named_on = Some(on);
            self.region = region.to_string();
            self.name = name.to_string();
        }
    }

    fn seen_as_demo(&mut self, on: NaiveDate) {
        self.first_seen = Some(self.first_seen.map_or(on, |d| d.min(on)));
    }

    fn visited(&mut self, on: NaiveDate, technician: Option<String>, p: &Period) {
        if self.last_visit.as_ref().is_none_or(|(d, _)| on >= *d) {
            self.last_visit = Some((on, technician));
        }
        self.visited_in_period |= p.contains(on);
    }
}

/// Farms by their matching key: region and name after text normalisation.
type Farms = BTreeMap<(String, String), Farm>;

fn farm<'a>(farms: &'a mut Farms, region: &Option<String>, name: &str) -> &'a mut Farm {
    let region = region.as_deref().unwrap_or(BLANK);
    farms
        .entry((value_key(region), value_key(name)))
        .or_default()
}

/// The field visits on or before the period end: demonstration farms named, and every
/// customer's visits.
fn add_visits(farms: &mut Farms, visits: &DataFrame, p: &Period) -> PolarsResult<()> {
    let (customer, region) = (text_col(visits, "customer")?, text_col(visits, "region")?);
    let (kind, tech) = (
        text_col(visits, "customer_type")?,
        text_col(visits, "technician")?,
    );
    let date = date_col(visits, "visit_date")?;
    for i in 0..visits.height() {
        let (Some(name), Some(on)) = (&customer[i], date[i]) else {
            continue;
        };
        if on > p.end {
            continue;
        }
        let f = farm(farms, &region[i], name);
        f.name(region[i].as_deref().unwrap_or(BLANK), name, on);
        if kind[i].as_deref() == Some(DEMO_FARM) {
            f.seen_as_demo(on);
        }
        f.visited(on, tech[i].clone(), p);
    }
    Ok(())
}

/// The batches that left on or before the period end: demonstration farms named, and each
/// farm's plausible batches that left in the period.
fn add_batches(
    farms: &mut Farms,
    batches: &DataFrame,
    p: &Period,
    template: &Template,
) -> PolarsResult<()> {
    let (name, region) = (text_col(batches, "farm")?, text_col(batches, "region")?);
    let (demo, species) = (text_col(batches, "demo")?, text_col(batches, "species")?);
    let (w0, w1, feed) = (
        num_col(batches, "start_weight_kg")?,
        num_col(batches, "end_weight_kg")?,
        num_col(batches, "feed_kg")?,
    );
    let end = date_col(batches, "end_date")?;
    for i in 0..batches.height() {
        let (Some(n), Some(on)) = (&name[i], end[i]) else {
            continue;
        };
        if on > p.end {
            continue;
        }
        let is_demo = demo[i].as_deref() == Some(YES);
        let gain = w1[i].unwrap_or(0.0) - w0[i].unwrap_or(0.0);
        let species = species[i].as_deref().unwrap_or_default();
        let plausible = batch_problem(template, species, feed[i].unwrap_or(0.0), gain).is_none();
        let counted = plausible && p.contains(on);
        if !is_demo && !counted {
            continue;
        }
        let f = farm(farms, &region[i], n);
        f.name(region[i].as_deref().unwrap_or(BLANK), n, on);
        if is_demo {
            f.seen_as_demo(on);
        }
        if counted {
            f.batches += 1;
        }
    }
    Ok(())
}

/// Computes the demonstration-farm tables at the end of period `p`.
///
/// # Errors
/// A polars error.
pub fn compute(
    visits: &DataFrame,
    batches: &DataFrame,
    p: &Period,
    template: &Template,
) -> PolarsResult<DemoFarmStats> {
    let mut farms = Farms::new();
    add_visits(&mut farms, visits, p)?;
    add_batches(&mut farms, batches, p, template)?;
    let limit = template.demo_visit_days;
    let mut demo: Vec<Row> = farms
        .into_values()
        .filter_map(|f| Row::of(f, p, limit))
        .collect();
    demo.sort_by(|a, b| (&a.farm.region, &a.farm.name).cmp(&(&b.farm.region, &b.farm.name)));
    Ok(DemoFarmStats {
        unvisited: demo.iter().filter(|r| r.unvisited).count(),
        never_visited: demo.iter().filter(|r| r.farm.last_visit.is_none()).count(),
        visit_days: limit,
        by_region: by_region(&demo),
        farms: list(&demo),
    })
}

/// A demonstration farm with what the period end makes of it.
struct Row {
    farm: Farm,
    first_seen: NaiveDate,
    new: bool,
    days_since_visit: Option<i64>,
    unvisited: bool,
}

impl Row {
    /// The farm as a demonstration farm at the end of `p`, if it is one.
    fn of(farm: Farm, p: &Period, limit: u32) -> Option<Row> {
        let first_seen = farm.first_seen?;
        let days = farm
            .last_visit
            .as_ref()
            .map(|(d, _)| (p.end - *d).num_days());
        Some(Row {
            new: p.contains(first_seen),
            unvisited: days.is_none_or(|d| d > i64::from(limit)),
            days_since_visit: days,
            first_seen,
            farm,
        })
    }
}

fn list(rows: &[Row]) -> Table {
    let mut t = Table::new(
        Id::DemoFarms,
        "示范户(截至期末)与拜访跟踪",
        "Demonstration farms at the period end and their visits",
        vec![
            Column::text("region", "地区", "region"),
            Column::text("farm", "示范户", "farm"),
            Column::of(Measure::Date, "first_seen", "首次列为示范户", "first seen"),
            Column::of(Measure::Flag, "new", "本期新增", "new"),
            Column::of(Measure::Date, "last_visit_date", "最近拜访", "last visit"),
            Column::text("last_visit_technician", "拜访技术员", "visited by"),
            Column::of(
                Measure::Days,
                "days_since_visit",
                "距期末天数",
                "days since the visit",
            ),
            Column::of(
                Measure::Count,
                "batches",
                "本期出栏批次",
                "batches this period",
            ),
            Column::of(Measure::Flag, "unvisited", "超期未拜访", "unvisited"),
        ],
    );
    for r in rows {
        let (last, tech) = match &r.farm.last_visit {
            Some((d, t)) => (Val::Date(*d), t.clone().map_or(Val::Null, Val::text)),
            None => (Val::Null, Val::Null),
        };
        t.rows.push(vec![
            Val::text(&r.farm.region),
            Val::text(&r.farm.name),
            Val::Date(r.first_seen),
            Val::Bool(r.new),
            last,
            tech,
            r.days_since_visit.map_or(Val::Null, Val::Int),
            Val::Int(r.farm.batches),
            Val::Bool(r.unvisited),
        ]);
    }
    t
}

fn by_region(rows: &[Row]) -> Table {
    let mut t = Table::new(
        Id::DemoFarmsByRegion,
        "各地区示范户",
        "Demonstration farms by region",
        vec![
            Column::text("region", "地区", "region"),
            Column::of(Measure::Count, "farms", "示范户", "farms"),
            Column::of(Measure::Count, "new", "本期新增", "new"),
            Column::of(Measure::Count, "visited", "本期拜访过", "visited"),
            Column::of(Measure::Count, "unvisited", "超期未拜访", "unvisited"),
        ],
    );
    let mut by: BTreeMap<&str, [i64; 4]> = BTreeMap::new();
    for r in rows {
        let add = [
            1,
            i64::from(r.new),
            i64::from(r.farm.visited_in_period),
            i64::from(r.unvisited),
        ];
        for region in [ALL_REGIONS, r.farm.region.as_str()] {
            let sums = by.entry(region).or_default();
            for (s, a) in sums.iter_mut().zip(add) {
                *s += a;
            }
        }
    }
    let all = by.remove(ALL_REGIONS);
    for (region, sums) in all.map(|s| (ALL_REGIONS, s)).into_iter().chain(by) {
        let mut row = vec![Val::text(region)];
        row.extend(sums.map(Val::Int));
        t.rows.push(row);
    }
    t
}

#[cfg(test)]
mod tests;

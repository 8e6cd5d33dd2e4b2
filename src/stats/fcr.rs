//! Feed conversion (SPEC §5.2 item 4): batches whose 出栏日期 is in the period; FCR (料肉比, or
//! 饵料系数 for aquatic species) as Σfeed / Σgain — a ratio of sums, never a mean of ratios —
//! feed and production cost per kg gain, mortality; by species, species × brand and own/other
//! brand, region × species, technician × species and demonstration farms against the others
//! — never pooled across species; the best and worst batches. Implausible batches are listed
//! and left out.

use crate::stats::Id;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use polars::prelude::*;

use super::query::{num_col, origins, text_col, within};
use super::{BLANK, Column, Layout, Measure, Table, Val};
use crate::frames::date_of;
use crate::issues::{DataIssue, Reason};
use crate::period::Period;
use crate::taxonomy::{DEMO_FARM, YES};
use crate::template::Template;

/// Label of the company's own brands in the species × brand grouping.
pub const OWN: &str = "本公司品牌";
/// Label of every other brand.
pub const OTHER: &str = "其他品牌";
/// Label of the farms that are not demonstration farms (`species_demo`).
pub const NOT_DEMO: &str = "非示范户";

/// One batch that passed the plausibility checks.
#[derive(Debug, Clone)]
struct Batch {
    farm: String,
    species: String,
    region: String,
    technician: String,
    brand: String,
    own: bool,
    /// 是否示范户 = 是 (blank counts as 否).
    demo: bool,
    end: NaiveDate,
    feed: f64,
    gain: f64,
    head_in: Option<f64>,
    deaths: Option<f64>,
    feed_cost: Option<f64>,
    other_cost: Option<f64>,
}

impl Batch {
    fn fcr(&self) -> f64 {
        self.feed / self.gain
    }
}

/// Sums over a group of batches.
#[derive(Debug, Default, Clone)]
struct Sums {
    batches: i64,
    feed: f64,
    gain: f64,
    feed_cost: f64,
    feed_cost_gain: f64,
    production_cost: f64,
    production_cost_gain: f64,
    deaths: f64,
    head_in: f64,
    aquatic: bool,
}

impl Sums {
    fn add(&mut self, b: &Batch, aquatic: bool) {
        self.batches += 1;
        self.feed += b.feed;
        self.gain += b.gain;
        if let Some(c) = b.feed_cost {
            self.feed_cost += c;
            self.feed_cost_gain += b.gain;
            if let Some(o) = b.other_cost {
                self.production_cost += c + o;
                self.production_cost_gain += b.gain;
            }
        }
        if let (Some(h), Some(d)) = (b.head_in, b.deaths) {
            self.head_in += h;
            self.deaths += d;
        }
        self.aquatic = aquatic;
    }

    fn ratio(a: f64, b: f64) -> Val {
        if b > 0.0 { Val::Num(a / b) } else { Val::Null }
    }
}

/// Every FCR table, and the batches left out.
#[derive(Debug, Clone)]
pub struct FcrStats {
    pub groups: Table,
    pub species_brand: Table,
    pub extremes: Table,
    pub issues: Vec<DataIssue>,
}

/// Why a batch is left out of the FCR statistics, if it is: no weight gain, or an FCR
/// outside the template's plausible range for its species (inclusive). The first part is the
/// figure to list as the raw value.
pub fn batch_problem(
    template: &Template,
    species: &str,
    feed: f64,
    gain: f64,
) -> Option<(String, Reason)> {
    if gain <= 0.0 {
        return Some((format!("{gain}"), Reason::NoGain));
    }
    let fcr = feed / gain;
    let (lo, hi) = template.fcr_range(species)?;
    (fcr < lo || fcr > hi).then(|| {
        (
            format!("{fcr:.2}"),
            Reason::ImplausibleFcr {
                species: species.to_string(),
                lo,
                hi,
            },
        )
    })
}

/// Computes the FCR statistics for batches ending in `p`.
///
/// # Errors
/// A polars error.
pub fn compute(batches: &DataFrame, p: &Period, template: &Template) -> PolarsResult<FcrStats> {
    let df = batches
        .clone()
        .lazy()
        .filter(within("end_date", p))
        .sort_by_exprs(
            [col(crate::frames::SOURCE), col(crate::frames::ROW)],
            SortMultipleOptions::default(),
        )
        .collect()?;
    let (kept, issues) = plausible_batches(&df, template)?;
    Ok(FcrStats {
        groups: groups(&kept, template),
        species_brand: species_brand(&kept, template),
        extremes: extremes::extremes(&kept, template),
        issues,
    })
}

/// The batches of `df` that pass [`batch_problem`], and a data problem for each other one.
fn plausible_batches(
    df: &DataFrame,
    template: &Template,
) -> PolarsResult<(Vec<Batch>, Vec<DataIssue>)> {
    let text = |name: &str| text_col(df, name);
    let (farm, species, region) = (text("farm")?, text("species")?, text("region")?);
    let (tech, brand, demo) = (text("technician")?, text("feed_brand")?, text("demo")?);
    let (w0, w1, feed) = (
        num_col(df, "start_weight_kg")?,
        num_col(df, "end_weight_kg")?,
        num_col(df, "feed_kg")?,
    );
    let (head_in, deaths) = (num_col(df, "head_in")?, num_col(df, "deaths")?);
    let (feed_cost, other_cost) = (num_col(df, "feed_cost")?, num_col(df, "other_cost")?);
    let end = df.column("end_date")?.cast(&DataType::Int32)?;
    let end = end.i32()?;
    let origins = origins(df)?;
    let mut kept = Vec::new();
    let mut issues = Vec::new();
    for i in 0..df.height() {
        let s = species[i].clone().unwrap_or_default();
        let gain = w1[i].unwrap_or(0.0) - w0[i].unwrap_or(0.0);
        let f = feed[i].unwrap_or(0.0);
        if let Some((raw, reason)) = batch_problem(template, &s, f, gain) {
            issues.push(DataIssue::kept(origins[i], raw, reason));
            continue;
        }
        let b = brand[i].clone().unwrap_or_default();
        kept.push(Batch {
            farm: farm[i].clone().unwrap_or_default(),
            own: template.is_own_brand(&b),
            demo: demo[i].as_deref() == Some(YES),
            brand: b,
            species: s,
            region: region[i].clone().unwrap_or_else(|| BLANK.to_string()),
            technician: tech[i].clone().unwrap_or_else(|| BLANK.to_string()),
            end: date_of(end.get(i).unwrap_or(0)),
            feed: f,
            gain,
            head_in: head_in[i],
            deaths: deaths[i],
            feed_cost: feed_cost[i],
            other_cost: other_cost[i],
        });
    }
    Ok((kept, issues))
}

fn metric_name(aquatic: bool) -> &'static str {
    if aquatic { "饵料系数" } else { "料肉比" }
}

/// One way of grouping batches (SPEC §5.2 item 4): its key, labels, the group of a batch,
/// and the batch's own-brand flag where the grouping is by brand.
struct Grouping {
    key: &'static str,
    zh: &'static str,
    en: &'static str,
    group_of: fn(&Batch) -> String,
    own_flag: fn(&Batch) -> Option<bool>,
}

/// A brand as a group label: blank as 未填写.
fn brand_label(b: &Batch) -> &str {
    if b.brand.is_empty() { BLANK } else { &b.brand }
}

/// The groupings of the `fcr` table, in order. Every group is one species: an FCR is never
/// pooled across species (SPEC §5.2 item 4).
const GROUPINGS: [Grouping; 6] = [
    Grouping {
        key: "species",
        zh: "品种",
        en: "species",
        group_of: |b| b.species.clone(),
        own_flag: |_| None,
    },
    Grouping {
        key: "species_brand",
        zh: "品种×品牌",
        en: "species × brand",
        group_of: |b| format!("{}/{}", b.species, brand_label(b)),
        own_flag: |b| Some(b.own),
    },
    Grouping {
        key: "species_own",
        zh: "品种×本公司/其他品牌",
        en: "species × own/other brands",
        group_of: |b| format!("{}/{}", b.species, if b.own { OWN } else { OTHER }),
        own_flag: |b| Some(b.own),
    },
    Grouping {
        key: "region_species",
        zh: "地区×品种",
        en: "region × species",
        group_of: |b| format!("{}/{}", b.region, b.species),
        own_flag: |_| None,
    },
    Grouping {
        key: "technician_species",
        zh: "技术员×品种",
        en: "technician × species",
        group_of: |b| format!("{}/{}", b.technician, b.species),
        own_flag: |_| None,
    },
    Grouping {
        key: "species_demo",
        zh: "品种×示范户",
        en: "species × demonstration farm",
        group_of: |b| {
            format!(
                "{}/{}",
                b.species,
                if b.demo { DEMO_FARM } else { NOT_DEMO }
            )
        },
        own_flag: |_| None,
    },
];

fn groups(kept: &[Batch], template: &Template) -> Table {
    let mut t = Table::new(
        Id::Fcr,
        "饲养效果:料肉比/饵料系数(Σ饲料 ÷ Σ增重)",
        "Feed conversion: FCR (Σ feed ÷ Σ gain)",
        Column::labels(
            "grouping_label",
            "grouping_label_en",
            "分组方式",
            "grouping",
        )
        .into_iter()
        .chain([
            Column::text("group", "组别", "group"),
            Column::text("metric", "指标", "metric"),
            Column::of(Measure::Flag, "own_brand", "本公司品牌", "own brand"),
            Column::of(Measure::Count, "batches", "批次", "batches"),
            Column::of(Measure::Quantity, "feed_kg", "饲料用量(kg)", "feed (kg)"),
            Column::of(Measure::Quantity, "gain_kg", "增重(kg)", "gain (kg)"),
            Column::of(Measure::Ratio, "fcr", "料肉比/饵料系数", "FCR"),
            Column::of(
                Measure::Money,
                "feed_cost_per_kg_gain",
                "每公斤增重饲料成本(元)",
                "feed cost per kg gain",
            ),
            Column::of(
                Measure::Money,
                "production_cost_per_kg_gain",
                "每公斤增重生产成本(元)",
                "production cost per kg gain",
            ),
            Column::of(Measure::Share, "mortality", "死亡率", "mortality"),
            Column::of(Measure::Key, "grouping", "分组代码", "grouping key"),
        ])
        .collect(),
    );
    for g in &GROUPINGS {
        let mut by: BTreeMap<String, Sums> = BTreeMap::new();
        let mut own: BTreeMap<String, bool> = BTreeMap::new();
        for b in kept {
            if let Some(flag) = (g.own_flag)(b) {
                own.insert((g.group_of)(b), flag);
            }
            // Every group is one species: its FCR is 饵料系数 when the species is aquatic.
            let aquatic = template.is_aquatic(&b.species);
            by.entry((g.group_of)(b)).or_default().add(b, aquatic);
        }
        for (group, s) in by {
            let flag = own.get(&group).map_or(Val::Null, |o| Val::Bool(*o));
            t.rows.push(vec![
                Val::text(g.zh),
                Val::text(g.en),
                Val::text(&group),
                Val::text(metric_name(s.aquatic)),
                flag,
                Val::Int(s.batches),
                Val::Num(s.feed),
                Val::Num(s.gain),
                Sums::ratio(s.feed, s.gain),
                Sums::ratio(s.feed_cost, s.feed_cost_gain),
                Sums::ratio(s.production_cost, s.production_cost_gain),
                if s.head_in > 0.0 {
                    Val::Pct(s.deaths / s.head_in)
                } else {
                    Val::Null
                },
                Val::text(g.key),
            ]);
        }
    }
    t
}

/// Species × own/other brand FCR, for the column chart.
fn species_brand(kept: &[Batch], template: &Template) -> Table {
    let mut by: BTreeMap<String, [Sums; 2]> = BTreeMap::new();
    for b in kept {
        let e = by.entry(b.species.clone()).or_default();
        e[usize::from(!b.own)].add(b, template.is_aquatic(&b.species));
    }
    let mut t = Table::new(
        Id::FcrSpeciesBrand,
        "各品种料肉比:本公司品牌与其他品牌",
        "FCR by species: own brands and others",
        vec![
            Column::text("species", "养殖品种", "species"),
            Column::of(Measure::Ratio, OWN, OWN, "own brands"),
            Column::of(Measure::Ratio, OTHER, OTHER, "other brands"),
        ],
    );
    t.layout = Layout::Cross {
        row_key: "species",
        col_key: "brand_group",
        value_key: "fcr",
    };
    for (species, [own, other]) in by {
        t.rows.push(vec![
            Val::text(species),
            Sums::ratio(own.feed, own.gain),
            Sums::ratio(other.feed, other.gain),
        ]);
    }
    t
}

mod extremes;
#[cfg(test)]
mod tests;

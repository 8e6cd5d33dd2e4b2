//! Farm feed usage (SPEC §5.2 item 6; 4-3 一.2.C): the main farms' commercial feed against
//! self-mixed feed. Per farm (户名 + 地区) the latest survey in the period counts; per region ×
//! species and overall (`全部`) the farms, the tonnes and the commercial and self-mixed shares;
//! per brand used, the farms and the commercial tonnes with their share and own-brand flag —
//! the farm-side view of market share.

use crate::stats::Id;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use polars::prelude::*;

use super::market::ALL_REGIONS;
use super::query::{date_col, num_col, text_col, within};
use super::{BLANK, Column, Measure, Table, Val};
use crate::period::Period;
use crate::template::Template;

/// One farm's latest survey in the period.
#[derive(Debug, Clone)]
struct Farm {
    region: String,
    species: String,
    total: f64,
    commercial: Option<f64>,
    self_mixed: Option<f64>,
    brand: String,
}

/// Sums over a group of farms.
#[derive(Debug, Default, Clone, Copy)]
struct Sums {
    farms: i64,
    total: f64,
    commercial: f64,
    self_mixed: f64,
    /// Σ total over the farms that give commercial tonnes (the commercial share's base) …
    commercial_base: f64,
    commercial_given: f64,
    /// … and over those that give self-mixed tonnes.
    self_mixed_base: f64,
    self_mixed_given: f64,
}

impl Sums {
    fn add(&mut self, f: &Farm) {
        self.farms += 1;
        self.total += f.total;
        if let Some(c) = f.commercial {
            self.commercial += c;
            self.commercial_given += c;
            self.commercial_base += f.total;
        }
        if let Some(m) = f.self_mixed {
            self.self_mixed += m;
            self.self_mixed_given += m;
            self.self_mixed_base += f.total;
        }
    }

    /// The commercial and self-mixed shares, over the farms that give each.
    fn shares(&self) -> [Val; 2] {
        [
            ratio(self.commercial_given, self.commercial_base),
            ratio(self.self_mixed_given, self.self_mixed_base),
        ]
    }
}

fn ratio(a: f64, b: f64) -> Val {
    if b > 0.0 { Val::Pct(a / b) } else { Val::Null }
}

/// The latest survey of each farm in the period (the later row wins a tie).
fn latest_farms(usage: &DataFrame, p: &Period) -> PolarsResult<Vec<Farm>> {
    let df = usage
        .clone()
        .lazy()
        .filter(within("survey_date", p))
        .sort_by_exprs(
            [col(crate::frames::SOURCE), col(crate::frames::ROW)],
            SortMultipleOptions::default(),
        )
        .collect()?;
    let (farm, region, species) = (
        text_col(&df, "farm")?,
        text_col(&df, "region")?,
        text_col(&df, "species")?,
    );
    let (total, commercial, self_mixed) = (
        num_col(&df, "total_t")?,
        num_col(&df, "commercial_t")?,
        num_col(&df, "self_mixed_t")?,
    );
    let (brand, date) = (text_col(&df, "brand")?, date_col(&df, "survey_date")?);
    let mut latest: BTreeMap<(String, String), (NaiveDate, Farm)> = BTreeMap::new();
    for i in 0..df.height() {
        let (Some(day), Some(t)) = (date[i], total[i]) else {
            continue;
        };
        let key = (
            farm[i].clone().unwrap_or_default(),
            region[i].clone().unwrap_or_else(|| BLANK.to_string()),
        );
        let f = Farm {
            region: key.1.clone(),
            species: species[i].clone().unwrap_or_else(|| BLANK.to_string()),
            total: t,
            commercial: commercial[i],
            self_mixed: self_mixed[i],
            brand: brand[i].clone().unwrap_or_else(|| BLANK.to_string()),
        };
        if latest.get(&key).is_none_or(|(d, _)| day >= *d) {
            latest.insert(key, (day, f));
        }
    }
    Ok(latest.into_values().map(|(_, f)| f).collect())
}

/// The farm feed usage tables for period `p`: by region × species (and `全部`), and by brand.
///
/// # Errors
/// A polars error.
pub fn compute(usage: &DataFrame, p: &Period, template: &Template) -> PolarsResult<FeedUsage> {
    let farms = latest_farms(usage, p)?;
    Ok(FeedUsage {
        by_region_species: by_region_species(&farms),
        by_region: by_region(&farms),
        by_brand: by_brand(&farms, template),
    })
}

/// The farm feed usage tables.
#[derive(Debug, Clone)]
pub struct FeedUsage {
    pub by_region_species: Table,
    /// Every species pooled per region, for the chart of commercial against self-mixed.
    pub by_region: Table,
    pub by_brand: Table,
}

fn farms_column() -> Column {
    Column::of(Measure::Count, "farms", "户数", "farms")
}

fn commercial_column() -> Column {
    Column::of(
        Measure::Quantity,
        "commercial_t",
        "商品饲料(吨)",
        "commercial feed (t)",
    )
}

/// The commercial and self-mixed share columns.
pub fn share_columns() -> [Column; 2] {
    [
        Column::of(
            Measure::Share,
            "commercial_share",
            "商品饲料占比",
            "commercial share",
        ),
        Column::of(
            Measure::Share,
            "self_mixed_share",
            "自配料占比",
            "self-mixed share",
        ),
    ]
}

/// The groups of `by`, the overall ones (region `全部`) first, then the regions in order.
fn overall_first<K: Ord, V>(
    by: &BTreeMap<K, V>,
    region: impl Fn(&K) -> &str,
) -> impl Iterator<Item = (&K, &V)> {
    let (overall, regions): (Vec<_>, Vec<_>) =
        by.iter().partition(|(k, _)| region(k) == ALL_REGIONS);
    overall.into_iter().chain(regions)
}

/// The commercial and self-mixed shares per region (every species pooled) and overall.
fn by_region(farms: &[Farm]) -> Table {
    let mut t = Table::new(
        Id::FeedUsageByRegion,
        "各地区商品饲料与自配料占比",
        "Commercial and self-mixed feed shares by region",
        vec![Column::text("region", "地区", "region"), farms_column()]
            .into_iter()
            .chain(share_columns())
            .collect(),
    );
    let mut by: BTreeMap<&str, Sums> = BTreeMap::new();
    for f in farms {
        by.entry(&f.region).or_default().add(f);
        by.entry(ALL_REGIONS).or_default().add(f);
    }
    for (region, s) in overall_first(&by, |r| *r) {
        let mut row = vec![Val::text(*region), Val::Int(s.farms)];
        row.extend(s.shares());
        t.rows.push(row);
    }
    t
}

fn by_region_species(farms: &[Farm]) -> Table {
    let mut t = Table::new(
        Id::FeedUsage,
        "主流养殖户用料:商品饲料与自配料(每户取期内最新调查)",
        "Farm feed usage: commercial against self-mixed (each farm's latest survey)",
        vec![
            Column::text("region", "地区", "region"),
            Column::text("species", "养殖品种", "species"),
            farms_column(),
            Column::of(
                Measure::Quantity,
                "total_t",
                "饲料总用量(吨)",
                "total feed (t)",
            ),
            commercial_column(),
            Column::of(
                Measure::Quantity,
                "self_mixed_t",
                "自配料(吨)",
                "self-mixed feed (t)",
            ),
        ]
        .into_iter()
        .chain(share_columns())
        .collect(),
    );
    let mut by: BTreeMap<(String, String), Sums> = BTreeMap::new();
    for f in farms {
        for region in [f.region.as_str(), ALL_REGIONS] {
            by.entry((region.to_string(), f.species.clone()))
                .or_default()
                .add(f);
        }
    }
    for ((region, species), s) in overall_first(&by, |(r, _)| r.as_str()) {
        let mut row = vec![
            Val::text(region),
            Val::text(species),
            Val::Int(s.farms),
            Val::Num(s.total),
            Val::Num(s.commercial),
            Val::Num(s.self_mixed),
        ];
        row.extend(s.shares());
        t.rows.push(row);
    }
    t
}

fn by_brand(farms: &[Farm], template: &Template) -> Table {
    let mut t = Table::new(
        Id::FeedUsageByBrand,
        "主流养殖户使用的商品饲料品牌",
        "Commercial feed brands the farms use",
        vec![
            Column::text("brand", "品牌", "brand"),
            farms_column(),
            commercial_column(),
            Column::of(
                Measure::Share,
                "share",
                "占商品饲料比例",
                "share of commercial feed",
            ),
            Column::of(Measure::Flag, "own_brand", "本公司品牌", "own brand"),
        ],
    );
    let mut by: BTreeMap<&str, (i64, f64)> = BTreeMap::new();
    for f in farms
        .iter()
        .filter(|f| f.commercial.is_some_and(|c| c > 0.0))
    {
        let e = by.entry(f.brand.as_str()).or_default();
        e.0 += 1;
        e.1 += f.commercial.unwrap_or(0.0);
    }
    let total: f64 = by.values().map(|(_, c)| c).sum();
    let mut order: Vec<(&str, (i64, f64))> = by.into_iter().collect();
    order.sort_by(|a, b| b.1.1.total_cmp(&a.1.1).then(a.0.cmp(b.0)));
    for (brand, (n, c)) in order {
        t.rows.push(vec![
            Val::text(brand),
            Val::Int(n),
            Val::Num(c),
            ratio(c, total),
            Val::Bool(template.is_own_brand(brand)),
        ]);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Kind;
    use crate::stats::fixtures::{F::*, frame};

    #[test]
    fn the_latest_survey_per_farm_and_shares_over_farms_that_give_both() {
        // 东: 甲 surveyed twice (the 10-20 survey counts: 10 t, 6 commercial 金穗, 4 self-mixed);
        // 乙 8 t, 2 commercial 正大, no self-mixed figure. 西: 丙 5 t, self-mixed only 5.
        // Overall pigs: farms 3, total 23; commercial share (6 + 2) / (10 + 8) over the farms
        // that give commercial tonnes; self-mixed share (4 + 5) / (10 + 5).
        #[rustfmt::skip]
        let df = frame(
            Kind::FeedUsage,
            &[
                &[("survey_date", D("2026-10-05")), ("farm", T("甲")), ("region", T("东")), ("species", T("生猪")), ("total_t", N(99.0)), ("commercial_t", N(99.0)), ("brand", T("正大"))],
                &[("survey_date", D("2026-10-20")), ("farm", T("甲")), ("region", T("东")), ("species", T("生猪")), ("total_t", N(10.0)), ("commercial_t", N(6.0)), ("self_mixed_t", N(4.0)), ("brand", T("金穗"))],
                &[("survey_date", D("2026-10-10")), ("farm", T("乙")), ("region", T("东")), ("species", T("生猪")), ("total_t", N(8.0)), ("commercial_t", N(2.0)), ("brand", T("正大"))],
                &[("survey_date", D("2026-10-12")), ("farm", T("丙")), ("region", T("西")), ("species", T("生猪")), ("total_t", N(5.0)), ("self_mixed_t", N(5.0))],
                &[("survey_date", D("2026-09-12")), ("farm", T("丁")), ("region", T("西")), ("species", T("生猪")), ("total_t", N(50.0))],
            ],
        );
        let u = compute(
            &df,
            &Period::parse("2026-10").unwrap(),
            &Template::builtin(),
        )
        .unwrap();
        let (t, brands) = (&u.by_region_species, &u.by_brand);
        let east = u.by_region.records_where("region", "东").next().unwrap();
        assert!((east.num("commercial_share").unwrap() - 8.0 / 18.0).abs() < 1e-12);
        let all = t.first().unwrap();
        assert_eq!(
            (all.text("region"), all.num("farms"), all.num("total_t")),
            (Some(ALL_REGIONS), Some(3.0), Some(23.0))
        );
        assert_eq!(
            (all.num("commercial_t"), all.num("self_mixed_t")),
            (Some(8.0), Some(9.0))
        );
        assert!((all.num("commercial_share").unwrap() - 8.0 / 18.0).abs() < 1e-12);
        assert!((all.num("self_mixed_share").unwrap() - 9.0 / 15.0).abs() < 1e-12);
        let west = t.records_where("region", "西").next().unwrap();
        assert_eq!(
            (west.num("farms"), west.get("commercial_share")),
            (Some(1.0), &Val::Null)
        );
        let jinsui = brands.first().unwrap();
        assert_eq!(
            (
                jinsui.text("brand"),
                jinsui.num("farms"),
                jinsui.num("share")
            ),
            (Some("金穗"), Some(1.0), Some(0.75))
        );
        assert_eq!(*jinsui.get("own_brand"), Val::Bool(true));
        assert_eq!(brands.rows.len(), 2);
    }
}

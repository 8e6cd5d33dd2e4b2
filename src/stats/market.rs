//! 市场服务科 market figures (SPEC §5.2 items 1–2): market share by region and overall, with
//! the company's own brands marked and the survey rows behind each figure; livestock scale,
//! the latest survey value per region and species.

use crate::stats::Id;
use std::collections::BTreeMap;

use polars::prelude::*;

use super::query::{days, within};
use super::table::{base_value, difference};
use super::{Column, Layout, Measure, Table, Val};
use crate::frames::date_of;
use crate::period::Period;
use crate::template::Template;

/// The region label of the overall figures.
pub const ALL_REGIONS: &str = "全部";

/// Volume and survey rows per brand.
type BrandVolumes = BTreeMap<String, (f64, i64)>;

/// Σ销量 and survey rows per region and brand in the period; the overall figures (`全部`)
/// summed from the regions.
fn volumes(feed: &DataFrame, p: &Period) -> PolarsResult<BTreeMap<String, BrandVolumes>> {
    let df = feed
        .clone()
        .lazy()
        .filter(within("survey_date", p))
        .group_by([col("region"), col("brand")])
        .agg([
            col("volume_t").sum().alias("volume"),
            len().cast(DataType::Int64).alias("rows"),
        ])
        .collect()?;
    let regions = df.column("region")?.str()?;
    let brands = df.column("brand")?.str()?;
    let volumes = df.column("volume")?.f64()?;
    let rows = df.column("rows")?.i64()?;
    let mut by: BTreeMap<String, BrandVolumes> = BTreeMap::new();
    for i in 0..df.height() {
        let (Some(r), Some(b)) = (regions.get(i), brands.get(i)) else {
            continue;
        };
        for region in [r, ALL_REGIONS] {
            let e = by
                .entry(region.to_string())
                .or_default()
                .entry(b.to_string())
                .or_default();
            e.0 += volumes.get(i).unwrap_or(0.0);
            e.1 += rows.get(i).unwrap_or(0);
        }
    }
    Ok(by)
}

fn total(brands: &BrandVolumes) -> f64 {
    brands.values().map(|(v, _)| v).sum()
}

/// Keys ordered by volume, largest first (ties by name).
fn by_volume<'a>(
    keys: impl Iterator<Item = &'a String>,
    volume: impl Fn(&str) -> f64,
) -> Vec<&'a String> {
    let mut keys: Vec<&String> = keys.collect();
    keys.sort_by(|a, b| volume(b).total_cmp(&volume(a)).then(a.cmp(b)));
    keys
}

/// Market share per region (and `全部`) and brand, and the region × brand share matrix the
/// stacked chart reads.
///
/// # Errors
/// A polars error.
pub fn market_share(
    feed: &DataFrame,
    p: &Period,
    template: &Template,
) -> PolarsResult<(Table, Table)> {
    let by = volumes(feed, p)?;
    let regions = by_volume(by.keys().filter(|r| *r != ALL_REGIONS), |r| total(&by[r]));
    let overall = by.get(ALL_REGIONS).cloned().unwrap_or_default();
    let brands = by_volume(overall.keys(), |b| overall[b].0);
    Ok((
        share_table(&by, &regions, template),
        share_matrix(&by, &regions, &brands),
    ))
}

/// One record per region (overall first) and brand (largest first).
fn share_table(
    by: &BTreeMap<String, BrandVolumes>,
    regions: &[&String],
    template: &Template,
) -> Table {
    let mut t = Table::new(
        Id::MarketShare,
        "饲料市场占有率(按销量)",
        "Feed market share (by volume)",
        vec![
            Column::text("region", "地区", "region"),
            Column::text("brand", "品牌", "brand"),
            Column::of(Measure::Quantity, "volume_t", "销量(吨)", "volume (t)"),
            Column::of(Measure::Share, "share", "占有率", "share"),
            Column::of(Measure::Flag, "own_brand", "本公司品牌", "own brand"),
            Column::of(Measure::Count, "rows", "调查记录数", "survey rows"),
        ],
    );
    let all = ALL_REGIONS.to_string();
    for region in std::iter::once(&all).chain(regions.iter().copied()) {
        let Some(brands) = by.get(region) else {
            continue;
        };
        let sum = total(brands);
        for brand in by_volume(brands.keys(), |b| brands[b].0) {
            let (v, n) = brands[brand];
            t.rows.push(vec![
                Val::text(region),
                Val::text(brand),
                Val::Num(v),
                if sum > 0.0 {
                    Val::Pct(v / sum)
                } else {
                    Val::Null
                },
                Val::Bool(template.is_own_brand(brand)),
                Val::Int(n),
            ]);
        }
    }
    t
}

/// The region × brand share matrix (regions by volume, brands by overall volume).
fn share_matrix(
    by: &BTreeMap<String, BrandVolumes>,
    regions: &[&String],
    brands: &[&String],
) -> Table {
    let mut columns = vec![Column::text("region", "地区", "region")];
    columns.extend(
        brands
            .iter()
            .map(|b| Column::of(Measure::Share, (*b).clone(), (*b).clone(), (*b).clone())),
    );
    let mut matrix = Table::new(
        Id::MarketShareByRegion,
        "各地区品牌占有率",
        "Brand shares by region",
        columns,
    );
    matrix.layout = Layout::Cross {
        row_key: "region",
        col_key: "brand",
        value_key: "share",
    };
    for region in regions {
        let shares = &by[*region];
        let sum = total(shares);
        let mut row = vec![Val::text(*region)];
        row.extend(brands.iter().map(|b| match shares.get(*b) {
            Some((v, _)) if sum > 0.0 => Val::Pct(v / sum),
            _ if sum > 0.0 => Val::Pct(0.0),
            _ => Val::Null,
        }));
        matrix.rows.push(row);
    }
    matrix
}

/// Market share as [`market_share`], each share beside the previous period's and its change
/// in percentage points.
///
/// # Errors
/// A polars error.
pub fn share_with_change(
    feed: &DataFrame,
    p: &Period,
    template: &Template,
) -> PolarsResult<(Table, Table)> {
    let (mut share, matrix) = market_share(feed, p, template)?;
    let (previous, _) = market_share(feed, &p.previous(), template)?;
    let keys = ["region", "brand"];
    share.add_from_base(
        &previous,
        &keys,
        "share",
        Column::of(
            Measure::Share,
            "previous_share",
            "上期占有率",
            "previous share",
        ),
        base_value,
    );
    share.add_from_base(
        &previous,
        &keys,
        "share",
        Column::of(
            Measure::Share,
            "change_pp",
            "环比变化(百分点)",
            "change (pp)",
        ),
        difference,
    );
    Ok((share, matrix))
}

/// Livestock scale as [`livestock_scale`], each figure beside the previous period's and the
/// change.
///
/// # Errors
/// A polars error.
pub fn livestock_with_change(livestock: &DataFrame, p: &Period) -> PolarsResult<Table> {
    let mut t = livestock_scale(livestock, p)?;
    let previous = livestock_scale(livestock, &p.previous())?;
    let keys = ["region", "species"];
    t.add_from_base(
        &previous,
        &keys,
        "value",
        Column::of(Measure::Quantity, "previous", "上期", "previous"),
        base_value,
    );
    t.add_from_base(
        &previous,
        &keys,
        "value",
        Column::of(Measure::Quantity, "change", "环比变化", "change"),
        difference,
    );
    Ok(t)
}

/// The unit a livestock figure is counted in, from the species.
fn scale_unit(species: &str) -> Option<&'static str> {
    if ["猪", "牛", "羊"].iter().any(|k| species.contains(k)) {
        Some("头")
    } else if ["鸡", "鸭", "鹅", "禽"].iter().any(|k| species.contains(k)) {
        Some("只")
    } else if ["鱼", "虾", "蟹", "水产"]
        .iter()
        .any(|k| species.contains(k))
    {
        Some("亩")
    } else {
        None
    }
}

/// Per region and species: the value of the latest survey in the period (summed over the
/// rows of that day).
///
/// # Errors
/// A polars error.
pub fn livestock_scale(livestock: &DataFrame, p: &Period) -> PolarsResult<Table> {
    let df = livestock
        .clone()
        .lazy()
        .filter(within("survey_date", p))
        .with_column(days("survey_date").alias("day"))
        .filter(col("day").eq(col("day").max().over([col("region"), col("species")])?))
        .group_by([col("region"), col("species")])
        .agg([
            col("scale").sum().alias("value"),
            col("farms").sum().alias("farms"),
            col("farms")
                .count()
                .cast(DataType::Int64)
                .alias("farm_rows"),
            col("day").first().alias("day"),
        ])
        .sort_by_exprs(
            [col("region"), col("species")],
            SortMultipleOptions::default(),
        )
        .collect()?;
    let mut t = Table::new(
        Id::LivestockScale,
        "养殖规模(期内最新调查)",
        "Livestock scale (latest survey in the period)",
        vec![
            Column::text("region", "地区", "region"),
            Column::text("species", "养殖品种", "species"),
            Column::of(Measure::Quantity, "value", "存栏/规模", "scale"),
            Column::text("unit", "单位", "unit"),
            Column::of(Measure::Count, "farms", "养殖户数", "farms"),
            Column::of(Measure::Date, "survey_date", "调查日期", "survey date"),
        ],
    );
    let regions = df.column("region")?.str()?;
    let species = df.column("species")?.str()?;
    let values = df.column("value")?.f64()?;
    let farms = df.column("farms")?.f64()?;
    let farm_rows = df.column("farm_rows")?.i64()?;
    let day = df.column("day")?.i32()?;
    for i in 0..df.height() {
        let s = species.get(i).unwrap_or_default();
        t.rows.push(vec![
            regions.get(i).map_or(Val::Null, Val::text),
            Val::text(s),
            Val::num(values.get(i)),
            scale_unit(s).map_or(Val::Null, Val::text),
            if farm_rows.get(i).unwrap_or(0) > 0 {
                Val::num(farms.get(i))
            } else {
                Val::Null
            },
            day.get(i).map_or(Val::Null, |d| Val::Date(date_of(d))),
        ]);
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Kind;
    use crate::stats::fixtures::{F::*, frame};

    #[test]
    fn shares_by_region_and_overall_from_volumes() {
        // 东: 金穗 30 + 正大 10 = 40; 西: 正大 60. Overall 金穗 30, 正大 70 of 100.
        #[rustfmt::skip]
        let feed = frame(
            Kind::FeedMarket,
            &[
                &[("survey_date", D("2026-10-05")), ("region", T("东")), ("brand", T("金穗")), ("volume_t", N(20.0))],
                &[("survey_date", D("2026-10-25")), ("region", T("东")), ("brand", T("金穗")), ("volume_t", N(10.0))],
                &[("survey_date", D("2026-10-05")), ("region", T("东")), ("brand", T("正大")), ("volume_t", N(10.0))],
                &[("survey_date", D("2026-10-05")), ("region", T("西")), ("brand", T("正大")), ("volume_t", N(60.0))],
                &[("survey_date", D("2026-09-05")), ("region", T("西")), ("brand", T("金穗")), ("volume_t", N(99.0))],
            ],
        );
        let p = Period::parse("2026-10").unwrap();
        let (t, matrix) = market_share(&feed, &p, &Template::builtin()).unwrap();
        let find = |region: &str, brand: &str| {
            t.records()
                .find(|r| r.text("region") == Some(region) && r.text("brand") == Some(brand))
                .unwrap()
        };
        let own = find(ALL_REGIONS, "金穗");
        assert_eq!(own.num("share"), Some(0.3));
        assert_eq!(own.num("rows"), Some(2.0));
        assert_eq!(*own.get("own_brand"), Val::Bool(true));
        assert_eq!(find("东", "金穗").num("share"), Some(0.75));
        // Overall first, then the regions by volume (西 60 before 东 40).
        let regions: Vec<&str> = t.records().filter_map(|r| r.text("region")).collect();
        assert_eq!(regions, vec!["全部", "全部", "西", "东", "东"]);
        let west = matrix.records_where("region", "西").next().unwrap();
        assert_eq!((west.num("正大"), west.num("金穗")), (Some(1.0), Some(0.0)));
    }

    #[test]
    fn livestock_takes_the_latest_survey_of_the_period() {
        #[rustfmt::skip]
        let df = frame(
            Kind::Livestock,
            &[
                &[("survey_date", D("2026-10-05")), ("region", T("东")), ("species", T("生猪")), ("scale", N(100.0))],
                &[("survey_date", D("2026-10-20")), ("region", T("东")), ("species", T("生猪")), ("scale", N(120.0))],
                &[("survey_date", D("2026-10-20")), ("region", T("东")), ("species", T("生猪")), ("scale", N(5.0))],
            ],
        );
        let t = livestock_scale(&df, &Period::parse("2026-10").unwrap()).unwrap();
        let r = t.first().unwrap();
        assert_eq!((r.num("value"), r.text("unit")), (Some(125.0), Some("头")));
        assert_eq!(t.rows.len(), 1);
    }
}

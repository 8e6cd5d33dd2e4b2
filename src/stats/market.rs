//! 市场服务科 market figures (SPEC §5.2 items 1–2): market share by region and overall, with
//! the company's own brands marked and the survey rows behind each figure; livestock scale,
//! the latest survey value per region and species.

use std::collections::BTreeMap;

use polars::prelude::*;

use super::query::{days, within};
use super::{Column, Layout, Measure, Table, Val};
use crate::frames::date_of;
use crate::period::Period;
use crate::template::Template;

/// The region label of the overall figures.
pub const ALL_REGIONS: &str = "全部";

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
    // region → brand → (volume, rows); the overall figures summed from the regions.
    let mut by: BTreeMap<String, BTreeMap<String, (f64, i64)>> = BTreeMap::new();
    for i in 0..df.height() {
        let (Some(r), Some(b)) = (regions.get(i), brands.get(i)) else {
            continue;
        };
        let v = volumes.get(i).unwrap_or(0.0);
        let n = rows.get(i).unwrap_or(0);
        for region in [r, ALL_REGIONS] {
            let e = by
                .entry(region.to_string())
                .or_default()
                .entry(b.to_string())
                .or_default();
            e.0 += v;
            e.1 += n;
        }
    }
    let total = |m: &BTreeMap<String, (f64, i64)>| m.values().map(|(v, _)| v).sum::<f64>();
    let mut region_order: Vec<&String> = by.keys().filter(|r| *r != ALL_REGIONS).collect();
    region_order.sort_by(|a, b| total(&by[*b]).total_cmp(&total(&by[*a])).then(a.cmp(b)));
    let overall = by.get(ALL_REGIONS).cloned().unwrap_or_default();
    let mut brand_order: Vec<&String> = overall.keys().collect();
    brand_order.sort_by(|a, b| overall[*b].0.total_cmp(&overall[*a].0).then(a.cmp(b)));

    let mut t = Table::new(
        "market_share",
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
    let regions_all =
        std::iter::once(ALL_REGIONS.to_string()).chain(region_order.iter().map(|r| (*r).clone()));
    for region in regions_all {
        let Some(brands) = by.get(&region) else {
            continue;
        };
        let sum = total(brands);
        let mut order: Vec<(&String, &(f64, i64))> = brands.iter().collect();
        order.sort_by(|a, b| b.1.0.total_cmp(&a.1.0).then(a.0.cmp(b.0)));
        for (brand, (v, n)) in order {
            t.rows.push(vec![
                Val::text(&region),
                Val::text(brand),
                Val::Num(*v),
                if sum > 0.0 {
                    Val::Pct(v / sum)
                } else {
                    Val::Null
                },
                Val::Bool(template.is_own_brand(brand)),
                Val::Int(*n),
            ]);
        }
    }

    let mut columns = vec![Column::text("region", "地区", "region")];
    columns.extend(
        brand_order
            .iter()
            .map(|b| Column::of(Measure::Share, (*b).clone(), (*b).clone(), (*b).clone())),
    );
    let mut matrix = Table::new(
        "market_share_by_region",
        "各地区品牌占有率",
        "Brand shares by region",
        columns,
    );
    matrix.layout = Layout::Cross {
        row_key: "region",
        col_key: "brand",
        value_key: "share",
    };
    for region in &region_order {
        let brands = &by[*region];
        let sum = total(brands);
        let mut row = vec![Val::text(*region)];
        row.extend(brand_order.iter().map(|b| match brands.get(*b) {
            Some((v, _)) if sum > 0.0 => Val::Pct(v / sum),
            _ if sum > 0.0 => Val::Pct(0.0),
            _ => Val::Null,
        }));
        matrix.rows.push(row);
    }
    Ok((t, matrix))
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
        "livestock_scale",
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

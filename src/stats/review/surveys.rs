//! The market surveys' blocks of 我的市场 (4-3 一.1–一.3): market share with own brands and
//! the five largest others, livestock, farm feed use and prices in the person's market,
//! beside the department's.

use std::collections::BTreeMap;

use super::Reviews;
use super::market::*;
use crate::stats::market::ALL_REGIONS;
use crate::stats::{Column, Id, Measure, Record, Table, Val};

pub(super) fn market_share(r: &Reviews<'_>, m: &Market) -> Table {
    let share = &r.report.market.share;
    let mut t = Table::new(
        Id::MyMarketShare,
        SHARE_TITLE.0,
        SHARE_TITLE.1,
        vec![
            Column::text("region", "地区", "region"),
            Column::text("brand", "品牌", "brand"),
            Column::of(Measure::Share, "share", "占有率", "share"),
            Column::of(Measure::Share, "mom_pp", "环比(百分点)", "change (points)"),
            Column::of(
                Measure::Share,
                "dept_share",
                "全部门占有率",
                "department share",
            ),
            Column::of(Measure::Flag, "own_brand", "本公司品牌", "own brand"),
        ],
    );
    let mine = in_market(share, m);
    // Own brands, then the five largest others by their volume in the market.
    let mut volume: BTreeMap<&str, (bool, f64)> = BTreeMap::new();
    for row in &mine {
        let e = volume
            .entry(row.text("brand").unwrap_or_default())
            .or_default();
        e.0 |= *row.get("own_brand") == Val::Bool(true);
        e.1 += row.num("volume_t").unwrap_or(0.0);
    }
    let mut brands: Vec<(&str, (bool, f64))> = volume.into_iter().collect();
    brands.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(b.1.1.total_cmp(&a.1.1)));
    let own = brands.iter().filter(|(_, (o, _))| *o).count();
    brands.truncate(own + 5);
    let dept = |brand: &str| {
        share
            .records_where("region", ALL_REGIONS)
            .find(|x| x.text("brand") == Some(brand))
    };
    let regions: Vec<&str> = m.regions.iter().map(|(g, _)| g.as_str()).collect();
    for region in regions.iter().copied().chain([ALL_REGIONS]) {
        let here: Vec<&Record<'_>> = if region == ALL_REGIONS {
            Vec::new()
        } else {
            mine.iter()
                .filter(|x| x.text("region") == Some(region))
                .collect()
        };
        if region != ALL_REGIONS && here.is_empty() {
            continue;
        }
        for (brand, (own, _)) in &brands {
            let row = match region {
                ALL_REGIONS => dept(brand),
                _ => here
                    .iter()
                    .find(|x| x.text("brand") == Some(*brand))
                    .map(|x| **x),
            };
            let d = dept(brand);
            t.rows.push(vec![
                Val::text(region),
                Val::text(*brand),
                row.map_or(Val::Pct(0.0), |x| x.get("share").clone()),
                row.map_or(Val::Null, |x| x.get("change_pp").clone()),
                d.map_or(Val::Null, |x| x.get("share").clone()),
                Val::Bool(*own),
            ]);
        }
    }
    t
}

pub(super) fn livestock(r: &Reviews<'_>, m: &Market) -> Table {
    let all = &r.report.market.livestock;
    let mut t = Table::new(
        Id::MyLivestock,
        LIVESTOCK_TITLE.0,
        LIVESTOCK_TITLE.1,
        vec![
            Column::text("region", "地区", "region"),
            Column::text("species", "养殖品种", "species"),
            Column::of(Measure::Quantity, "value", "存栏/规模", "scale"),
            Column::text("unit", "单位", "unit"),
            Column::of(Measure::Quantity, "change", "较上次调查", "change"),
            Column::of(
                Measure::Quantity,
                "dept_value",
                "全部门合计",
                "department total",
            ),
        ],
    );
    let mut dept: BTreeMap<&str, f64> = BTreeMap::new();
    for x in all.records() {
        *dept
            .entry(x.text("species").unwrap_or_default())
            .or_default() += x.num("value").unwrap_or(0.0);
    }
    for x in in_market(all, m) {
        let species = x.text("species").unwrap_or_default();
        t.rows.push(vec![
            x.get("region").clone(),
            x.get("species").clone(),
            x.get("value").clone(),
            x.get("unit").clone(),
            x.get("change").clone(),
            Val::num(dept.get(species).copied()),
        ]);
    }
    t
}

pub(super) fn feed_usage(r: &Reviews<'_>, m: &Market) -> Table {
    let all = &r.report.market.feed_usage.by_region_species;
    let mut t = Table::new(
        Id::MyFeedUsage,
        FEED_TITLE.0,
        FEED_TITLE.1,
        vec![
            Column::text("region", "地区", "region"),
            Column::text("species", "养殖品种", "species"),
            Column::of(Measure::Count, "farms", "户数", "farms"),
            Column::of(
                Measure::Quantity,
                "total_t",
                "饲料总用量(吨)",
                "total feed (t)",
            ),
        ]
        .into_iter()
        .chain(crate::stats::feed_usage::share_columns())
        .chain([Column::of(
            Measure::Share,
            "dept_commercial_share",
            "全部门商品饲料占比",
            "department commercial share",
        )])
        .collect(),
    );
    for x in in_market(all, m) {
        let species = x.text("species");
        let dept = all
            .records_where("region", ALL_REGIONS)
            .find(|d| d.text("species") == species);
        t.rows.push(vec![
            x.get("region").clone(),
            x.get("species").clone(),
            x.get("farms").clone(),
            x.get("total_t").clone(),
            x.get("commercial_share").clone(),
            x.get("self_mixed_share").clone(),
            dept.map_or(Val::Null, |d| d.get("commercial_share").clone()),
        ]);
    }
    t
}

pub(super) fn prices(r: &Reviews<'_>, m: &Market) -> Table {
    let all = &r.report.market.prices;
    let mut t = Table::new(
        Id::MyPrices,
        PRICES_TITLE.0,
        PRICES_TITLE.1,
        vec![
            Column::text("item", "品项", "item"),
            Column::text("price_type", "价格类型", "price type"),
            Column::text("unit", "单位", "unit"),
            Column::of(Measure::Count, "n", "本市场调查次数", "surveys here"),
            Column::of(Measure::Price, "mean_mine", "本市场均价", "mean here"),
            Column::of(Measure::Price, "mean_dept", "全部门均价", "department mean"),
            Column::of(Measure::Change, "diff_pct", "差异%", "difference"),
        ],
    );
    // Per item × type × unit: the market's mean over its regions' surveys (weighted by n).
    let mut mine: BTreeMap<(String, String, String), (f64, f64)> = BTreeMap::new();
    for x in in_market(all, m) {
        let key = (
            x.text("item").unwrap_or_default().to_string(),
            x.text("price_type").unwrap_or_default().to_string(),
            x.text("unit").unwrap_or_default().to_string(),
        );
        let n = x.num("n").unwrap_or(0.0);
        let e = mine.entry(key).or_default();
        e.0 += n * x.num("mean").unwrap_or(0.0);
        e.1 += n;
    }
    for ((item, kind, unit), (sum, n)) in mine {
        let dept = all.records_where("region", ALL_REGIONS).find(|d| {
            d.text("item") == Some(item.as_str())
                && d.text("price_type") == Some(kind.as_str())
                && d.text("unit") == Some(unit.as_str())
        });
        let mean = (n > 0.0).then(|| sum / n);
        let dept_mean = dept.and_then(|d| d.num("mean"));
        let diff = mean
            .zip(dept_mean)
            .and_then(|(a, b)| (b != 0.0).then(|| a / b - 1.0));
        t.rows.push(vec![
            Val::text(item),
            Val::text(kind),
            Val::text(unit),
            Val::Int(n as i64),
            Val::num(mean),
            Val::num(dept_mean),
            Val::of(Measure::Change, diff),
        ]);
    }
    t
}

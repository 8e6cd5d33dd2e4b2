//! Sample market surveys (E1–E4), one workbook with a sheet per sub-table: volumes written
//! as `35吨` or in full-width digits, prices in 元/斤 beside 元/kg, batches with one
//! implausible FCR and one weight loss.

use std::path::PathBuf;

use anyhow::Result;
use chrono::{Duration, NaiveDate};

use super::sheet::{HeaderSpec, SampleCell, SheetSpec, write_xlsx};
use super::work::{BATCH_ONLY_DEMO_FARM, DEMO_FARMS};
use super::{Gen, REGIONS, SampleConfig, TECHNICIANS, out};

/// Brand, maker, weight (its usual tonnage, in thirds) and the feed type it sells.
const BRANDS: [(&str, &str, u32, &str); 7] = [
    ("金穗", "XX饲料有限公司", 18, "猪料"),
    ("丰农", "XX饲料有限公司", 10, "禽料"),
    ("正大", "正大集团", 22, "猪料"),
    ("新希望", "新希望六和", 20, "禽料"),
    ("海大", "海大集团", 14, "水产料"),
    ("通威", "通威股份", 9, "水产料"),
    ("双胞胎", "双胞胎集团", 7, "猪料"),
];

/// The region whose farms turn from pigs to poultry: its pig feed falls by 5 t a month and its
/// poultry feed rises as fast, so that in the last month pig feed still leads by a little and
/// the forecast sees poultry feed lead next month (SPEC §5.6 主导料型).
const TURNING_REGION: &str = "南岭镇";

/// The tonnes of `feed_type` the turning region buys in month `mi` of `n` (the last month is
/// `n - 1`): pig feed 125, poultry feed 120 then; aquatic feed steady.
fn turning(feed_type: &str, mi: usize, n: usize) -> f64 {
    let from_end = n as f64 - 1.0 - mi as f64;
    match feed_type {
        "猪料" => 125.0 + 5.0 * from_end,
        "禽料" => (120.0 - 5.0 * from_end).max(10.0),
        _ => 70.0,
    }
}

fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

fn header(list: &[&str]) -> HeaderSpec {
    HeaderSpec::Single(list.iter().map(|s| s.to_string()).collect())
}

pub fn write(g: &mut Gen, cfg: &SampleConfig, months: &[NaiveDate]) -> Result<Vec<PathBuf>> {
    let sheets = vec![
        feed_market(g, months),
        livestock(g, months),
        prices(g, months),
        batches(g, months),
    ];
    let p = out(cfg, "市场调查_2025-2026.xlsx");
    write_xlsx(&p, &sheets)?;
    Ok(vec![p])
}

fn feed_market(g: &mut Gen, months: &[NaiveDate]) -> SheetSpec {
    let mut rows = Vec::new();
    let type_weight = |t: &str| -> u32 { BRANDS.iter().filter(|b| b.3 == t).map(|b| b.2).sum() };
    for (mi, &m) in months.iter().enumerate() {
        let d = m + Duration::days(24);
        for region in REGIONS {
            for (brand, maker, weight, feed_type) in BRANDS {
                let t = if region == TURNING_REGION {
                    // The brand's part of its type's tonnage, within 1 %.
                    let part = f64::from(weight) / f64::from(type_weight(feed_type));
                    turning(feed_type, mi, months.len()) * part * g.uniform(0.99, 1.01)
                } else {
                    f64::from(weight) * g.uniform(0.85, 1.15) * 3.0
                };
                let t = t.round();
                let volume = match g.below(12) {
                    0 => SampleCell::text(format!("{t}吨")),
                    1 => SampleCell::text(full_width(&format!("{t}"))),
                    _ => SampleCell::Number(t),
                };
                rows.push(vec![
                    SampleCell::Date(d),
                    SampleCell::text(region),
                    SampleCell::text(brand),
                    SampleCell::text(maker),
                    SampleCell::text(feed_type),
                    volume,
                ]);
            }
        }
    }
    SheetSpec {
        name: "饲料市场".into(),
        title: vec!["饲料市场调查表".into()],
        header: header(&["调查日期", "地区", "品牌", "厂商", "饲料类型", "销量(吨)"]),
        rows,
        footer: vec![],
    }
}

fn livestock(g: &mut Gen, months: &[NaiveDate]) -> SheetSpec {
    let mut rows = Vec::new();
    for &m in months {
        let d = m + Duration::days(19);
        for region in REGIONS {
            for (species, base) in [("生猪", 12000.0), ("肉鸡", 90000.0), ("草鱼", 800.0)] {
                let v = (base * g.uniform(0.85, 1.15)).round();
                rows.push(vec![
                    SampleCell::Date(d),
                    SampleCell::text(region),
                    SampleCell::text(species),
                    SampleCell::Number(v),
                    SampleCell::Number((v / base * 40.0).round()),
                ]);
            }
        }
    }
    SheetSpec {
        name: "养殖规模".into(),
        title: vec![],
        header: header(&["调查日期", "地区", "养殖品种", "存栏/规模", "养殖户数"]),
        rows,
        footer: vec![],
    }
}

fn prices(g: &mut Gen, months: &[NaiveDate]) -> SheetSpec {
    let items: [(&str, &str, &str, f64); 7] = [
        ("生猪", "出栏", "元/kg", 15.5),
        ("仔猪", "幼畜苗禽", "元/头", 480.0),
        ("猪肉", "零售", "元/斤", 13.5),
        ("肉鸡", "出栏", "元/kg", 9.0),
        ("鸡苗", "幼畜苗禽", "元/只", 3.2),
        ("鸡蛋", "零售", "元/斤", 4.6),
        ("成鱼", "出栏", "元/kg", 12.0),
    ];
    let mut rows = Vec::new();
    for (mi, &m) in months.iter().enumerate() {
        let d = m + Duration::days(14);
        let trend = 1.0 + 0.08 * ((mi as f64) / 3.0).sin();
        // A new item, surveyed for the last six months only: too short to forecast.
        if mi + 6 >= months.len() {
            for region in REGIONS {
                let p = (2.8 * g.uniform(0.98, 1.02) * 100.0).round() / 100.0;
                rows.push(vec![
                    SampleCell::Date(d),
                    SampleCell::text(region),
                    SampleCell::text("鸭苗"),
                    SampleCell::text("幼畜苗禽"),
                    SampleCell::Number(p),
                    SampleCell::text("元/只"),
                ]);
            }
        }
        for region in REGIONS {
            for (item, kind, unit, base) in items {
                // The last month's planted price move: hog prices up by about a fifth.
                let jump = if mi + 1 == months.len() && item == "生猪" {
                    1.2
                } else {
                    1.0
                };
                let p = (base * trend * jump * g.uniform(0.93, 1.07) * 100.0).round() / 100.0;
                let (price, unit_cell) = if g.below(15) == 0 {
                    (SampleCell::text(format!("{p}{unit}")), SampleCell::Blank)
                } else {
                    (SampleCell::Number(p), SampleCell::text(unit))
                };
                rows.push(vec![
                    SampleCell::Date(d),
                    SampleCell::text(region),
                    SampleCell::text(item),
                    SampleCell::text(kind),
                    price,
                    unit_cell,
                ]);
            }
        }
    }
    SheetSpec {
        name: "价格".into(),
        title: vec!["畜禽产品价格调查".into()],
        header: header(&["调查日期", "地区", "品项", "价格类型", "单价", "单位"]),
        rows,
        footer: vec![],
    }
}

fn batches(g: &mut Gen, months: &[NaiveDate]) -> SheetSpec {
    let mut rows = Vec::new();
    for (mi, &m) in months.iter().enumerate() {
        let last_month = mi + 1 == months.len();
        for j in 0..6 {
            // Two batches of the last month a clerk must look at.
            let flaw = match (last_month, j) {
                (true, 0) => Some(BatchFlaw::ImplausibleFcr),
                (true, 1) => Some(BatchFlaw::WeightLoss),
                _ => None,
            };
            rows.push(batch_row(g, m, flaw));
        }
        // A demonstration farm known only from its batches: in the fifth month from the end
        // and the last (planted for the 示范户 statistics).
        if mi + 5 == months.len() || last_month {
            let mut row = batch_row(g, m, None);
            row[0] = SampleCell::text(BATCH_ONLY_DEMO_FARM.0);
            row[7] = SampleCell::text(BATCH_ONLY_DEMO_FARM.1);
            row[15] = SampleCell::text("是");
            rows.push(row);
        }
    }
    SheetSpec {
        name: "示范户饲养效果".into(),
        title: vec!["示范户饲养效果跟踪表".into()],
        header: header(&[
            "户名",
            "养殖品种",
            "入栏日期",
            "出栏日期",
            "入栏重量(kg)",
            "出栏重量(kg)",
            "饲料用量(kg)",
            "地区",
            "技术员",
            "饲料品牌",
            "入栏数",
            "出栏数",
            "死亡数",
            "饲料成本(元)",
            "其他成本(元)",
            "是否示范户",
        ]),
        rows,
        footer: vec![],
    }
}

/// What is wrong with a planted bad batch.
#[derive(Clone, Copy, PartialEq, Eq)]
enum BatchFlaw {
    ImplausibleFcr,
    WeightLoss,
}

/// One batch that left in month `m`.
fn batch_row(g: &mut Gen, m: NaiveDate, flaw: Option<BatchFlaw>) -> Vec<SampleCell> {
    let (species, days, head, w_in, w_out, fcr) = match g.below(3) {
        0 => ("生猪", 150, 100.0, 25.0, 118.0, g.uniform(2.5, 3.0)),
        1 => ("肉鸡", 45, 5000.0, 0.045, 2.6, g.uniform(1.55, 1.9)),
        _ => ("草鱼", 200, 20000.0, 0.05, 1.4, g.uniform(1.3, 1.8)),
    };
    let end = g.day_in(m);
    let start = end - Duration::days(days);
    let deaths = (head * g.uniform(0.01, 0.06)).round();
    let w_start = (head * w_in).round();
    let w_end = ((head - deaths) * w_out).round();
    let gain = w_end - w_start;
    let feed = match flaw {
        Some(BatchFlaw::ImplausibleFcr) => (gain * 8.0).round(),
        _ => (gain * fcr).round(),
    };
    let w_end_cell = match flaw {
        Some(BatchFlaw::WeightLoss) => SampleCell::Number(w_start - 10.0),
        _ => SampleCell::Number(w_end),
    };
    let demo = g.chance(0.4);
    let (farm, region) = if demo {
        let (farm, region) = *g.pick(&DEMO_FARMS);
        (farm.to_string(), region)
    } else {
        (g.customer(), *g.pick(&REGIONS))
    };
    let own = demo || g.chance(0.5);
    let brand = if own {
        *g.pick(&["金穗", "丰农"])
    } else {
        *g.pick(&["正大", "新希望", "海大"])
    };
    vec![
        SampleCell::text(farm),
        SampleCell::text(species),
        SampleCell::Date(start),
        SampleCell::Date(end),
        SampleCell::Number(w_start),
        w_end_cell,
        SampleCell::Number(feed),
        SampleCell::text(region),
        SampleCell::text(*g.pick(&TECHNICIANS)),
        SampleCell::text(brand),
        SampleCell::Number(head),
        SampleCell::Number(head - deaths),
        SampleCell::Number(deaths),
        SampleCell::Number((feed * g.uniform(3.2, 3.8)).round()),
        SampleCell::Number((head * g.uniform(20.0, 60.0)).round()),
        SampleCell::text(if demo { "是" } else { "否" }),
    ]
}

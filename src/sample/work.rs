//! Sample technician records: field visits (C) as a GBK CSV with a title line, and trip
//! briefs (D) with a formula column and a trip across a month boundary.

use std::path::PathBuf;

use anyhow::Result;
use chrono::{Duration, Months, NaiveDate};

use super::sheet::{HeaderSpec, SampleCell, SheetSpec, write_gbk_csv, write_xlsx};
use super::{Gen, REGIONS, SampleConfig, TECHNICIANS, days_in_month, out};

/// Demonstration farms, visited every month.
pub const DEMO_FARMS: [&str; 3] = ["金穗示范场(东湖)", "丰农示范户(西山)", "金穗示范场(北河)"];
const BRANDS: [&str; 6] = ["金穗", "丰农", "正大", "新希望", "海大", "通威"];

pub fn write(g: &mut Gen, cfg: &SampleConfig, months: &[NaiveDate]) -> Result<Vec<PathBuf>> {
    Ok(vec![field_visits(g, cfg, months)?, trips(g, cfg, months)?])
}

fn field_visits(g: &mut Gen, cfg: &SampleConfig, months: &[NaiveDate]) -> Result<PathBuf> {
    let mut rows = Vec::new();
    for &m in months {
        let n = (cfg.rows_per_month * 4 / 3) as usize;
        let mut month = Vec::new();
        for _ in 0..n {
            let d = g.day_in(m);
            let (customer, ctype) = match g.below(10) {
                0 => (g.pick(&DEMO_FARMS).to_string(), "示范户".to_string()),
                1 | 2 => (
                    format!("{}饲料经销部", g.pick(&REGIONS)),
                    "经销商".to_string(),
                ),
                _ => (
                    g.customer(),
                    if g.chance(0.15) {
                        "农户"
                    } else {
                        "养殖户"
                    }
                    .to_string(),
                ),
            };
            let class = *g.weighted(&[("品质", 15), ("销售", 20), ("使用不当", 35), ("其他", 30)]);
            let resolved =
                *g.weighted(&[("已解决", 70), ("未解决", 10), ("跟踪中", 15), ("跟踪", 5)]);
            month.push((
                d,
                vec![
                    SampleCell::text(d.format("%Y/%-m/%-d").to_string()),
                    SampleCell::text(*g.pick(&TECHNICIANS)),
                    SampleCell::text(customer),
                    SampleCell::text(ctype),
                    SampleCell::text(*g.pick(&REGIONS)),
                    SampleCell::text(*g.pick(&["生猪", "生猪", "肉鸡", "草鱼"])),
                    SampleCell::Number((20 * (5 + g.below(100))) as f64),
                    SampleCell::text(*g.pick(&BRANDS)),
                    SampleCell::text(*g.pick(&["例行回访", "新品推广", "饲养指导", "问题处理"])),
                    SampleCell::text(class),
                    SampleCell::text(resolved),
                ],
            ));
        }
        month.sort_by_key(|(d, _)| *d);
        rows.extend(month.into_iter().map(|(_, r)| r));
    }
    // Two rows a clerk must fix: no technician, a date without its year.
    if rows.len() > 10 {
        rows[5][1] = SampleCell::Blank;
        rows[9][0] = SampleCell::text("3月5日");
    }
    let header = [
        "拜访日期",
        "技术员",
        "客户名称",
        "客户类型",
        "地区",
        "养殖品种",
        "存栏",
        "使用饲料品牌",
        "拜访目的",
        "问题分类",
        "解决情况",
    ];
    let p = out(cfg, "现场拜访记录_GBK.csv");
    write_gbk_csv(
        &p,
        &SheetSpec {
            name: String::new(),
            title: vec!["技术服务现场拜访记录".into()],
            header: HeaderSpec::Single(header.iter().map(|s| s.to_string()).collect()),
            rows,
            footer: vec![],
        },
    )?;
    Ok(p)
}

fn trips(g: &mut Gen, cfg: &SampleConfig, months: &[NaiveDate]) -> Result<PathBuf> {
    let mut trips: Vec<(NaiveDate, NaiveDate, &str)> = Vec::new();
    for &m in months {
        for tech in TECHNICIANS {
            for _ in 0..g.below(3) {
                let start = m + Duration::days(g.below(days_in_month(m) as usize) as i64);
                let end = start + Duration::days(g.below(5) as i64);
                trips.push((start, end, tech));
            }
        }
    }
    // A trip across the last month boundary, for the period rule (days inside count).
    if let Some(&last) = months.last() {
        let start = last - Duration::days(2);
        trips.push((start, start + Duration::days(4), TECHNICIANS[0]));
    }
    let end_of_data = months
        .last()
        .map(|m| *m + Months::new(1) - Duration::days(1));
    trips.retain(|(_, e, _)| end_of_data.is_none_or(|last| *e <= last));
    trips.sort();
    let title_rows = 2; // title + blank
    let rows = trips
        .iter()
        .enumerate()
        .map(|(i, (s, e, tech))| {
            let excel_row = title_rows + 2 + i; // 1-based row of this record
            let days = (*e - *s).num_days() + 1;
            vec![
                SampleCell::text(*tech),
                SampleCell::Date(*s),
                SampleCell::Date(*e),
                SampleCell::text(*g.pick(&REGIONS)),
                SampleCell::Formula(format!("=C{excel_row}-B{excel_row}+1"), days.to_string()),
                SampleCell::Number(1.0 + g.below(6) as f64),
                SampleCell::text("李强"),
            ]
        })
        .collect();
    let header = [
        "技术员",
        "出发日期",
        "返回日期",
        "出差地点",
        "天数",
        "拜访客户数",
        "审批人",
    ];
    let p = out(cfg, "出差行程简报.xlsx");
    write_xlsx(
        &p,
        &[SheetSpec {
            name: "出差简报".into(),
            title: vec!["技术服务人员出差行程简报".into()],
            header: HeaderSpec::Single(header.iter().map(|s| s.to_string()).collect()),
            rows,
            footer: vec![],
        }],
    )?;
    Ok(p)
}

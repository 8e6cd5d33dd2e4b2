//! Sample technician records: field visits (C) as a GBK CSV with a title line, and trip
//! briefs (D) with a formula column and a trip across a month boundary. Trips usually carry
//! the approval 4-2 asks for and a visit on each day; now and then one lacks the general
//! manager's signature, a day's record, or overlaps another.

use std::path::PathBuf;

use anyhow::Result;
use chrono::{Duration, Months, NaiveDate};

use super::sheet::{HeaderSpec, SampleCell, SheetSpec, write_gbk_csv, write_xlsx};
use super::{Gen, REGIONS, SampleConfig, TECHNICIANS, days_in_month, out};

/// Demonstration farms and their regions, visited about every month.
pub const DEMO_FARMS: [(&str, &str); 3] = [
    ("金穗示范场(东湖)", "东湖区"),
    ("丰农示范户(西山)", "西山县"),
    ("金穗示范场(北河)", "北河县"),
];

/// A demonstration farm nobody has visited for two months at the end of the data.
pub const NEGLECTED_DEMO_FARM: (&str, &str) = ("南岭生态示范场", "南岭镇");
/// A demonstration farm named 示范户 for the first time in the last month.
pub const NEW_DEMO_FARM: (&str, &str) = ("东湖金穗新示范户", "东湖区");
/// A demonstration farm known from its batches alone, never visited (market.rs plants them).
pub const BATCH_ONLY_DEMO_FARM: (&str, &str) = ("中原丰农示范户", "中原区");
const BRANDS: [&str; 6] = ["金穗", "丰农", "正大", "新希望", "海大", "通威"];

/// One planned trip: technician, departure, return, approver.
type TripPlan = (NaiveDate, NaiveDate, &'static str, &'static str);

/// Writes the field visits and the trips; `site_visits` are the complaint site visits' days
/// and technicians, which count as daily records too.
pub fn write(
    g: &mut Gen,
    cfg: &SampleConfig,
    months: &[NaiveDate],
    site_visits: &[(NaiveDate, String)],
) -> Result<Vec<PathBuf>> {
    let plan = plan_trips(g, months);
    let gap = planted_gap(months, site_visits);
    Ok(vec![
        field_visits(g, cfg, months, &plan, gap)?,
        trips(g, cfg, &plan)?,
    ])
}

/// The trips, oldest first: up to two per technician and month, one to five days; more
/// than a day is mostly signed by the general manager, sometimes only by the supervisor.
fn plan_trips(g: &mut Gen, months: &[NaiveDate]) -> Vec<TripPlan> {
    let mut trips: Vec<TripPlan> = Vec::new();
    for &m in months {
        for tech in TECHNICIANS {
            for _ in 0..g.below(3) {
                let start = m + Duration::days(g.below(days_in_month(m) as usize) as i64);
                let end = start + Duration::days(g.below(5) as i64);
                let approver = if end == start {
                    "李强"
                } else {
                    *g.weighted(&[("总经理", 60), ("王总经理", 28), ("李强", 10), ("", 2)])
                };
                trips.push((start, end, tech, approver));
            }
        }
    }
    if let Some(&last) = months.last() {
        // A trip across the last month boundary, for the period rule (days inside count).
        let start = last - Duration::days(2);
        trips.push((start, start + Duration::days(4), TECHNICIANS[0], "总经理"));
        // The last month breaks each 4-2 rule once: three days signed by the supervisor
        // only, and a four-day trip with a day lacking its record (see `trip_visit_days`).
        let day = |n: i64| last + Duration::days(n);
        trips.push((day(5), day(7), TECHNICIANS[1], "李强"));
        trips.push((day(14), day(17), TECHNICIANS[2], "总经理"));
    }
    let end_of_data = months
        .last()
        .map(|m| *m + Months::new(1) - Duration::days(1));
    trips.retain(|(_, e, _, _)| end_of_data.is_none_or(|last| *e <= last));
    trips.sort();
    trips
}

/// The days of trips longer than two days on which the technician records a visit: most of
/// them (4-2 asks for a record every day; now and then one is missing — always the second
/// day of the last month's planted four-day trip).
fn trip_visit_days(
    g: &mut Gen,
    plan: &[TripPlan],
    planted_gap: Option<(NaiveDate, &'static str)>,
) -> Vec<(NaiveDate, &'static str)> {
    let mut days = Vec::new();
    for (start, end, tech, _) in plan {
        if (*end - *start).num_days() < 2 {
            continue;
        }
        let mut d = *start;
        while d <= *end {
            if g.chance(0.92) && planted_gap != Some((d, *tech)) {
                days.push((d, *tech));
            }
            d += Duration::days(1);
        }
    }
    days
}

/// The day of the last month's four-day trip (days 15–18) left without a record — one on
/// which its technician made no complaint site visit either — and whose trip it is.
fn planted_gap(
    months: &[NaiveDate],
    site_visits: &[(NaiveDate, String)],
) -> Option<(NaiveDate, &'static str)> {
    let last = *months.last()?;
    let tech = TECHNICIANS[2];
    (14..=17)
        .map(|n| last + Duration::days(n))
        .find(|d| !site_visits.iter().any(|(v, t)| v == d && t == tech))
        .map(|d| (d, tech))
}

fn field_visits(
    g: &mut Gen,
    cfg: &SampleConfig,
    months: &[NaiveDate],
    plan: &[TripPlan],
    gap: Option<(NaiveDate, &'static str)>,
) -> Result<PathBuf> {
    let on_trips = trip_visit_days(g, plan, gap);
    let mut rows = Vec::new();
    for &m in months {
        let n = (cfg.rows_per_month * 4 / 3) as usize;
        let mut month = Vec::new();
        let trip_days = on_trips
            .iter()
            .filter(|(d, _)| *d >= m && *d < m + Months::new(1));
        let planned: Vec<(NaiveDate, Option<&'static str>)> = (0..n)
            .map(|_| (g.day_in(m), None))
            .chain(trip_days.map(|(d, t)| (*d, Some(*t))))
            .collect();
        for (d, tech) in planned {
            let tech = tech.unwrap_or_else(|| {
                // Nobody else fills the planted gap in a trip's daily records.
                let t = *g.pick(&TECHNICIANS);
                if gap == Some((d, t)) {
                    TECHNICIANS[3]
                } else {
                    t
                }
            });
            month.push((d, visit_row(g, d, tech)));
        }
        month.extend(planted_demo_visits(g, months, m));
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

/// The visits of the demonstration farms planted for the 示范户 statistics in month `m`:
/// the neglected farm in its early months and last two and a half months before the end, the
/// new one in the last month.
fn planted_demo_visits(
    g: &mut Gen,
    months: &[NaiveDate],
    m: NaiveDate,
) -> Vec<(NaiveDate, Vec<SampleCell>)> {
    let n = months.len();
    let mut out = Vec::new();
    if n >= 8 {
        for (i, day, farm) in [
            (n - 8, 9, NEGLECTED_DEMO_FARM),
            (n - 3, 24, NEGLECTED_DEMO_FARM),
            (n - 1, 11, NEW_DEMO_FARM),
        ] {
            if months[i] == m {
                let d = m + Duration::days(day);
                let mut row = visit_row(g, d, TECHNICIANS[4]);
                row[2] = SampleCell::text(farm.0);
                row[3] = SampleCell::text("示范户");
                row[4] = SampleCell::text(farm.1);
                out.push((d, row));
            }
        }
    }
    out
}

/// One field visit by `tech` on day `d`.
fn visit_row(g: &mut Gen, d: NaiveDate, tech: &str) -> Vec<SampleCell> {
    let mut region = *g.pick(&REGIONS);
    let (customer, ctype) = match g.below(10) {
        0 => {
            let (farm, r) = *g.pick(&DEMO_FARMS);
            region = r;
            (farm.to_string(), "示范户".to_string())
        }
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
    let resolved = *g.weighted(&[("已解决", 70), ("未解决", 10), ("跟踪中", 15), ("跟踪", 5)]);
    vec![
        SampleCell::text(d.format("%Y/%-m/%-d").to_string()),
        SampleCell::text(tech),
        SampleCell::text(customer),
        SampleCell::text(ctype),
        SampleCell::text(region),
        SampleCell::text(*g.pick(&["生猪", "生猪", "肉鸡", "草鱼"])),
        SampleCell::Number((20 * (5 + g.below(100))) as f64),
        SampleCell::text(*g.pick(&BRANDS)),
        SampleCell::text(*g.pick(&["例行回访", "新品推广", "饲养指导", "问题处理"])),
        SampleCell::text(class),
        SampleCell::text(resolved),
    ]
}

fn trips(g: &mut Gen, cfg: &SampleConfig, trips: &[TripPlan]) -> Result<PathBuf> {
    let title_rows = 2; // title + blank
    let rows = trips
        .iter()
        .enumerate()
        .map(|(i, (s, e, tech, approver))| {
            let excel_row = title_rows + 2 + i; // 1-based row of this record
            let days = (*e - *s).num_days() + 1;
            vec![
                SampleCell::text(*tech),
                SampleCell::Date(*s),
                SampleCell::Date(*e),
                SampleCell::text(*g.pick(&REGIONS)),
                SampleCell::Formula(format!("=C{excel_row}-B{excel_row}+1"), days.to_string()),
                SampleCell::Number(1.0 + g.below(6) as f64),
                if approver.is_empty() {
                    SampleCell::Blank
                } else {
                    SampleCell::text(*approver)
                },
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

//! The sample complaint site-visit record (B): visits for complaints handled on site, and
//! one visit whose 投诉编号 matches no complaint.

use std::path::PathBuf;

use anyhow::Result;
use chrono::{Datelike, Duration, Months, NaiveDate};

use super::complaints::{Complaint, export_end};
use super::sheet::{HeaderSpec, SampleCell, SheetSpec, names, write_xlsx};
use super::{Gen, SampleConfig, out};

/// Writes the site-visit record; returns it and each visit's day and technician (the
/// technicians' daily records, which trips are checked against).
pub fn write(
    g: &mut Gen,
    cfg: &SampleConfig,
    all: &[Complaint],
) -> Result<(PathBuf, Vec<(NaiveDate, String)>)> {
    let end = export_end(cfg);
    let mut rows = Vec::new();
    let mut visited = Vec::new();
    for c in all.iter().filter(|c| c.first_action == "现场访问") {
        let visit = c.received + Duration::days(g.below(5) as i64);
        if visit <= end {
            rows.push(visit_row(g, c, visit));
            visited.push((visit, c.technician.clone()));
        }
    }
    if let Some(last) = all.last() {
        rows.push(unlinked_row(last.received));
    }
    rows.sort_by_key(|r| match &r[0] {
        SampleCell::Date(d) => *d,
        _ => NaiveDate::MIN,
    });
    let header = [
        "访问日期",
        "访问人",
        "投诉编号",
        "客户名称",
        "地区",
        "养殖品种",
        "存栏",
        "问题描述",
        "原因分析",
        "措施建议",
        "客户签字确认",
        "证据保全",
    ];
    let p = out(cfg, "投诉现场访问记录.xlsx");
    write_xlsx(
        &p,
        &[SheetSpec {
            name: "现场访问记录".into(),
            title: vec!["客户投诉现场访问及处理记录".into()],
            header: HeaderSpec::Single(names(&header)),
            rows,
            footer: vec![],
        }],
    )?;
    Ok((p, visited))
}

/// The visit made for complaint `c` on `visit`.
fn visit_row(g: &mut Gen, c: &Complaint, visit: NaiveDate) -> Vec<SampleCell> {
    let signed = if g.chance(0.8) {
        *g.pick(&["是", "已签字"])
    } else {
        "否"
    };
    let herd = 50 * (2 + g.below(40));
    let species = if c.product.contains("禽") {
        "肉鸡"
    } else if c.product.contains("水产") {
        "草鱼"
    } else {
        "生猪"
    };
    vec![
        SampleCell::Date(visit),
        SampleCell::text(&c.technician),
        SampleCell::text(&c.id),
        SampleCell::text(&c.customer),
        SampleCell::text(&c.region),
        SampleCell::text(species),
        if g.chance(0.3) {
            SampleCell::text(format!("{herd}头"))
        } else {
            SampleCell::Number(herd as f64)
        },
        SampleCell::text(&c.description),
        SampleCell::text(*g.pick(&["饲喂方法不当", "储存受潮", "批次质量波动", "运输挤压"])),
        SampleCell::text(*g.pick(&["调整饲喂量", "更换批次", "改善储存条件"])),
        SampleCell::text(signed),
        SampleCell::text(if g.chance(0.7) { "是" } else { "否" }),
    ]
}

/// A visit two months before the last complaint whose 投诉编号 matches no complaint.
fn unlinked_row(last_received: NaiveDate) -> Vec<SampleCell> {
    let d = last_received.with_day(1).expect("day 1") - Months::new(2) + Duration::days(9);
    vec![
        SampleCell::Date(d),
        SampleCell::text("刘洋"),
        SampleCell::text(format!("KS{}{:02}-999", d.year(), d.month())),
        SampleCell::text("卫国庆养殖场"),
        SampleCell::text("北河县"),
        SampleCell::text("生猪"),
        SampleCell::Number(300.0),
        SampleCell::text("猪只腹泻"),
        SampleCell::text("饮水污染"),
        SampleCell::text("清洗水线"),
        SampleCell::text("是"),
        SampleCell::text("否"),
    ]
}

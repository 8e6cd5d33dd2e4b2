//! Sample complaint registers (A): a 2025 register with aliased headers, a 2026 register with
//! a merged two-row header, bad rows and footers, and an overlapping Sep–Oct re-export.

use std::path::PathBuf;

use anyhow::Result;
use chrono::{Datelike, Duration, NaiveDate};

use super::complaints::{Complaint, export_end};
use super::sheet::{HeaderSpec, SampleCell, SheetSpec, names, write_xlsx};
use super::{Gen, SampleConfig, out};

fn date_cell(g: &mut Gen, d: NaiveDate) -> SampleCell {
    match g.below(10) {
        0 => SampleCell::text(d.format("%Y/%-m/%-d").to_string()),
        1 => SampleCell::text(d.format("%Y年%-m月%-d日").to_string()),
        2 => SampleCell::text(d.format("%Y.%m.%d").to_string()),
        _ => SampleCell::Date(d),
    }
}

fn opt_text(s: &str) -> SampleCell {
    if s.is_empty() {
        SampleCell::Blank
    } else {
        SampleCell::text(s)
    }
}

/// Cells in the order: id, received, channel, customer, phone, region, product,
/// description, receiver, category, responsibility, dept, action, severity, status, closed,
/// outcome, technician.
pub(super) fn cells(g: &mut Gen, c: &Complaint) -> Vec<SampleCell> {
    let phone = if g.chance(0.3) {
        SampleCell::Number(c.phone.parse().unwrap_or(0.0))
    } else {
        SampleCell::text(&c.phone)
    };
    vec![
        SampleCell::text(&c.id),
        date_cell(g, c.received),
        opt_text(&c.channel),
        SampleCell::text(&c.customer),
        phone,
        SampleCell::text(&c.region),
        SampleCell::text(&c.product),
        SampleCell::text(&c.description),
        SampleCell::text(&c.receiver),
        opt_text(&c.category),
        opt_text(&c.responsibility),
        opt_text(&c.dept),
        SampleCell::text(&c.first_action),
        SampleCell::text(&c.severity),
        opt_text(&c.status),
        c.closed.map_or(SampleCell::Blank, |d| date_cell(g, d)),
        opt_text(&c.outcome),
        SampleCell::text(&c.technician),
    ]
}

const HEADER_2025: [&str; 19] = [
    "编号",
    "投诉日期",
    "渠道",
    "客户名称",
    "联系电话",
    "区域",
    "产品名称",
    "投诉内容",
    "登记人",
    "投诉类别",
    "责任归属",
    "责任部门",
    "处置方式",
    "严重程度",
    "处理状态",
    "结案日期",
    "处理结果",
    "负责技术员",
    "备注",
];
const CHILDREN_2026: [&str; 18] = [
    "投诉编号",
    "受理日期",
    "受理方式",
    "客户名称",
    "联系电话",
    "地区",
    "产品",
    "投诉内容",
    "接诉人",
    "投诉类别",
    "责任归属",
    "责任部门",
    "处置方式",
    "严重程度",
    "状态",
    "结案日期",
    "处理结果",
    "负责技术员",
];

fn footer(n: usize) -> Vec<Vec<SampleCell>> {
    vec![
        vec![
            SampleCell::text("合计"),
            SampleCell::Blank,
            SampleCell::text(format!("共 {n} 条")),
        ],
        vec![
            SampleCell::text("制表人:王芳"),
            SampleCell::Blank,
            SampleCell::Blank,
            SampleCell::text("审核:李强"),
        ],
    ]
}

/// Writes the complaint registers.
pub fn write(
    g: &mut Gen,
    cfg: &SampleConfig,
    months: &[NaiveDate],
    all: &[Complaint],
) -> Result<Vec<PathBuf>> {
    let (old, new): (Vec<&Complaint>, Vec<&Complaint>) =
        all.iter().partition(|c| c.received.year() < 2026);
    Ok(vec![
        register_2025(g, cfg, &old)?,
        register_2026(g, cfg, months, &new)?,
        reexport(g, cfg, months, &new)?,
    ])
}

/// The 2025 register: one title row, aliased headers, footer rows.
fn register_2025(g: &mut Gen, cfg: &SampleConfig, old: &[&Complaint]) -> Result<PathBuf> {
    let rows_2025: Vec<Vec<SampleCell>> = old.iter().map(|c| cells(g, c)).collect();
    let p = out(cfg, "客诉登记表_2025.xlsx");
    write_xlsx(
        &p,
        &[SheetSpec {
            name: "2025年客诉".into(),
            title: vec!["XX饲料有限公司技术服务部 客诉登记表 2025年".into()],
            header: HeaderSpec::Single(names(&HEADER_2025)),
            footer: footer(rows_2025.len()),
            rows: rows_2025,
        }],
    )?;
    Ok(p)
}

/// The 2026 register: two title rows, a merged two-row header, bad rows, footers and an
/// instructions sheet.
fn register_2026(
    g: &mut Gen,
    cfg: &SampleConfig,
    months: &[NaiveDate],
    new: &[&Complaint],
) -> Result<PathBuf> {
    let mut rows_2026: Vec<Vec<SampleCell>> = new.iter().map(|c| cells(g, c)).collect();
    add_bad_rows(&mut rows_2026, months);
    let p = out(cfg, "客诉登记表_2026.xlsx");
    write_xlsx(
        &p,
        &[
            SheetSpec {
                name: "客诉登记".into(),
                title: vec![
                    "XX饲料有限公司技术服务部".into(),
                    "客诉处理登记及电话记录 2026年".into(),
                ],
                header: HeaderSpec::Double {
                    parents: vec![(14, 16, "处理情况".into())],
                    children: names(&CHILDREN_2026),
                },
                footer: footer(rows_2026.len()),
                rows: rows_2026,
            },
            SheetSpec {
                name: "填表说明".into(),
                title: vec![],
                header: HeaderSpec::Single(vec!["填表说明".into()]),
                rows: vec![
                    vec![SampleCell::text("1. 受理日期按接到投诉的日期填写")],
                    vec![SampleCell::text("2. 结案后填写结案日期")],
                ],
                footer: vec![],
            },
        ],
    )?;
    Ok(p)
}

/// The overlapping re-export of the last two months: mostly identical, two updated.
fn reexport(
    g: &mut Gen,
    cfg: &SampleConfig,
    months: &[NaiveDate],
    new: &[&Complaint],
) -> Result<PathBuf> {
    let recent: Vec<&Complaint> = new
        .iter()
        .copied()
        .filter(|c| months.len() >= 2 && c.received >= months[months.len() - 2])
        .collect();
    let mut updated = 0;
    let mut rows = Vec::new();
    for c in recent {
        let mut c = c.clone();
        if updated < 2 && c.closed.is_none() && c.received + Duration::days(3) <= export_end(cfg) {
            c.status = "完成".into();
            c.closed = Some(c.received + Duration::days(3));
            c.outcome = "已现场指导".into();
            updated += 1;
        }
        let mut r = cells(g, &c);
        r[1] = SampleCell::Date(c.received);
        r[4] = SampleCell::text(&c.phone);
        r[15] = c.closed.map_or(SampleCell::Blank, SampleCell::Date);
        rows.push(r);
    }
    let p = out(cfg, "客诉登记表_2026年9-10月_补导.xlsx");
    write_xlsx(
        &p,
        &[SheetSpec {
            name: "Sheet1".into(),
            title: vec![],
            header: HeaderSpec::Single(single_header()),
            rows,
            footer: vec![],
        }],
    )?;
    Ok(p)
}

/// The 2026 register's columns under a one-row header (状态 written out as 处理状态).
pub(super) fn single_header() -> Vec<String> {
    names(&CHILDREN_2026)
        .into_iter()
        .map(|h| {
            if h == "状态" {
                "处理状态".into()
            } else {
                h
            }
        })
        .collect()
}

/// A few rows every real register has: a blank line, an impossible date, a missing
/// channel, an unknown channel, an error cell, 已结案 without a closing date.
fn add_bad_rows(rows: &mut Vec<Vec<SampleCell>>, months: &[NaiveDate]) {
    let Some(&last) = months.last() else { return };
    let id = |n: u32| SampleCell::text(format!("KS{}{:02}-9{:02}", last.year(), last.month(), n));
    let base =
        |n: u32, received: SampleCell, channel: SampleCell, status: &str, closed: SampleCell| {
            let mut r = vec![SampleCell::Blank; 18];
            r[0] = id(n);
            r[1] = received;
            r[2] = channel;
            r[3] = SampleCell::text("周海燕家庭农场");
            r[5] = SampleCell::text("东湖区");
            r[6] = SampleCell::text("金穗K8育肥料");
            r[7] = SampleCell::text("饲料有异味");
            r[8] = SampleCell::text("赵敏");
            r[9] = SampleCell::text("品质");
            r[12] = SampleCell::text("现场访问");
            r[13] = SampleCell::text("一般");
            r[14] = SampleCell::text(status);
            r[15] = closed;
            r[17] = SampleCell::text("张伟");
            r
        };
    let d = SampleCell::Date(last + Duration::days(4));
    let bad = vec![
        base(
            1,
            SampleCell::text(format!("{}-13-05", last.year())),
            SampleCell::text("电话"),
            "未处理",
            SampleCell::Blank,
        ),
        base(2, d.clone(), SampleCell::Blank, "未处理", SampleCell::Blank),
        base(
            3,
            d.clone(),
            SampleCell::text("飞信"),
            "未处理",
            SampleCell::Blank,
        ),
        base(
            4,
            d.clone(),
            SampleCell::text("电话"),
            "正在完成",
            SampleCell::Formula("=NA()".into(), "#N/A".into()),
        ),
        base(5, d, SampleCell::text("来电"), "已结案", SampleCell::Blank),
    ];
    let at = rows.len() / 2;
    rows.insert(at, vec![]);
    for (i, r) in bad.into_iter().enumerate() {
        let at = (at + 1 + i * 3).min(rows.len());
        rows.insert(at, r);
    }
}

//! Sample complaint registers (A) — a 2025 register with aliased headers, a 2026 register
//! with a merged two-row header, bad rows and footers, an overlapping Sep–Oct re-export —
//! and the complaint site-visit record (B).

use std::path::PathBuf;

use anyhow::Result;
use chrono::{Datelike, Duration, Months, NaiveDate};

use super::sheet::{HeaderSpec, SCell, SheetSpec, write_xlsx};
use super::{CLERKS, Gen, REGIONS, SampleConfig, TECHNICIANS, out};

/// One generated complaint, with the spellings an export would show.
#[derive(Debug, Clone)]
pub struct Complaint {
    pub id: String,
    pub received: NaiveDate,
    pub channel: String,
    pub customer: String,
    pub phone: String,
    pub region: String,
    pub product: String,
    pub description: String,
    pub receiver: String,
    pub category: String,
    pub responsibility: String,
    pub dept: String,
    pub status: String,
    pub first_action: String,
    pub severity: String,
    pub closed: Option<NaiveDate>,
    pub outcome: String,
    pub technician: String,
}

const CHANNELS: [(&str, u32); 7] = [
    ("电话", 45),
    ("来访", 18),
    ("行销代表转达", 20),
    ("信函", 5),
    ("相关部门转办", 5),
    ("质量/公证机构告知", 2),
    ("其他", 5),
];
const CATEGORIES: [(&str, u32); 6] = [
    ("品质", 45),
    ("运输", 15),
    ("销售", 12),
    ("服务", 12),
    ("价格", 8),
    ("人员", 8),
];
const ACTIONS: [(&str, u32); 4] = [
    ("即时处置", 35),
    ("通知市场科", 20),
    ("现场访问", 35),
    ("呈报主管", 10),
];
const PRODUCTS: [&str; 5] = [
    "金穗551乳猪料",
    "金穗K8育肥料",
    "丰农禽宝肉鸡料",
    "丰农水产3号",
    "金穗母猪料",
];
const OUTCOMES: [&str; 4] = ["已更换饲料", "已现场指导", "已解释说明", "已协商赔偿"];

fn synonym(g: &mut Gen, canonical: &str) -> String {
    let options: &[&str] = match canonical {
        "电话" => &["来电", "热线", "电话投诉"],
        "来访" => &["上门", "到访"],
        "信函" => &["来信", "邮件"],
        "行销代表转达" => &["业务员反馈"],
        "相关部门转办" => &["转办"],
        "质量/公证机构告知" => &["质监局"],
        "其他" => &["微信"],
        "完成" => &["已结案", "已完成"],
        "正在完成" => &["处理中"],
        "未处理" => &["待处理"],
        "正在跟踪" => &["跟踪中"],
        "品质" => &["质量"],
        "运输" => &["物流"],
        "公司" => &["我司"],
        "用户" => &["养殖户"],
        _ => &[],
    };
    if !options.is_empty() && g.chance(0.2) {
        g.pick(options).to_string()
    } else {
        canonical.to_string()
    }
}

fn description(g: &mut Gen, category: &str) -> String {
    let pool: &[&str] = match category {
        "品质" => &[
            "饲料结块发霉",
            "颗粒粉化严重",
            "猪只采食量下降",
            "饲料有异味",
        ],
        "价格" => &["价格比同行高", "调价未提前通知"],
        "销售" => &["经销商送货不及时", "承诺的返利未兑现"],
        "运输" => &["运输途中包装破损", "到货延迟三天"],
        "人员" => &["业务员态度差", "技术员未按约上门"],
        _ => &["技术指导不到位", "售后回访不及时"],
    };
    g.pick(pool).to_string()
}

pub(super) fn one(g: &mut Gen, month: NaiveDate, seq: u32, export_end: NaiveDate) -> Complaint {
    let received = g.day_in(month);
    let channel = *g.weighted(&CHANNELS);
    let category = *g.weighted(&CATEGORIES);
    let (responsibility, dept) = match category {
        "品质" => match g.below(10) {
            0..=5 => ("公司", *g.pick(&["生产", "品管"])),
            6..=8 => ("用户", ""),
            _ => ("", ""),
        },
        "运输" => ("公司", "运输调度"),
        "销售" | "价格" => (*g.pick(&["经销商", "公司"]), "销售"),
        _ => ("公司", "服务"),
    };
    let dept = if responsibility == "公司" { dept } else { "" };
    let age = (export_end - received).num_days();
    let done_p = if age > 90 {
        0.985
    } else if age > 45 {
        0.93
    } else if age > 10 {
        0.6
    } else {
        0.3
    };
    let status = if g.chance(done_p) {
        "完成"
    } else {
        *g.pick(&["正在完成", "未处理", "正在跟踪"])
    };
    let closed = (status == "完成").then(|| {
        let days = g.below(age.clamp(1, 25) as usize + 1) as i64;
        (received + Duration::days(days)).min(export_end)
    });
    let severity = *g.weighted(&[("一般", 85), ("严重", 12), ("重大", 3)]);
    Complaint {
        id: format!("KS{}{:02}-{:03}", month.year(), month.month(), seq),
        received,
        channel: synonym(g, channel),
        customer: g.customer(),
        phone: format!("13{}{:08}", g.below(10), g.below(100_000_000)),
        region: g.pick(&REGIONS).to_string(),
        product: g.pick(&PRODUCTS).to_string(),
        description: description(g, category),
        receiver: g.pick(&CLERKS).to_string(),
        category: synonym(g, category),
        responsibility: synonym(g, responsibility),
        dept: dept.to_string(),
        status: synonym(g, status),
        first_action: g.weighted(&ACTIONS).to_string(),
        severity: severity.to_string(),
        closed,
        outcome: if status == "完成" {
            g.pick(&OUTCOMES).to_string()
        } else {
            String::new()
        },
        technician: g.pick(&TECHNICIANS).to_string(),
    }
}

pub(super) fn export_end(cfg: &SampleConfig) -> NaiveDate {
    cfg.last_month.with_day(1).expect("day 1") + Months::new(1) - Duration::days(1)
}

/// All complaints, month by month, oldest first.
pub fn generate(g: &mut Gen, cfg: &SampleConfig, months: &[NaiveDate]) -> Vec<Complaint> {
    let end = export_end(cfg);
    let mut all = Vec::new();
    for &m in months {
        let n = cfg.rows_per_month as i64 + g.below(7) as i64 - 3;
        let mut month: Vec<Complaint> = (1..=n.max(1) as u32).map(|s| one(g, m, s, end)).collect();
        month.sort_by_key(|c| c.received);
        all.extend(month);
    }
    // The supervisor's brief needs severe cases to show: the last month always has one
    // 严重 complaint still open and one 重大 complaint closed.
    let last: Vec<usize> = (0..all.len())
        .filter(|&i| months.last().is_some_and(|m| all[i].received >= *m))
        .collect();
    if let [first, second, ..] = last[..] {
        all[first].severity = "严重".into();
        all[first].status = "正在跟踪".into();
        all[first].closed = None;
        all[first].outcome.clear();
        all[second].severity = "重大".into();
    }
    all
}

fn date_cell(g: &mut Gen, d: NaiveDate) -> SCell {
    match g.below(10) {
        0 => SCell::text(d.format("%Y/%-m/%-d").to_string()),
        1 => SCell::text(d.format("%Y年%-m月%-d日").to_string()),
        2 => SCell::text(d.format("%Y.%m.%d").to_string()),
        _ => SCell::Date(d),
    }
}

fn opt_text(s: &str) -> SCell {
    if s.is_empty() {
        SCell::Blank
    } else {
        SCell::text(s)
    }
}

/// Cells in the order: id, received, channel, customer, phone, region, product,
/// description, receiver, category, responsibility, dept, action, severity, status, closed,
/// outcome, technician.
pub(super) fn cells(g: &mut Gen, c: &Complaint) -> Vec<SCell> {
    let phone = if g.chance(0.3) {
        SCell::Number(c.phone.parse().unwrap_or(0.0))
    } else {
        SCell::text(&c.phone)
    };
    vec![
        SCell::text(&c.id),
        date_cell(g, c.received),
        opt_text(&c.channel),
        SCell::text(&c.customer),
        phone,
        SCell::text(&c.region),
        SCell::text(&c.product),
        SCell::text(&c.description),
        SCell::text(&c.receiver),
        opt_text(&c.category),
        opt_text(&c.responsibility),
        opt_text(&c.dept),
        SCell::text(&c.first_action),
        SCell::text(&c.severity),
        opt_text(&c.status),
        c.closed.map_or(SCell::Blank, |d| date_cell(g, d)),
        opt_text(&c.outcome),
        SCell::text(&c.technician),
    ]
}

pub(super) fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
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
pub(super) const CHILDREN_2026: [&str; 18] = [
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

fn footer(n: usize) -> Vec<Vec<SCell>> {
    vec![
        vec![
            SCell::text("合计"),
            SCell::Blank,
            SCell::text(format!("共 {n} 条")),
        ],
        vec![
            SCell::text("制表人:王芳"),
            SCell::Blank,
            SCell::Blank,
            SCell::text("审核:李强"),
        ],
    ]
}

/// Writes the registers and the site-visit record.
pub fn write(
    g: &mut Gen,
    cfg: &SampleConfig,
    months: &[NaiveDate],
    all: &[Complaint],
) -> Result<Vec<PathBuf>> {
    let (old, new): (Vec<&Complaint>, Vec<&Complaint>) =
        all.iter().partition(|c| c.received.year() < 2026);
    let mut written = Vec::new();

    let rows_2025: Vec<Vec<SCell>> = old.iter().map(|c| cells(g, c)).collect();
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
    written.push(p);

    let mut rows_2026: Vec<Vec<SCell>> = new.iter().map(|c| cells(g, c)).collect();
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
                    vec![SCell::text("1. 受理日期按接到投诉的日期填写")],
                    vec![SCell::text("2. 结案后填写结案日期")],
                ],
                footer: vec![],
            },
        ],
    )?;
    written.push(p);

    // The overlapping re-export of the last two months: mostly identical, two updated.
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
        r[1] = SCell::Date(c.received);
        r[4] = SCell::text(&c.phone);
        r[15] = c.closed.map_or(SCell::Blank, SCell::Date);
        rows.push(r);
    }
    let p = out(cfg, "客诉登记表_2026年9-10月_补导.xlsx");
    write_xlsx(
        &p,
        &[SheetSpec {
            name: "Sheet1".into(),
            title: vec![],
            header: HeaderSpec::Single(
                names(&CHILDREN_2026)
                    .into_iter()
                    .map(|h| {
                        if h == "状态" {
                            "处理状态".into()
                        } else {
                            h
                        }
                    })
                    .collect(),
            ),
            rows,
            footer: vec![],
        }],
    )?;
    written.push(p);

    written.push(super::site_visits::write(g, cfg, all)?);
    Ok(written)
}

/// A few rows every real register has: a blank line, an impossible date, a missing
/// channel, an unknown channel, an error cell, 已结案 without a closing date.
fn add_bad_rows(rows: &mut Vec<Vec<SCell>>, months: &[NaiveDate]) {
    let Some(&last) = months.last() else { return };
    let id = |n: u32| SCell::text(format!("KS{}{:02}-9{:02}", last.year(), last.month(), n));
    let base = |n: u32, received: SCell, channel: SCell, status: &str, closed: SCell| {
        let mut r = vec![SCell::Blank; 18];
        r[0] = id(n);
        r[1] = received;
        r[2] = channel;
        r[3] = SCell::text("周海燕家庭农场");
        r[5] = SCell::text("东湖区");
        r[6] = SCell::text("金穗K8育肥料");
        r[7] = SCell::text("饲料有异味");
        r[8] = SCell::text("赵敏");
        r[9] = SCell::text("品质");
        r[12] = SCell::text("现场访问");
        r[13] = SCell::text("一般");
        r[14] = SCell::text(status);
        r[15] = closed;
        r[17] = SCell::text("张伟");
        r
    };
    let d = SCell::Date(last + Duration::days(4));
    let bad = vec![
        base(
            1,
            SCell::text(format!("{}-13-05", last.year())),
            SCell::text("电话"),
            "未处理",
            SCell::Blank,
        ),
        base(2, d.clone(), SCell::Blank, "未处理", SCell::Blank),
        base(3, d.clone(), SCell::text("飞信"), "未处理", SCell::Blank),
        base(
            4,
            d.clone(),
            SCell::text("电话"),
            "正在完成",
            SCell::Formula("=NA()".into(), "#N/A".into()),
        ),
        base(5, d, SCell::text("来电"), "已结案", SCell::Blank),
    ];
    let at = rows.len() / 2;
    rows.insert(at, vec![]);
    for (i, r) in bad.into_iter().enumerate() {
        rows.insert(at + 1 + i * 3, r);
    }
}

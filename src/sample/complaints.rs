//! Sample complaints (A): who complained, how, about what, and how it went — with the
//! spellings real exports use. Written out by `registers`.

use chrono::{Datelike, Duration, Months, NaiveDate};

use super::{CLERKS, Gen, REGIONS, SampleConfig, TECHNICIANS};

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
/// The products complained about; [`PRODUCTS`]`[1]` is the one the last month's planted
/// quality cluster is about.
pub(super) const PRODUCTS: [&str; 12] = [
    "金穗551乳猪料",
    "金穗K8育肥料",
    "丰农禽宝肉鸡料",
    "丰农水产3号",
    "金穗母猪料",
    "金穗552仔猪料",
    "金穗K6中猪料",
    "丰农蛋鸡高峰料",
    "丰农肉鸭料",
    "丰农水产5号",
    "金穗浓缩料K1",
    "金穗预混料P4",
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
    super::warnings::plant(&mut all, months);
    all
}

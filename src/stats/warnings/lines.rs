//! One line per warning, in Chinese and in English, that a supervisor can act on: what,
//! where, when, how many, which complaint ids.

use chrono::{Datelike, NaiveDate};

use super::clusters::Cluster;
use super::prices::Move;
use super::surges::{Surge, dimension_labels};
use crate::stats::Record;

/// A line in both languages.
pub type Line = (String, String);

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `10月3日–8日`, `9月28日–10月3日`, `10月3日`; `3–8 Oct`, `28 Sep – 3 Oct`, `3 Oct`.
pub fn days(first: NaiveDate, last: NaiveDate) -> Line {
    let en_day = |d: NaiveDate| format!("{} {}", d.day(), MONTHS_EN[d.month0() as usize]);
    if first == last {
        (
            format!("{}月{}日", first.month(), first.day()),
            en_day(first),
        )
    } else if (first.year(), first.month()) == (last.year(), last.month()) {
        (
            format!("{}月{}日–{}日", first.month(), first.day(), last.day()),
            format!("{}–{}", first.day(), en_day(last)),
        )
    } else {
        (
            format!(
                "{}月{}日–{}月{}日",
                first.month(),
                first.day(),
                last.month(),
                last.day()
            ),
            format!("{} – {}", en_day(first), en_day(last)),
        )
    }
}

/// A cluster's line names at most this many complaint ids (all are in `warning_clusters`).
const IDS_SHOWN: usize = 10;

/// The first ids joined by `sep`, then how many more (`more(n)`), so a line stays readable.
fn some_ids(ids: &[String], sep: &str, more: impl Fn(usize) -> String) -> String {
    let shown = ids[..ids.len().min(IDS_SHOWN)].join(sep);
    match ids.len().saturating_sub(IDS_SHOWN) {
        0 => shown,
        rest => format!("{shown}{}", more(rest)),
    }
}

pub fn cluster(c: &Cluster) -> Line {
    let (zh_days, en_days) = days(c.first, c.last);
    let ids = some_ids(&c.ids, "、", |n| format!(" 等,另有 {n} 件"));
    let (zh_regions, en_regions) = if c.regions.is_empty() {
        (String::new(), String::new())
    } else {
        (
            format!(";地区 {}", c.regions.join("、")),
            format!("; {}", c.regions.join(", ")),
        )
    };
    (
        format!(
            "产品 {}:{zh_days} {} 家客户投诉品质问题 {} 件(编号 {ids}{zh_regions})",
            c.product, c.customers, c.complaints
        ),
        format!(
            "Product {}: {} quality complaints from {} customers, {en_days} (ids {}{en_regions})",
            c.product,
            c.complaints,
            c.customers,
            some_ids(&c.ids, ", ", |n| format!(" and {n} more"))
        ),
    )
}

pub fn surge(s: &Surge) -> Line {
    let (zh, en) = dimension_labels(s.dimension);
    // The total is one figure of its own, not a value of a dimension.
    let (zh_what, en_what) = if s.dimension == "total" {
        (zh.to_string(), capitalised(en))
    } else {
        (
            format!("{zh} {}", s.value),
            format!("{} {}", capitalised(en), s.value),
        )
    };
    (
        format!(
            "{zh_what}:本期 {} 件投诉,前 {} 期平均 {:.1} 件(标准差 {:.1})",
            s.count, s.periods, s.mean, s.sd
        ),
        format!(
            "{en_what}: {} complaints against a mean of {:.1} (SD {:.1}) over the {} periods before",
            s.count, s.mean, s.sd, s.periods
        ),
    )
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

pub fn price(m: &Move) -> Line {
    let pct = m.change() * 100.0;
    let (zh_dir, en_dir) = if pct >= 0.0 {
        ("上涨", "up")
    } else {
        ("下跌", "down")
    };
    let series = format!("{}·{}·{}", m.item, m.price_type, m.unit);
    (
        format!(
            "{series}:均价 {:.2},上期 {:.2},{zh_dir} {:.1}%",
            m.mean,
            m.previous,
            pct.abs()
        ),
        format!(
            "{series}: mean {:.2}, previous {:.2}, {en_dir} {:.1}%",
            m.mean,
            m.previous,
            pct.abs()
        ),
    )
}

/// A text value of `r`, or `—` when blank.
fn text(r: &Record<'_>, key: &str) -> String {
    r.text(key).unwrap_or("—").to_string()
}

fn date(r: &Record<'_>, key: &str) -> String {
    match r.get(key) {
        crate::stats::Val::Date(d) => d.format("%Y-%m-%d").to_string(),
        _ => "—".to_string(),
    }
}

fn whole(r: &Record<'_>, key: &str) -> i64 {
    r.num(key).unwrap_or(0.0).round() as i64
}

/// A row of `disease_new`.
pub fn outbreak(r: &Record<'_>) -> Line {
    let (region, disease) = (text(r, "region"), text(r, "disease"));
    let (first, n) = (date(r, "first_report_date"), whole(r, "reports"));
    (
        format!("{region} {disease}:首次报告 {first},本期 {n} 次"),
        format!("{region} {disease}: first reported {first}, {n} report(s)"),
    )
}

/// A row of `complaints_open_severe`.
pub fn open_severe(r: &Record<'_>) -> Line {
    let (id, severity, category) = (text(r, "id"), text(r, "severity"), text(r, "category"));
    let customer = text(r, "customer");
    let (received, age) = (date(r, "received_date"), whole(r, "age_days"));
    let (zh_who, en_who) = r
        .text("technician")
        .map(|t| (format!(",负责 {t}"), format!(", {t}")))
        .unwrap_or_default();
    (
        format!(
            "{id}({severity},{category}):{customer},{received} 受理,至期末 {age} 天未结案{zh_who}"
        ),
        format!(
            "{id} ({severity}, {category}): {customer}, received {received}, open {age} days at the period end{en_who}"
        ),
    )
}

/// A row of `assist_open` past the reply limit.
pub fn overdue_feedback(r: &Record<'_>, limit: u32) -> Line {
    let (id, dept) = (text(r, "complaint_id"), text(r, "dept"));
    let (asked, age) = (date(r, "request_date"), whole(r, "age_days"));
    (
        format!("{id} · {dept}:{asked} 申请协查,{age} 天未回馈(时限 {limit} 天)"),
        format!("{id} · {dept}: requested {asked}, no reply after {age} days (limit {limit})"),
    )
}

/// The demonstration farms gone unvisited for more than `days` days (`never` of them never
/// visited), listed on 现场拜访.
pub fn unvisited_demo_farms(n: usize, never: usize, days: u32) -> Line {
    let (zh_never, en_never) = if never > 0 {
        (
            format!("(其中 {never} 家从未拜访)"),
            format!(" ({never} never visited)"),
        )
    } else {
        (String::new(), String::new())
    };
    let (zh_sheet, en_sheet) = crate::stats::Sheet::FieldVisits.names();
    (
        format!("示范户 {n} 家超过 {days} 天未拜访{zh_never},清单见“{zh_sheet}”表"),
        format!(
            "{n} demonstration farm(s) not visited for more than {days} days{en_never}: listed on the {en_sheet} sheet"
        ),
    )
}

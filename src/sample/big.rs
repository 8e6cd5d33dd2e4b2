//! Large complaint registers for benchmarks (`tsreport sample --complaints-only`): a title
//! row above the header, descriptions of 10–40 characters, about 50,000 distinct customers
//! and a unique phone number per row, as a department's master register looks after years.
//! Inline strings (what exports stream) or a shared-string table (what Excel writes when it
//! re-saves), in one file or one file per month; `--open-share` leaves that share of the
//! complaints open, a backlog as large as a real register can carry.

use std::path::PathBuf;

use anyhow::Result;
use chrono::{Datelike, NaiveDate};

use super::complaints::{export_end, one};
use super::registers::{cells, single_header};
use super::sheet::{SampleCell, write_xlsx_streaming};
use super::{Gen, SampleConfig, out};

const VILLAGE_A: [&str; 11] = [
    "东", "西", "南", "北", "上", "下", "前", "后", "大", "小", "新",
];
const VILLAGE_B: [&str; 10] = ["庄", "村", "湾", "桥", "岗", "河", "坪", "店", "集", "塘"];
const CLAUSES: [&str; 16] = [
    "饲料结块发霉",
    "颗粒粉化严重",
    "猪只采食量下降三成",
    "饲料有异味",
    "仔猪腹泻增多",
    "育肥猪日增重不达标",
    "蛋鸡产蛋率下降",
    "包装袋破损受潮",
    "到货时间比约定晚两天",
    "料肉比明显高于上批",
    "客户要求技术员上门查看",
    "怀疑原料批次有问题",
    "鱼塘浮头后采食减少",
    "换料后应激反应明显",
    "业务员承诺的返利未兑现",
    "已留样待检",
];

/// A farm name from about 52,800 (village × surname × given name × kind of farm).
fn customer(g: &mut Gen) -> String {
    let village = format!("{}{}", g.pick(&VILLAGE_A), g.pick(&VILLAGE_B));
    format!("{village}{}", g.customer())
}

/// A description of 10 to 40 characters, clauses joined by commas.
fn description(g: &mut Gen) -> String {
    let target = 10 + g.below(31);
    let mut text = String::new();
    while text.chars().count() < target {
        if !text.is_empty() {
            text.push('，');
        }
        let clause = *g.pick(&CLAUSES);
        text.push_str(clause);
    }
    text.chars().take(40).collect()
}

/// A phone number no other row has: the row number through a bijection of 0..10⁹.
fn phone(row: u64) -> String {
    format!("13{:09}", (row * 387_420_489) % 1_000_000_000)
}

/// Whether row `n` is one of the open ones when `share` of the rows are: the rows are spread
/// evenly by the golden ratio, so any stretch of the register holds about that share.
fn is_open(n: u64, share: f64) -> bool {
    (n as f64 * 0.618_033_988_749_895).fract() < share
}

/// Sets row `r` (a complaint received on `received`, row `n`) open or closed as `share` asks.
fn backlog(r: &mut [SampleCell], n: u64, share: f64, received: NaiveDate, end: NaiveDate) {
    if is_open(n, share) {
        r[14] = SampleCell::text(["未处理", "正在跟踪", "正在完成"][(n % 3) as usize]);
        r[15] = SampleCell::Blank;
        r[16] = SampleCell::Blank;
    } else {
        r[14] = SampleCell::text("完成");
        let closed = (received + chrono::Duration::days((n % 21) as i64)).min(end);
        r[15] = SampleCell::Date(closed);
    }
}

/// The rows of one month.
fn month_rows(
    g: &mut Gen,
    cfg: &SampleConfig,
    month: NaiveDate,
    end: NaiveDate,
    first_row: u64,
) -> Vec<Vec<SampleCell>> {
    (1..=cfg.rows_per_month)
        .map(|s| {
            let mut c = one(g, month, s, end);
            let n = first_row + u64::from(s);
            c.customer = customer(g);
            c.description = description(g);
            c.phone = phone(n);
            let mut r = cells(g, &c);
            r[1] = SampleCell::Date(c.received);
            r[4] = SampleCell::text(&c.phone);
            r[15] = c.closed.map_or(SampleCell::Blank, SampleCell::Date);
            if let Some(share) = cfg.open_share {
                backlog(&mut r, n, share, c.received, end);
            }
            r
        })
        .collect()
}

const TITLE: &str = "XX饲料有限公司技术服务部 客诉登记表";

/// The large register(s): one file, or one per month (`客诉登记表_2026-10.xlsx`).
pub fn write_big_register(
    g: &mut Gen,
    cfg: &SampleConfig,
    months: &[NaiveDate],
) -> Result<Vec<PathBuf>> {
    let end = export_end(cfg);
    let header = single_header();
    let per_month = cfg.rows_per_month;
    let first_row = |i: usize| i as u64 * u64::from(per_month);
    if cfg.one_file_per_month {
        let mut written = Vec::new();
        for (i, &m) in months.iter().enumerate() {
            let p = out(
                cfg,
                &format!("客诉登记表_{}-{:02}.xlsx", m.year(), m.month()),
            );
            let rows = month_rows(g, cfg, m, end, first_row(i));
            write_xlsx_streaming(&p, TITLE, &header, rows.into_iter(), cfg.shared_strings)?;
            written.push(p);
        }
        return Ok(written);
    }
    let p = out(cfg, "客诉登记表_大样本.xlsx");
    let rows = months
        .iter()
        .enumerate()
        .flat_map(|(i, &m)| month_rows(g, cfg, m, end, first_row(i)));
    write_xlsx_streaming(&p, TITLE, &header, rows, cfg.shared_strings)?;
    Ok(vec![p])
}

//! A technician's self-review workbook: 我的工作, 我的市场, 我的客诉, 我的出差 (a clerk who only
//! takes calls gets 我的工作 and 我的客诉) — each block under a title naming the 4-3 question it
//! answers, as print-ready as the report's sheets.

use anyhow::Result;

use super::charts::build;
use super::new_workbook;
use super::writer::{Formats, SheetWriter};
use crate::lang::Lang;
use crate::period::Period;
use crate::render::charts::REVIEW_MONTHLY;
use crate::stats::review::Review;
use crate::stats::{Id, Record, Table, Val};

/// The review's sheets: Chinese and English name, and its tables.
fn sheets(review: &Review) -> [(&'static str, &'static str, &[Table]); 4] {
    [
        ("我的工作", "My work", &review.work),
        ("我的市场", "My market", &review.market),
        ("我的客诉", "My complaints", &review.complaints),
        ("我的出差", "My trips", &review.trips),
    ]
}

/// Rows to make stand out: own brands, demonstration farms gone unvisited.
fn highlight(r: &Record<'_>) -> bool {
    let flag = |key: &str| r.table().column_index(key).is_some() && *r.get(key) == Val::Bool(true);
    flag("own_brand") || flag("unvisited")
}

/// The review workbook as bytes (same inputs, same bytes).
///
/// # Errors
/// rust_xlsxwriter failed (a bug).
pub fn to_bytes(review: &Review, period: &Period, lang: Lang) -> Result<Vec<u8>> {
    let f = Formats::new();
    let caption = format!("{} ({} – {})", period.label(), period.start, period.end);
    let mut wb = new_workbook(period.end, None)?;
    let what = lang.pick("技术员自查", "Technician self-review");
    let title = format!("{what} · {} · {caption}", review.person);
    for (zh, en, tables) in sheets(review) {
        if tables.is_empty() {
            continue;
        }
        let name = lang.pick(zh, en);
        let ws = wb.add_worksheet();
        let mut sheet = SheetWriter::new(ws, name, &title, &caption, lang, &f)?;
        sheet.ws.set_freeze_panes(1, 0)?;
        for t in tables {
            if let (Some((zh, en)), true) = (&t.note, t.rows.is_empty()) {
                sheet.note(&format!("{} | {caption}", lang.pick(&t.zh, &t.en)))?;
                sheet.notice(lang.pick(zh, en))?;
                continue;
            }
            let placed = sheet.table(t, &caption, &highlight, true)?;
            if t.id == Id::ReviewMonthlyVisits {
                let chart_title = format!(
                    "{} {}",
                    review.person,
                    lang.pick(REVIEW_MONTHLY.zh, REVIEW_MONTHLY.en)
                );
                if let Some(chart) = build(&REVIEW_MONTHLY, t, (name, &placed), &chart_title, lang)
                {
                    sheet.ws.insert_chart(2, 11, &chart)?;
                }
            }
        }
        sheet.finish();
    }
    super::save(&mut wb)
}

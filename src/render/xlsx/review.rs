//! A technician's self-review workbook: 自查 (figures against the department, monthly visits
//! with a chart) and 明细 (his visits and complaints in the period).

use anyhow::Result;

use super::charts::build;
use super::new_workbook;
use super::writer::{Formats, SheetWriter, no_highlight};
use crate::lang::Lang;
use crate::period::Period;
use crate::render::charts::REVIEW_MONTHLY;
use crate::stats::review::Review;

/// The review workbook as bytes (same inputs, same bytes).
///
/// # Errors
/// rust_xlsxwriter failed (a bug).
pub fn to_bytes(review: &Review, period: &Period, lang: Lang) -> Result<Vec<u8>> {
    let f = Formats::new();
    let caption = format!("{} ({} – {})", period.label(), period.start, period.end);
    let mut wb = new_workbook(period.end, None)?;
    let what = lang.pick("技术员自查", "Technician self-review");
    let title = format!("{what} · {} · {caption}", review.technician);
    let (mine, details) = (
        lang.pick("自查", "Self-review"),
        lang.pick("明细", "Details"),
    );
    {
        let ws = wb.add_worksheet();
        let mut sheet = SheetWriter::new(ws, mine, &title, &caption, lang, &f)?;
        sheet.table(&review.figures, &caption, &no_highlight, true)?;
        let monthly = sheet.table(&review.monthly, &caption, &no_highlight, true)?;
        let chart = lang.pick(REVIEW_MONTHLY.zh, REVIEW_MONTHLY.en);
        let chart_title = format!("{} {chart}", review.technician);
        if let Some(chart) = build(
            &REVIEW_MONTHLY,
            &review.monthly,
            (mine, &monthly),
            &chart_title,
            lang,
        ) {
            sheet.ws.insert_chart(2, 9, &chart)?;
        }
        sheet.ws.set_freeze_panes(1, 0)?;
        sheet.finish();
    }
    {
        let ws = wb.add_worksheet();
        let mut sheet = SheetWriter::new(ws, details, &title, &caption, lang, &f)?;
        sheet.table(&review.field_visits, &caption, &no_highlight, true)?;
        sheet.table(&review.site_visits, &caption, &no_highlight, true)?;
        sheet.table(&review.complaints, &caption, &no_highlight, true)?;
        sheet.ws.set_freeze_panes(1, 0)?;
        sheet.finish();
    }
    Ok(wb.save_to_buffer()?)
}

//! A technician's self-review workbook: 自查 (figures against the department, monthly visits
//! with a chart) and 明细 (his visits and complaints in the period).

use anyhow::{Context, Result};
use chrono::Datelike;
use rust_xlsxwriter::{ChartType, DocProperties, ExcelDateTime, Workbook};

use super::charts::{self, ChartSpec, Series};
use super::no_highlight;
use super::writer::{Formats, SheetWriter};
use crate::lang::Lang;
use crate::period::Period;
use crate::stats::review::Review;

/// The review workbook as bytes (same inputs, same bytes).
///
/// # Errors
/// rust_xlsxwriter failed (a bug).
pub fn to_bytes(review: &Review, period: &Period) -> Result<Vec<u8>> {
    let f = Formats::new();
    let lang = Lang::Zh;
    let caption = format!("{} ({} – {})", period.label(), period.start, period.end);
    let mut wb = Workbook::new();
    let end = period.end;
    let created = ExcelDateTime::from_ymd(end.year() as u16, end.month() as u8, end.day() as u8)
        .context("period end as a document date")?;
    wb.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&created)
            .set_author("tsreport"),
    );
    let title = format!("技术员自查 · {} · {caption}", review.technician);
    {
        let ws = wb.add_worksheet();
        let mut sheet = SheetWriter::new(ws, "自查", &title, lang, &f)?;
        sheet.table(&review.figures, &caption, &no_highlight)?;
        let monthly = sheet.table(&review.monthly, &caption, &no_highlight)?;
        let spec = ChartSpec {
            kind: ChartType::Line,
            title: format!("{} 每月现场拜访与部门中位数", review.technician),
            sheet: "自查",
            placed: monthly,
            rows: None,
            series: vec![
                Series {
                    value_col: 1,
                    name: None,
                },
                Series {
                    value_col: 2,
                    name: None,
                },
            ],
            y_axis: Some("次".to_string()),
            percent_axis: false,
        };
        sheet.ws.insert_chart(2, 9, &charts::build(&spec, lang))?;
        sheet.ws.set_freeze_panes(1, 0)?;
        sheet.finish();
    }
    {
        let ws = wb.add_worksheet();
        let mut sheet = SheetWriter::new(ws, "明细", &title, lang, &f)?;
        sheet.table(&review.field_visits, &caption, &no_highlight)?;
        sheet.table(&review.site_visits, &caption, &no_highlight)?;
        sheet.table(&review.complaints, &caption, &no_highlight)?;
        sheet.ws.set_freeze_panes(1, 0)?;
        sheet.finish();
    }
    Ok(wb.save_to_buffer()?)
}

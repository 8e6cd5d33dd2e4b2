//! The statistics workbook (SPEC §6): sheets 概览, 客诉统计, 客诉明细, 市场占有率, 价格, 料肉比,
//! 现场拜访, 技术员, 数据问题 — each table under a title row naming it, the period and the source
//! files; frozen header rows; number formats; widths that fit Chinese; native charts. Same
//! inputs, same bytes.

mod charts;
mod complaints;
mod market;
pub mod review;
mod writer;

use anyhow::{Context, Result};
use chrono::Datelike;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};

use crate::lang::Lang;
use crate::schema::Kind;
use crate::stats::report::Report;
use writer::{Formats, SheetWriter};

/// Sheet names, in workbook order.
pub struct SheetNames {
    pub overview: &'static str,
    pub complaints: &'static str,
    pub lists: &'static str,
    pub market: &'static str,
    pub prices: &'static str,
    pub fcr: &'static str,
    pub field: &'static str,
    pub technicians: &'static str,
    pub issues: &'static str,
}

pub fn sheet_names(lang: Lang) -> SheetNames {
    match lang {
        Lang::Zh => SheetNames {
            overview: "概览",
            complaints: "客诉统计",
            lists: "客诉明细",
            market: "市场占有率",
            prices: "价格",
            fcr: "料肉比",
            field: "现场拜访",
            technicians: "技术员",
            issues: "数据问题",
        },
        Lang::En => SheetNames {
            overview: "Overview",
            complaints: "Complaints",
            lists: "Complaint lists",
            market: "Market share",
            prices: "Prices",
            fcr: "Feed conversion",
            field: "Field visits",
            technicians: "Technicians",
            issues: "Data problems",
        },
    }
}

/// What every sheet needs: the report, the language, the formats and the headings.
pub struct Ctx<'a> {
    pub report: &'a Report,
    pub lang: Lang,
    pub names: SheetNames,
    pub f: Formats,
}

impl Ctx<'_> {
    /// The sheet's first-row title.
    pub fn heading(&self, what: &str) -> String {
        let p = self.report.period;
        format!(
            "{} · {what} · {} ({} – {})",
            self.lang
                .pick("技术服务部统计报表", "Technical service statistics"),
            p.label(),
            p.start,
            p.end
        )
    }

    /// A table's caption: the period and the files it was computed from.
    pub fn caption(&self, kinds: &[Kind]) -> String {
        let sources = self.report.sources(kinds);
        let sources = if sources.is_empty() {
            "—".to_string()
        } else {
            sources.join(", ")
        };
        format!(
            "{} | {} {sources}",
            self.report.period.label(),
            self.lang.pick("来源:", "sources:")
        )
    }

    /// A new sheet writer on `ws`.
    pub fn sheet<'w>(
        &self,
        ws: &'w mut rust_xlsxwriter::Worksheet,
        name: &str,
        zh: &str,
        en: &str,
    ) -> Result<SheetWriter<'w, '_>> {
        Ok(SheetWriter::new(
            ws,
            name,
            &self.heading(self.lang.pick(zh, en)),
            self.lang,
            &self.f,
        )?)
    }
}

/// Never highlight.
pub fn no_highlight(_: &[crate::stats::Val]) -> bool {
    false
}

/// The workbook as bytes.
///
/// # Errors
/// rust_xlsxwriter failed (a bug: every name and range is built here).
pub fn to_bytes(report: &Report, lang: Lang) -> Result<Vec<u8>> {
    let ctx = Ctx {
        report,
        lang,
        names: sheet_names(lang),
        f: Formats::new(),
    };
    let mut wb = Workbook::new();
    // Level 3 saves in about 0.7 of the default time for a file about 6% larger.
    wb.set_zip_compression_level(3);
    let end = report.period.end;
    let created = ExcelDateTime::from_ymd(end.year() as u16, end.month() as u8, end.day() as u8)
        .context("period end as a document date")?;
    wb.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&created)
            .set_title(ctx.heading(lang.pick("统计报表", "report")))
            .set_author("tsreport"),
    );
    // Sheets in workbook order; the long lists stream to disk (constant memory).
    for constant_memory in [false, false, true, false, false, false, false, false, true] {
        if constant_memory {
            wb.add_worksheet_with_constant_memory()?;
        } else {
            wb.add_worksheet();
        }
    }
    // 客诉统计 first: the charts on 概览 point at its cells.
    let placed = complaints::statistics(&ctx, wb.worksheet_from_index(1)?)?;
    complaints::overview(&ctx, wb.worksheet_from_index(0)?, &placed)?;
    complaints::lists(&ctx, wb.worksheet_from_index(2)?)?;
    market::market_share(&ctx, wb.worksheet_from_index(3)?)?;
    market::prices(&ctx, wb.worksheet_from_index(4)?)?;
    market::fcr(&ctx, wb.worksheet_from_index(5)?)?;
    market::field_visits(&ctx, wb.worksheet_from_index(6)?)?;
    market::technicians(&ctx, wb.worksheet_from_index(7)?)?;
    complaints::issues(&ctx, wb.worksheet_from_index(8)?)?;
    Ok(wb.save_to_buffer()?)
}

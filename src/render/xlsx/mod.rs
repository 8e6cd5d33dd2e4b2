//! The statistics workbook (SPEC §6): the sheets of [`sheets::SHEETS`] in their order, each
//! table under a title row naming it, the period and the source files; frozen header rows;
//! number formats; widths that fit Chinese; the native charts of [`crate::render::charts`].
//! Same inputs, same bytes.

mod charts;
mod formats;
pub mod review;
mod sheets;
mod writer;

use std::collections::HashMap;

use anyhow::{Context, Result};
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};

use crate::lang::Lang;
use crate::render::charts::REPORT_CHARTS;
use crate::stats::report::Report;
use crate::stats::{Id, Record, Val};
use sheets::SheetDef;
use writer::{Formats, Placed, SheetWriter};

/// The most a cell holds (UTF-16 units), Excel's limit; rust_xlsxwriter refuses more.
const CELL_TEXT_MAX: usize = 32_767;

/// Text as a cell can hold it: longer text (a CSV field, a very long list) is cut to Excel's
/// limit and ends with "…", rather than failing the whole workbook.
pub fn cell_text(text: &str) -> std::borrow::Cow<'_, str> {
    if text.len() <= CELL_TEXT_MAX || text.encode_utf16().count() <= CELL_TEXT_MAX {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut units = 0;
    let end = text
        .char_indices()
        .find(|(_, c)| {
            units += c.len_utf16();
            units > CELL_TEXT_MAX - 1
        })
        .map_or(text.len(), |(i, _)| i);
    std::borrow::Cow::Owned(format!("{}…", &text[..end]))
}

/// What every sheet needs: the report, the language and the cell formats.
pub struct WorkbookContext<'a> {
    pub report: &'a Report,
    pub lang: Lang,
    pub formats: Formats,
}

impl WorkbookContext<'_> {
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
    pub fn caption(&self, id: Id) -> String {
        let p = self.report.period.label();
        if id.sources().is_empty() {
            return format!(
                "{p} | {}",
                self.lang.pick("全部输入文件", "all input files")
            );
        }
        let sources = self.report.sources(id.sources());
        let sources = if sources.is_empty() {
            "—".to_string()
        } else {
            sources.join(", ")
        };
        format!("{p} | {} {sources}", self.lang.pick("来源:", "sources:"))
    }

    /// Writes the tables of `def` onto `sheet`, top to bottom.
    fn write_tables(&self, def: &SheetDef, sheet: &mut SheetWriter<'_, '_>) -> Result<()> {
        for shown in def.tables {
            let t = self
                .report
                .table(shown.id)
                .expect("the sheets show report tables");
            let caption = self.caption(shown.id);
            if shown.skip_empty && t.rows.is_empty() {
                continue;
            }
            let instead = match (&t.note, shown.when_empty) {
                (Some((zh, en)), _) => Some((zh.as_str(), en.as_str())),
                (None, when_empty) => when_empty,
            };
            if let (Some((zh, en)), true) = (instead, t.rows.is_empty()) {
                sheet.note(&format!("{} | {caption}", self.lang.pick(&t.zh, &t.en)))?;
                sheet.notice(self.lang.pick(zh, en))?;
                continue;
            }
            let flagged = |r: &Record<'_>, key: &str| *r.get(key) == Val::Bool(true);
            let highlight = |r: &Record<'_>| {
                (shown.own_brands && flagged(r, "own_brand"))
                    || (shown.unvisited && flagged(r, "unvisited"))
            };
            let placed = sheet.table(t, &caption, &highlight, !shown.repeat)?;
            if shown.list {
                sheet.list(&placed)?;
            }
        }
        Ok(())
    }
}

/// A new workbook dated by `date` (never the clock, so that the same inputs give the same
/// bytes).
///
/// # Errors
/// The date cannot be an Excel date (a bug: periods lie in 1990–2100).
pub fn new_workbook(date: NaiveDate, title: Option<String>) -> Result<Workbook> {
    let mut wb = Workbook::new();
    // The fastest level: for a report at a million rows (a 75,000-row open list) it saves in
    // about 0.7 of level 3's time, for a file about half as large again (5.5 against 3.7 MB).
    wb.set_zip_compression_level(1);
    let created = ExcelDateTime::from_ymd(date.year() as u16, date.month() as u8, date.day() as u8)
        .context("period end as a document date")?;
    let mut properties = DocProperties::new().set_creation_datetime(&created);
    if let Some(title) = title {
        properties = properties.set_title(title);
    }
    wb.set_properties(&properties.set_author("tsreport"));
    Ok(wb)
}

/// The workbook's bytes, the same on every system (see [`crate::render::zip_origin`]).
///
/// # Errors
/// rust_xlsxwriter failed.
pub fn save(wb: &mut Workbook) -> Result<Vec<u8>> {
    let mut bytes = wb.save_to_buffer()?;
    crate::render::zip_origin::mark_dos(&mut bytes);
    Ok(bytes)
}

/// Where each table landed: sheet name and cells, by table id (its home sheet, not a repeat).
type Placements = HashMap<Id, (&'static str, Placed)>;

/// The workbook as bytes.
///
/// # Errors
/// rust_xlsxwriter failed (a bug: every name and range is built here).
pub fn to_bytes(report: &Report, lang: Lang) -> Result<Vec<u8>> {
    let ctx = WorkbookContext {
        report,
        lang,
        formats: Formats::new(),
    };
    let title = ctx.heading(lang.pick("统计报表", "report"));
    let mut wb = new_workbook(report.period.end, Some(title))?;
    // Every sheet's tables first (the long lists stream to disk), then the charts, which may
    // point at tables on other sheets.
    let mut placements = Placements::new();
    for def in &sheets::SHEETS {
        let ws = if def.constant_memory {
            wb.add_worksheet_with_constant_memory()?
        } else {
            wb.add_worksheet()
        };
        let name = lang.pick(def.sheet.zh(), def.sheet.en());
        // The heading names the sheet in lower case in English ("feed conversion").
        let heading = ctx.heading(&name.to_lowercase());
        let footer = report.period.label();
        let mut writer = SheetWriter::new(ws, name, &heading, &footer, lang, &ctx.formats)?;
        writer.ws.set_freeze_panes(1, 0)?;
        match sheets::missing_input(def, report, lang) {
            Some(notice) => writer.notice(&notice)?,
            None => ctx.write_tables(def, &mut writer)?,
        }
        for (id, placed) in writer.finish() {
            placements.insert(id, (name, placed));
        }
    }
    for (i, def) in sheets::SHEETS.iter().enumerate() {
        let ws = wb.worksheet_from_index(i)?;
        let charts = REPORT_CHARTS.iter().filter(|c| c.sheet == Some(def.sheet));
        for (n, chart) in charts.enumerate() {
            if let Some(chart) = charts::native(chart, &ctx, &placements) {
                ws.insert_chart(2 + 16 * n as u32, def.chart_col, &chart)?;
            }
        }
    }
    let bytes = save(&mut wb);
    // A long list's sheet is a temporary file of a few hundred megabytes, freed when the
    // workbook goes: on a thread of its own, beside the rest of the run.
    std::thread::spawn(move || drop(wb));
    bytes
}

#[cfg(test)]
mod tests {
    use super::{CELL_TEXT_MAX, cell_text};

    #[test]
    fn text_within_a_cells_limit_is_kept_whole() {
        let fits = "编".repeat(CELL_TEXT_MAX);
        assert_eq!(cell_text(&fits), fits.as_str());
    }

    #[test]
    fn longer_text_is_cut_to_the_limit_with_an_ellipsis() {
        let long = "编号".repeat(20_000);
        let cut = cell_text(&long);
        assert_eq!(cut.encode_utf16().count(), CELL_TEXT_MAX);
        assert!(
            cut.ends_with("编号…"),
            "32,766 characters of 编号 end on 号"
        );
        // A character outside the BMP counts two units and is never split.
        let wide = "𠀀".repeat(20_000);
        let cut = cell_text(&wide);
        assert!(cut.encode_utf16().count() <= CELL_TEXT_MAX);
        assert!(cut.ends_with("𠀀…"));
    }
}

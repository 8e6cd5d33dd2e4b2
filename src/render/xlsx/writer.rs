//! Writing tables onto a worksheet: a title row naming the table, period and sources, a
//! header row, cells formatted by what each figure is (its `Measure`), column widths that fit
//! Chinese text (a CJK character counts as two), and the print setup — A4 landscape, one page
//! wide, the title (and a list's header) repeated on each page, period and page number in the
//! footer.

use rust_xlsxwriter::{Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

pub use super::formats::{Dress, Formats};
use crate::lang::Lang;
use crate::measure::Measure;
use crate::stats::{Id, Layout, Record, Table, Val};

/// Tables longer than this are written without cell borders.
pub const LONG_TABLE_ROWS: usize = 2000;

/// The widest a column gets (in digit widths); longer text wraps within it.
const MAX_WIDTH: usize = 36;

/// Where a table landed: its header row (0-based; the data follow), its last row, and the
/// keys of the columns shown, in order from column A.
#[derive(Debug, Clone)]
pub struct Placed {
    pub header_row: u32,
    pub last_row: u32,
    pub keys: Vec<String>,
}

impl Placed {
    /// The first data row.
    pub fn first_row(&self) -> u32 {
        self.header_row + 1
    }

    /// The workbook column showing the table's column `key`.
    pub fn col_of(&self, key: &str) -> Option<u16> {
        self.keys.iter().position(|k| k == key).map(|c| c as u16)
    }
}

/// A worksheet being filled from the top down (row order, so it also suits worksheets in
/// rust_xlsxwriter's constant-memory mode).
pub struct SheetWriter<'w, 'f> {
    pub ws: &'w mut Worksheet,
    pub row: u32,
    widths: Vec<usize>,
    lang: Lang,
    f: &'f Formats,
    /// Where each table went, by id, in the order written (repeats left out).
    placed: Vec<(Id, Placed)>,
    /// Columns whose text wraps (their content is wider than [`MAX_WIDTH`]).
    wrap: Vec<bool>,
    /// The number format each column carries (see [`Formats::column_format`]), if any; set
    /// by the sheet's first long list.
    column_formats: Vec<Option<usize>>,
}

/// Never highlight.
#[cfg(test)]
pub fn no_highlight(_: &Record<'_>) -> bool {
    false
}

fn display_width(v: &Val, measure: Measure) -> usize {
    match v {
        Val::Null => 0,
        Val::Text(s) => s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0),
        Val::Int(i) => {
            let digits = i
                .unsigned_abs()
                .checked_ilog10()
                .map_or(1, |d| d as usize + 1);
            // A count is shown with thousands separators.
            let commas = if measure == Measure::Count {
                (digits - 1) / 3
            } else {
                0
            };
            digits + commas + usize::from(*i < 0)
        }
        Val::Num(x) => format!("{x:.2}").len().min(12),
        Val::Pct(_) => 6,
        Val::Date(_) => 10,
        Val::Bool(_) => 2,
        Val::Dates(d) => (d.len() * 7).saturating_sub(2),
    }
}

impl<'w, 'f> SheetWriter<'w, 'f> {
    /// Names the sheet, writes its title in the first row and sets it up for printing: A4
    /// landscape, one page wide, the title row on every page, `footer` (the period) on the
    /// left and the page number on the right.
    ///
    /// # Errors
    /// An invalid sheet name (a bug: names are fixed).
    pub fn new(
        ws: &'w mut Worksheet,
        name: &str,
        title: &str,
        footer: &str,
        lang: Lang,
        f: &'f Formats,
    ) -> Result<SheetWriter<'w, 'f>, XlsxError> {
        ws.set_name(name)?;
        ws.set_landscape();
        ws.set_paper_size(9);
        ws.set_print_fit_to_pages(1, 0);
        ws.set_repeat_rows(0, 0)?;
        let page = lang.pick("第 &P 页,共 &N 页", "Page &P of &N");
        // `&` starts a field code in a footer; a period label holds none.
        ws.set_footer(format!("&L{}&R{page}", footer.replace('&', "&&")));
        ws.write_string_with_format(0, 0, title, &f.sheet_title)?;
        Ok(SheetWriter {
            ws,
            row: 2,
            widths: Vec::new(),
            lang,
            f,
            placed: Vec::new(),
            wrap: Vec::new(),
            column_formats: Vec::new(),
        })
    }

    fn widen(&mut self, col: u16, w: usize) {
        let c = col as usize;
        if self.widths.len() <= c {
            self.widths.resize(c + 1, 0);
        }
        self.widths[c] = self.widths[c].max(w);
    }

    /// Writes one value formatted as its measure asks. Text is always written as text, never
    /// as a formula.
    pub fn cell(
        &mut self,
        at: (u32, u16),
        v: &Val,
        measure: Measure,
        dress: Dress,
    ) -> Result<(), XlsxError> {
        self.widen(at.1, display_width(v, measure));
        self.put(at, v, measure, dress)
    }

    /// As [`SheetWriter::cell`], leaving the column's width as it is.
    fn put(
        &mut self,
        (row, col): (u32, u16),
        v: &Val,
        measure: Measure,
        dress: Dress,
    ) -> Result<(), XlsxError> {
        let wrap = self.wrap.get(col as usize).copied().unwrap_or(false);
        let column = self.column_formats.get(col as usize).copied().flatten();
        let format = self.f.pick_in(measure, dress, wrap, column);
        let ws = &mut *self.ws;
        let text;
        let v = match v {
            Val::Bool(b) => {
                text = Val::text(
                    self.lang
                        .pick(if *b { "是" } else { "否" }, if *b { "yes" } else { "no" }),
                );
                &text
            }
            Val::Dates(d) => {
                text = Val::text(Val::dates_text(d));
                &text
            }
            v => v,
        };
        match (v, format) {
            (Val::Null, Some(f)) => ws.write_blank(row, col, f),
            (Val::Null, None) => return Ok(()),
            (Val::Text(s), Some(f)) => {
                ws.write_string_with_format(row, col, super::cell_text(s), f)
            }
            (Val::Text(s), None) => ws.write_string(row, col, super::cell_text(s)),
            (Val::Int(i), Some(f)) => ws.write_number_with_format(row, col, *i as f64, f),
            (Val::Int(i), None) => ws.write_number(row, col, *i as f64),
            (Val::Num(x) | Val::Pct(x), Some(f)) => ws.write_number_with_format(row, col, *x, f),
            (Val::Num(x) | Val::Pct(x), None) => ws.write_number(row, col, *x),
            (Val::Date(d), Some(f)) => ws.write_datetime_with_format(row, col, d, f),
            (Val::Date(d), None) => ws.write_datetime(row, col, d),
            (Val::Bool(_) | Val::Dates(_), _) => unreachable!("written as text above"),
        }?;
        Ok(())
    }

    /// A bold line of text (not counted in column widths).
    pub fn note(&mut self, text: &str) -> Result<(), XlsxError> {
        self.ws
            .write_string_with_format(self.row, 0, text, &self.f.title)?;
        self.row += 1;
        Ok(())
    }

    /// A line of explanation under a table's title (not counted in column widths).
    pub fn explain(&mut self, text: &str) -> Result<(), XlsxError> {
        self.ws
            .write_string_with_format(self.row, 0, text, &self.f.note)?;
        self.row += 1;
        Ok(())
    }

    /// A line telling what the sheet lacks (an export it needs), and a blank line after.
    pub fn notice(&mut self, text: &str) -> Result<(), XlsxError> {
        self.ws
            .write_string_with_format(self.row, 0, text, &self.f.note)?;
        self.row += 2;
        Ok(())
    }

    /// Writes a table under a title row; returns where it went. `highlight(row)` marks rows
    /// to emphasise (own brands); `home` says this is the table's home (charts point here).
    pub fn table(
        &mut self,
        t: &Table,
        caption: &str,
        highlight: &dyn Fn(&Record<'_>) -> bool,
        home: bool,
    ) -> Result<Placed, XlsxError> {
        let lang = self.lang;
        self.note(&format!("{} | {caption}", lang.pick(&t.zh, &t.en)))?;
        if let Some((zh, en)) = &t.note {
            self.explain(lang.pick(zh, en))?;
        }
        let header_row = self.row;
        let shown = t.shown_columns(lang);
        match t.layout {
            Layout::Record => self.record(t, &shown, header_row)?,
            Layout::Records | Layout::Cross { .. } => {
                self.records(t, &shown, header_row, highlight)?
            }
        }
        let placed = Placed {
            header_row,
            last_row: self.row.max(header_row + 1) - 1,
            keys: shown.iter().map(|&c| t.columns[c].key.clone()).collect(),
        };
        self.row += 1;
        if home {
            self.placed.push((t.id, placed.clone()));
        }
        Ok(placed)
    }

    /// A one-record table as one line per column: 指标 | 数值.
    fn record(&mut self, t: &Table, shown: &[usize], header_row: u32) -> Result<(), XlsxError> {
        let lang = self.lang;
        let heads = [lang.pick("指标", "figure"), lang.pick("数值", "value")];
        for (c, h) in heads.iter().enumerate() {
            self.header(header_row, c as u16, h)?;
        }
        let values = t.rows.first().cloned().unwrap_or_default();
        for (i, &c) in shown.iter().enumerate() {
            let col = &t.columns[c];
            let r = header_row + 1 + i as u32;
            let label = Val::text(lang.pick(&col.zh, &col.en));
            self.cell((r, 0), &label, Measure::Text, Dress::Bordered)?;
            let v = values.get(c).unwrap_or(&Val::Null);
            self.cell((r, 1), v, t.measure_at(0, c), Dress::Bordered)?;
        }
        self.row = header_row + 1 + shown.len() as u32;
        Ok(())
    }

    /// A table of records, one per row, with the columns shown in this language.
    fn records(
        &mut self,
        t: &Table,
        shown: &[usize],
        header_row: u32,
        highlight: &dyn Fn(&Record<'_>) -> bool,
    ) -> Result<(), XlsxError> {
        let lang = self.lang;
        for (i, &c) in shown.iter().enumerate() {
            let col = &t.columns[c];
            self.header(header_row, i as u16, lang.pick(&col.zh, &col.en))?;
        }
        let long = t.rows.len() > LONG_TABLE_ROWS;
        let dash = Val::text("—");
        // Each cell as written (a dash for a blank where the table asks), with its measure.
        let shown_value = |i: usize, c: usize| {
            let v = &t.rows[i][c];
            if t.dash_for_null && *v == Val::Null {
                (&dash, Measure::Text)
            } else {
                (v, t.measure_at(i, c))
            }
        };
        // Each column's widest cell. Text is never wider than its length in bytes, so a cell
        // no longer than the widest so far is not measured (a long list has millions).
        let mut widest = vec![0; shown.len()];
        for i in 0..t.rows.len() {
            for (out, &c) in shown.iter().enumerate() {
                let (v, measure) = shown_value(i, c);
                if !matches!(v, Val::Text(s) if s.len() <= widest[out]) {
                    widest[out] = widest[out].max(display_width(v, measure));
                }
            }
        }
        for (out, &w) in widest.iter().enumerate() {
            self.widen(out as u16, w);
        }
        // A column of long text wraps; the others stay on one line.
        self.wrap = widest.iter().map(|&w| w > MAX_WIDTH).collect();
        if long {
            self.format_columns(t, shown)?;
        }
        for (i, record) in t.records().enumerate() {
            let r = header_row + 1 + i as u32;
            let dress = match (highlight(&record), long) {
                (true, _) => Dress::Highlighted,
                (false, true) => Dress::Plain,
                (false, false) => Dress::Bordered,
            };
            let lines = shown
                .iter()
                .zip(&self.wrap)
                .filter(|(_, wrap)| **wrap)
                .map(|(&c, _)| match shown_value(i, c) {
                    (Val::Text(s), _) if s.len() <= MAX_WIDTH => 1,
                    (v, measure) => display_width(v, measure).div_ceil(MAX_WIDTH),
                })
                .max()
                .unwrap_or(1);
            if lines > 1 {
                // Wrapped text needs a taller row; not every spreadsheet program grows one.
                self.ws.set_row_height(r, 12.75 * lines as f64 + 3.0)?;
            }
            for (out, &c) in shown.iter().enumerate() {
                let (v, measure) = shown_value(i, c);
                self.put((r, out as u16), v, measure, dress)?;
            }
        }
        self.row = header_row + 1 + t.rows.len() as u32;
        self.wrap.clear();
        Ok(())
    }

    /// Gives each number column of the sheet's first long list its number format, so that its
    /// plain cells are written unformatted. Only the first: a cell is written unformatted
    /// only in a long list, and one written before the columns had formats would take them
    /// (a held sheet applies them when it is saved).
    fn format_columns(&mut self, t: &Table, shown: &[usize]) -> Result<(), XlsxError> {
        if !self.column_formats.is_empty() {
            return Ok(());
        }
        self.column_formats = vec![None; shown.len()];
        for (out, &c) in shown.iter().enumerate() {
            if self.wrap[out] {
                continue;
            }
            if let Some((i, format)) = self.f.column_format(t.columns[c].measure) {
                self.ws.set_column_format(out as u16, format)?;
                self.column_formats[out] = Some(i);
            }
        }
        Ok(())
    }

    fn header(&mut self, row: u32, col: u16, text: &str) -> Result<(), XlsxError> {
        self.ws
            .write_string_with_format(row, col, text, &self.f.header)?;
        // Headers wrap; let them count a little less than their full width.
        self.widen(col, text.width().min(16));
        Ok(())
    }

    /// Makes `placed` the sheet's list: its header frozen and repeated on every printed page
    /// with the title above it, and an autofilter over it.
    ///
    /// # Errors
    /// rust_xlsxwriter refused a range (a bug).
    pub fn list(&mut self, placed: &Placed) -> Result<(), XlsxError> {
        let last_col = placed.keys.len().max(1) as u16 - 1;
        self.ws.set_freeze_panes(placed.header_row + 1, 0)?;
        self.ws.set_repeat_rows(0, placed.header_row)?;
        self.ws
            .autofilter(placed.header_row, 0, placed.last_row, last_col)?;
        Ok(())
    }

    /// Sets the column widths; returns where each table went.
    pub fn finish(self) -> Vec<(Id, Placed)> {
        for (c, w) in self.widths.iter().enumerate() {
            let width = (w.min(&MAX_WIDTH) + 2) as f64;
            let width = width.max(6.0);
            let _ = self.ws.set_column_width(c as u16, width);
        }
        self.placed
    }
}

#[cfg(test)]
mod tests;

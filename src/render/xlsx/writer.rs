//! Writing tables onto a worksheet: a title row naming the table, period and sources, a
//! header row, typed cells with number formats, and column widths that fit Chinese text
//! (a CJK character counts as two).

use rust_xlsxwriter::{Color, Format, FormatBorder, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use crate::lang::Lang;
use crate::stats::{Layout, Record, Table, Val};

/// How a data cell is dressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dress {
    /// Thin grey borders.
    Bordered,
    /// Borders, bold, a light yellow fill (own brands).
    Highlighted,
    /// No borders and, where General shows the value, no format (long lists).
    Plain,
}

/// The number formats of a value, by its type: text, whole, number, percentage, date.
const NUMBER_FORMATS: [&str; 5] = ["General", "0", "0.00", "0.0%", "yyyy-mm-dd"];

/// The formats every sheet uses.
pub struct Formats {
    pub sheet_title: Format,
    pub title: Format,
    pub header: Format,
    /// Per dress, per value type (in the order of [`NUMBER_FORMATS`]).
    bordered: [Format; 5],
    highlighted: [Format; 5],
    plain: [Format; 5],
}

/// Tables longer than this are written without cell borders: a format lookup per cell is
/// most of the time it takes to write a list of a hundred thousand rows.
pub const LONG_TABLE_ROWS: usize = 2000;

impl Formats {
    pub fn new() -> Formats {
        let border = |f: Format| {
            f.set_border(FormatBorder::Thin)
                .set_border_color(Color::RGB(0xBFBFBF))
        };
        let numbered = |i: usize| Format::new().set_num_format(NUMBER_FORMATS[i]);
        let mut bordered: [Format; 5] = std::array::from_fn(|i| border(numbered(i)));
        // Bordered text carries no number format at all.
        bordered[0] = border(Format::new());
        Formats {
            sheet_title: Format::new().set_bold().set_font_size(14),
            title: Format::new()
                .set_bold()
                .set_font_color(Color::RGB(0x1F4E79)),
            header: border(Format::new())
                .set_bold()
                .set_background_color(Color::RGB(0xDDEBF7))
                .set_text_wrap(),
            bordered,
            highlighted: std::array::from_fn(|i| {
                border(numbered(i))
                    .set_bold()
                    .set_background_color(Color::RGB(0xFFF2CC))
            }),
            plain: std::array::from_fn(numbered),
        }
    }

    /// The format to write `v` with, dressed as `dress`; `None` to write it unformatted.
    fn pick(&self, v: &Val, dress: Dress) -> Option<&Format> {
        let slot = match v {
            Val::Int(_) => 1,
            Val::Num(_) => 2,
            Val::Pct(_) => 3,
            Val::Date(_) => 4,
            Val::Null | Val::Text(_) | Val::Bool(_) => 0,
        };
        match dress {
            Dress::Bordered => Some(&self.bordered[slot]),
            Dress::Highlighted => Some(&self.highlighted[slot]),
            Dress::Plain if slot <= 1 => None,
            Dress::Plain => Some(&self.plain[slot]),
        }
    }
}

/// Where a table's data landed, for charts: its first 0-based data row (the header is the row
/// above) and its first column.
#[derive(Debug, Clone, Copy)]
pub struct Placed {
    pub first_row: u32,
    pub col: u16,
}

/// A worksheet being filled from the top down (row order, so it also suits worksheets in
/// rust_xlsxwriter's constant-memory mode).
pub struct SheetWriter<'w, 'f> {
    pub ws: &'w mut Worksheet,
    pub row: u32,
    widths: Vec<usize>,
    lang: Lang,
    f: &'f Formats,
    /// Where each table went, by id, in the order written.
    placed: Vec<(&'static str, Placed)>,
}

/// Never highlight.
pub fn no_highlight(_: &Record<'_>) -> bool {
    false
}

fn display_width(v: &Val) -> usize {
    match v {
        Val::Null => 0,
        Val::Text(s) => s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0),
        Val::Int(i) => i.to_string().len(),
        Val::Num(_) => 8,
        Val::Pct(_) => 6,
        Val::Date(_) => 10,
        Val::Bool(_) => 2,
    }
}

impl<'w, 'f> SheetWriter<'w, 'f> {
    /// Names the sheet and writes its title in the first row.
    ///
    /// # Errors
    /// An invalid sheet name (a bug: names are fixed).
    pub fn new(
        ws: &'w mut Worksheet,
        name: &str,
        title: &str,
        lang: Lang,
        f: &'f Formats,
    ) -> Result<SheetWriter<'w, 'f>, XlsxError> {
        ws.set_name(name)?;
        // Printed landscape, one page wide, as the clerk takes it to the meeting.
        ws.set_landscape();
        ws.set_paper_size(9);
        ws.set_print_fit_to_pages(1, 0);
        ws.write_string_with_format(0, 0, title, &f.sheet_title)?;
        Ok(SheetWriter {
            ws,
            row: 2,
            widths: Vec::new(),
            lang,
            f,
            placed: Vec::new(),
        })
    }

    fn widen(&mut self, col: u16, w: usize) {
        let c = col as usize;
        if self.widths.len() <= c {
            self.widths.resize(c + 1, 0);
        }
        self.widths[c] = self.widths[c].max(w);
    }

    /// Writes one value with the format its type calls for. Text is always written as text,
    /// never as a formula.
    pub fn cell(&mut self, row: u32, col: u16, v: &Val, dress: Dress) -> Result<(), XlsxError> {
        self.widen(col, display_width(v));
        let format = self.f.pick(v, dress);
        let ws = &mut *self.ws;
        match (v, format) {
            (Val::Null, Some(f)) => ws.write_blank(row, col, f),
            (Val::Null, None) => return Ok(()),
            (Val::Text(s), Some(f)) => ws.write_string_with_format(row, col, s, f),
            (Val::Text(s), None) => ws.write_string(row, col, s),
            (Val::Int(i), Some(f)) => ws.write_number_with_format(row, col, *i as f64, f),
            (Val::Int(i), None) => ws.write_number(row, col, *i as f64),
            (Val::Num(x) | Val::Pct(x), Some(f)) => ws.write_number_with_format(row, col, *x, f),
            (Val::Num(x) | Val::Pct(x), None) => ws.write_number(row, col, *x),
            (Val::Date(d), Some(f)) => ws.write_datetime_with_format(row, col, d, f),
            (Val::Date(d), None) => ws.write_datetime(row, col, d),
            (Val::Bool(b), f) => {
                let text = self
                    .lang
                    .pick(if *b { "是" } else { "否" }, if *b { "yes" } else { "no" });
                match f {
                    Some(f) => ws.write_string_with_format(row, col, text, f),
                    None => ws.write_string(row, col, text),
                }
            }
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

    /// Writes a table under a title row; returns where its data rows are.
    /// `highlight(row)` marks rows to emphasise (own brands).
    pub fn table(
        &mut self,
        t: &Table,
        caption: &str,
        highlight: &dyn Fn(&Record<'_>) -> bool,
    ) -> Result<Placed, XlsxError> {
        let lang = self.lang;
        let title = format!("{} | {caption}", lang.pick(&t.zh, &t.en));
        self.note(&title)?;
        let header_row = self.row;
        match t.layout {
            Layout::Record => {
                let heads = [lang.pick("指标", "figure"), lang.pick("数值", "value")];
                for (c, h) in heads.iter().enumerate() {
                    self.header(header_row, c as u16, h)?;
                }
                let values = t.rows.first().cloned().unwrap_or_default();
                for (i, (col, v)) in t.columns.iter().zip(values.iter()).enumerate() {
                    let r = header_row + 1 + i as u32;
                    self.cell(
                        r,
                        0,
                        &Val::text(lang.pick(&col.zh, &col.en)),
                        Dress::Bordered,
                    )?;
                    self.cell(r, 1, v, Dress::Bordered)?;
                }
                self.row = header_row + 1 + t.columns.len() as u32;
            }
            Layout::Records | Layout::Cross { .. } => {
                for (c, col) in t.columns.iter().enumerate() {
                    self.header(header_row, c as u16, lang.pick(&col.zh, &col.en))?;
                }
                let long = t.rows.len() > LONG_TABLE_ROWS;
                for (i, record) in t.records().enumerate() {
                    let r = header_row + 1 + i as u32;
                    let dress = match (highlight(&record), long) {
                        (true, _) => Dress::Highlighted,
                        (false, true) => Dress::Plain,
                        (false, false) => Dress::Bordered,
                    };
                    for (c, v) in record.values().iter().enumerate() {
                        let dash = Val::text("—");
                        let v = if t.dash_for_null && *v == Val::Null {
                            &dash
                        } else {
                            v
                        };
                        self.cell(r, c as u16, v, dress)?;
                    }
                }
                self.row = header_row + 1 + t.rows.len() as u32;
            }
        }
        let placed = Placed {
            first_row: header_row + 1,
            col: 0,
        };
        self.row += 1;
        self.placed.push((t.id, placed));
        Ok(placed)
    }

    fn header(&mut self, row: u32, col: u16, text: &str) -> Result<(), XlsxError> {
        self.ws
            .write_string_with_format(row, col, text, &self.f.header)?;
        // Headers wrap; let them count a little less than their full width.
        self.widen(col, text.width().min(16));
        Ok(())
    }

    /// Sets the column widths; returns where each table went.
    pub fn finish(self) -> Vec<(&'static str, Placed)> {
        for (c, w) in self.widths.iter().enumerate() {
            let width = (*w as f64 + 2.0).clamp(6.0, 60.0);
            let _ = self.ws.set_column_width(c as u16, width);
        }
        self.placed
    }
}

//! A sample sheet as the department's exports lay it out — title rows, a one- or two-row
//! header, data, footer rows — and its writers: xlsx (rust_xlsxwriter) and GBK CSV.

use std::path::Path;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, Formula, Workbook, Worksheet,
};

/// One cell of sample data.
#[derive(Debug, Clone, PartialEq)]
pub enum SampleCell {
    Blank,
    Text(String),
    Number(f64),
    /// A real Excel date cell.
    Date(NaiveDate),
    /// A formula and the value Excel cached for it.
    Formula(String, String),
}

impl SampleCell {
    pub fn text(s: impl Into<String>) -> SampleCell {
        SampleCell::Text(s.into())
    }

    fn as_csv(&self) -> String {
        match self {
            SampleCell::Blank => String::new(),
            SampleCell::Text(s) => s.clone(),
            SampleCell::Number(n) => crate::ingest::cell::format_number(*n),
            SampleCell::Date(d) => d.format("%Y/%m/%d").to_string(),
            SampleCell::Formula(_, v) => v.clone(),
        }
    }
}

/// Header names from a list of literals.
pub fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The header: one row, or a parent row whose named cells span the columns below them.
#[derive(Debug, Clone)]
pub enum HeaderSpec {
    Single(Vec<String>),
    /// Parent spans as `(first_col, last_col, text)`, then the child row (blank under a
    /// column with no parent group, whose name the parent row carries alone).
    Double {
        parents: Vec<(u16, u16, String)>,
        children: Vec<String>,
    },
}

/// A sheet to write.
#[derive(Debug, Clone)]
pub struct SheetSpec {
    pub name: String,
    pub title: Vec<String>,
    pub header: HeaderSpec,
    pub rows: Vec<Vec<SampleCell>>,
    pub footer: Vec<Vec<SampleCell>>,
}

/// Writes the sheets as one workbook, with fixed document dates (byte-identical reruns).
pub fn write_xlsx(path: &Path, sheets: &[SheetSpec]) -> Result<()> {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2026, 11, 1).expect("valid date");
    wb.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let date_fmt = Format::new().set_num_format("yyyy-mm-dd");
    let bold = Format::new().set_bold().set_align(FormatAlign::Center);
    for spec in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(&spec.name)?;
        let mut r: u32 = 0;
        for t in &spec.title {
            ws.write_string(r, 0, t)?;
            r += 1;
        }
        if !spec.title.is_empty() {
            r += 1; // a blank row under the title, as exports have
        }
        match &spec.header {
            HeaderSpec::Single(h) => {
                for (c, name) in h.iter().enumerate() {
                    ws.write_string_with_format(r, c as u16, name, &bold)?;
                }
                r += 1;
            }
            HeaderSpec::Double { parents, children } => {
                for (c, child) in children.iter().enumerate() {
                    let c = c as u16;
                    match parents.iter().find(|(a, b, _)| (*a..=*b).contains(&c)) {
                        Some((a, b, text)) if *a == c && a != b => {
                            ws.merge_range(r, *a, r, *b, text, &bold)?;
                        }
                        Some((a, _, text)) if *a == c => {
                            ws.write_string_with_format(r, c, text, &bold)?;
                        }
                        Some(_) => {}
                        None => {
                            ws.merge_range(r, c, r + 1, c, child, &bold)?;
                            continue;
                        }
                    }
                    ws.write_string_with_format(r + 1, c, child, &bold)?;
                }
                r += 2;
            }
        }
        for row in spec.rows.iter().chain(&spec.footer) {
            write_row(ws, r, row, &date_fmt)?;
            r += 1;
        }
    }
    let bytes = wb.save_to_buffer().context("cannot build the workbook")?;
    crate::render::write_atomic(path, &bytes)
        .with_context(|| format!("cannot write {}", path.display()))
}

fn write_row(ws: &mut Worksheet, r: u32, row: &[SampleCell], date_fmt: &Format) -> Result<()> {
    for (c, cell) in row.iter().enumerate() {
        let c = c as u16;
        match cell {
            SampleCell::Blank => {}
            SampleCell::Text(s) => {
                ws.write_string(r, c, s)?;
            }
            SampleCell::Number(n) => {
                ws.write_number(r, c, *n)?;
            }
            SampleCell::Date(d) => {
                ws.write_datetime_with_format(r, c, d, date_fmt)?;
            }
            SampleCell::Formula(f, v) => {
                ws.write_formula(r, c, Formula::new(f).set_result(v))?;
            }
        }
    }
    Ok(())
}

/// Writes a large single sheet row by row (benchmarks): without holding it, strings inline
/// — or, with `shared_strings`, held and written with a shared-string table as Excel does.
pub fn write_xlsx_streaming(
    path: &Path,
    spec_title: &str,
    header: &[String],
    rows: impl Iterator<Item = Vec<SampleCell>>,
    shared_strings: bool,
) -> Result<()> {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2026, 11, 1).expect("valid date");
    wb.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let date_fmt = Format::new().set_num_format("yyyy-mm-dd");
    let ws = if shared_strings {
        wb.add_worksheet()
    } else {
        wb.add_worksheet_with_constant_memory()?
    };
    ws.set_name("客诉登记")?;
    ws.write_string(0, 0, spec_title)?;
    for (c, name) in header.iter().enumerate() {
        ws.write_string(2, c as u16, name)?;
    }
    for (i, row) in rows.enumerate() {
        write_row(ws, 3 + i as u32, &row, &date_fmt)?;
    }
    let tmp = path.with_extension("xlsx.part");
    wb.save(&tmp).context("cannot build the workbook")?;
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))
}

/// Writes the sheet as CSV in GBK, as Chinese Excel saves "CSV (逗号分隔)".
pub fn write_gbk_csv(path: &Path, spec: &SheetSpec) -> Result<()> {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for t in &spec.title {
        w.write_record([t])?;
    }
    let HeaderSpec::Single(h) = &spec.header else {
        anyhow::bail!("a CSV has a single header row");
    };
    w.write_record(h)?;
    for row in spec.rows.iter().chain(&spec.footer) {
        w.write_record(row.iter().map(SampleCell::as_csv))?;
    }
    let utf8 = String::from_utf8(w.into_inner()?)?;
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&utf8);
    anyhow::ensure!(!unmappable, "sample text has characters GBK cannot hold");
    crate::render::write_atomic(path, &gbk)
        .with_context(|| format!("cannot write {}", path.display()))
}

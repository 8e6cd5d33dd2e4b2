//! `tsreport export`: the master registers (台账, SPEC §6) — every kind's normalised,
//! de-duplicated records across all inputs, whatever their period, with canonical values,
//! typed columns named by their field ids, and each record's source file, sheet and row;
//! plus the data-problem list. As one workbook (a sheet per kind), a UTF-8 CSV per kind, or
//! a Parquet file per kind — all written together or not at all.

mod csv;
mod parquet;
mod xlsx;

use std::path::{Path, PathBuf};

use polars::prelude::*;

use super::Staged;
use crate::frames::{ROW, SOURCE};
use crate::issues::SheetReport;
use crate::lang::Lang;
use crate::normalize::Loaded;
use crate::schema::Kind;

/// The columns every register ends with.
pub const SOURCE_FILE: &str = "source_file";
pub const SOURCE_SHEET: &str = "source_sheet";
pub const SOURCE_ROW: &str = "source_row";

/// The formats `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Csv,
    Parquet,
}

/// One register: its file stem (the kind's template key), its labels, its records.
pub struct Register {
    pub stem: &'static str,
    pub zh: String,
    pub en: String,
    pub df: DataFrame,
}

impl Register {
    /// The register's name in `lang` (a sheet name: at most 31 characters, no `[]:*?/\`).
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

fn source_names(
    sources: &UInt32Chunked,
    sheets: &[SheetReport],
    name: &str,
    of: impl Fn(&SheetReport) -> String,
) -> Column {
    let names: Vec<String> = sheets.iter().map(of).collect();
    sources
        .iter()
        .map(|s| s.and_then(|s| names.get(s as usize)).map(String::as_str))
        .collect::<StringChunked>()
        .with_name(name.into())
        .into_series()
        .into_column()
}

/// The register of one kind: its fields, then source file, sheet and row.
fn register(kind: Kind, df: &DataFrame, sheets: &[SheetReport]) -> PolarsResult<DataFrame> {
    let sources = df.column(SOURCE)?.u32()?.clone();
    let mut columns: Vec<Column> = kind
        .fields()
        .iter()
        .map(|f| df.column(f.id).cloned())
        .collect::<PolarsResult<_>>()?;
    columns.push(source_names(&sources, sheets, SOURCE_FILE, |s| {
        s.file.display().to_string()
    }));
    columns.push(source_names(&sources, sheets, SOURCE_SHEET, |s| {
        s.sheet.clone()
    }));
    columns.push(df.column(ROW)?.clone().with_name(SOURCE_ROW.into()));
    DataFrame::new(df.height(), columns)
}

/// The data-problem list as a register: file, sheet, row, column, raw value, reason, action.
fn problems(loaded: &Loaded) -> PolarsResult<DataFrame> {
    let issues = &loaded.issues;
    let sheet = |i: &crate::issues::DataIssue| &loaded.sheets[i.sheet];
    let text = |name: &str, f: &dyn Fn(&crate::issues::DataIssue) -> Option<String>| {
        issues
            .iter()
            .map(f)
            .collect::<StringChunked>()
            .with_name(name.into())
            .into_series()
            .into_column()
    };
    DataFrame::new(
        issues.len(),
        vec![
            text("file", &|i| Some(sheet(i).file.display().to_string())),
            text("sheet", &|i| Some(sheet(i).sheet.clone())),
            issues
                .iter()
                .map(|i| i.row)
                .collect::<UInt32Chunked>()
                .with_name("row".into())
                .into_series()
                .into_column(),
            text("column", &|i| i.column.clone()),
            text("raw", &|i| Some(i.raw.clone())),
            text("reason", &|i| Some(i.reason.zh())),
            text("reason_en", &|i| Some(i.reason.en())),
            text("action", &|i| Some(i.action.key().to_string())),
        ],
    )
}

/// Every register: one per kind (empty ones too, so scripts find every file), then the
/// data problems.
///
/// # Errors
/// A polars error (a bug: the frames' columns are fixed by the schema).
pub fn registers(loaded: &Loaded) -> PolarsResult<Vec<Register>> {
    let mut out = Vec::new();
    for kind in Kind::ALL {
        out.push(Register {
            stem: kind.key(),
            zh: format!("{} {}", kind.code(), kind.zh()),
            en: format!("{} {}", kind.code(), kind.en()),
            df: register(kind, &loaded.frames.get(kind), &loaded.sheets)?,
        });
    }
    out.push(Register {
        // `data_issues.csv` also marks the folder as an export, never read back as input.
        stem: "data_issues",
        zh: "数据问题".into(),
        en: "Data problems".into(),
        df: problems(loaded)?,
    });
    Ok(out)
}

/// The workbook's file name.
pub fn workbook_name(lang: Lang) -> &'static str {
    lang.pick("技术服务部台账.xlsx", "technical-service-registers.xlsx")
}

/// Writes the registers in `format` under `out_dir`; returns the files written. Nothing is
/// put in place unless every file was written.
///
/// # Errors
/// A file cannot be written (the error names it), or rendering failed.
pub fn write(
    registers: &[Register],
    format: Format,
    out_dir: &Path,
    lang: Lang,
    date: chrono::NaiveDate,
) -> anyhow::Result<Vec<PathBuf>> {
    let mut staged = Staged::new();
    let mut written = Vec::new();
    let fail = |e: super::WriteError| super::outputs::failed(&e, lang);
    match format {
        Format::Xlsx => {
            let path = out_dir.join(workbook_name(lang));
            let bytes = xlsx::to_bytes(registers, lang, date, xlsx::MAX_DATA_ROWS)?;
            staged.add(&path, &bytes).map_err(fail)?;
            written.push(path);
        }
        Format::Csv | Format::Parquet => {
            for r in registers {
                let ext = if format == Format::Csv {
                    "csv"
                } else {
                    "parquet"
                };
                let path = out_dir.join(format!("{}.{ext}", r.stem));
                staged
                    .add_with(&path, |w| match format {
                        Format::Csv => csv::write(&r.df, w),
                        _ => parquet::write(&r.df, w),
                    })
                    .map_err(fail)?;
                written.push(path);
            }
        }
    }
    staged.commit().map_err(fail)?;
    Ok(written)
}

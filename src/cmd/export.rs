//! `tsreport export`: the master registers (台账) — what a clerk pastes into other work, and
//! the path for data that outgrows one PC (Parquet for DuckDB, Spark, BI tools).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::load;
use crate::exit::{Code, OK};
use crate::frames::Keep;
use crate::lang::Lang;
use crate::messages::{Export as Say, Run};
use crate::render::export::{self, Format};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files and folders to read (.xlsx .xlsm .xls .ods .csv; folders recursively).
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// xlsx: one workbook, a sheet per kind; csv: a UTF-8 (BOM) file per kind; parquet: a
    /// file per kind.
    #[arg(long, value_enum, default_value = "xlsx")]
    format: FormatArg,
    /// Output folder (default: reports/台账/, with --lang en reports/registers/).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// A template laid over the built-in one (extra aliases, synonyms).
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FormatArg {
    Xlsx,
    Csv,
    Parquet,
}

pub fn run(args: Args, lang: Lang) -> Result<Code> {
    let template = load::template(args.template.as_deref(), lang)?;
    let loaded = load::load(&args.inputs, &template, Keep::All, lang)?;
    let registers = export::registers(&loaded).context(Run::Computing.text(lang))?;
    let out_dir = args
        .out
        .unwrap_or_else(|| Path::new("reports").join(lang.pick("台账", "registers")));
    let format = match args.format {
        FormatArg::Xlsx => Format::Xlsx,
        FormatArg::Csv => Format::Csv,
        FormatArg::Parquet => Format::Parquet,
    };
    // Dated by the latest record, so the same inputs give the same bytes.
    let date = loaded
        .frames
        .latest_date()
        .unwrap_or_else(|| chrono::NaiveDate::from_ymd_opt(2000, 1, 1).expect("a valid date"));
    let written = export::write(&registers, format, &out_dir, lang, date)?;
    println!("{}", Say::Heading.text(lang));
    for r in &registers {
        let line = Say::Register {
            name: r.name(lang),
            records: r.df.height(),
        };
        println!("{}", line.text(lang));
    }
    let wrote = Say::Wrote {
        count: written.len(),
        dir: &out_dir.display(),
    };
    println!("{}", wrote.text(lang));
    Ok(Code(OK))
}

//! `tsreport report`: the clerk's monthly job. Reads every input once, computes the period's
//! statistics, and writes the workbook, the chart pictures, the brief and `summary.json`
//! atomically under `--out`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::load::InputArgs;
use super::timing::Timer;
use crate::exit::{Code, FAILED, OK};
use crate::issues::Action;
use crate::lang::Lang;
use crate::normalize::Loaded;
use crate::render::console;
use crate::render::outputs::{Written, write_report};
use crate::render::pictures::ChartFont;
use crate::stats::report::Report;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Output folder (default: reports/<period>/).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Label language of the outputs.
    #[arg(long, value_enum, default_value = "zh")]
    lang: LangArg,
    /// Exit 1 when any input row was rejected (the report is still written).
    #[arg(long)]
    strict: bool,
    /// A TrueType/OpenType font for the chart pictures instead of the embedded Chinese font.
    #[arg(long, value_name = "PATH")]
    font: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<Code> {
    let mut timer = Timer::from_env();
    let font = ChartFont::load(args.font.as_deref())?;
    let (template, mut loaded, period) = args.input.load()?;
    timer.lap("read");
    let lang = match args.lang {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
    };
    let report = Report::build(&loaded, period, &template).context("computing the statistics")?;
    timer.lap("statistics");
    // The records are in the report's tables now; free them before rendering.
    loaded.frames = Default::default();
    let out_dir = args
        .out
        .unwrap_or_else(|| Path::new("reports").join(period.file_label()));
    let written = write_report(&report, lang, &out_dir, &font)?;
    timer.lap("write");
    print_summary(&loaded, &report, &written);
    let rejected = loaded
        .issues
        .iter()
        .filter(|i| i.action == Action::Rejected)
        .count();
    if args.strict && rejected > 0 {
        eprintln!("tsreport: --strict: {rejected} row(s) were rejected");
        return Ok(Code(FAILED));
    }
    Ok(Code(OK))
}

/// What was read, the reconciliation, and where the outputs went.
fn print_summary(loaded: &Loaded, report: &Report, written: &Written) {
    println!(
        "Read {} file(s), {} sheet(s).\n",
        loaded.files_found,
        loaded.sheets.len()
    );
    println!("Reconciliation (rows read = used + skipped + rejected)");
    print!("{}", console::reconciliation(&loaded.sheets));
    let rejected = loaded
        .issues
        .iter()
        .filter(|i| i.action == Action::Rejected)
        .count();
    let problems = report.data_issues.rows.len();
    println!(
        "\n{problems} row(s)/value(s) listed on the data-problem sheet ({rejected} rejected)."
    );
    println!("Wrote {}", written.workbook.display());
    println!("Wrote {}", written.summary.display());
    println!("Wrote {}", written.brief.display());
    println!(
        "Wrote {} chart(s) as PNG and SVG in {}",
        written.charts.len(),
        written.charts_dir.display()
    );
}

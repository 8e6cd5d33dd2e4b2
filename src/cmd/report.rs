//! `tsreport report`: the clerk's monthly job. Reads every input once, computes the period's
//! statistics, and writes the workbook, the chart pictures, the brief and `summary.json`
//! atomically under `--out`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::load::InputArgs;
use super::timing::Timer;
use crate::exit::{Code, FAILED, OK};
use crate::issues::{Action, DataIssue};
use crate::lang::Lang;
use crate::messages::{Listing, Report as Say, Run};
use crate::normalize::Loaded;
use crate::render::console;
use crate::render::outputs::{Written, write_report};
use crate::render::pictures::ChartFont;
use crate::stats::report::Report;
use crate::stats::warnings::WarningKind;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Output folder (default: reports/<period>/).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Exit 1 when any input row was rejected (the report is still written).
    #[arg(long)]
    strict: bool,
    /// A TrueType/OpenType font for the chart pictures instead of the embedded Chinese font.
    #[arg(long, value_name = "PATH")]
    font: Option<PathBuf>,
}

pub fn run(args: Args, lang: Lang) -> Result<Code> {
    let mut timer = Timer::from_env();
    let font = ChartFont::load(args.font.as_deref(), lang)?;
    let (template, mut loaded, period) = args.input.load(lang)?;
    timer.lap("read");
    let report = Report::build(&loaded, period, &template).context(Run::Computing.text(lang))?;
    timer.lap("statistics");
    // The records are in the report's tables now; free them while rendering.
    let frames = std::mem::take(&mut loaded.frames);
    let freed = std::thread::spawn(move || drop(frames));
    let out_dir = args
        .out
        .unwrap_or_else(|| Path::new("reports").join(period.file_label()));
    let written = write_report(&report, lang, &out_dir, &font)?;
    let _ = freed.join();
    timer.lap("write");
    print_summary(&loaded, &report, &written, lang);
    let rejected = loaded
        .issues
        .iter()
        .filter(|i| i.action == Action::Rejected)
        .count();
    // Everything is written: a million-row report's tables are left to be freed beside the
    // exit rather than before it.
    std::thread::spawn(move || drop((report, loaded)));
    if args.strict && rejected > 0 {
        eprintln!(
            "tsreport: {}",
            Run::StrictRejected { rows: rejected }.text(lang)
        );
        return Ok(Code(FAILED));
    }
    Ok(Code(OK))
}

/// How many warnings of each kind, in the list's order.
fn warnings_line(report: &Report, lang: Lang) -> String {
    let list = &report.warnings.list;
    let kinds: Vec<(&str, usize)> = WarningKind::ALL
        .iter()
        .map(|kind| {
            let n = list
                .records_where("kind", kind.key())
                .filter_map(|r| r.num("covers"))
                .sum::<f64>() as usize;
            let (zh, en) = kind.labels();
            (lang.pick(zh, en), n)
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    Say::Warnings {
        total: kinds.iter().map(|(_, n)| n).sum(),
        kinds: &kinds,
    }
    .text(lang)
}

/// What was read, the reconciliation, the data problems grouped, and where the outputs
/// went.
fn print_summary(loaded: &Loaded, report: &Report, written: &Written, lang: Lang) {
    let read = Run::ReadFiles {
        files: loaded.files_found,
        sheets: loaded.sheets.len(),
    };
    println!("{}\n", read.text(lang));
    println!("{}", Listing::ReconciliationHeading.text(lang));
    print!("{}", console::reconciliation(&loaded.sheets, lang));
    let (routine, problems): (Vec<&DataIssue>, Vec<&DataIssue>) =
        report.issues.iter().partition(|i| i.reason.is_routine());
    println!();
    if problems.is_empty() {
        println!("{}", Say::NoProblems.text(lang));
    } else {
        let rejected = problems
            .iter()
            .filter(|i| i.action == Action::Rejected)
            .count();
        let heading = Say::ReportProblems {
            listed: problems.len(),
            rejected,
        };
        println!("{}", heading.text(lang));
        print!("{}", console::grouped(&problems, &report.sheets, lang));
    }
    if !routine.is_empty() {
        println!(
            "{}",
            Say::RoutineSkips {
                rows: routine.len()
            }
            .text(lang)
        );
    }
    println!("{}\n", Say::FullListInWorkbook.text(lang));
    println!("{}\n", warnings_line(report, lang));
    for path in [
        &written.workbook,
        &written.summary,
        &written.brief,
        &written.brief_html,
    ] {
        println!(
            "{}",
            Say::Wrote {
                path: &path.display()
            }
            .text(lang)
        );
    }
    let charts = Say::WroteCharts {
        count: written.charts.len(),
        dir: &written.charts_dir.display(),
    };
    println!("{}", charts.text(lang));
}

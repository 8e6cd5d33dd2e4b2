//! `tsreport report`: the clerk's monthly job. Reads every input once, computes the period's
//! statistics, and writes the workbook and `summary.json` atomically under `--out`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::load::InputArgs;
use crate::exit::{Code, FAILED, OK};
use crate::issues::Action;
use crate::lang::Lang;
use crate::normalize::Loaded;
use crate::render::{self, console};
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

/// Phase times on stderr when `TSREPORT_TIMINGS` is set (for benchmarks).
struct Timer(Option<std::time::Instant>);

impl Timer {
    fn from_env() -> Timer {
        Timer(std::env::var_os("TSREPORT_TIMINGS").map(|_| std::time::Instant::now()))
    }

    fn lap(&mut self, phase: &str) {
        if let Some(start) = self.0 {
            // Linux reports the peak and current resident memory; elsewhere this is empty.
            let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
            let mem: Vec<&str> = status
                .lines()
                .filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS"))
                .collect();
            eprintln!(
                "timing: {phase} done at {:.2} s {}",
                start.elapsed().as_secs_f64(),
                mem.join(" ")
            );
        }
    }
}

/// Refuses to write an output over one of the inputs.
fn check_not_input(out: &Path, loaded: &Loaded) -> Result<()> {
    let Ok(out) = out.canonicalize() else {
        return Ok(());
    };
    for s in &loaded.sheets {
        if s.file.canonicalize().is_ok_and(|f| f == out) {
            bail!(
                "{} is one of the inputs; choose another --out folder",
                out.display()
            );
        }
    }
    Ok(())
}

pub fn run(args: Args) -> Result<Code> {
    let mut timer = Timer::from_env();
    render::pictures::font::init(args.font.as_deref())?;
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
    let name = match lang {
        Lang::Zh => format!("技术服务部统计报表_{}.xlsx", period.file_label()),
        Lang::En => format!("technical-service-report_{}.xlsx", period.file_label()),
    };
    let workbook = out_dir.join(name);
    let summary = out_dir.join("summary.json");
    for p in [&workbook, &summary] {
        check_not_input(p, &loaded)?;
    }
    // The workbook and summary.json are independent views: render them side by side.
    let (xlsx, json, pictures) = std::thread::scope(|s| {
        let json = s.spawn(|| render::json::to_bytes(&report));
        let pictures =
            s.spawn(|| render::pictures::write_all(&report, lang, &out_dir.join("charts")));
        let xlsx = render::xlsx::to_bytes(&report, lang);
        (
            xlsx,
            json.join().expect("JSON rendering does not panic"),
            pictures.join().expect("chart drawing does not panic"),
        )
    });
    let pictures = pictures?;
    let brief = out_dir.join("brief.md");
    render::write_atomic(
        &brief,
        render::brief::to_markdown(&report, lang, &pictures).as_bytes(),
    )
    .with_context(|| format!("cannot write {}", brief.display()))?;
    timer.lap("render");
    render::write_atomic(&workbook, &xlsx?)
        .with_context(|| format!("cannot write {}", workbook.display()))?;
    render::write_atomic(&summary, &json)
        .with_context(|| format!("cannot write {}", summary.display()))?;
    timer.lap("write");

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
    println!("Wrote {}", workbook.display());
    println!("Wrote {}", summary.display());
    println!("Wrote {}", brief.display());
    println!(
        "Wrote {} chart(s) as PNG and SVG in {}",
        pictures.len(),
        out_dir.join("charts").display()
    );
    if args.strict && rejected > 0 {
        eprintln!("tsreport: --strict: {rejected} row(s) were rejected");
        return Ok(Code(FAILED));
    }
    Ok(Code(OK))
}

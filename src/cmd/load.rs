//! Loading the inputs, once, the same way for every command (with a progress bar on a
//! terminal); what `report` and `review` share besides: their input arguments and choosing
//! the period.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use crate::normalize::{self, Loaded};
use crate::period::Period;
use crate::template::Template;

/// The inputs, the period and the template, as `report` and `review` take them.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Files and folders to read (.xlsx .xlsm .xls .ods .csv; folders recursively).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The period: 2026-10, 2026-Q3, 2026-H1, 2026 or 2026-01-01..2026-03-15. Default: the
    /// latest month with records, or the month before when that month is still running.
    #[arg(long, value_name = "P", value_parser = Period::parse)]
    pub period: Option<Period>,
    /// A template laid over the built-in one (extra aliases, synonyms, own brands).
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
}

impl InputArgs {
    /// Loads the template and every input, and chooses the period.
    ///
    /// # Errors
    /// The template is invalid, or nothing usable was found.
    pub fn load(&self) -> Result<(Template, Loaded, Period)> {
        let template = Template::load(self.template.as_deref())?;
        let loaded = load(&self.inputs, &template)?;
        let period = choose_period(&loaded, self.period);
        Ok((template, loaded, period))
    }
}

/// Today, for the default period; `TSREPORT_TODAY=yyyy-mm-dd` fixes it (tests, reruns).
fn today() -> NaiveDate {
    std::env::var("TSREPORT_TODAY")
        .ok()
        .and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// Reads every input once, with a progress bar when stderr is a terminal.
pub fn read_inputs(inputs: &[PathBuf], template: &Template) -> Loaded {
    if !std::io::stderr().is_terminal() {
        return normalize::load(inputs, template, &mut |_, _| {});
    }
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("reading {pos}/{len} files {wide_bar} {elapsed}")
            .expect("valid template"),
    );
    let loaded = normalize::load(inputs, template, &mut |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    });
    bar.finish_and_clear();
    loaded
}

/// Reads every input; prints each file or sheet that could not be used.
///
/// # Errors
/// Nothing usable was found.
pub fn load(inputs: &[PathBuf], template: &Template) -> Result<Loaded> {
    let loaded = read_inputs(inputs, template);
    for line in loaded.error_lines() {
        eprintln!("tsreport: {line}");
    }
    if !loaded.has_records() {
        bail!(
            "no usable records in the inputs; nothing to report (run `tsreport check` on them to see why)"
        );
    }
    Ok(loaded)
}

/// The period asked for, or the default one; says which on stdout.
pub fn choose_period(loaded: &Loaded, asked: Option<Period>) -> Period {
    match asked {
        Some(p) => {
            println!("Period: {} ({} – {})", p.label(), p.start, p.end);
            p
        }
        None => {
            let latest = loaded.frames.latest_date().expect("records have dates");
            let p = Period::default_for(latest, today());
            println!(
                "Period: {} ({} – {}), the latest complete month with records; choose another with --period",
                p.label(),
                p.start,
                p.end
            );
            p
        }
    }
}

//! Loading the inputs, once, the same way for every command (with a progress bar on a
//! terminal); what `report` and `review` share besides: their input arguments and choosing
//! the period.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};
use chrono::NaiveDate;

use crate::exit::UsageError;
use crate::lang::Lang;
use crate::messages::Run;
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
    #[arg(long, value_name = "P")]
    pub period: Option<String>,
    /// A template laid over the built-in one (extra aliases, synonyms, own brands).
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
}

impl InputArgs {
    /// Loads the template and every input, and chooses the period.
    ///
    /// # Errors
    /// The period is not understood (a usage error), the template is invalid, or nothing
    /// usable was found.
    pub fn load(&self, lang: Lang) -> Result<(Template, Loaded, Period)> {
        let asked = self
            .period
            .as_deref()
            .map(|text| {
                Period::parse(text).map_err(|_| UsageError(Run::InvalidPeriod { text }.text(lang)))
            })
            .transpose()?;
        let template = template(self.template.as_deref(), lang)?;
        let loaded = load(&self.inputs, &template, lang)?;
        let period = choose_period(&loaded, asked, lang);
        Ok((template, loaded, period))
    }
}

/// The template: the built-in one with the user's file laid over it.
///
/// # Errors
/// The user's template cannot be read or is not valid; the message says why, in `lang`.
pub fn template(path: Option<&Path>, lang: Lang) -> Result<Template> {
    Template::load(path).map_err(|e| anyhow!(e.text(lang)))
}

/// Today, for the default period; `TSREPORT_TODAY=yyyy-mm-dd` fixes it (tests, reruns).
fn today() -> NaiveDate {
    std::env::var("TSREPORT_TODAY")
        .ok()
        .and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// Reads every input once, with a progress bar when stderr is a terminal.
pub fn read_inputs(inputs: &[PathBuf], template: &Template, lang: Lang) -> Loaded {
    if !std::io::stderr().is_terminal() {
        return normalize::load(inputs, template, &mut |_, _| {});
    }
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template(&Run::Reading.text(lang)).expect("valid template"),
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
pub fn load(inputs: &[PathBuf], template: &Template, lang: Lang) -> Result<Loaded> {
    let loaded = read_inputs(inputs, template, lang);
    for line in loaded.error_lines(lang) {
        eprintln!("tsreport: {line}");
    }
    if !loaded.has_records() {
        bail!(Run::NoUsableRecords.text(lang));
    }
    Ok(loaded)
}

/// The period asked for, or the default one; says which on stdout.
pub fn choose_period(loaded: &Loaded, asked: Option<Period>, lang: Lang) -> Period {
    let (p, chosen) = match asked {
        Some(p) => (p, false),
        None => {
            let latest = loaded.frames.latest_date().expect("records have dates");
            (Period::default_for(latest, today()), true)
        }
    };
    let label = p.label();
    let (start, end) = (&p.start, &p.end);
    let line = if chosen {
        Run::PeriodChosen {
            label: &label,
            start,
            end,
        }
    } else {
        Run::PeriodAsked {
            label: &label,
            start,
            end,
        }
    };
    println!("{}", line.text(lang));
    p
}

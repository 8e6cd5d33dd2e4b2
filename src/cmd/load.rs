//! Loading the inputs, once, the same way for every command (with a progress bar on a
//! terminal); what `report` and `review` share besides: their input arguments and choosing
//! the period.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};
use chrono::NaiveDate;

use crate::exit::UsageError;
use crate::frames::Keep;
use crate::lang::Lang;
use crate::messages::Run;
use crate::normalize::{self, Loaded, Reading};
use crate::period::Period;
use crate::stats;
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
        self.load_keeping(Keep::AllBut(stats::UNREAD_FIELDS), lang)
    }

    /// As [`InputArgs::load`], storing the fields `keep` keeps.
    ///
    /// # Errors
    /// As [`InputArgs::load`].
    pub fn load_keeping(&self, keep: Keep, lang: Lang) -> Result<(Template, Loaded, Period)> {
        let asked = self
            .period
            .as_deref()
            .map(|text| {
                Period::parse(text).map_err(|_| UsageError(Run::InvalidPeriod { text }.text(lang)))
            })
            .transpose()?;
        let template = template(self.template.as_deref(), lang)?;
        let loaded = load(&self.inputs, &template, keep, lang)?;
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

/// How many files are read at once: `TSREPORT_JOBS` when set (benchmarks, tests), else the
/// machine's cores (at most 4: reading also streams each sheet on a second thread).
fn jobs() -> usize {
    std::env::var("TSREPORT_JOBS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get().min(4)))
        .max(1)
}

/// Reads every input once, storing the fields `keep` keeps, with a progress bar when stderr
/// is a terminal.
pub fn read_inputs(inputs: &[PathBuf], template: &Template, keep: Keep, lang: Lang) -> Loaded {
    let reading = Reading { keep, jobs: jobs() };
    if !std::io::stderr().is_terminal() {
        return normalize::load_with(inputs, template, reading, &mut |_, _| {});
    }
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template(&Run::Reading.text(lang)).expect("valid template"),
    );
    let loaded = normalize::load_with(inputs, template, reading, &mut |done, total| {
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
pub fn load(inputs: &[PathBuf], template: &Template, keep: Keep, lang: Lang) -> Result<Loaded> {
    let loaded = read_inputs(inputs, template, keep, lang);
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
            let today = today();
            // A date after today is a typo (2062 for 2026), not the month to report.
            let latest = loaded.frames.latest_date_until(today);
            let last = loaded.frames.latest_date().expect("records have dates");
            if last > today {
                let ahead = Run::DatedAfterToday {
                    records: loaded
                        .frames
                        .dated_within(today + chrono::Days::new(1), last),
                    last: &last,
                };
                eprintln!("tsreport: {}", ahead.text(lang));
            }
            (Period::default_for(latest.unwrap_or(last), today), true)
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
    if loaded.frames.dated_within(p.start, p.end) == 0
        && let Some((first, last)) = loaded.frames.date_span()
    {
        let empty = Run::PeriodEmpty {
            label: &label,
            first: &first,
            last: &last,
        };
        eprintln!("tsreport: {}", empty.text(lang));
    }
    p
}

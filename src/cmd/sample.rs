//! `tsreport sample`: writes the seeded, realistic sample data set of every input kind.

use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;

use crate::exit::{Code, OK};
use crate::lang::Lang;
use crate::messages::Report;
use crate::sample::{SampleConfig, generate};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder to write into.
    #[arg(long, default_value = "sample-data")]
    out: PathBuf,
    /// Random seed; the same seed always gives the same files.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
    /// Months of records, ending 2026-10.
    #[arg(long, default_value_t = 22)]
    months: u32,
    /// Complaints per month (visits, trips and surveys scale from it).
    #[arg(long, default_value_t = 30)]
    rows_per_month: u32,
    /// Write only one large complaint register, with a title row above the header
    /// (for benchmarks: e.g. --months 20 --rows-per-month 50000 gives 1,000,000 rows).
    #[arg(long)]
    complaints_only: bool,
    /// With --complaints-only: a shared-string table, as Excel writes when it re-saves.
    #[arg(long, requires = "complaints_only")]
    shared_strings: bool,
    /// With --complaints-only: one register per month.
    #[arg(long, requires = "complaints_only")]
    one_file_per_month: bool,
    /// With --complaints-only: this share of the complaints still open (e.g. 0.3), a backlog.
    #[arg(long, requires = "complaints_only", value_name = "SHARE", value_parser = share)]
    open_share: Option<f64>,
}

/// A share between 0 and 1.
fn share(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("{text}: a share between 0 and 1, e.g. 0.3")),
    }
}

pub fn run(args: Args, lang: Lang) -> Result<Code> {
    let cfg = SampleConfig {
        out: args.out,
        seed: args.seed,
        months: args.months.max(1),
        rows_per_month: args.rows_per_month.max(1),
        last_month: NaiveDate::from_ymd_opt(2026, 10, 1).expect("valid date"),
        complaints_only: args.complaints_only,
        shared_strings: args.shared_strings,
        one_file_per_month: args.one_file_per_month,
        open_share: args.open_share,
    };
    let files = generate(&cfg)?;
    for f in &files {
        println!("{}", Report::Wrote { path: &f.display() }.text(lang));
    }
    Ok(Code(OK))
}

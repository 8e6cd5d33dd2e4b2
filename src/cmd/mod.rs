//! The command line (SPEC §7): one module per subcommand, each with its `Args` and `run`.
//! Clap types stop here; the library below takes plain values.

pub mod check;
pub mod export;
mod help;
mod load;
pub mod report;
pub mod review;
pub mod sample;
pub mod template;
mod timing;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::exit::Code;
use crate::lang::Lang;

/// Turns the technical service department's exported spreadsheets into its statistics.
#[derive(Debug, Parser)]
#[command(name = "tsreport", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of everything printed and written: zh (Chinese, the default) or en
    /// (English); also the TSREPORT_LANG environment variable.
    #[arg(
        long,
        global = true,
        value_enum,
        env = "TSREPORT_LANG",
        default_value = "zh"
    )]
    pub lang: LangArg,
}

/// `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl Cli {
    /// The language asked for.
    pub fn lang(&self) -> Lang {
        match self.lang {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// Parses the command line, with `--help` in the language asked for; on a usage error or
/// `--help`, prints and exits as clap does (code 2 for errors).
pub fn parse() -> Cli {
    let matches = help::localise(Cli::command(), help::lang_asked()).get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the period's statistics: the workbook, chart pictures, the brief and
    /// summary.json (default folder reports/<period>/).
    Report(report::Args),
    /// Check exports before month end: how each sheet was recognised, where every row went,
    /// and every data problem. Exits 1 when it found problems.
    Check(check::Args),
    /// Write each technician's self-review workbook (review/<技术员>.xlsx): his figures beside
    /// the department median and his rank, his 环比, his visits and complaints.
    Review(review::Args),
    /// Write the master registers (台账): every kind's normalised, de-duplicated records
    /// with their source file, sheet and row, and the data problems — as one workbook, a CSV
    /// per kind or a Parquet file per kind (default folder reports/台账/).
    Export(export::Args),
    /// Write a realistic, seeded sample data set of every input kind.
    Sample(sample::Args),
    /// Print the built-in template, or copy it to a file to edit.
    Template(template::Args),
}

/// Runs the chosen subcommand.
///
/// # Errors
/// A fatal problem the command could not get past; the message says which input and why.
pub fn run(cli: Cli) -> anyhow::Result<Code> {
    let lang = cli.lang();
    match cli.command {
        Command::Report(args) => report::run(args, lang),
        Command::Review(args) => review::run(args, lang),
        Command::Check(args) => check::run(args, lang),
        Command::Export(args) => export::run(args, lang),
        Command::Sample(args) => sample::run(args, lang),
        Command::Template(args) => template::run(args, lang),
    }
}

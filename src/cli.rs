//! The command line (SPEC §7). Clap types stop here and in `cmd/`.

use clap::{Parser, Subcommand};

/// Turns the technical service department's exported spreadsheets into its statistics.
#[derive(Debug, Parser)]
#[command(name = "tsreport", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the period's statistics: the workbook and summary.json (default folder
    /// reports/<period>/).
    Report(crate::cmd::report::Args),
    /// Check exports before month end: how each sheet was recognised, where every row went,
    /// and every data problem. Exits 1 when it found problems.
    Check(crate::cmd::check::Args),
    /// Write each technician's self-review workbook (review/<技术员>.xlsx): his figures beside
    /// the department median and his rank, his 环比, his visits and complaints.
    Review(crate::cmd::review::Args),
    /// Write a realistic, seeded sample data set of every input kind.
    Sample(crate::cmd::sample::Args),
    /// Print the built-in template, or copy it to a file to edit.
    Template(crate::cmd::template::Args),
}

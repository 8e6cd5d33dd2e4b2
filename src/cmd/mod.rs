//! One module per subcommand, each with its `Args` and `run`.

pub mod check;
mod inputs;
pub mod report;
pub mod review;
pub mod sample;
pub mod template;

use crate::cli::{Cli, Command};
use crate::exit::Code;

/// Runs the chosen subcommand.
///
/// # Errors
/// A fatal problem the command could not get past; the message says which input and why.
pub fn run(cli: Cli) -> anyhow::Result<Code> {
    match cli.command {
        Command::Report(args) => report::run(args),
        Command::Review(args) => review::run(args),
        Command::Check(args) => check::run(args),
        Command::Sample(args) => sample::run(args),
        Command::Template(args) => template::run(args),
    }
}

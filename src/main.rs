//! `tsreport`: the technical service department's statistics from its exported spreadsheets.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = tsreport::cmd::Cli::parse();
    match tsreport::cmd::run(cli) {
        Ok(code) => code.into(),
        Err(e) => {
            eprintln!("tsreport: {e:#}");
            std::process::ExitCode::from(tsreport::exit::FAILED)
        }
    }
}

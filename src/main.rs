//! `tsreport`: the technical service department's statistics from its exported spreadsheets.

use std::process::ExitCode;

use tsreport::exit::{FAILED, USAGE, UsageError};

fn main() -> ExitCode {
    let cli = tsreport::cmd::parse();
    match tsreport::cmd::run(cli) {
        Ok(code) => code.into(),
        Err(e) => {
            eprintln!("tsreport: {e:#}");
            let code = if e.is::<UsageError>() { USAGE } else { FAILED };
            ExitCode::from(code)
        }
    }
}

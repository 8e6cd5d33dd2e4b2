//! `tsreport`: the technical service department's statistics from its exported spreadsheets.

use std::process::ExitCode;

use tsreport::exit::{FAILED, USAGE, UsageError};

fn main() -> ExitCode {
    quiet_library_panics();
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

/// A parsing library that fails outright on a damaged file is contained by the reader (the
/// file is reported in one line); its panic message would only be noise. Panics in
/// tsreport's own code still print as usual.
fn quiet_library_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_library = info
            .location()
            .is_some_and(|l| tsreport::ingest::is_library_source(l.file()));
        if !in_library {
            default(info);
        }
    }));
}

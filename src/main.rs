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
/// file is reported in one line); its panic message would only be noise. So is the panic of
/// printing to a pipe whose reader has gone (`tsreport check … | head`): the command stops
/// there, as other command-line tools do, without a backtrace. Panics in tsreport's own code
/// still print as usual.
fn quiet_library_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_library = info
            .location()
            .is_some_and(|l| tsreport::ingest::is_library_source(l.file()));
        if !in_library && !reader_gone(info) {
            default(info);
        }
    }));
}

/// Whether the panic is `println!` failing, as when stdout's reader closed the pipe.
fn reader_gone(info: &std::panic::PanicHookInfo<'_>) -> bool {
    let message = info
        .payload()
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| info.payload().downcast_ref::<&str>().copied())
        .unwrap_or_default();
    // Its wording is the standard library's; the reason is the system's (a broken pipe).
    message.starts_with("failed printing to stdout")
}

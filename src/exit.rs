//! Exit codes (SPEC §8): 0 done, 1 problems found or nothing usable, 2 usage error.

/// Finished; nothing to report.
pub const OK: u8 = 0;
/// A fatal error, nothing usable, or (for `check`) problems found.
pub const FATAL: u8 = 1;
/// The command line was wrong (clap uses 2 as well).
pub const USAGE: u8 = 2;

/// The code a command returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code(pub u8);

impl From<Code> for std::process::ExitCode {
    fn from(c: Code) -> Self {
        std::process::ExitCode::from(c.0)
    }
}

//! Exit codes (SPEC §8): 0 done, 1 failed or problems found, 2 usage error.

/// Finished.
pub const OK: u8 = 0;
/// A fatal error, nothing usable, or `--strict` with rejected rows.
pub const FAILED: u8 = 1;
/// `check` found problems in the inputs (the same code as [`FAILED`], as SPEC §8 asks).
pub const PROBLEMS_FOUND: u8 = 1;
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

/// A mistake on the command line found after parsing (an invalid `--period`): exit code 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

//! Views of the results — console text, the workbook, the chart pictures (one chart list for
//! both), the brief and `summary.json` — and the one way every output file is written
//! (atomically).

pub mod brief;
pub mod charts;
pub mod console;
pub mod file_names;
pub mod json;
pub mod outputs;

pub mod pictures;
pub mod xlsx;

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to a temporary file beside `path`, then renames it into place, so an
/// interrupted run never leaves a half-written file.
///
/// # Errors
/// The folder cannot be created or written.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    #[cfg(unix)]
    {
        // Temporary files are private; an output is an ordinary file.
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

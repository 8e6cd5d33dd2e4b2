//! Writing several output files as one. Each file is first written to a temporary file
//! beside its place; only when every one is written are they renamed into place. A failure
//! on the way — a full disk, a read-only folder, a path that is a file — leaves no
//! temporary file behind and every earlier output as it was. A run killed on the way (power
//! cut, `kill -9`) cannot clean up: its temporary files are named `.tsreport-<pid>-….part`,
//! and the next run into that folder removes those of processes no longer running — and
//! nothing else.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// How tsreport's temporary files begin and end.
const PREFIX: &str = ".tsreport-";
const SUFFIX: &str = ".part";

/// The process that wrote a temporary file of tsreport's, from its name.
fn writer_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    rest.split('-').next()?.parse().ok()
}

/// Whether process `pid` still runs. Where the system cannot say (no `/proc`), a process is
/// taken to run for a day after its file was last written.
fn running(pid: u32, modified: Option<std::time::SystemTime>) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc = Path::new("/proc");
    if proc.is_dir() {
        return proc.join(pid.to_string()).exists();
    }
    modified
        .and_then(|m| m.elapsed().ok())
        .is_none_or(|age| age.as_secs() < 24 * 3600)
}

/// Removes the temporary files an interrupted run of tsreport left in `dir` (its own,
/// `.tsreport-<pid>-….part`, of processes no longer running); anything else stays. A folder
/// that does not exist or cannot be listed is left alone.
pub fn remove_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(pid) = name.to_str().and_then(writer_pid) else {
            continue;
        };
        let modified = e.metadata().ok().and_then(|m| m.modified().ok());
        if e.file_type().is_ok_and(|t| t.is_file()) && !running(pid, modified) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Files written but not yet in place.
#[derive(Default)]
pub struct Staged {
    files: Vec<(NamedTempFile, PathBuf)>,
}

/// A file that could not be written, and why.
#[derive(Debug)]
pub struct WriteError {
    pub path: PathBuf,
    pub error: io::Error,
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.error)
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

impl Staged {
    pub fn new() -> Staged {
        Staged::default()
    }

    /// Writes `bytes` to a temporary file that will become `path`.
    ///
    /// # Errors
    /// The folder cannot be created or the file cannot be written; nothing is left behind.
    pub fn add(&mut self, path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
        self.add_with(path, |w| w.write_all(bytes))
    }

    /// Streams a file that will become `path` through `write` (buffered).
    ///
    /// # Errors
    /// The folder cannot be created or `write` fails; nothing is left behind.
    pub fn add_with(
        &mut self,
        path: &Path,
        write: impl FnOnce(&mut BufWriter<&File>) -> io::Result<()>,
    ) -> Result<(), WriteError> {
        let fail = |error| WriteError {
            path: path.to_path_buf(),
            error,
        };
        let dir = folder(path);
        std::fs::create_dir_all(dir).map_err(fail)?;
        remove_stale(dir);
        let tmp = tempfile::Builder::new()
            .prefix(&format!("{PREFIX}{}-", std::process::id()))
            .suffix(SUFFIX)
            .tempfile_in(dir)
            .map_err(fail)?;
        {
            let mut w = BufWriter::new(tmp.as_file());
            write(&mut w).map_err(fail)?;
            w.flush().map_err(fail)?;
        }
        #[cfg(unix)]
        {
            // Temporary files are private; an output is an ordinary file.
            use std::os::unix::fs::PermissionsExt;
            tmp.as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o644))
                .map_err(fail)?;
        }
        tmp.as_file().sync_all().map_err(fail)?;
        self.files.push((tmp, path.to_path_buf()));
        Ok(())
    }

    /// Renames every file into place.
    ///
    /// # Errors
    /// A rename failed (the files not yet renamed are removed).
    pub fn commit(self) -> Result<(), WriteError> {
        for (tmp, path) in self.files {
            tmp.persist(&path).map_err(|e| WriteError {
                path: path.clone(),
                error: e.error,
            })?;
        }
        Ok(())
    }
}

/// Writes one file atomically: a temporary file beside `path`, renamed into place.
///
/// # Errors
/// The folder cannot be created or written.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let mut staged = Staged::new();
    staged.add(path, bytes)?;
    staged.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_own_temporary_files_of_dead_runs_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        // A process that has ended: its pid is free (or reused by a process just started,
        // which would only keep its file).
        let dead = std::process::Command::new("true").spawn().unwrap();
        let pid = dead.id();
        let mut dead = dead;
        dead.wait().unwrap();
        let stale = format!(".tsreport-{pid}-abc123.part");
        let ours = format!(".tsreport-{}-def456.part", std::process::id());
        for name in [
            stale.as_str(),
            ours.as_str(),
            ".tmpXYZ",
            "notes.part",
            "brief.html",
        ] {
            std::fs::write(dir.path().join(name), b"x").unwrap();
        }
        write_atomic(&dir.path().join("out.txt"), b"ok").unwrap();
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        let mut want = vec![
            ours,
            ".tmpXYZ".into(),
            "brief.html".into(),
            "notes.part".into(),
            "out.txt".into(),
        ];
        want.sort();
        if Path::new("/proc").join(pid.to_string()).exists() {
            want.push(stale);
            want.sort();
        }
        assert_eq!(left, want);
    }
}

//! Writing several output files as one. Each file is first written to a temporary file
//! beside its place; only when every one is written are they renamed into place. A failure
//! on the way — a full disk, a read-only folder, a path that is a file — leaves no
//! temporary file behind and every earlier output as it was.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

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
        let tmp = NamedTempFile::new_in(dir).map_err(fail)?;
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

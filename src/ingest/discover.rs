//! Expanding the command line's files and folders into the list of inputs to read.

use std::path::{Path, PathBuf};

use super::{FileError, FileProblem};

/// Extensions read as spreadsheets (lower case).
pub const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xls", "ods", "csv"];

/// Spreadsheets of formats not read here: WPS's own (`.et`, `.ett`), Excel's binary workbook
/// and template (`.xlsb`, `.xlt`, `.xltx`), Apple's Numbers. In a folder they are reported,
/// not passed over: each holds a sheet that is missing from the report.
const OTHER_SPREADSHEETS: [&str; 6] = ["et", "ett", "xlsb", "xlt", "xltx", "numbers"];

/// The problem of a file of another spreadsheet format, if `path` is one.
fn other_spreadsheet(path: &Path) -> Option<FileProblem> {
    extension(path)
        .filter(|e| OTHER_SPREADSHEETS.contains(&e.as_str()))
        .map(|ext| FileProblem::OtherSpreadsheet { ext })
}

/// The inputs found, and what was passed over.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Files to read, in a stable order (as given; folders sorted by path).
    pub files: Vec<PathBuf>,
    /// Paths that could not be used at all.
    pub errors: Vec<FileError>,
    /// Files inside folders that are not spreadsheets, passed over.
    pub ignored: Vec<PathBuf>,
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
}

/// File-name prefixes of the workbooks tsreport writes, never read back as inputs.
pub const OWN_OUTPUTS: [&str; 4] = [
    "技术服务部统计报表_",
    "technical-service-report_",
    "技术服务部台账",
    "technical-service-registers",
];

/// The file `export --format csv` writes beside the registers; a CSV in a folder holding
/// it is an exported register, not an input.
pub const EXPORTED_PROBLEMS_CSV: &str = "data_issues.csv";

fn is_own_output(path: &Path) -> bool {
    let own_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| OWN_OUTPUTS.iter().any(|p| n.starts_with(p)));
    let exported_csv = extension(path).as_deref() == Some("csv")
        && path
            .parent()
            .is_some_and(|d| d.join(EXPORTED_PROBLEMS_CSV).is_file());
    own_name || exported_csv || written_by_tsreport(path)
}

/// Whether `path` is a workbook tsreport wrote (a report or a self-review, under any name,
/// re-saved or not): its document properties name tsreport as the creator. Read back as an
/// input, a self-review's 我的客诉 would pass for a complaint register.
fn written_by_tsreport(path: &Path) -> bool {
    use std::io::Read;
    if !matches!(extension(path).as_deref(), Some("xlsx" | "xlsm")) {
        return false;
    }
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let Ok(mut zip) = zip::ZipArchive::new(std::io::BufReader::new(file)) else {
        return false;
    };
    let Ok(core) = zip.by_name("docProps/core.xml") else {
        return false;
    };
    let mut xml = String::new();
    // The core properties are a few hundred bytes; a part claiming more is no tsreport's.
    let _ = core.take(64 << 10).read_to_string(&mut xml);
    xml.contains("<dc:creator>tsreport</dc:creator>")
}

fn is_hidden_or_lock(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.') || n.starts_with("~$"))
}

/// Expands files and folders (recursively; hidden files and `~$` lock files skipped).
pub fn discover(inputs: &[PathBuf]) -> Discovered {
    let mut found = Discovered::default();
    for input in inputs {
        if input.is_dir() {
            walk(input, &mut found);
        } else if !input.exists() {
            found
                .errors
                .push(FileError::new(input, FileProblem::NotFound));
        } else if extension(input).is_some_and(|e| EXTENSIONS.contains(&e.as_str())) {
            found.files.push(input.clone());
        } else {
            let problem = other_spreadsheet(input).unwrap_or(FileProblem::UnsupportedType);
            found.errors.push(FileError::new(input, problem));
        }
    }
    let mut seen = std::collections::HashSet::new();
    found.files.retain(|f| seen.insert(f.clone()));
    found
}

fn walk(dir: &Path, found: &mut Discovered) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            found.errors.push(FileError::new(
                dir,
                FileProblem::CannotReadFolder(e.to_string()),
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if is_hidden_or_lock(&path) {
            continue;
        }
        if path.is_dir() {
            walk(&path, found);
        } else if is_own_output(&path) {
            // A report written earlier into the input folder.
            found.ignored.push(path);
        } else if extension(&path).is_some_and(|e| EXTENSIONS.contains(&e.as_str())) {
            found.files.push(path);
        } else if let Some(problem) = other_spreadsheet(&path) {
            found.errors.push(FileError::new(&path, problem));
        } else {
            found.ignored.push(path);
        }
    }
}

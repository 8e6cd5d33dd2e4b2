//! What the file-reading fuzz targets share: bytes written to a temporary file with the
//! extension that picks the reader, and a consumer that keeps only counts (so a target's
//! memory is the reader's own).

use std::io::Write;

use tsreport::ingest::{Cell, Inflate, SheetConsumer, SheetProblem, read_file};
use tsreport::template::Template;

/// Counts what a reader handed on.
#[derive(Default)]
pub struct Rows {
    pub sheets: usize,
    pub rows: usize,
    pub cells: usize,
}

impl SheetConsumer for Rows {
    fn begin_sheet(&mut self, _: &str) {
        self.sheets += 1;
    }
    fn row(&mut self, _: u32, cells: &[Cell<'_>]) {
        self.rows += 1;
        self.cells += cells.len();
        for c in cells {
            // Touch every value, as the normaliser would.
            std::hint::black_box(c.display());
        }
    }
    fn end_sheet(&mut self, _: Option<SheetProblem>) {}
}

/// Installs (once) a panic hook under which a library's panic is left to the reader that
/// contains it, and any other panic aborts — a crash libFuzzer reports.
pub fn only_library_panics_are_contained() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let in_library = info
                .location()
                .is_some_and(|l| tsreport::ingest::is_library_source(l.file()));
            if !in_library {
                eprintln!("{info}");
                std::process::abort();
            }
        }));
    });
}

static TEMPLATE: std::sync::LazyLock<Template> = std::sync::LazyLock::new(Template::builtin);

/// Reads `bytes` as a file with extension `ext` through tsreport's readers (with the
/// built-in limits); errors are results, not failures.
pub fn read(bytes: &[u8], ext: &str, rows: &mut Rows) {
    let mut file = tempfile::Builder::new()
        .suffix(&format!(".{ext}"))
        .tempfile()
        .expect("a temporary file");
    file.write_all(bytes).expect("written");
    file.flush().expect("flushed");
    let _ = read_file(file.path(), &TEMPLATE.limits, Inflate::Ahead, rows);
}

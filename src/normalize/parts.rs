//! Reading many files on all cores: each file is read on its own into a part (its sheets,
//! problems and records), and the parts are merged in file order — sheet numbers shifted,
//! records appended as chunks — so the result is byte for byte what reading the files one
//! after another gives.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use polars::prelude::*;

use super::Reading;
use super::collect::Collector;
use crate::frames::SOURCE;
use crate::ingest::{self, FileError, Inflate};
use crate::issues::{DataIssue, SheetReport};
use crate::schema::Kind;
use crate::template::Template;

/// One file, read: its sheets, its problems (sheet numbers counted within the file), its
/// records per kind with their content hashes, and the error that stopped it, if any.
pub struct Part {
    sheets: Vec<SheetReport>,
    issues: Vec<DataIssue>,
    tables: BTreeMap<Kind, (DataFrame, Vec<u64>)>,
    error: Option<FileError>,
}

fn read_one(
    path: &std::path::Path,
    template: &Template,
    reading: Reading,
    inflate: Inflate,
) -> Part {
    let mut collector = Collector::new(template, reading.keep);
    collector.start_file(path);
    let error = ingest::read_file(path, &template.limits, inflate, &mut collector).err();
    Part {
        sheets: collector.sheets,
        issues: collector.issues,
        tables: collector
            .tables
            .into_iter()
            .map(|(kind, builder)| (kind, builder.finish_with_hashes()))
            .collect(),
        error,
    }
}

/// Reads `files` on `reading.jobs` threads and hands each part to `take` in file order,
/// with how many files are done. A file read alone has its large parts inflated ahead on
/// the core it leaves free; files read side by side keep every core busy already.
pub fn read_in_order(
    files: &[PathBuf],
    template: &Template,
    reading: Reading,
    take: &mut dyn FnMut(usize, Part),
) {
    let jobs = reading.jobs.clamp(1, files.len().max(1));
    if jobs == 1 {
        for (i, path) in files.iter().enumerate() {
            take(i + 1, read_one(path, template, reading, Inflate::Ahead));
        }
        return;
    }
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::channel::<(usize, Part)>();
        for _ in 0..jobs {
            let (tx, next) = (tx.clone(), &next);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    if tx
                        .send((i, read_one(path, template, reading, Inflate::InPlace)))
                        .is_err()
                    {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Parts arrive in any order; they are handed on in file order.
        let mut waiting: BTreeMap<usize, Part> = BTreeMap::new();
        let mut done = 0;
        for (i, part) in rx {
            waiting.insert(i, part);
            while let Some(part) = waiting.remove(&done) {
                done += 1;
                take(done, part);
            }
        }
    });
}

/// The parts merged so far.
pub struct Merged {
    pub sheets: Vec<SheetReport>,
    pub issues: Vec<DataIssue>,
    /// Per kind: the records (one chunk per file) and their content hashes.
    pub tables: BTreeMap<Kind, (DataFrame, Vec<u64>)>,
    pub file_errors: Vec<FileError>,
}

impl Merged {
    pub fn new(file_errors: Vec<FileError>) -> Merged {
        Merged {
            sheets: Vec::new(),
            issues: Vec::new(),
            tables: BTreeMap::new(),
            file_errors,
        }
    }

    /// Appends the next file's part.
    pub fn add(&mut self, part: Part) {
        let offset = self.sheets.len();
        self.sheets.extend(part.sheets);
        self.issues.extend(part.issues.into_iter().map(|mut i| {
            i.sheet += offset;
            i
        }));
        for (kind, (df, hashes)) in part.tables {
            let df = shift_sources(df, offset as u32);
            match self.tables.get_mut(&kind) {
                Some((all, all_hashes)) => {
                    all.vstack_mut_owned(df)
                        .expect("frames of one kind share their columns");
                    all_hashes.extend(hashes);
                }
                None => {
                    self.tables.insert(kind, (df, hashes));
                }
            }
        }
        self.file_errors.extend(part.error);
    }
}

/// The part's sheet numbers, counted from `offset`.
fn shift_sources(mut df: DataFrame, offset: u32) -> DataFrame {
    if offset == 0 {
        return df;
    }
    let shifted = df
        .column(SOURCE)
        .and_then(|c| Ok(c.u32()? + offset))
        .expect("records carry their sheet number");
    df.with_column(shifted.into_column())
        .expect("the same height");
    df
}

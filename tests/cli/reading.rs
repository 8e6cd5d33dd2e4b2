//! Reading at scale gives the same results as reading plainly: files read side by side are
//! merged in file order (every output byte-identical to one file after another), and the
//! fields `report` leaves out of its frames change no output.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tsreport::frames::Keep;
use tsreport::lang::Lang;
use tsreport::normalize::{Reading, load_with};
use tsreport::period::Period;
use tsreport::stats::UNREAD_FIELDS;
use tsreport::stats::report::Report;
use tsreport::template::Template;

use crate::workdir::*;

fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data")
}

/// Every file under `dir`, by path relative to it, with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().display().to_string();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

#[test]
fn files_read_side_by_side_give_the_same_bytes_as_one_after_another() {
    let w = Workdir::new();
    let dir = sample_dir().display().to_string();
    for (jobs, out) in [("1", "one"), ("3", "three")] {
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_tsreport"))
            .args(["report", &dir, "--period", "2026-10", "--out"])
            .arg(w.path(out))
            .env("TSREPORT_JOBS", jobs)
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        // The console says the same too (the reconciliation, the problems).
        std::fs::write(w.path(&format!("{out}.txt")), &run.stdout).unwrap();
    }
    let (one, three) = (tree(&w.path("one")), tree(&w.path("three")));
    assert!(one.len() > 20, "{:?}", one.keys());
    assert_eq!(
        one.keys().collect::<Vec<_>>(),
        three.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &one {
        assert!(bytes == &three[name], "{name} differs");
    }
    let console = |n: &str| {
        std::fs::read_to_string(w.path(&format!("{n}.txt")))
            .unwrap()
            .replace(&w.path(n).display().to_string(), "OUT")
    };
    assert_eq!(console("one"), console("three"));
}

#[test]
fn fields_no_statistic_reads_change_no_output() {
    let files: Vec<PathBuf> = std::fs::read_dir(sample_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let template = Template::builtin();
    let period = Period::parse("2026-10").unwrap();
    let outputs = |keep: Keep| {
        let loaded = load_with(&files, &template, Reading { keep, jobs: 2 }, &mut |_, _| {});
        let report = Report::build(&loaded, period, &template).unwrap();
        (
            tsreport::render::json::to_bytes(&report),
            tsreport::render::xlsx::to_bytes(&report, Lang::Zh).unwrap(),
            loaded.frames.get(tsreport::schema::Kind::Complaint).width(),
        )
    };
    let (json_all, xlsx_all, width_all) = outputs(Keep::All);
    let (json_some, xlsx_some, width_some) = outputs(Keep::AllBut(UNREAD_FIELDS));
    // Phone and outcome are left out; the description stays (for the severe rows).
    assert_eq!(width_all - 2, width_some);
    assert!(json_all == json_some, "summary.json differs");
    assert!(xlsx_all == xlsx_some, "the workbook differs");
}

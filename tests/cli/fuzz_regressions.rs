//! Inputs the fuzzers found (`fuzz/regressions/<target>/`, minimised): each now ends in a
//! clear message naming the file, never a crash; the folder names the extension, as the
//! target does (`xlsx`, `ods`, `xls`, `csv`). Each runs with a 2 GiB address-space cap and
//! a 60-second limit, so a runaway allocation or a hang coming back fails the test quickly
//! instead of filling the machine.

use std::path::Path;

use crate::workdir::*;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .filter(|(name, _)| !name.starts_with('.'))
        .collect();
    out.sort();
    out
}

/// The address-space cap, in KiB (`ulimit -v`): a healthy `check` of these small inputs,
/// on two threads, stays far below it; the runaway allocations the fuzzer found went past
/// 20 GB.
const ADDRESS_SPACE_KIB: u64 = 2 * 1024 * 1024;

/// Runs `check` on `file` under the caps: it must end with exit 0 or 1 and print no panic.
fn survives(w: &Workdir, file: &str) -> String {
    let run = Run(assert_cmd::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v {ADDRESS_SPACE_KIB} && exec \"$0\" \"$@\""
        ))
        .arg(assert_cmd::cargo::cargo_bin("tsreport"))
        .args(["check", file])
        .current_dir(w.path(""))
        .env_remove("TSREPORT_LANG")
        // Few threads and malloc arenas, so the address space reserved does not grow with
        // the machine's cores.
        .envs([
            ("POLARS_MAX_THREADS", "2"),
            ("RAYON_NUM_THREADS", "2"),
            ("MALLOC_ARENA_MAX", "2"),
            ("TSREPORT_JOBS", "1"),
        ])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap());
    let err = run.stderr();
    assert!(
        matches!(run.code(), 0 | 1) && !err.contains("panicked"),
        "{file}: exit {} {err}",
        run.code()
    );
    err
}

#[test]
fn workbooks_the_fuzzer_broke_are_reported_not_crashed_on() {
    let w = Workdir::new();
    let all = ["xlsx", "ods", "xls"].into_iter().flat_map(|ext| {
        inputs(ext)
            .into_iter()
            .map(move |(name, bytes)| (ext, name, bytes))
    });
    let mut seen = Vec::new();
    for (ext, name, bytes) in all {
        let file = format!("{name}.{ext}");
        w.write(&file, bytes);
        let err = survives(&w, &file);
        let name = format!("{ext}/{name}");
        seen.push(name.clone());
        if name == "xls/cfb-sector-past-end" {
            // calamine's compound-file reader fails on a sector past the end of the file.
            assert_eq!(
                err.trim_end(),
                format!(
                    "tsreport: {file}:工作簿的结构已损坏,无法读取(请重新导出或用 Excel/WPS 另存一份)"
                )
            );
        }
        if name == "xls/sheet-grid-of-billions" {
            // Two cells far apart: calamine would allocate the grid between them at once.
            let line = err.trim_end();
            assert!(
                line.starts_with(&format!("tsreport: {file}:有一张工作表的范围达 "))
                    && line.contains("个单元格,超过上限 16777216(.xls 最多 65536 行 × 256 列)"),
                "{line}"
            );
        }
        if name == "xls/cfb-fat-loop" {
            // A FAT chain looping back on itself: calamine would follow it without end.
            assert_eq!(
                err.trim_end(),
                format!(
                    "tsreport: {file}:工作簿已损坏或不完整:无法读取 .xls 文件(请重新导出或重新保存)"
                )
            );
        }
    }
    // The folders are where the inputs are looked for: each known case must be among them.
    for known in [
        "xlsx/cfb-fat-loop",
        "xls/cfb-fat-loop",
        "xls/cfb-sector-past-end",
        "xls/sheet-grid-of-billions",
    ] {
        assert!(seen.iter().any(|s| s == known), "{known} not in {seen:?}");
    }
}

#[test]
fn csv_files_the_fuzzer_broke_are_reported_not_crashed_on() {
    let w = Workdir::new();
    for (name, bytes) in inputs("csv") {
        let file = format!("{name}.csv");
        w.write(&file, bytes);
        survives(&w, &file);
    }
}

/// The compound-file check lets a real `.xls` through: a site-visit register LibreOffice
/// saved as Excel 97–2003 (`tests/fixtures/`) is read whole: one sheet, a title row, a
/// blank row, the header and 238 records (counted in LibreOffice's CSV of it: 241 rows).
#[test]
fn a_real_xls_passes_the_container_check() {
    let w = Workdir::new();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/投诉现场访问记录.xls");
    w.write("现场访问.xls", std::fs::read(fixture).unwrap());
    let run = w.run(&["check", "现场访问.xls", "--lang", "en"]);
    run.expect_code(0);
    let out = run.stdout();
    let total = out
        .lines()
        .find(|l| l.starts_with("total"))
        .unwrap_or_default();
    assert_eq!(
        total.split_whitespace().collect::<Vec<_>>(),
        ["total", "238", "238", "0", "0"],
        "{out}"
    );
}

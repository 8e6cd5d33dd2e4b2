//! Outputs are all written or none: a path that is a file, a read-only folder or a full disk
//! gives one line naming the file and leaves the previous report exactly as it was, with no
//! temporary file behind. The disk cases run in a private mount namespace on a small tmpfs
//! (`unshare`, util-linux), so they need no privileges beyond a user namespace.

use std::process::Command;

use crate::workdir::*;

fn inputs(w: &Workdir, folder: &str, extra: bool) {
    std::fs::create_dir_all(w.path(folder)).unwrap();
    let mut rows = vec![
        complaint_header(),
        vec![
            S("K1"),
            D(2026, 10, 3),
            S("电话"),
            S("甲"),
            S("完成"),
            D(2026, 10, 9),
        ],
        vec![S("K2"), D(2026, 10, 8), S("来访"), S("乙"), S("未处理"), B],
    ];
    if extra {
        rows.push(vec![
            S("K3"),
            D(2026, 10, 9),
            S("电话"),
            S("丙"),
            S("未处理"),
            B,
        ]);
    }
    w.xlsx(&format!("{folder}/客诉.xlsx"), &[("客诉", rows)]);
}

#[test]
fn an_output_folder_that_is_a_file_is_one_line_and_nothing_written() {
    let w = Workdir::new();
    inputs(&w, "in", false);
    w.write("out", "a file, not a folder");
    let run = w.run(&["report", "in", "--period", "2026-10", "--out", "out"]);
    run.expect_code(1);
    let err = run.stderr();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("tsreport: 无法写入 out/"), "{err}");
    assert!(
        err.contains("路径中有同名的文件,不是文件夹;之前的输出保持不变"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(w.path("out")).unwrap(),
        "a file, not a folder"
    );
}

/// Runs `script` with `sh` as root of a private mount namespace; `$BIN` is tsreport.
fn in_namespace(w: &Workdir, script: &str) -> String {
    let out = Command::new("unshare")
        .args(["-Urm", "sh", "-c", script])
        .current_dir(w.path(""))
        .env("BIN", env!("CARGO_BIN_EXE_tsreport"))
        .env("TSREPORT_LANG", "zh")
        .output()
        .expect("unshare (util-linux) runs");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{text}");
    text
}

/// A first report into the tmpfs, its files' checksums, then `break_it`, then a second
/// report from other inputs; prints the second run's exit code, its error, and whether the
/// files are the first report's, with no stray file.
fn second_report_fails(break_it: &str) -> String {
    format!(
        r#"set -e
mkdir -p disk
mount -t tmpfs -o size=8m tmpfs disk
"$BIN" report in1 --period 2026-10 --out disk/r > /dev/null
(cd disk/r && find . -type f | sort | xargs sha256sum) > before.txt
{break_it}
set +e
"$BIN" report in2 --period 2026-10 --out disk/r > /dev/null 2> err.txt
echo "code $?"
set -e
cat err.txt
(cd disk/r && find . -type f | sort | xargs sha256sum) > after.txt
cmp -s before.txt after.txt && echo "previous report intact"
"#
    )
}

#[test]
fn a_full_disk_leaves_the_previous_report_intact() {
    let w = Workdir::new();
    inputs(&w, "in1", false);
    inputs(&w, "in2", true);
    let out = in_namespace(
        &w,
        &second_report_fails("dd if=/dev/zero of=disk/filler bs=64k 2>/dev/null || true"),
    );
    assert!(out.contains("code 1\n"), "{out}");
    assert!(out.contains("无法写入 disk/r/"), "{out}");
    assert!(out.contains(":磁盘已满;之前的输出保持不变"), "{out}");
    assert_eq!(
        out.lines().filter(|l| l.starts_with("tsreport:")).count(),
        1,
        "{out}"
    );
    assert!(out.contains("previous report intact"), "{out}");
}

#[test]
fn a_read_only_folder_leaves_the_previous_report_intact() {
    let w = Workdir::new();
    inputs(&w, "in1", false);
    inputs(&w, "in2", true);
    let out = in_namespace(&w, &second_report_fails("mount -o remount,ro disk"));
    assert!(out.contains("code 1\n"), "{out}");
    assert!(
        out.contains("所在磁盘或文件夹是只读的;之前的输出保持不变"),
        "{out}"
    );
    assert!(out.contains("previous report intact"), "{out}");
}

#[test]
fn an_export_is_never_read_back_as_an_input() {
    let w = Workdir::new();
    inputs(&w, "in", false);
    w.run(&["export", "in", "--format", "csv", "--out", "in/台账"])
        .expect_code(0);
    w.run(&["export", "in", "--out", "in/台账"]).expect_code(0);
    // Only the register itself is read: 2 complaints, no CSV or workbook of ours.
    w.run(&["check", "in"])
        .expect_code(0)
        .expect_stdout("读取了 1 个文件");
}

/// The files under `dir` whose names are tsreport's temporary files.
fn temporary_files(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    for sub in [dir.to_path_buf(), dir.join("charts")] {
        if let Ok(entries) = std::fs::read_dir(&sub) {
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if name.starts_with(".tsreport-") {
                    out.push(name);
                }
            }
        }
    }
    out
}

#[test]
fn a_run_killed_while_writing_leaves_last_months_report_and_the_next_run_no_trace() {
    let w = Workdir::new();
    // A register big enough that writing its report takes a moment.
    w.run(&[
        "sample",
        "--complaints-only",
        "--months",
        "3",
        "--rows-per-month",
        "20000",
        "--out",
        "big",
    ])
    .expect_code(0);
    inputs(&w, "in", false);
    w.run(&["report", "in", "--period", "2026-10", "--out", "out"])
        .expect_code(0);
    let before = std::fs::read(w.path("out/brief.md")).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("tsreport");
    let mut caught = false;
    for _ in 0..30 {
        let mut child = Command::new(&bin)
            .args(["report", "big", "--period", "2026-10", "--out", "out"])
            .current_dir(w.path(""))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        loop {
            if !temporary_files(&w.path("out")).is_empty() {
                child.kill().unwrap(); // SIGKILL: no chance to clean up
                child.wait().unwrap();
                caught = true;
                break;
            }
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        if caught {
            break;
        }
        // It finished first: last month's report again, and another try.
        w.run(&["report", "in", "--period", "2026-10", "--out", "out"])
            .expect_code(0);
    }
    assert!(caught, "never caught the run while it wrote");
    assert!(!temporary_files(&w.path("out")).is_empty());
    // The earlier report is whole.
    assert_eq!(std::fs::read(w.path("out/brief.md")).unwrap(), before);
    // Someone else's file in the folder stays.
    w.write("out/.tmp-notes", "mine");
    w.run(&["report", "in", "--period", "2026-10", "--out", "out"])
        .expect_code(0);
    assert_eq!(temporary_files(&w.path("out")), Vec::<String>::new());
    assert!(w.path("out/.tmp-notes").exists());
}

//! Folder and file names as clerks give them — Chinese, with spaces — for the inputs, the
//! output folder and the template: the report is the same as with plain names (the Windows
//! package is checked the same way under Wine by `scripts/windows-check.sh`).

use std::path::Path;

use crate::workdir::*;

/// The shipped sample exports copied into `dir`.
fn copy_sample(w: &Workdir, dir: &str) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_str().unwrap().to_string();
        w.write(&format!("{dir}/{name}"), std::fs::read(&p).unwrap());
    }
}

/// Every file under `dir` but summary.json and the workbook (which name the input folder),
/// relative path and bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if !p.display().to_string().ends_with(".xlsx")
                && p.file_name().unwrap() != "summary.json"
            {
                let rel = p.strip_prefix(dir).unwrap().display().to_string();
                out.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn chinese_names_with_spaces_for_inputs_outputs_and_template_give_the_same_report() {
    let w = Workdir::new();
    copy_sample(&w, "plain");
    copy_sample(&w, "十月 导出");
    w.write("我的 模板.toml", "own_brands = [\"金穗\", \"丰农\"]\n");
    w.run(&["report", "plain", "--period", "2026-10", "--out", "out"])
        .expect_code(0);
    let run = w.run(&[
        "report",
        "十月 导出",
        "--period",
        "2026-10",
        "--out",
        "报表 输出/2026 年 10 月",
        "--template",
        "我的 模板.toml",
    ]);
    run.expect_code(0);
    assert!(
        run.stdout().contains("报表 输出/2026 年 10 月"),
        "{}",
        run.stdout()
    );
    let plain = files(&w.path("out"));
    let chinese = files(&w.path("报表 输出/2026 年 10 月"));
    assert!(plain.len() > 20, "{} files", plain.len());
    assert_eq!(plain, chinese);
    let summary = std::fs::read_to_string(w.path("报表 输出/2026 年 10 月/summary.json")).unwrap();
    assert!(summary.contains("十月 导出/客诉登记表_2026.xlsx"));
}

//! `brief.md`: the supervisor's page carries the same numbers as `summary.json`.

use crate::summary::{kpi, read_summary};
use crate::workdir::*;

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

fn signed_pct(x: f64) -> String {
    format!("{:+.1}%", x * 100.0)
}

#[test]
fn brief_numbers_equal_summary_json() {
    let w = Workdir::new();
    crate::report::month_fixture(&w);
    w.run(&["report", "in", "--period", "2026-10", "--out", "out"])
        .expect_code(0)
        .expect_stdout("已写出 out/brief.md");
    let brief = std::fs::read_to_string(w.path("out/brief.md")).unwrap();
    let s = read_summary(&w.path("out"));
    let kpi = |k: &str| kpi(&s, k).clone();
    // Received: value, previous, vs previous — the brief's row says the same.
    let r = kpi("complaints_received");
    let line = format!(
        "| 受理投诉(件) | {} | {} | {} |",
        r["value"].as_f64().unwrap(),
        r["previous"].as_f64().unwrap(),
        r["mom_pct"].as_f64().map_or("—".to_string(), signed_pct)
    );
    assert!(brief.contains(&line), "{line} not in\n{brief}");
    let c = kpi("close_rate");
    assert!(
        brief.contains(&format!(
            "| 结案率 | {} |",
            pct(c["value"].as_f64().unwrap())
        )),
        "{brief}"
    );
    // The hand-counted month: 10 received, close rate 60%.
    assert!(brief.contains("| 受理投诉(件) | 10 |"));
    assert!(brief.contains("| 结案率 | 60.0% |"));
    // The warnings come first; among them the open severe complaint C05 (重大, 未处理,
    // received 10-08: 23 days at 10-31); C02 is 完成.
    assert!(brief.contains("\n\n## 预警 ("), "{brief}");
    assert!(brief.find("## 预警").unwrap() < brief.find("## 主要指标").unwrap());
    assert!(
        brief.contains("- [严重投诉未结案] C05(重大,品质):丁,2026-10-08 受理,至期末 23 天未结案\n"),
        "{brief}"
    );
    assert!(!brief.contains("C02("));
    // Every chart linked exists.
    for line in brief.lines().filter(|l| l.starts_with("![")) {
        let file = line.rsplit('(').next().unwrap().trim_end_matches(')');
        assert!(w.path("out").join(file).exists(), "{file}");
    }
    // Deterministic.
    w.run(&["report", "in", "--period", "2026-10", "--out", "again"])
        .expect_code(0);
    assert_eq!(
        brief,
        std::fs::read_to_string(w.path("again/brief.md")).unwrap()
    );
}

#[test]
fn english_brief() {
    let w = Workdir::new();
    crate::report::month_fixture(&w);
    w.run(&[
        "report", "in", "--period", "2026-10", "--out", "en", "--lang", "en",
    ])
    .expect_code(0);
    let brief = std::fs::read_to_string(w.path("en/brief.md")).unwrap();
    assert!(
        brief.starts_with("# Technical service brief 2026-10"),
        "{brief}"
    );
    assert!(brief.contains("| complaints received | 10 |"), "{brief}");
}

/// Prints `html` to PDF with headless Chromium (installed by `.ci/run`); returns the PDF's
/// page count and its text (`pdfinfo`, `pdftotext` from poppler-utils).
fn print_in_chromium(w: &Workdir, html: &std::path::Path) -> (u32, String) {
    let pdf = w.path("brief.pdf");
    let profile = w.path("chromium-profile");
    let status = std::process::Command::new("timeout")
        .arg("180")
        .arg("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("chromium is installed (.ci/run installs it)");
    assert!(pdf.exists(), "chromium printed no PDF: {status:?}");
    let info = std::process::Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .expect("pdfinfo is installed (poppler-utils, .ci/run installs it)");
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in {info}"));
    let text = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    (pages, String::from_utf8_lossy(&text.stdout).into_owned())
}

#[test]
fn brief_html_is_one_self_contained_page_that_prints_on_two_a4_pages_at_most() {
    let w = Workdir::new();
    crate::report::month_fixture(&w);
    w.run(&["report", "in", "--period", "2026-10", "--out", "out"])
        .expect_code(0)
        .expect_stdout("已写出 out/brief.html");
    let path = w.path("out/brief.html");
    let html = std::fs::read_to_string(&path).unwrap();
    // Self-contained: no scripts, no links out, no external stylesheets or images.
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("<script"), "a script");
    for reference in ["src=", "href=", "@import", "url("] {
        assert!(!html.contains(reference), "{reference}");
    }
    assert!(html.matches("<svg").count() >= 2, "charts inline");
    // The same numbers as the workbook: 10 received, close rate 60.0%, C05 open and severe.
    assert!(
        html.contains("<td>受理投诉(件)</td><td class=\"n\">10</td>"),
        "{html}"
    );
    assert!(html.contains("<td>结案率</td><td class=\"n\">60.0%</td>"));
    let (pages, text) = print_in_chromium(&w, &path);
    assert!((1..=2).contains(&pages), "{pages} pages");
    for figure in [
        "技术服务部简报 2026-10",
        "受理投诉(件)",
        "60.0%",
        "C05",
        "主要指标",
    ] {
        assert!(
            text.contains(figure),
            "{figure} not in the printed page:\n{text}"
        );
    }
}

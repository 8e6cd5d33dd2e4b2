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
    // Open severe complaints: C05 (重大, 未处理); C02 is 完成.
    assert!(brief.contains("## 未结案的严重/重大投诉 (1)"), "{brief}");
    assert!(brief.contains("| C05 | 2026-10-08 | 重大 |"), "{brief}");
    assert!(!brief.contains("| C02 |"));
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

//! `brief.md`: the supervisor's one page — the headline figures with 环比/同比, the three
//! biggest changes, the open severe complaints, own brands against the others, and the chart
//! pictures. Every number is a table value of the report, only formatted.

use std::fmt::Write;

use crate::lang::Lang;
use crate::stats::fcr::{OTHER, OWN};
use crate::stats::report::Report;
use crate::stats::{Table, Val};
use crate::taxonomy::STATUS_DONE;

/// A value as the brief shows it: counts whole, rates and shares in %, others to 2 decimals.
pub fn show(v: &Val) -> String {
    match v {
        Val::Null => "—".to_string(),
        Val::Text(t) => t.clone(),
        Val::Int(i) => i.to_string(),
        Val::Num(x) if x.fract() == 0.0 && x.abs() < 1e12 => format!("{x:.0}"),
        Val::Num(x) => format!("{x:.2}"),
        Val::Pct(x) => format!("{:.1}%", x * 100.0),
        Val::Date(d) => d.format("%Y-%m-%d").to_string(),
        Val::Bool(b) => if *b { "是" } else { "否" }.to_string(),
    }
}

/// A change: signed, in % for relative changes and for rates (percentage points).
fn signed(v: &Val) -> String {
    match v {
        Val::Pct(x) => format!("{:+.1}%", x * 100.0),
        Val::Num(x) if x.fract() == 0.0 => format!("{x:+.0}"),
        Val::Num(x) => format!("{x:+.2}"),
        Val::Int(i) => format!("{i:+}"),
        other => show(other),
    }
}

/// A change of a rate or share, in percentage points.
fn points(v: &Val, lang: Lang) -> String {
    match v {
        Val::Pct(x) => format!("{:+.1} {}", x * 100.0, lang.pick("个百分点", "pp")),
        other => signed(other),
    }
}

/// Rows whose values are rates or shares (their changes are percentage points).
fn is_rate(key: &Val) -> bool {
    *key == Val::text("close_rate") || *key == Val::text("own_brand_share")
}

fn col(t: &Table, key: &str) -> usize {
    t.columns
        .iter()
        .position(|c| c.key == key)
        .expect("column exists")
}

/// The brief as Markdown. `charts` are the chart file names (without folder) to link.
pub fn to_markdown(report: &Report, lang: Lang, charts: &[(String, String)]) -> String {
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let p = &report.period;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} {}\n",
        l("技术服务部简报", "Technical service brief"),
        p.label()
    );
    let files = report
        .sheets
        .iter()
        .map(|s| &s.file)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let _ = writeln!(
        out,
        "{} {} – {} · {} {files} · tsreport {}\n",
        l("期间", "Period"),
        p.start,
        p.end,
        l("输入文件", "input files"),
        env!("CARGO_PKG_VERSION")
    );

    let c = &report.comparisons;
    let (label, value, prev, mom, mom_pct, ly, yoy_pct) = (
        col(
            c,
            if lang == Lang::Zh {
                "label"
            } else {
                "label_en"
            },
        ),
        col(c, "value"),
        col(c, "previous"),
        col(c, "mom_change"),
        col(c, "mom_pct"),
        col(c, "last_year"),
        col(c, "yoy_pct"),
    );
    let _ = writeln!(out, "## {}\n", l("主要指标", "Headline figures"));
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} |\n|---|---:|---:|---:|---:|---:|",
        l("指标", "Figure"),
        l("本期", "This period"),
        l("上期", "Previous"),
        l("环比", "vs previous"),
        l("去年同期", "A year earlier"),
        l("同比", "vs a year earlier")
    );
    for r in &c.rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            show(&r[label]),
            show(&r[value]),
            show(&r[prev]),
            signed(&r[mom_pct]),
            show(&r[ly]),
            signed(&r[yoy_pct])
        );
    }

    let mut changes: Vec<&Vec<Val>> = c
        .rows
        .iter()
        .filter(|r| matches!(r[mom_pct], Val::Pct(_)))
        .collect();
    changes.sort_by(|a, b| {
        let m = |r: &Vec<Val>| match r[mom_pct] {
            Val::Pct(x) => x.abs(),
            _ => 0.0,
        };
        m(b).total_cmp(&m(a))
    });
    let _ = writeln!(
        out,
        "\n## {}\n",
        l(
            "变化最大的三项(环比)",
            "The three biggest changes (vs previous)"
        )
    );
    for (i, r) in changes.iter().take(3).enumerate() {
        let _ = writeln!(
            out,
            "{}. {}: {} → {} ({}, {})",
            i + 1,
            show(&r[label]),
            show(&r[prev]),
            show(&r[value]),
            if is_rate(&r[0]) {
                points(&r[mom], lang)
            } else {
                signed(&r[mom])
            },
            signed(&r[mom_pct])
        );
    }
    if changes.is_empty() {
        let _ = writeln!(out, "{}", l("无可比数据。", "Nothing to compare with."));
    }

    let severe = &report.complaints.severe;
    let status = col(severe, "status");
    let open: Vec<&Vec<Val>> = severe
        .rows
        .iter()
        .filter(|r| r[status] != Val::text(STATUS_DONE))
        .collect();
    let _ = writeln!(
        out,
        "\n## {} ({})\n",
        l("未结案的严重/重大投诉", "Open severe complaints"),
        open.len()
    );
    if open.is_empty() {
        let _ = writeln!(out, "{}", l("无。", "None."));
    } else {
        let heads: Vec<&str> = severe
            .columns
            .iter()
            .map(|h| lang.pick(&h.zh, &h.en))
            .collect();
        let _ = writeln!(
            out,
            "| {} |\n|{}",
            heads.join(" | "),
            "---|".repeat(heads.len())
        );
        for r in open {
            let cells: Vec<String> = r.iter().map(show).collect();
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
    }

    let _ = writeln!(out, "\n## {}\n", l("本公司品牌", "Own brands"));
    if let Some(r) = c.rows.iter().find(|r| r[0] == Val::text("own_brand_share")) {
        let _ = writeln!(
            out,
            "- {}: {} ({} {}, {} {})",
            l("本公司品牌占有率", "Own-brand market share"),
            show(&r[value]),
            l("上期", "previous"),
            show(&r[prev]),
            l("环比", "change"),
            points(&r[mom], lang)
        );
    }
    let f = &report.fcr.species_brand;
    for r in &f.rows {
        let _ = writeln!(
            out,
            "- {} {}: {} {} · {} {}",
            show(&r[0]),
            l("料肉比", "FCR"),
            lang.pick(OWN, "own brands"),
            show(&r[1]),
            lang.pick(OTHER, "other brands"),
            show(&r[2])
        );
    }

    let _ = writeln!(out, "\n## {}\n", l("图表", "Charts"));
    for (file, title) in charts {
        let _ = writeln!(out, "![{title}](charts/{file})");
    }
    out
}

//! `brief.md`: the supervisor's one page — the headline figures with 环比/同比, the biggest
//! changes, the open severe complaints, own brands against the others, and the chart
//! pictures. What it shows is chosen in `stats::brief`; here it is only laid out. Every number
//! is a table value of the report, only formatted.

use std::fmt::Write;

use crate::lang::Lang;
use crate::measure::Measure;
use crate::stats::brief::{Brief, brief};
use crate::stats::fcr::{OTHER, OWN};
use crate::stats::report::Report;
use crate::stats::{Record, Val};

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

/// A change of a figure: percentage points for a share, signed otherwise.
fn difference(v: &Val, measure: Measure, lang: Lang) -> String {
    match v {
        Val::Pct(x) if measure == Measure::Share => {
            format!("{:+.1} {}", x * 100.0, lang.pick("个百分点", "pp"))
        }
        other => signed(other),
    }
}

/// The label of a headline figure in the brief's language.
fn label(r: &Record<'_>, lang: Lang) -> String {
    show(r.get(lang.pick("label", "label_en")))
}

/// The brief as Markdown. `charts` are the chart file names (without folder) and titles.
pub fn to_markdown(report: &Report, lang: Lang, charts: &[(String, String)]) -> String {
    let b = brief(report);
    let mut out = String::new();
    title(&mut out, report, lang);
    headline(&mut out, &b, lang);
    biggest_changes(&mut out, &b, lang);
    open_severe(&mut out, &b, lang);
    own_brands(&mut out, &b, lang);
    let _ = writeln!(out, "\n## {}\n", lang.pick("图表", "Charts"));
    for (file, title) in charts {
        let _ = writeln!(out, "![{title}](charts/{file})");
    }
    out
}

fn title(out: &mut String, report: &Report, lang: Lang) {
    let p = &report.period;
    let _ = writeln!(
        out,
        "# {} {}\n",
        lang.pick("技术服务部简报", "Technical service brief"),
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
        lang.pick("期间", "Period"),
        p.start,
        p.end,
        lang.pick("输入文件", "input files"),
        env!("CARGO_PKG_VERSION")
    );
}

fn headline(out: &mut String, b: &Brief<'_>, lang: Lang) {
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
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
    for r in b.headline.records() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            label(&r, lang),
            show(r.get("value")),
            show(r.get("previous")),
            signed(r.get("mom_pct")),
            show(r.get("last_year")),
            signed(r.get("yoy_pct"))
        );
    }
}

fn biggest_changes(out: &mut String, b: &Brief<'_>, lang: Lang) {
    let _ = writeln!(
        out,
        "\n## {}\n",
        lang.pick(
            "变化最大的三项(环比)",
            "The three biggest changes (vs previous)"
        )
    );
    for (i, r) in b.biggest_changes.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. {}: {} → {} ({}, {})",
            i + 1,
            label(r, lang),
            show(r.get("previous")),
            show(r.get("value")),
            difference(r.get("mom_change"), r.measure("mom_change"), lang),
            signed(r.get("mom_pct"))
        );
    }
    if b.biggest_changes.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            lang.pick("无可比数据。", "Nothing to compare with.")
        );
    }
}

fn open_severe(out: &mut String, b: &Brief<'_>, lang: Lang) {
    let _ = writeln!(
        out,
        "\n## {} ({})\n",
        lang.pick("未结案的严重/重大投诉", "Open severe complaints"),
        b.open_severe.len()
    );
    if b.open_severe.is_empty() {
        let _ = writeln!(out, "{}", lang.pick("无。", "None."));
        return;
    }
    let heads: Vec<&str> = b
        .severe
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
    for r in &b.open_severe {
        let cells: Vec<String> = r.values().iter().map(show).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
}

fn own_brands(out: &mut String, b: &Brief<'_>, lang: Lang) {
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let _ = writeln!(out, "\n## {}\n", l("本公司品牌", "Own brands"));
    if let Some(r) = &b.own_share {
        let _ = writeln!(
            out,
            "- {}: {} ({} {}, {} {})",
            l("本公司品牌占有率", "Own-brand market share"),
            show(r.get("value")),
            l("上期", "previous"),
            show(r.get("previous")),
            l("环比", "change"),
            difference(r.get("mom_change"), r.measure("mom_change"), lang)
        );
    }
    for r in b.fcr_own_other.records() {
        let _ = writeln!(
            out,
            "- {} {}: {} {} · {} {}",
            show(r.get("species")),
            l("料肉比", "FCR"),
            lang.pick(OWN, "own brands"),
            show(r.get(OWN)),
            lang.pick(OTHER, "other brands"),
            show(r.get(OTHER))
        );
    }
}

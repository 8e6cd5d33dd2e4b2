//! `brief.md`: the brief as Markdown — warnings, headline figures, biggest changes, own
//! brands, and links to the chart pictures.

use std::fmt::Write;

use super::{show, signed};
use crate::lang::Lang;
use crate::stats::Record;
use crate::stats::brief::{Brief, brief};
use crate::stats::fcr::{OTHER, OWN};
use crate::stats::report::Report;

/// A headline figure's label in the brief's language.
fn label(r: &Record<'_>, lang: Lang) -> String {
    let key = lang.pick("label", "label_en");
    show(r.get(key), r.measure(key))
}

/// A value of record `r` under `key`, rounded by its measure.
fn cell(r: &Record<'_>, key: &str) -> String {
    show(r.get(key), r.measure(key))
}

/// A change of record `r` under `key`, signed.
fn change(r: &Record<'_>, key: &str, lang: Lang) -> String {
    signed(r.get(key), r.measure(key), lang)
}

/// The brief as Markdown. `charts` are the chart file names (without folder) and titles.
pub fn to_markdown(report: &Report, lang: Lang, charts: &[(String, String)]) -> String {
    let b = brief(report);
    let mut out = String::new();
    title(&mut out, report, lang);
    warnings(&mut out, &b, lang);
    headline(&mut out, &b, lang);
    biggest_changes(&mut out, &b, lang);
    own_brands(&mut out, &b, lang);
    let _ = writeln!(out, "\n## {}\n", lang.pick("图表", "Charts"));
    for (file, title) in charts {
        let _ = writeln!(out, "![{title}](charts/{file})");
    }
    out
}

/// The brief's title and its period line.
pub fn heading(report: &Report, lang: Lang) -> (String, String) {
    let p = &report.period;
    let files = report
        .sheets
        .iter()
        .map(|s| &s.file)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    (
        format!(
            "{} {}",
            lang.pick("技术服务部简报", "Technical service brief"),
            p.label()
        ),
        format!(
            "{} {} – {} · {} {files} · tsreport {}",
            lang.pick("期间", "Period"),
            p.start,
            p.end,
            lang.pick("输入文件", "input files"),
            env!("CARGO_PKG_VERSION")
        ),
    )
}

fn title(out: &mut String, report: &Report, lang: Lang) {
    let (title, period) = heading(report, lang);
    let _ = writeln!(out, "# {title}\n\n{period}\n");
}

/// The headline table's column names.
pub fn headline_heads(lang: Lang) -> [&'static str; 6] {
    [
        lang.pick("指标", "Figure"),
        lang.pick("本期", "This period"),
        lang.pick("上期", "Previous"),
        lang.pick("环比", "vs previous"),
        lang.pick("去年同期", "A year earlier"),
        lang.pick("同比", "vs a year earlier"),
    ]
}

/// One headline row: label, this period, previous, % vs previous, a year earlier, % vs then.
pub fn headline_row(r: &Record<'_>, lang: Lang) -> [String; 6] {
    [
        label(r, lang),
        cell(r, "value"),
        cell(r, "previous"),
        change(r, "mom_pct", lang),
        cell(r, "last_year"),
        change(r, "yoy_pct", lang),
    ]
}

fn headline(out: &mut String, b: &Brief<'_>, lang: Lang) {
    let _ = writeln!(out, "## {}\n", lang.pick("主要指标", "Headline figures"));
    let _ = writeln!(
        out,
        "| {} |\n|---|---:|---:|---:|---:|---:|",
        headline_heads(lang).join(" | ")
    );
    for r in b.headline.records() {
        let _ = writeln!(out, "| {} |", headline_row(&r, lang).join(" | "));
    }
}

/// One of the biggest changes as a sentence: `label: before → now (change, %)`.
pub fn change_line(r: &Record<'_>, lang: Lang) -> String {
    format!(
        "{}: {} → {} ({}, {})",
        label(r, lang),
        cell(r, "previous"),
        cell(r, "value"),
        change(r, "mom_change", lang),
        change(r, "mom_pct", lang)
    )
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
        let _ = writeln!(out, "{}. {}", i + 1, change_line(r, lang));
    }
    if b.biggest_changes.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            lang.pick("无可比数据。", "Nothing to compare with.")
        );
    }
}

/// The warnings heading, with how many there are.
pub fn warnings_heading(b: &Brief<'_>, lang: Lang) -> String {
    let n = b.warnings.rows.len();
    lang.pick(&format!("预警 ({n})"), &format!("Warnings ({n})"))
        .to_string()
}

/// The line a brief shows when nothing needs a warning.
pub fn no_warnings(lang: Lang) -> &'static str {
    lang.pick("无预警。", "No warnings.")
}

/// One line per warning: `[kind] message`.
pub fn warning_lines(b: &Brief<'_>, lang: Lang) -> Vec<String> {
    let (kind, message) = match lang {
        Lang::Zh => ("kind_label", "message"),
        Lang::En => ("kind_en", "message_en"),
    };
    b.warnings
        .records()
        .map(|r| format!("[{}] {}", cell(&r, kind), cell(&r, message)))
        .collect()
}

fn warnings(out: &mut String, b: &Brief<'_>, lang: Lang) {
    let _ = writeln!(out, "## {}\n", warnings_heading(b, lang));
    let lines = warning_lines(b, lang);
    if lines.is_empty() {
        let _ = writeln!(out, "{}", no_warnings(lang));
    }
    for line in lines {
        let _ = writeln!(out, "- {line}");
    }
    out.push('\n');
}

/// The own-brand lines: the share with its change, then FCR own against others per species.
pub fn own_brand_lines(b: &Brief<'_>, lang: Lang) -> Vec<String> {
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let mut lines = Vec::new();
    if let Some(r) = &b.own_share {
        lines.push(format!(
            "{}: {} ({} {}, {} {})",
            l("本公司品牌占有率", "Own-brand market share"),
            cell(r, "value"),
            l("上期", "previous"),
            cell(r, "previous"),
            l("环比", "change"),
            change(r, "mom_change", lang)
        ));
    }
    for r in b.fcr_own_other.records() {
        lines.push(format!(
            "{} {}: {} {} · {} {}",
            cell(&r, "species"),
            l("料肉比", "FCR"),
            lang.pick(OWN, "own brands"),
            cell(&r, OWN),
            lang.pick(OTHER, "other brands"),
            cell(&r, OTHER)
        ));
    }
    lines
}

fn own_brands(out: &mut String, b: &Brief<'_>, lang: Lang) {
    let _ = writeln!(out, "\n## {}\n", lang.pick("本公司品牌", "Own brands"));
    for line in own_brand_lines(b, lang) {
        let _ = writeln!(out, "- {line}");
    }
}

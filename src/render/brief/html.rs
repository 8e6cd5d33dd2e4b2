//! `brief.html`: the brief as one self-contained page — CSS inline, charts inline as SVG, no
//! scripts, no network references — that opens in any browser and prints on A4 portrait on at
//! most two pages. The same content and the same rounding as `brief.md`.

use std::fmt::Write;

use super::BRIEF_CHARTS;
use super::markdown::{
    change_line, heading, headline_heads, headline_row, no_warnings, own_brand_lines,
    warning_lines, warnings_heading,
};
use crate::lang::Lang;
use crate::render::pictures::Picture;
use crate::stats::brief::{Brief, brief};
use crate::stats::report::Report;

/// The page's style: A4 portrait, compact tables, a two-column grid of charts.
const STYLE: &str = "\
@page { size: A4 portrait; margin: 12mm 12mm 14mm; }
* { box-sizing: border-box; }
body { font-family: 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif;
  font-size: 9.5pt; color: #1a1a1a; margin: 0; }
h1 { font-size: 15pt; margin: 0 0 1mm; color: #1F4E79; }
.period { color: #555; margin: 0 0 3mm; }
h2 { font-size: 11pt; color: #1F4E79; border-bottom: 0.4mm solid #1F4E79; margin: 4mm 0 1.5mm;
  padding-bottom: 0.5mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
th, td { border: 0.2mm solid #bfbfbf; padding: 0.5mm 1.5mm; }
th { background: #DDEBF7; text-align: left; }
td.n { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; }
ol, ul { margin: 0; padding-left: 6mm; }
li { margin: 0.5mm 0; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 2mm 4mm; break-inside: avoid; }
.charts figure { margin: 0; break-inside: avoid; }
.charts svg { width: 100%; height: auto; display: block; }
.none { color: #555; }
";

/// Escapes text for HTML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The brief as one HTML page; `pictures` are the drawn charts, of which the brief shows
/// [`BRIEF_CHARTS`].
pub fn to_html(report: &Report, lang: Lang, pictures: &[Picture]) -> String {
    let b = brief(report);
    let (title, period) = heading(report, lang);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n<p class=\"period\">{}</p>\n",
        lang.pick("zh-CN", "en"),
        esc(&title),
        esc(&title),
        esc(&period)
    );
    list(
        &mut out,
        &warnings_heading(&b, lang),
        &warning_lines(&b, lang),
        no_warnings(lang),
    );
    headline(&mut out, &b, lang);
    changes(&mut out, &b, lang);
    own_brands(&mut out, &b, lang);
    charts(&mut out, pictures, lang);
    out.push_str("</body>\n</html>\n");
    out
}

fn headline(out: &mut String, b: &Brief<'_>, lang: Lang) {
    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<table>\n<tr>",
        lang.pick("主要指标", "Headline figures")
    );
    for h in headline_heads(lang) {
        let _ = write!(out, "<th>{}</th>", esc(h));
    }
    out.push_str("</tr>\n");
    for r in b.headline.records() {
        out.push_str("<tr>");
        for (i, cell) in headline_row(&r, lang).iter().enumerate() {
            let class = if i == 0 { "" } else { " class=\"n\"" };
            let _ = write!(out, "<td{class}>{}</td>", esc(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

fn changes(out: &mut String, b: &Brief<'_>, lang: Lang) {
    let _ = writeln!(
        out,
        "<h2>{}</h2>",
        lang.pick(
            "变化最大的三项(环比)",
            "The three biggest changes (vs previous)"
        )
    );
    if b.biggest_changes.is_empty() {
        let none = lang.pick("无可比数据。", "Nothing to compare with.");
        let _ = writeln!(out, "<p class=\"none\">{none}</p>");
        return;
    }
    out.push_str("<ol>\n");
    for r in &b.biggest_changes {
        let _ = writeln!(out, "<li>{}</li>", esc(&change_line(r, lang)));
    }
    out.push_str("</ol>\n");
}

/// A section of lines as a list, or the line `none`.
fn list(out: &mut String, heading: &str, lines: &[String], none: &str) {
    let _ = writeln!(out, "<h2>{}</h2>", esc(heading));
    if lines.is_empty() {
        let _ = writeln!(out, "<p class=\"none\">{}</p>", esc(none));
        return;
    }
    out.push_str("<ul>\n");
    for line in lines {
        let _ = writeln!(out, "<li>{}</li>", esc(line));
    }
    out.push_str("</ul>\n");
}

fn own_brands(out: &mut String, b: &Brief<'_>, lang: Lang) {
    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<ul>",
        lang.pick("本公司品牌", "Own brands")
    );
    for line in own_brand_lines(b, lang) {
        let _ = writeln!(out, "<li>{}</li>", esc(&line));
    }
    out.push_str("</ul>\n");
}

fn charts(out: &mut String, pictures: &[Picture], lang: Lang) {
    let shown: Vec<&Picture> = BRIEF_CHARTS
        .iter()
        .filter_map(|stem| pictures.iter().find(|p| p.stem == *stem))
        .collect();
    if shown.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<div class=\"charts\">",
        lang.pick("图表", "Charts")
    );
    for p in shown {
        // The SVG's own XML declaration cannot stand inside HTML.
        let svg = p.brief_svg.trim_start_matches(|c| c != '<');
        let svg = match svg.strip_prefix("<?xml") {
            Some(rest) => rest.split_once("?>").map_or(rest, |(_, s)| s),
            None => svg,
        };
        let _ = writeln!(
            out,
            "<figure aria-label=\"{}\">{}</figure>",
            esc(&p.title),
            svg.trim()
        );
    }
    out.push_str("</div>\n");
}

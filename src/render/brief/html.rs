//! `brief.html`: the brief as one self-contained page — CSS inline, charts inline as SVG, no
//! scripts, no network references — that opens in any browser and prints on A4 portrait on at
//! most two pages. The same sections as `brief.md`, laid out for a printed page.

use std::fmt::Write;

use super::BRIEF_CHARTS;
use super::page::{Body, Page};
use crate::lang::Lang;
use crate::render::pictures::Picture;

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
pub fn to_html(page: &Page, lang: Lang, pictures: &[Picture]) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n<p class=\"period\">{}</p>\n",
        lang.pick("zh-CN", "en"),
        esc(&page.title),
        esc(&page.title),
        esc(&page.period)
    );
    for section in &page.sections {
        match &section.body {
            Body::Charts => charts(&mut out, &section.heading, pictures),
            body => {
                let _ = writeln!(out, "<h2>{}</h2>", esc(&section.heading));
                self::body(&mut out, body);
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn body(out: &mut String, body: &Body) {
    match body {
        Body::Bullets {
            items,
            none: Some(none),
        } if items.is_empty() => {
            let _ = writeln!(out, "<p class=\"none\">{}</p>", esc(none));
        }
        Body::Bullets { items, .. } => list(out, "ul", items),
        Body::Numbered { items, none } if items.is_empty() => {
            let _ = writeln!(out, "<p class=\"none\">{}</p>", esc(none));
        }
        Body::Numbered { items, .. } => list(out, "ol", items),
        Body::Table { heads, rows } => {
            out.push_str("<table>\n<tr>\n");
            for h in heads {
                let _ = write!(out, "<th>{}</th>", esc(h));
            }
            out.push_str("</tr>\n");
            for row in rows {
                out.push_str("<tr>");
                for (i, cell) in row.iter().enumerate() {
                    let class = if i == 0 { "" } else { " class=\"n\"" };
                    let _ = write!(out, "<td{class}>{}</td>", esc(cell));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</table>\n");
        }
        Body::Charts => {}
    }
}

/// Items as a list (`ul` or `ol`).
fn list(out: &mut String, tag: &str, items: &[String]) {
    let _ = writeln!(out, "<{tag}>");
    for item in items {
        let _ = writeln!(out, "<li>{}</li>", esc(item));
    }
    let _ = writeln!(out, "</{tag}>");
}

/// The brief's charts inline as SVG, under `heading`; nothing when none was drawn.
fn charts(out: &mut String, heading: &str, pictures: &[Picture]) {
    let shown: Vec<&Picture> = BRIEF_CHARTS
        .iter()
        .filter_map(|def| pictures.iter().find(|p| p.stem == def.stem))
        .collect();
    if shown.is_empty() {
        return;
    }
    let _ = writeln!(out, "<h2>{}</h2>\n<div class=\"charts\">", esc(heading));
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

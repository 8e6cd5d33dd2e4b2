//! `brief.md`: the brief's sections as Markdown, the chart pictures as links.

use std::fmt::Write;

use super::page::{Body, Page};

/// The brief as Markdown. `charts` are the chart file names (without folder) and titles.
pub fn to_markdown(page: &Page, charts: &[(String, String)]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n\n{}\n", page.title, page.period);
    for (i, section) in page.sections.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "## {}\n", section.heading);
        match &section.body {
            Body::Bullets { items, none } => {
                for item in items {
                    let _ = writeln!(out, "- {item}");
                }
                if let (true, Some(none)) = (items.is_empty(), none) {
                    let _ = writeln!(out, "{none}");
                }
            }
            Body::Numbered { items, none } => {
                for (n, item) in items.iter().enumerate() {
                    let _ = writeln!(out, "{}. {item}", n + 1);
                }
                if items.is_empty() {
                    let _ = writeln!(out, "{none}");
                }
            }
            Body::Table { heads, rows } => {
                let _ = writeln!(out, "| {} |", heads.join(" | "));
                let align: Vec<&str> = (0..heads.len())
                    .map(|c| if c == 0 { "---" } else { "---:" })
                    .collect();
                let _ = writeln!(out, "|{}|", align.join("|"));
                for row in rows {
                    let _ = writeln!(out, "| {} |", row.join(" | "));
                }
            }
            Body::Charts => {
                for (file, title) in charts {
                    let _ = writeln!(out, "![{title}](charts/{file})");
                }
            }
        }
    }
    out
}

//! Plain-text views for the terminal, in the user's language: how each sheet was read, the
//! reconciliation table, and the data problems — grouped per sheet and reason with three
//! examples each, or (for `check --all`) one line each. Column widths count CJK characters
//! as two.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use crate::ingest::column_letter;
use crate::issues::{DataIssue, SheetReport};
use crate::lang::Lang;
use crate::messages::{Check, Listing, Run};
use crate::normalize::Loaded;
use crate::schema::Kind;

/// How many examples a group of problems shows.
pub const EXAMPLES: usize = 3;

/// Lays out rows under a header, padding by display width.
pub fn text_table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let mut out = String::new();
    let line = |cells: &[&str], out: &mut String| {
        let mut s = String::new();
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            if i > 0 {
                s.push_str("  ");
            }
            s.push_str(cell);
            s.push_str(&" ".repeat(w - cell.width()));
        }
        out.push_str(s.trim_end());
        out.push('\n');
    };
    line(header, &mut out);
    let rules: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(
        &rules.iter().map(String::as_str).collect::<Vec<_>>(),
        &mut out,
    );
    for row in rows {
        line(
            &row.iter().map(String::as_str).collect::<Vec<_>>(),
            &mut out,
        );
    }
    out
}

fn kind_label(kind: Option<Kind>) -> String {
    match kind {
        Some(k) => format!("{} {}", k.code(), k.zh()),
        None => "—".to_string(),
    }
}

/// How one sheet was read: kind, header row, column mapping, ignored columns, row counts.
pub fn sheet_details(s: &SheetReport, lang: Lang) -> String {
    let mut out = format!("{}\n", s.location());
    let mut line = |m: Check<'_>| {
        let _ = writeln!(out, "  {}", m.text(lang));
    };
    let Some(kind) = s.kind else {
        if let Some(note) = &s.note {
            line(Check::Note {
                note: &note.text(lang),
            });
        }
        if s.rows_read > 0 {
            line(Check::RowsSkipped {
                read: s.rows_read,
                skipped: s.skipped,
            });
        }
        return out;
    };
    line(Check::SheetKind {
        code: kind.code(),
        zh: kind.zh(),
        en: kind.en(),
    });
    if !s.also_qualified.is_empty() {
        let kinds: Vec<String> = s
            .also_qualified
            .iter()
            .map(|k| kind_label(Some(*k)))
            .collect();
        line(Check::AlsoQualified {
            kinds: &kinds.join(", "),
        });
    }
    match s.header_rows {
        Some((a, b)) if a == b => line(Check::HeaderRow { row: a }),
        Some((first, last)) => line(Check::HeaderRows { first, last }),
        None => {}
    }
    line(Check::Columns {
        list: &mapped_columns(s, kind).join(", "),
    });
    let ignored: Vec<String> = s
        .columns
        .iter()
        .filter(|c| c.field.is_none())
        .map(|c| {
            format!(
                "{} {}",
                column_letter(c.col),
                c.header.replace(['\n', '\r'], "")
            )
        })
        .collect();
    if !ignored.is_empty() {
        line(Check::Ignored {
            list: &ignored.join(", "),
        });
    }
    if s.merged_filled > 0 {
        line(Check::MergedFilled {
            cells: s.merged_filled,
        });
    }
    if let Some(note) = &s.note {
        line(Check::Note {
            note: &note.text(lang),
        });
    }
    line(Check::RowsUsed {
        read: s.rows_read,
        used: s.used,
        skipped: s.skipped,
        rejected: s.rejected,
    });
    out
}

/// `A 投诉编号, B 受理日期, C 渠道→受理方式`: each mapped column and the field it fills.
fn mapped_columns(s: &SheetReport, kind: Kind) -> Vec<String> {
    s.columns
        .iter()
        .filter_map(|c| {
            let f = c.field?;
            let zh = kind.fields().iter().find(|x| x.id == f).map_or(f, |x| x.zh);
            let header = c.header.replace(['\n', '\r'], "");
            Some(if header == zh {
                format!("{} {header}", column_letter(c.col))
            } else {
                format!("{} {header}→{zh}", column_letter(c.col))
            })
        })
        .collect()
}

/// The reconciliation table: one line per sheet and a total.
pub fn reconciliation(sheets: &[SheetReport], lang: Lang) -> String {
    let mut rows: Vec<Vec<String>> = sheets
        .iter()
        .map(|s| {
            vec![
                s.location(),
                kind_label(s.kind),
                s.rows_read.to_string(),
                s.used.to_string(),
                s.skipped.to_string(),
                s.rejected.to_string(),
            ]
        })
        .collect();
    let sum = |f: fn(&SheetReport) -> u64| sheets.iter().map(f).sum::<u64>().to_string();
    rows.push(vec![
        Listing::Total.text(lang),
        String::new(),
        sum(|s| s.rows_read),
        sum(|s| s.used),
        sum(|s| s.skipped),
        sum(|s| s.rejected),
    ]);
    let header: Vec<String> = [
        Listing::SheetColumn,
        Listing::KindColumn,
        Listing::ReadColumn,
        Listing::UsedColumn,
        Listing::SkippedColumn,
        Listing::RejectedColumn,
    ]
    .iter()
    .map(|m| m.text(lang))
    .collect();
    text_table(
        &header.iter().map(String::as_str).collect::<Vec<_>>(),
        &rows,
    )
}

/// One problem on one line: where, which value, why, and what was done.
pub fn issue_line(issue: &DataIssue, sheets: &[SheetReport], lang: Lang) -> String {
    let mut out = sheets[issue.sheet].location();
    if let Some(r) = issue.row {
        let _ = write!(
            out,
            "{}",
            lang.pick(&format!(" 第 {r} 行"), &format!(" row {r}"))
        );
    }
    if let Some(c) = &issue.column {
        let _ = write!(
            out,
            "{}",
            lang.pick(&format!(",{c} 列"), &format!(", column {c}"))
        );
    }
    out.push_str(lang.pick(":", ": "));
    if !issue.raw.is_empty() {
        let _ = write!(out, "\"{}\" — ", issue.raw);
    }
    let _ = write!(
        out,
        "{} [{}]",
        issue.reason.text(lang),
        issue.action.text(lang)
    );
    out
}

/// Problems grouped per sheet, column and reason, in the order they first occur: each group
/// on one line with its count, then up to [`EXAMPLES`] rows with their raw values.
pub fn grouped(issues: &[&DataIssue], sheets: &[SheetReport], lang: Lang) -> String {
    type Key = (usize, Option<String>, String, &'static str);
    let mut groups: Vec<(Key, Vec<&DataIssue>)> = Vec::new();
    let mut index: std::collections::HashMap<Key, usize> = std::collections::HashMap::new();
    for i in issues {
        let key: Key = (
            i.sheet,
            i.column.clone(),
            i.reason.summary(lang),
            i.action.text(lang),
        );
        match index.get(&key) {
            Some(&g) => groups[g].1.push(i),
            None => {
                index.insert(key.clone(), groups.len());
                groups.push((key, vec![i]));
            }
        }
    }
    let mut out = String::new();
    for ((sheet, column, reason, action), members) in &groups {
        let location = sheets[*sheet].location();
        let head = Listing::Group {
            location: &location,
            column: column.as_deref(),
            reason,
            action,
            count: members.len(),
        };
        let _ = writeln!(out, "  {}", head.text(lang));
        let examples: Vec<String> = members
            .iter()
            .take(EXAMPLES)
            .map(|i| {
                Listing::Example {
                    row: i.row,
                    raw: &i.raw,
                }
                .text(lang)
            })
            .filter(|e| !e.is_empty())
            .collect();
        if !examples.is_empty() {
            let more = if members.len() > EXAMPLES { " …" } else { "" };
            let _ = writeln!(out, "      {}{more}", examples.join(lang.pick(";", "; ")));
        }
    }
    out
}

/// The whole `check` report; `all` lists every problem on its own line.
pub fn check_report(loaded: &Loaded, lang: Lang, all: bool) -> String {
    let mut out = String::new();
    let sheets = &loaded.sheets;
    let read = Run::ReadFiles {
        files: loaded.files_found,
        sheets: sheets.len(),
    };
    let _ = writeln!(out, "{}\n", read.text(lang));
    for s in sheets {
        out.push_str(&sheet_details(s, lang));
        out.push('\n');
    }
    if !loaded.ignored_files.is_empty() {
        let _ = writeln!(out, "{}", Listing::PassedOver.text(lang));
        for f in &loaded.ignored_files {
            let _ = writeln!(out, "  {}", f.display());
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}", Listing::ReconciliationHeading.text(lang));
    out.push_str(&reconciliation(sheets, lang));
    let (routine, problems): (Vec<&DataIssue>, Vec<&DataIssue>) =
        loaded.issues.iter().partition(|i| i.reason.is_routine());
    let list = |issues: &[&DataIssue]| {
        if all {
            let lines: Vec<String> = issues
                .iter()
                .map(|i| format!("  {}\n", issue_line(i, sheets, lang)))
                .collect();
            lines.concat()
        } else {
            grouped(issues, sheets, lang)
        }
    };
    if !routine.is_empty() {
        let heading = Listing::SkippedRowsHeading {
            count: routine.len(),
        };
        let _ = writeln!(out, "\n{}", heading.text(lang));
        out.push_str(&list(&routine));
    }
    let heading = Listing::ProblemsHeading {
        count: problems.len(),
    };
    let _ = writeln!(out, "\n{}", heading.text(lang));
    out.push_str(&list(&problems));
    let listed_any = !(routine.is_empty() && problems.is_empty());
    if !all && listed_any {
        let _ = writeln!(out, "{}", Listing::FullListWithAll.text(lang));
    }
    if !loaded.file_errors.is_empty() {
        let heading = Listing::UnreadableHeading {
            count: loaded.file_errors.len(),
        };
        let _ = writeln!(out, "\n{}", heading.text(lang));
        for e in &loaded.file_errors {
            let _ = writeln!(out, "  {}", e.text(lang));
        }
    }
    out
}

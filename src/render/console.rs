//! Plain-text views for the terminal: how each sheet was read, the reconciliation table and
//! the data-problem list. Column widths count CJK characters as two.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use crate::ingest::column_letter;
use crate::issues::{DataIssue, SheetReport};
use crate::normalize::Loaded;
use crate::schema::Kind;

/// Lays out rows under a header, padding by display width.
pub fn text_table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let mut out = String::new();
    let line = |cells: Vec<&str>, out: &mut String| {
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
    line(header.to_vec(), &mut out);
    line(
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect(),
        &mut out,
    );
    for row in rows {
        line(row.iter().map(String::as_str).collect(), &mut out);
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
pub fn sheet_details(s: &SheetReport) -> String {
    let mut out = format!("{}\n", s.location());
    let Some(kind) = s.kind else {
        let _ = writeln!(out, "  {}", s.note.as_deref().unwrap_or("not used"));
        if s.rows_read > 0 {
            let _ = writeln!(
                out,
                "  rows:    read {} = skipped {}",
                s.rows_read, s.skipped
            );
        }
        return out;
    };
    let _ = writeln!(out, "  kind:    {} ({})", kind_label(Some(kind)), kind.en());
    if let Some((a, b)) = s.header_rows {
        let rows = if a == b {
            format!("row {a}")
        } else {
            format!("rows {a}–{b} (two-row header)")
        };
        let _ = writeln!(out, "  header:  {rows}");
    }
    let mapped: Vec<String> = s
        .columns
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
        .collect();
    let _ = writeln!(out, "  columns: {}", mapped.join(", "));
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
        let _ = writeln!(out, "  ignored: {}", ignored.join(", "));
    }
    if let Some(note) = &s.note {
        let _ = writeln!(out, "  note:    {note}");
    }
    let _ = writeln!(
        out,
        "  rows:    read {} = used {} + skipped {} + rejected {}",
        s.rows_read, s.used, s.skipped, s.rejected
    );
    out
}

/// The reconciliation table: one line per sheet and a total.
pub fn reconciliation(sheets: &[SheetReport]) -> String {
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
        "total".to_string(),
        String::new(),
        sum(|s| s.rows_read),
        sum(|s| s.used),
        sum(|s| s.skipped),
        sum(|s| s.rejected),
    ]);
    text_table(
        &["sheet", "kind", "read", "used", "skipped", "rejected"],
        &rows,
    )
}

/// One problem on one line: where, which value, why, and what was done.
pub fn issue_line(issue: &DataIssue, sheets: &[SheetReport]) -> String {
    let mut out = sheets[issue.sheet].location();
    if let Some(r) = issue.row {
        let _ = write!(out, " row {r}");
    }
    if let Some(c) = &issue.column {
        let _ = write!(out, ", column {c}");
    }
    out.push_str(": ");
    if !issue.raw.is_empty() {
        let _ = write!(out, "\"{}\" — ", issue.raw);
    }
    let _ = write!(out, "{} [{}]", issue.reason.zh(), issue.action.zh());
    out
}

/// The whole `check` report.
pub fn check_report(loaded: &Loaded) -> String {
    let mut out = String::new();
    let sheets = &loaded.sheets;
    let _ = writeln!(
        out,
        "Read {} file(s), {} sheet(s).\n",
        loaded.files_found,
        sheets.len()
    );
    for s in sheets {
        out.push_str(&sheet_details(s));
        out.push('\n');
    }
    if !loaded.ignored_files.is_empty() {
        let _ = writeln!(out, "Not spreadsheets, passed over:");
        for f in &loaded.ignored_files {
            let _ = writeln!(out, "  {}", f.display());
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "Reconciliation (rows read = used + skipped + rejected)"
    );
    out.push_str(&reconciliation(sheets));
    let (routine, problems): (Vec<&DataIssue>, Vec<&DataIssue>) =
        loaded.issues.iter().partition(|i| i.reason.is_routine());
    if !routine.is_empty() {
        let _ = writeln!(
            out,
            "\nSkipped rows ({}): blank, total/footer, repeated header, identical duplicate",
            routine.len()
        );
        for i in routine {
            let _ = writeln!(out, "  {}", issue_line(i, sheets));
        }
    }
    let _ = writeln!(out, "\nData problems ({})", problems.len());
    for i in problems {
        let _ = writeln!(out, "  {}", issue_line(i, sheets));
    }
    if !loaded.file_errors.is_empty() {
        let _ = writeln!(
            out,
            "\nFiles that could not be read ({})",
            loaded.file_errors.len()
        );
        for e in &loaded.file_errors {
            let _ = writeln!(out, "  {e}");
        }
    }
    out
}

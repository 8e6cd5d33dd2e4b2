//! Finding a sheet's header among its first rows and recognising the kind of the sheet by
//! it: single-row headers, and two-row headers whose parent cells are merged across their
//! children (`处理情况` over `状态` / `结案日期`).

use crate::ingest::Cell;
use crate::issues::ColumnUse;
use crate::schema::Kind;
use crate::template::Template;
use crate::text::header_key;

/// A recognised header.
#[derive(Debug, Clone)]
pub struct Header {
    pub kind: Kind,
    /// 0-based sheet rows of the header's first and last row.
    pub first_row: u32,
    pub last_row: u32,
    /// For each column: the field index it fills, if any.
    pub fields: Vec<Option<usize>>,
    pub columns: Vec<ColumnUse>,
    /// Other kinds whose required columns the sheet also has (the winner explains more of
    /// its columns).
    pub also: Vec<Kind>,
}

/// The best partial match, for the message about a sheet that matches no kind.
#[derive(Debug, Clone)]
pub struct Closest {
    pub kind: Kind,
    pub missing: Vec<&'static str>,
}

/// The header cells of one candidate: per column, the names to try (most specific first)
/// and the header as the user sees it.
struct Candidate {
    first_row: u32,
    last_row: u32,
    names: Vec<Vec<String>>,
    shown: Vec<String>,
}

fn cell_text(cell: Option<&Cell<'_>>) -> String {
    match cell {
        Some(Cell::Empty) | None => String::new(),
        Some(c) => c.display().replace(['\n', '\r'], "").trim().to_string(),
    }
}

fn single(row: u32, cells: &[Cell<'_>]) -> Candidate {
    let shown: Vec<String> = cells.iter().map(|c| cell_text(Some(c))).collect();
    let names = shown
        .iter()
        .map(|s| {
            if s.is_empty() {
                vec![]
            } else {
                vec![header_key(s)]
            }
        })
        .collect();
    Candidate {
        first_row: row,
        last_row: row,
        names,
        shown,
    }
}

/// Two header rows: a blank parent cell takes the parent to its left when the child below
/// it is filled (a merged parent shows its text in the first cell only).
fn double(row: u32, top: &[Cell<'_>], bottom: &[Cell<'_>]) -> Candidate {
    let width = top.len().max(bottom.len());
    let mut parent = String::new();
    let mut names = Vec::with_capacity(width);
    let mut shown = Vec::with_capacity(width);
    for c in 0..width {
        let t = cell_text(top.get(c));
        let b = cell_text(bottom.get(c));
        if !t.is_empty() {
            parent = t.clone();
        } else if b.is_empty() {
            parent.clear();
        }
        let p = if t.is_empty() && !b.is_empty() {
            parent.clone()
        } else {
            t
        };
        let mut n = Vec::new();
        if !b.is_empty() {
            n.push(header_key(&b));
            if !p.is_empty() {
                n.push(header_key(&format!("{p}{b}")));
            }
        }
        if !p.is_empty() {
            n.push(header_key(&p));
        }
        shown.push(match (p.is_empty(), b.is_empty()) {
            (false, false) => format!("{p}/{b}"),
            (false, true) => p,
            (true, _) => b,
        });
        names.push(n);
    }
    Candidate {
        first_row: row,
        last_row: row + 1,
        names,
        shown,
    }
}

/// Maps a candidate's columns to the fields of `kind`: the first column naming a field takes
/// it.
fn assign(template: &Template, kind: Kind, cand: &Candidate) -> Vec<Option<usize>> {
    let mut taken = vec![false; kind.fields().len()];
    cand.names
        .iter()
        .map(|names| {
            let f = names
                .iter()
                .find_map(|n| template.match_header(kind, n).filter(|&f| !taken[f]))?;
            taken[f] = true;
            Some(f)
        })
        .collect()
}

struct Scored {
    kind: Kind,
    fields: Vec<Option<usize>>,
    matched: usize,
    missing: Vec<&'static str>,
}

fn score(template: &Template, kind: Kind, cand: &Candidate) -> Scored {
    let fields = assign(template, kind, cand);
    let matched = fields.iter().flatten().count();
    let missing = kind
        .fields()
        .iter()
        .enumerate()
        .filter(|(i, f)| f.required && !fields.contains(&Some(*i)))
        .map(|(_, f)| f.zh)
        .collect();
    Scored {
        kind,
        fields,
        matched,
        missing,
    }
}

/// Finds the header among the first rows (each with its 0-based sheet row).
///
/// # Errors
/// No row holds every required column of any kind; the closest kind, if any column matched.
pub fn detect(
    template: &Template,
    rows: &[(u32, Vec<Cell<'static>>)],
) -> Result<Header, Option<Closest>> {
    let mut best: Option<(Scored, Candidate)> = None;
    let mut closest: Option<Scored> = None;
    let mut qualified: Vec<Kind> = Vec::new();
    for (i, (row, cells)) in rows.iter().enumerate() {
        let mut cands = vec![single(*row, cells)];
        // A title row (one cell) directly above the header is no parent row.
        let filled = cells.iter().filter(|c| !c.is_blank()).count();
        if let Some((next, below)) = rows.get(i + 1)
            && *next == row + 1
            && filled >= 2
        {
            cands.push(double(*row, cells, below));
        }
        for cand in cands {
            for kind in Kind::ALL {
                let s = score(template, kind, &cand);
                if s.matched == 0 {
                    continue;
                }
                if s.missing.is_empty() {
                    if !qualified.contains(&kind) {
                        qualified.push(kind);
                    }
                    // More columns explained wins; on a tie, the header with fewer rows (a
                    // two-row header must explain more than either of its rows alone).
                    let rows = cand.last_row - cand.first_row;
                    if best.as_ref().is_none_or(|(b, c)| {
                        s.matched > b.matched
                            || (s.matched == b.matched && rows < c.last_row - c.first_row)
                    }) {
                        best = Some((s, cand_clone(&cand)));
                    }
                } else if closest.as_ref().is_none_or(|c| {
                    (s.matched, usize::MAX - s.missing.len())
                        > (c.matched, usize::MAX - c.missing.len())
                }) {
                    closest = Some(s);
                }
            }
        }
    }
    let Some((s, cand)) = best else {
        return Err(closest.map(|c| Closest {
            kind: c.kind,
            missing: c.missing,
        }));
    };
    let columns = cand
        .shown
        .iter()
        .enumerate()
        .filter(|(c, shown)| !shown.is_empty() || s.fields[*c].is_some())
        .map(|(c, shown)| ColumnUse {
            col: c as u32,
            header: shown.clone(),
            field: s.fields[c].map(|f| s.kind.fields()[f].id),
        })
        .collect();
    qualified.retain(|k| *k != s.kind);
    Ok(Header {
        kind: s.kind,
        first_row: cand.first_row,
        last_row: cand.last_row,
        fields: s.fields,
        columns,
        also: qualified,
    })
}

fn cand_clone(c: &Candidate) -> Candidate {
    Candidate {
        first_row: c.first_row,
        last_row: c.last_row,
        names: c.names.clone(),
        shown: c.shown.clone(),
    }
}

#[cfg(test)]
mod tests;

//! The same complaint exported twice (same 投诉编号 in overlapping exports) counts once
//! (SPEC §8). Identical copies are skipped; copies that differ are listed, and the row from
//! the file modified last wins (ties: the later file name, then the later row).

use polars::prelude::*;

use crate::frames::RecordsBuilder;
use crate::issues::{Action, DataIssue, Reason, SheetReport};

/// Builds the complaint frame with duplicates removed, recording each removed row.
pub fn dedup_complaints(
    table: RecordsBuilder,
    sheets: &mut [SheetReport],
    issues: &mut Vec<DataIssue>,
) -> DataFrame {
    let hashes = table.content_hashes().to_vec();
    let sources = table.sources().to_vec();
    let df = table.finish();
    let ids = df.column("id").expect("complaints have an id column");
    let ids = ids.str().expect("id is text");
    let rows = df.column(crate::frames::ROW).expect("row column");
    let rows = rows.u32().expect("row is u32");

    // First occurrence of each id; later ones collected in groups.
    let mut first: PlHashMap<&str, usize> = PlHashMap::with_capacity(ids.len());
    let mut groups: PlHashMap<usize, Vec<usize>> = PlHashMap::new();
    for (i, id) in ids.iter().enumerate() {
        let Some(id) = id else { continue };
        match first.get(id) {
            Some(&f) => groups.entry(f).or_insert_with(|| vec![f]).push(i),
            None => {
                first.insert(id, i);
            }
        }
    }
    drop(first);
    if groups.is_empty() {
        return df;
    }
    let rank = |i: usize| {
        let s = &sheets[sources[i] as usize];
        (s.modified, s.file.clone(), sources[i], i)
    };
    let mut keep = vec![true; df.height()];
    let mut group_list: Vec<(usize, Vec<usize>)> = groups
        .into_values()
        .map(|g| {
            (
                *g.iter().max_by_key(|&&i| rank(i)).expect("non-empty group"),
                g,
            )
        })
        .collect();
    group_list.sort();
    for (winner, group) in group_list {
        let w_sheet = &sheets[sources[winner] as usize];
        let kept_at = format!(
            "{} 第 {} 行",
            w_sheet.location(),
            rows.get(winner).unwrap_or(0)
        );
        let id = ids.get(winner).unwrap_or_default().to_string();
        for &i in group.iter().filter(|&&i| i != winner) {
            keep[i] = false;
            let reason = if hashes[i] == hashes[winner] {
                Reason::DuplicateIdentical {
                    id: id.clone(),
                    kept_at: kept_at.clone(),
                }
            } else {
                Reason::DuplicateConflict {
                    id: id.clone(),
                    kept_at: kept_at.clone(),
                }
            };
            let sheet = sources[i] as usize;
            sheets[sheet].used -= 1;
            sheets[sheet].skipped += 1;
            let column = sheets[sheet]
                .columns
                .iter()
                .find(|c| c.field == Some("id"))
                .map(|c| format!("{} ({})", c.header, crate::ingest::column_letter(c.col)));
            issues.push(DataIssue {
                sheet,
                row: rows.get(i),
                column,
                raw: id.clone(),
                reason,
                action: Action::Skipped,
            });
        }
    }
    let mask = BooleanChunked::from_slice("keep".into(), &keep);
    df.filter(&mask).expect("mask has the frame's height")
}

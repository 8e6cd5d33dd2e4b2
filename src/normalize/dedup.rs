//! The same complaint exported twice (same 投诉编号 in overlapping exports) counts once
//! (SPEC §8). Identical copies are skipped; copies that differ are listed, and the row from
//! the file modified last wins (ties: the later file name, then the later row).

use std::hash::BuildHasher;

use polars::prelude::*;

use crate::issues::{Action, DataIssue, Origin, Reason, SheetReport};

/// Builds the complaint frame with duplicates removed, recording each removed row.
pub fn dedup_complaints(
    df: DataFrame,
    hashes: &[u64],
    sheets: &mut [SheetReport],
    issues: &mut Vec<DataIssue>,
) -> DataFrame {
    let (sources, rows) = origins(&df);
    let ids = df.column("id").expect("complaints have an id column");
    let ids = ids.str().expect("id is text");
    let groups = duplicate_groups(ids, |i| {
        let s = &sheets[sources[i]];
        (s.modified, s.file.clone(), sources[i], i)
    });
    if groups.is_empty() {
        return df;
    }
    let mut keep = vec![true; df.height()];
    for (winner, group) in groups {
        let w_sheet = &sheets[sources[winner]];
        let kept_at = format!(
            "{} 第 {} 行",
            w_sheet.short_location(),
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
            let origin = Origin {
                sheet: sources[i],
                row: rows.get(i),
            };
            issues.push(skip_duplicate(
                &mut sheets[origin.sheet],
                origin,
                &id,
                reason,
            ));
        }
    }
    let mask = BooleanChunked::from_slice("keep".into(), &keep);
    df.filter(&mask).expect("mask has the frame's height")
}

/// Each record's sheet (index into the sheet list) and its row column (1-based rows).
pub(super) fn origins(df: &DataFrame) -> (Vec<usize>, &UInt32Chunked) {
    let sources = df
        .column(crate::frames::SOURCE)
        .expect("source column")
        .u32()
        .expect("source is u32")
        .iter()
        .map(|s| s.unwrap_or(0) as usize)
        .collect();
    let rows = df.column(crate::frames::ROW).expect("row column");
    (sources, rows.u32().expect("row is u32"))
}

/// The rows sharing an id with another row: per id, the winning row (the greatest `rank`)
/// and every row of the group, in a stable order.
fn duplicate_groups<R: Ord>(
    ids: &StringChunked,
    rank: impl Fn(usize) -> R,
) -> Vec<(usize, Vec<usize>)> {
    let repeated = repeated_hashes(ids);
    if repeated.is_empty() {
        return Vec::new();
    }
    // Among the rows whose id hash repeats: first occurrence of each id; later ones
    // collected in groups.
    let state = foldhash::fast::FixedState::with_seed(ID_SEED);
    let mut first: PlHashMap<&str, usize> = PlHashMap::new();
    let mut groups: PlHashMap<usize, Vec<usize>> = PlHashMap::new();
    for (i, id) in ids.iter().enumerate() {
        let Some(id) = id else { continue };
        if !repeated.contains(&state.hash_one(id)) {
            continue;
        }
        match first.get(id) {
            Some(&f) => groups.entry(f).or_insert_with(|| vec![f]).push(i),
            None => {
                first.insert(id, i);
            }
        }
    }
    let mut list: Vec<(usize, Vec<usize>)> = groups
        .into_values()
        .map(|g| {
            let winner = *g.iter().max_by_key(|&&i| rank(i)).expect("non-empty group");
            (winner, g)
        })
        .collect();
    list.sort();
    list
}

/// The id hashes' fixed seed.
const ID_SEED: u64 = 0x6475_706c_6963_6174;

/// The hashes seen on more than one id: a cheap first pass, as most registers hold no
/// duplicate at all (a million ids take a fraction of the time a map of the ids takes).
fn repeated_hashes(ids: &StringChunked) -> PlHashSet<u64> {
    let state = foldhash::fast::FixedState::with_seed(ID_SEED);
    let mut seen: PlHashSet<u64> = PlHashSet::with_capacity(ids.len());
    let mut repeated = PlHashSet::new();
    for id in ids.iter().flatten() {
        let h = state.hash_one(id);
        if !seen.insert(h) {
            repeated.insert(h);
        }
    }
    repeated
}

/// Moves a duplicate row from used to skipped on its sheet, and the problem that lists it.
fn skip_duplicate(sheet: &mut SheetReport, origin: Origin, id: &str, reason: Reason) -> DataIssue {
    sheet.used -= 1;
    sheet.skipped += 1;
    let column = sheet
        .columns
        .iter()
        .find(|c| c.field == Some("id"))
        .map(|c| format!("{} ({})", c.header, crate::ingest::column_letter(c.col)));
    DataIssue {
        sheet: origin.sheet,
        row: origin.row,
        column,
        raw: id.to_string(),
        reason,
        action: Action::Skipped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(values: &[Option<&str>]) -> StringChunked {
        StringChunked::from_iter_options("id".into(), values.iter().copied())
    }

    #[test]
    fn no_repeated_id_gives_no_group() {
        let ids = ids(&[Some("KS1"), None, Some("KS2"), None, Some("KS3")]);
        assert!(duplicate_groups(&ids, |i| i).is_empty());
    }

    #[test]
    fn rows_sharing_an_id_form_one_group_won_by_the_greatest_rank() {
        let ids = ids(&[
            Some("KS1"),
            Some("KS2"),
            None,
            Some("KS1"),
            None,
            Some("KS2"),
            Some("KS1"),
        ]);
        // Rank: the row number, except that row 3 outranks every other.
        let groups = duplicate_groups(&ids, |i| if i == 3 { 100 } else { i });
        assert_eq!(groups, vec![(3, vec![0, 3, 6]), (5, vec![1, 5])]);
    }
}

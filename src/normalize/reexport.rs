//! The same record in two files counts once, for the kinds without an id (SPEC §8 says so of
//! complaints, by their 投诉编号): a survey or a visit list exported again over the same
//! months, or a copy of a file left beside it, would otherwise count twice. A row identical
//! in every field to a row of another file is skipped, the copies in the file modified last
//! kept (ties: the later file name). Identical rows within one file are all kept: two like
//! observations are no re-export.

use polars::prelude::*;

use crate::issues::{Action, DataIssue, Reason, SheetReport};

/// Builds `df` (the records of a kind without an id, with each one's content hash) with the
/// rows exported again in another file removed, recording each removed row.
pub fn dedup_reexports(
    df: DataFrame,
    hashes: &[u64],
    sheets: &mut [SheetReport],
    issues: &mut Vec<DataIssue>,
) -> DataFrame {
    let (sources, rows) = super::dedup::origins(&df);
    let mut keep = vec![true; df.height()];
    for group in identical_groups(hashes) {
        let file = |i: usize| &sheets[sources[i]].file;
        if group.iter().all(|&i| file(i) == file(group[0])) {
            continue;
        }
        let winner = *group
            .iter()
            .max_by_key(|&&i| (sheets[sources[i]].modified, file(i), i))
            .expect("a group has rows");
        let kept_at = format!(
            "{} 第 {} 行",
            sheets[sources[winner]].short_location(),
            rows.get(winner).unwrap_or(0)
        );
        let won = file(winner).clone();
        let others: Vec<usize> = group.into_iter().filter(|&i| *file(i) != won).collect();
        for i in others {
            keep[i] = false;
            let sheet = &mut sheets[sources[i]];
            sheet.used -= 1;
            sheet.skipped += 1;
            issues.push(DataIssue {
                sheet: sources[i],
                row: rows.get(i),
                column: None,
                raw: String::new(),
                reason: Reason::DuplicateExport {
                    kept_at: kept_at.clone(),
                },
                action: Action::Skipped,
            });
        }
    }
    if keep.iter().all(|&k| k) {
        return df;
    }
    let mask = BooleanChunked::from_slice("keep".into(), &keep);
    df.filter(&mask).expect("mask has the frame's height")
}

/// The rows whose content hash another row shares, grouped, each group in row order and
/// the groups in the order of their first row.
fn identical_groups(hashes: &[u64]) -> Vec<Vec<usize>> {
    let mut first: PlHashMap<u64, usize> = PlHashMap::with_capacity(hashes.len());
    let mut groups: PlHashMap<usize, Vec<usize>> = PlHashMap::new();
    for (i, &h) in hashes.iter().enumerate() {
        match first.get(&h) {
            Some(&f) => groups.entry(f).or_insert_with(|| vec![f]).push(i),
            None => {
                first.insert(h, i);
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
    groups.sort_unstable();
    groups
}

#[cfg(test)]
mod tests {
    use super::identical_groups;

    #[test]
    fn rows_sharing_a_hash_group_in_row_order() {
        assert!(identical_groups(&[1, 2, 3]).is_empty());
        assert_eq!(
            identical_groups(&[7, 1, 7, 2, 1, 7]),
            vec![vec![0, 2, 5], vec![1, 4]]
        );
    }
}

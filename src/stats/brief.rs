//! What the supervisor's brief shows, chosen from the report's tables: the warnings first,
//! the headline figures, the biggest changes against the previous period, the own brands'
//! share and FCR. The brief's renderers (Markdown, HTML) only lay this out.

use super::report::Report;
use super::{Record, Table, Val};

/// How many of the biggest changes the brief lists.
pub const BIGGEST_CHANGES: usize = 3;

/// The brief's content; every value is a value of one of the report's tables.
pub struct Brief<'a> {
    /// Every headline figure (the `comparisons` table).
    pub headline: &'a Table,
    /// The figures that changed most against the previous period, in % (largest first).
    pub biggest_changes: Vec<Record<'a>>,
    /// The warnings (SPEC §5.5): clusters, surges, price moves, new outbreaks, open severe
    /// complaints, overdue feedback — one line each.
    pub warnings: &'a Table,
    /// The own brands' share of the market, with its changes.
    pub own_share: Option<Record<'a>>,
    /// FCR by species, own brands against the others.
    pub fcr_own_other: &'a Table,
}

/// Largest relative change first; among equal ones the headline order stays (stable).
fn sort_by_size(changes: &mut [Record<'_>]) {
    changes.sort_by(|a, b| {
        let size = |r: &Record<'_>| r.num("mom_pct").map_or(0.0, f64::abs);
        size(b).total_cmp(&size(a))
    });
}

/// The brief's content for `report`.
pub fn brief(report: &Report) -> Brief<'_> {
    let headline = &report.comparisons;
    let mut biggest_changes: Vec<Record<'_>> = headline
        .records()
        .filter(|r| matches!(r.get("mom_pct"), Val::Pct(_)))
        .collect();
    sort_by_size(&mut biggest_changes);
    biggest_changes.truncate(BIGGEST_CHANGES);
    Brief {
        warnings: &report.warnings.list,
        headline,
        biggest_changes,
        own_share: headline.records_where("kpi", "own_brand_share").next(),
        fcr_own_other: &report.fcr.species_brand,
    }
}

#[cfg(test)]
mod tests {
    use crate::stats::Id;
    use crate::stats::Measure;
    use crate::stats::{Column, Table, Val};

    #[test]
    fn the_biggest_changes_are_the_largest_in_size_in_a_stable_order() {
        let mut t = Table::new(
            Id::Comparisons,
            "",
            "",
            vec![
                Column::text("kpi", "", ""),
                Column::of(Measure::Change, "mom_pct", "", ""),
            ],
        );
        for (k, v) in [
            ("a", Some(0.1)),
            ("b", Some(-0.5)),
            ("c", None),
            ("d", Some(0.5)),
            ("e", Some(0.2)),
        ] {
            t.rows
                .push(vec![Val::text(k), v.map_or(Val::Null, Val::Pct)]);
        }
        let mut changes: Vec<_> = t
            .records()
            .filter(|r| matches!(r.get("mom_pct"), Val::Pct(_)))
            .collect();
        super::sort_by_size(&mut changes);
        let keys: Vec<&str> = changes
            .iter()
            .take(3)
            .filter_map(|r| r.text("kpi"))
            .collect();
        assert_eq!(keys, vec!["b", "d", "e"]);
    }
}

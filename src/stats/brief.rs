//! What the supervisor's brief shows, chosen from the report's tables: the headline figures,
//! the biggest changes against the previous period, the open severe complaints, the own
//! brands' share and FCR. The brief's renderers (Markdown, HTML) only lay this out.

use super::report::Report;
use super::{Record, Table, Val};
use crate::taxonomy::STATUS_DONE;

/// How many of the biggest changes the brief lists.
pub const BIGGEST_CHANGES: usize = 3;

/// The brief's content; every value is a value of one of the report's tables.
pub struct Brief<'a> {
    /// Every headline figure (the `comparisons` table).
    pub headline: &'a Table,
    /// The figures that changed most against the previous period, in % (largest first).
    pub biggest_changes: Vec<Record<'a>>,
    /// The severe complaints of the period not yet 完成.
    pub open_severe: Vec<Record<'a>>,
    /// The severe-complaint table the rows come from (for its columns).
    pub severe: &'a Table,
    /// The own brands' share of the market, with its changes.
    pub own_share: Option<Record<'a>>,
    /// FCR by species, own brands against the others.
    pub fcr_own_other: &'a Table,
}

/// The brief's content for `report`.
pub fn brief(report: &Report) -> Brief<'_> {
    let headline = &report.comparisons;
    let mut biggest_changes: Vec<Record<'_>> = headline
        .records()
        .filter(|r| matches!(r.get("mom_pct"), Val::Pct(_)))
        .collect();
    // Stable: among equal changes, the headline order stays.
    biggest_changes.sort_by(|a, b| {
        let size = |r: &Record<'_>| r.num("mom_pct").map_or(0.0, f64::abs);
        size(b).total_cmp(&size(a))
    });
    biggest_changes.truncate(BIGGEST_CHANGES);
    let severe = &report.complaints.severe;
    Brief {
        headline,
        biggest_changes,
        open_severe: severe
            .records()
            .filter(|r| r.text("status") != Some(STATUS_DONE))
            .collect(),
        severe,
        own_share: headline.records_where("kpi", "own_brand_share").next(),
        fcr_own_other: &report.fcr.species_brand,
    }
}

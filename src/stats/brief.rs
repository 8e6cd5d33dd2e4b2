//! What the supervisor's brief shows, chosen from the report's tables: the warnings first
//! (at most ten, the most important first), the headline figures, the biggest changes
//! against the previous period, the own brands' share and FCR, and next period's forecast.
//! The brief's renderers (Markdown, HTML) only lay this out.

use super::report::Report;
use super::warnings::WarningKind;
use super::{Record, Table, Val};

/// How many of the biggest changes the brief lists.
pub const BIGGEST_CHANGES: usize = 3;

/// How many warnings the brief lists (概览 keeps them all).
pub const BRIEF_WARNINGS: usize = 10;

/// How many price items the forecast section names (those with the most price rows).
pub const FORECAST_ITEMS: usize = 5;

/// When the total count surged, a category's or region's surge is listed only if its share of
/// the total rose by at least this much (5 points).
pub const SHARE_RISE: f64 = 0.05;

/// The brief's content; every value is a value of one of the report's tables.
pub struct Brief<'a> {
    /// Every headline figure (the `comparisons` table).
    pub headline: &'a Table,
    /// The figures that changed most against the previous period, in % (largest first).
    pub biggest_changes: Vec<Record<'a>>,
    /// The warnings the brief lists, most important first (SPEC §5.5 item 4).
    pub warnings: Vec<Record<'a>>,
    /// How many warnings there are in all (the `warnings` table's lines).
    pub warnings_total: usize,
    /// The own brands' share of the market, with its changes.
    pub own_share: Option<Record<'a>>,
    /// FCR by species, own brands against the others.
    pub fcr_own_other: &'a Table,
    /// The dominant feed type now and next period, per region (`forecast_feed_type`).
    pub feed_type: &'a Table,
    /// The overall feed volume's forecast, if it has a row.
    pub volume_forecast: Option<Record<'a>>,
    /// The overall forecasts of the items with the most price rows.
    pub price_forecasts: Vec<Record<'a>>,
}

/// Largest relative change first; among equal ones the headline order stays (stable).
fn sort_by_size(changes: &mut [Record<'_>]) {
    changes.sort_by(|a, b| {
        let size = |r: &Record<'_>| r.num("mom_pct").map_or(0.0, f64::abs);
        size(b).total_cmp(&size(a))
    });
}

/// The warnings in the order of importance, at most [`BRIEF_WARNINGS`]: open severe
/// complaints, clusters, new outbreaks, overdue feedback, unvisited demonstration farms,
/// surges (the total's first, then the largest excess; when the total surged, only those
/// whose share rose by [`SHARE_RISE`]), price moves.
fn warnings(list: &Table) -> Vec<Record<'_>> {
    let is_total = |r: &Record<'_>| *r.get("total") == Val::Bool(true);
    let total_surged = list.records().any(|r| is_total(&r));
    let mut picked = Vec::new();
    for kind in WarningKind::BY_IMPORTANCE {
        let mut these: Vec<Record<'_>> = list.records_where("kind", kind.key()).collect();
        if kind == WarningKind::Surge {
            these.retain(|r| {
                is_total(r)
                    || !total_surged
                    || r.num("share_change")
                        .is_some_and(|c| c >= SHARE_RISE - 1e-12)
            });
            let weight = |r: &Record<'_>| (is_total(r), r.num("excess").unwrap_or(0.0));
            these.sort_by(|a, b| {
                let (wa, wb) = (weight(a), weight(b));
                wb.0.cmp(&wa.0).then(wb.1.total_cmp(&wa.1))
            });
        }
        picked.extend(these);
    }
    picked.truncate(BRIEF_WARNINGS);
    picked
}

/// The overall forecasts of the [`FORECAST_ITEMS`] price items with the most rows.
fn price_forecasts(forecast: &Table) -> Vec<Record<'_>> {
    let mut prices: Vec<Record<'_>> = forecast
        .records_where("series", "price")
        .filter(|r| r.text("region") == Some(super::market::ALL_REGIONS))
        .collect();
    prices.sort_by(|a, b| {
        b.num("rows")
            .unwrap_or(0.0)
            .total_cmp(&a.num("rows").unwrap_or(0.0))
    });
    prices.truncate(FORECAST_ITEMS);
    prices
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
    let forecast = &report.forecast.series;
    Brief {
        warnings: warnings(&report.warnings.list),
        warnings_total: report.warnings.list.rows.len(),
        headline,
        biggest_changes,
        own_share: headline.records_where("kpi", "own_brand_share").next(),
        fcr_own_other: &report.fcr.species_brand,
        feed_type: &report.forecast.feed_type,
        volume_forecast: forecast
            .records_where("series", "feed_volume")
            .find(|r| r.text("region") == Some(super::market::ALL_REGIONS)),
        price_forecasts: price_forecasts(forecast),
    }
}

#[cfg(test)]
mod tests {
    use crate::stats::Id;
    use crate::stats::Measure;
    use crate::stats::{Column, Table, Val};

    /// A warning line: kind, message, excess, share change, whether it is the total.
    type Line<'a> = (&'a str, &'a str, Option<f64>, Option<f64>, bool);

    /// A warnings table with the columns the brief reads.
    fn list(lines: &[Line<'_>]) -> Table {
        let mut t = Table::new(
            Id::Warnings,
            "",
            "",
            vec![
                Column::text("kind", "", ""),
                Column::text("message", "", ""),
                Column::of(Measure::Median, "excess", "", ""),
                Column::of(Measure::Share, "share_change", "", ""),
                Column::of(Measure::Flag, "total", "", ""),
            ],
        );
        for (kind, message, excess, share, total) in lines {
            t.rows.push(vec![
                Val::text(*kind),
                Val::text(*message),
                Val::num(*excess),
                share.map_or(Val::Null, Val::Pct),
                Val::Bool(*total),
            ]);
        }
        t
    }

    #[test]
    fn at_most_ten_warnings_the_most_important_first() {
        // In the list's own order (clusters, surges, prices, outbreaks, severe, feedback,
        // demo): the total surged (20 above its mean); 运输's share rose 8 points, 东's only 1.
        let lines = [
            ("cluster", "c1", None, None, false),
            ("surge", "total", Some(20.0), None, true),
            ("surge", "东", Some(9.0), Some(0.01), false),
            ("surge", "运输", Some(5.0), Some(0.08), false),
            ("price", "p1", None, None, false),
            ("outbreak", "o1", None, None, false),
            ("severe", "s1", None, None, false),
            ("severe", "s2", None, None, false),
            ("severe", "s3", None, None, false),
            ("severe", "s4", None, None, false),
            ("feedback", "f1", None, None, false),
            ("demo", "d1", None, None, false),
        ];
        let t = list(&lines);
        let picked: Vec<&str> = super::warnings(&t)
            .iter()
            .filter_map(|r| r.text("message"))
            .collect();
        // 4 severe, the cluster, the outbreak, the feedback, the farms; the total's line and
        // 运输 (东 left out: its share hardly rose); the price move is past the ten.
        assert_eq!(
            picked,
            [
                "s1", "s2", "s3", "s4", "c1", "o1", "f1", "d1", "total", "运输"
            ]
        );
        // Without a total surge, surges by excess: 东 (9) before 运输 (5).
        let lines: Vec<_> = lines.into_iter().filter(|l| !l.4).collect();
        let t = list(&lines);
        let surges: Vec<&str> = super::warnings(&t)
            .iter()
            .filter(|r| r.text("kind") == Some("surge"))
            .filter_map(|r| r.text("message"))
            .collect();
        assert_eq!(surges, ["东", "运输"]);
    }

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

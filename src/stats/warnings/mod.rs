//! 预警 Early warnings (SPEC §5.5): what the supervisor should look at first — quality
//! clusters, surges by category and region, price moves — and, from the other statistics,
//! the new disease outbreaks, the open severe complaints and the overdue department
//! feedback, each as one line he can act on (the `warnings` list on 概览 and at the top of
//! the brief).

pub mod clusters;
pub mod lines;
pub mod prices;
pub mod surges;
#[cfg(test)]
mod tests;

use polars::prelude::*;

use super::{Column, Measure, Table, Val};
use crate::lang::Lang;
use crate::period::Period;
use crate::template::Warnings;
use lines::Line;

/// The warning tables of a period.
#[derive(Debug, Clone)]
pub struct WarningStats {
    pub clusters: Table,
    pub surges: Table,
    pub prices: Table,
    /// Every warning as one line, clusters first, then surges, price moves, new outbreaks,
    /// open severe complaints and overdue feedback.
    pub list: Table,
}

/// The tables of the other statistics the list also draws on.
pub struct Elsewhere<'a> {
    /// `disease_new`.
    pub new_outbreaks: &'a Table,
    /// `complaints_open_severe`.
    pub open_severe: &'a Table,
    /// `assist_open`, and the reply limit in days.
    pub unreplied: &'a Table,
    pub reply_days: u32,
}

/// The kinds of warning, in the list's order: key, Chinese and English label.
pub const KINDS: [(&str, &str, &str); 6] = [
    ("cluster", "批次预警", "quality cluster"),
    ("surge", "异常增长", "surge"),
    ("price", "价格异动", "price move"),
    ("outbreak", "新发疫情", "new outbreak"),
    ("severe", "严重投诉未结案", "open severe complaint"),
    ("feedback", "协查超期未回馈", "overdue feedback"),
];

/// Computes the warnings of period `p` from the complaint and price frames and the other
/// statistics' tables.
///
/// # Errors
/// A polars error.
pub fn compute(
    complaints: &DataFrame,
    price_df: &DataFrame,
    p: &Period,
    settings: &Warnings,
    elsewhere: &Elsewhere<'_>,
) -> PolarsResult<WarningStats> {
    let found_clusters =
        clusters::find(complaints, p, settings.cluster_days, settings.cluster_min)?;
    let found_surges = surges::find(complaints, p, settings)?;
    let moves = prices::find(price_df, p, settings.price_pct)?;
    let mut found: Vec<(&str, Line)> = Vec::new();
    found.extend(
        found_clusters
            .iter()
            .map(|c| ("cluster", lines::cluster(c))),
    );
    found.extend(found_surges.iter().map(|s| ("surge", lines::surge(s))));
    found.extend(moves.iter().map(|m| ("price", lines::price(m))));
    found.extend(
        elsewhere
            .new_outbreaks
            .records()
            .map(|r| ("outbreak", lines::outbreak(&r))),
    );
    found.extend(
        elsewhere
            .open_severe
            .records()
            .map(|r| ("severe", lines::open_severe(&r))),
    );
    let limit = elsewhere.reply_days;
    found.extend(
        elsewhere
            .unreplied
            .records()
            .filter(|r| r.num("age_days").is_some_and(|d| d > f64::from(limit)))
            .map(|r| ("feedback", lines::overdue_feedback(&r, limit))),
    );
    Ok(WarningStats {
        clusters: clusters::table(&found_clusters),
        surges: surges::table(&found_surges),
        prices: prices::table(&moves),
        list: list(&found),
    })
}

fn list(found: &[(&str, Line)]) -> Table {
    let mut t = Table::new(
        "warnings",
        "预警",
        "Warnings",
        vec![
            Column::of(Measure::Key, "kind", "类型代码", "kind"),
            Column::label_in(Lang::Zh, "kind_label", "类型", "kind (Chinese)"),
            Column::label_in(Lang::En, "kind_en", "类型(英文)", "kind"),
            Column::label_in(Lang::Zh, "message", "说明", "message (Chinese)"),
            Column::label_in(Lang::En, "message_en", "说明(英文)", "message"),
        ],
    );
    for (kind, (zh, en)) in found {
        let (_, kind_zh, kind_en) = KINDS
            .iter()
            .find(|(k, _, _)| k == kind)
            .expect("every warning kind is listed");
        t.rows.push(vec![
            Val::text(*kind),
            Val::text(*kind_zh),
            Val::text(*kind_en),
            Val::text(zh),
            Val::text(en),
        ]);
    }
    t
}

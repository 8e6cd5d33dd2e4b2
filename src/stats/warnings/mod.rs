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

use crate::stats::Id;
use polars::prelude::*;

use super::{Column, Measure, Sheet, Table, Val};
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
    /// The demonstration farms gone unvisited.
    pub demo_farms: &'a super::demo_farms::DemoFarmStats,
}

/// A kind of warning; [`WarningKind::ALL`] is the list's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningKind {
    Cluster,
    Surge,
    Price,
    Outbreak,
    Severe,
    Feedback,
    /// Demonstration farms not visited for more than `demo_visit_days` (SPEC §5.2 item 8).
    Demo,
}

impl WarningKind {
    /// Every kind, in the list's order.
    pub const ALL: [WarningKind; 7] = [
        WarningKind::Cluster,
        WarningKind::Surge,
        WarningKind::Price,
        WarningKind::Outbreak,
        WarningKind::Severe,
        WarningKind::Feedback,
        WarningKind::Demo,
    ];

    /// The order of importance the brief lists them in (SPEC §5.5 item 4).
    pub const BY_IMPORTANCE: [WarningKind; 7] = [
        WarningKind::Severe,
        WarningKind::Cluster,
        WarningKind::Outbreak,
        WarningKind::Feedback,
        WarningKind::Demo,
        WarningKind::Surge,
        WarningKind::Price,
    ];

    /// The kind's key in `summary.json`.
    pub const fn key(self) -> &'static str {
        match self {
            WarningKind::Cluster => "cluster",
            WarningKind::Surge => "surge",
            WarningKind::Price => "price",
            WarningKind::Outbreak => "outbreak",
            WarningKind::Severe => "severe",
            WarningKind::Feedback => "feedback",
            WarningKind::Demo => "demo",
        }
    }

    /// The kind's label in Chinese and in English.
    pub const fn labels(self) -> (&'static str, &'static str) {
        match self {
            WarningKind::Cluster => ("批次预警", "quality cluster"),
            WarningKind::Surge => ("异常增长", "surge"),
            WarningKind::Price => ("价格异动", "price move"),
            WarningKind::Outbreak => ("新发疫情", "new outbreak"),
            WarningKind::Severe => ("严重投诉未结案", "open severe complaint"),
            WarningKind::Feedback => ("协查超期未回馈", "overdue feedback"),
            WarningKind::Demo => ("示范户未拜访", "unvisited demonstration farms"),
        }
    }

    /// For the kinds whose complete list is a table of its own, the sheet showing it: the
    /// warnings show their first [`LISTED`] and say how many more there are and where.
    const fn listed_on(self) -> Option<Sheet> {
        match self {
            WarningKind::Outbreak => Some(Sheet::Diseases),
            WarningKind::Severe => Some(Sheet::ComplaintLists),
            WarningKind::Feedback => Some(Sheet::Feedback),
            WarningKind::Cluster | WarningKind::Surge | WarningKind::Price | WarningKind::Demo => {
                None
            }
        }
    }
}

/// One line of the list: its kind, its text in both languages, and how many warnings it
/// stands for (1, or the number a "so many more" line counts).
type Found = (WarningKind, Line, usize, Weight);

/// What the brief weighs a surge line by: complaints above the baseline mean, the rise of
/// the value's share of all complaints, and whether it is the total itself.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Weight {
    excess: Option<f64>,
    share_change: Option<f64>,
    total: bool,
}

impl Weight {
    fn of(s: &surges::Surge, total: bool) -> Weight {
        Weight {
            excess: Some(s.excess()),
            share_change: s.share_change,
            total,
        }
    }
}

/// How many warnings of a kind listed elsewhere the list shows (a bad month must not turn
/// the brief into pages).
pub const LISTED: usize = 10;

/// What the three rules of their own found: clusters, surges and price moves (the heavy
/// part, computed beside the other statistics).
#[derive(Debug, Clone, Default)]
pub struct Detected {
    pub clusters: Vec<clusters::Cluster>,
    pub surges: Vec<surges::Surge>,
    /// The period's total count, when it is a surge itself.
    pub total_surge: Option<surges::Surge>,
    pub moves: Vec<prices::Move>,
}

/// Finds the clusters, surges and price moves of period `p` in the complaint and price
/// frames.
///
/// # Errors
/// A polars error.
pub fn detect(
    complaints: &DataFrame,
    price_df: &DataFrame,
    p: &Period,
    settings: &Warnings,
) -> PolarsResult<Detected> {
    let (surges, total_surge) = surges::find_all(complaints, p, settings)?;
    Ok(Detected {
        clusters: clusters::find(complaints, p, settings.cluster_days, settings.cluster_min)?,
        surges,
        total_surge,
        moves: prices::find(price_df, p, settings.price_pct)?,
    })
}

/// The warning tables: what [`detect`] found, with the new outbreaks, open severe
/// complaints, overdue feedback and unvisited demonstration farms of the other statistics.
pub fn compute(detected: &Detected, elsewhere: &Elsewhere<'_>) -> WarningStats {
    let Detected {
        clusters: found_clusters,
        surges: found_surges,
        total_surge,
        moves,
    } = detected;
    let one = |kind, line| (kind, line, 1, Weight::default());
    let mut found: Vec<Found> = Vec::new();
    found.extend(
        found_clusters
            .iter()
            .map(|c| one(WarningKind::Cluster, lines::cluster(c))),
    );
    let surges = total_surge
        .iter()
        .map(|s| (s, true))
        .chain(found_surges.iter().map(|s| (s, false)));
    found.extend(
        surges.map(|(s, total)| (WarningKind::Surge, lines::surge(s), 1, Weight::of(s, total))),
    );
    found.extend(
        moves
            .iter()
            .map(|m| one(WarningKind::Price, lines::price(m))),
    );
    found.extend(
        elsewhere
            .new_outbreaks
            .records()
            .map(|r| one(WarningKind::Outbreak, lines::outbreak(&r))),
    );
    found.extend(
        elsewhere
            .open_severe
            .records()
            .map(|r| one(WarningKind::Severe, lines::open_severe(&r))),
    );
    let limit = elsewhere.reply_days;
    found.extend(
        elsewhere
            .unreplied
            .records()
            .filter(|r| r.num("age_days").is_some_and(|d| d > f64::from(limit)))
            .map(|r| one(WarningKind::Feedback, lines::overdue_feedback(&r, limit))),
    );
    let demo = elsewhere.demo_farms;
    if demo.unvisited > 0 {
        found.push((
            WarningKind::Demo,
            lines::unvisited_demo_farms(demo.unvisited, demo.never_visited, demo.visit_days),
            demo.unvisited,
            Weight::default(),
        ));
    }
    cap(&mut found);
    WarningStats {
        clusters: clusters::table(found_clusters),
        surges: surges::table(found_surges),
        prices: prices::table(moves),
        list: list(&found),
    }
}

/// Keeps the first [`LISTED`] warnings of each kind listed elsewhere, and one line saying
/// how many more there are and on which sheet.
fn cap(found: &mut Vec<Found>) {
    for kind in WarningKind::ALL {
        let Some(sheet) = kind.listed_on() else {
            continue;
        };
        let at: Vec<usize> = (0..found.len()).filter(|&i| found[i].0 == kind).collect();
        let Some(&cut) = at.get(LISTED) else { continue };
        let more = at.len() - LISTED;
        let last = at[at.len() - 1];
        found.drain(cut..=last);
        let (zh, en) = kind.labels();
        let (zh_sheet, en_sheet) = sheet.names();
        found.insert(
            cut,
            (
                kind,
                (
                    format!("另有 {more} 条{zh},完整清单见“{zh_sheet}”表"),
                    format!("{more} more ({en}): the complete list is on the {en_sheet} sheet"),
                ),
                more,
                Weight::default(),
            ),
        );
    }
}

fn list(found: &[Found]) -> Table {
    let mut t = Table::new(
        Id::Warnings,
        "预警",
        "Warnings",
        [Column::of(Measure::Key, "kind", "类型代码", "kind")]
            .into_iter()
            .chain(Column::labels("kind_label", "kind_en", "类型", "kind"))
            .chain(Column::labels("message", "message_en", "说明", "message"))
            .chain(
                [
                    Column::of(Measure::Count, "covers", "条数", "warnings"),
                    // What the brief weighs surges by (SPEC §5.5 item 4).
                    Column::of(Measure::Median, "excess", "超出均值(件)", "excess"),
                    Column::of(Measure::Share, "share_change", "占比变化", "share change"),
                    Column::of(Measure::Flag, "total", "总量", "total"),
                ]
                .map(Column::hidden),
            )
            .collect(),
    );
    for (kind, (zh, en), covers, weight) in found {
        let (kind_zh, kind_en) = kind.labels();
        t.rows.push(vec![
            Val::text(kind.key()),
            Val::text(kind_zh),
            Val::text(kind_en),
            Val::text(zh),
            Val::text(en),
            Val::Int(*covers as i64),
            Val::num(weight.excess),
            weight.share_change.map_or(Val::Null, Val::Pct),
            Val::Bool(weight.total),
        ]);
    }
    t
}

//! Trips and attendance (SPEC §5.4; the manual's 4-2): for trips with a day inside the period
//! — the approval a trip needs (more than one day: the general manager's, a 审批人 naming one
//! of the template's `gm_approvers`; one day: anyone's), a record of the technician's work on
//! each day of a trip longer than two days (a field visit or a complaint site visit that
//! day), the attendance card's field days, and trips of one technician that overlap (listed
//! as data problems; their shared days count once).

use crate::stats::Id;
use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use polars::prelude::*;

use super::query::{date_col, num_col, origins, text_col, within};
use super::{Column, Measure, Table, Val};
use crate::issues::{DataIssue, Origin, Reason};
use crate::period::Period;
use crate::schema::Kind;
use crate::template::Template;

/// One trip with a day inside the period.
#[derive(Debug, Clone)]
struct Trip {
    technician: String,
    depart: NaiveDate,
    ret: NaiveDate,
    days: i64,
    approver: Option<String>,
    origin: Origin,
}

impl Trip {
    /// The trip's days inside the period.
    fn days_in(&self, p: &Period) -> impl Iterator<Item = NaiveDate> + use<> {
        let (start, end) = (self.depart.max(p.start), self.ret.min(p.end));
        start.iter_days().take_while(move |d| *d <= end)
    }

    /// Whether it has the approval 4-2 asks for.
    fn approved(&self, template: &Template) -> bool {
        match self.approver.as_deref() {
            None => false,
            Some(_) if self.days <= 1 => true,
            Some(a) => template.is_gm_approver(a),
        }
    }
}

/// One technician's trip and attendance figures.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TripFigures {
    pub trips: i64,
    /// Distinct days inside the period on a trip.
    pub trip_days: i64,
    pub approval_missing: i64,
    /// Days of trips longer than two days, inside the period, with a record of work …
    pub daily_record_days: i64,
    /// … and without one.
    pub days_without_record: i64,
    /// Distinct days in the period with a trip day, a field visit or a complaint site visit.
    pub field_days: i64,
}

/// The trip tables and figures of a period.
#[derive(Debug, Clone)]
pub struct TripStats {
    pub by_technician: Table,
    pub flagged: Table,
    pub figures: BTreeMap<String, TripFigures>,
    pub issues: Vec<DataIssue>,
}

/// The trips with a day inside `p`, in sheet order.
fn trips_in(trips: &DataFrame, p: &Period) -> PolarsResult<Vec<Trip>> {
    let df = trips
        .clone()
        .lazy()
        .sort_by_exprs(
            [col(crate::frames::SOURCE), col(crate::frames::ROW)],
            SortMultipleOptions::default(),
        )
        .collect()?;
    let (who, approver) = (text_col(&df, "technician")?, text_col(&df, "approver")?);
    let (depart, ret) = (date_col(&df, "depart_date")?, date_col(&df, "return_date")?);
    let days = num_col(&df, "days")?;
    let origins = origins(&df)?;
    Ok((0..df.height())
        .filter_map(|i| {
            let (d0, d1) = (depart[i]?, ret[i]?);
            (d0 <= p.end && d1 >= p.start).then(|| Trip {
                technician: who[i].clone().unwrap_or_default(),
                depart: d0,
                ret: d1,
                days: days[i].map_or((d1 - d0).num_days() + 1, |d| d.round() as i64),
                approver: approver[i].clone(),
                origin: origins[i],
            })
        })
        .collect())
}

/// Per technician, the dates in the period with a record of work (field or site visits).
fn work_days(
    loaded: &crate::normalize::Loaded,
    p: &Period,
) -> PolarsResult<BTreeMap<String, BTreeSet<NaiveDate>>> {
    let mut out: BTreeMap<String, BTreeSet<NaiveDate>> = BTreeMap::new();
    for kind in [Kind::FieldVisit, Kind::SiteVisit] {
        let df = loaded
            .frames
            .get(kind)
            .lazy()
            .filter(within("visit_date", p))
            .collect()?;
        let (who, date) = (text_col(&df, "technician")?, date_col(&df, "visit_date")?);
        for (t, d) in who.into_iter().zip(date) {
            if let (Some(t), Some(d)) = (t, d) {
                out.entry(t).or_default().insert(d);
            }
        }
    }
    Ok(out)
}

/// Computes the trip and attendance statistics for period `p`.
///
/// # Errors
/// A polars error.
pub fn compute(
    loaded: &crate::normalize::Loaded,
    p: &Period,
    template: &Template,
) -> PolarsResult<TripStats> {
    let trips = trips_in(&loaded.frames.get(Kind::Trip), p)?;
    let work = work_days(loaded, p)?;
    let mut figures: BTreeMap<String, TripFigures> = BTreeMap::new();
    let mut flagged = flagged_table();
    let mut trip_dates: BTreeMap<&str, BTreeSet<NaiveDate>> = BTreeMap::new();
    let mut required: BTreeMap<&str, BTreeSet<NaiveDate>> = BTreeMap::new();
    for trip in &trips {
        let f = figures.entry(trip.technician.clone()).or_default();
        f.trips += 1;
        let days: Vec<NaiveDate> = trip.days_in(p).collect();
        trip_dates
            .entry(&trip.technician)
            .or_default()
            .extend(&days);
        if !trip.approved(template) {
            f.approval_missing += 1;
            flagged.rows.push(flag(trip, "approval_missing", &[]));
        }
        if trip.days > 2 {
            required.entry(&trip.technician).or_default().extend(&days);
            let worked = work.get(&trip.technician);
            let missing: Vec<NaiveDate> = days
                .iter()
                .filter(|d| !worked.is_some_and(|w| w.contains(d)))
                .copied()
                .collect();
            if !missing.is_empty() {
                flagged
                    .rows
                    .push(flag(trip, "days_without_record", &missing));
            }
        }
    }
    for (who, days) in &required {
        let worked = work.get(*who);
        let with = days
            .iter()
            .filter(|d| worked.is_some_and(|w| w.contains(d)))
            .count();
        let f = figures.entry(who.to_string()).or_default();
        f.daily_record_days = with as i64;
        f.days_without_record = (days.len() - with) as i64;
    }
    for (who, days) in &work {
        let on_trip = trip_dates.get(who.as_str());
        let all: BTreeSet<&NaiveDate> = days.iter().chain(on_trip.into_iter().flatten()).collect();
        figures.entry(who.clone()).or_default().field_days = all.len() as i64;
    }
    for (who, days) in &trip_dates {
        let f = figures.entry(who.to_string()).or_default();
        f.trip_days = days.len() as i64;
        if !work.contains_key(*who) {
            f.field_days = days.len() as i64;
        }
    }
    Ok(TripStats {
        by_technician: by_technician(&figures),
        flagged,
        issues: overlaps(&trips),
        figures,
    })
}

/// A data problem for each trip overlapping an earlier-listed trip of the same technician.
fn overlaps(trips: &[Trip]) -> Vec<DataIssue> {
    let mut issues = Vec::new();
    for (i, later) in trips.iter().enumerate() {
        let earlier = trips[..i].iter().find(|t| {
            t.technician == later.technician && t.depart <= later.ret && later.depart <= t.ret
        });
        if let Some(e) = earlier {
            let raw = format!("{} – {}", later.depart, later.ret);
            let reason = Reason::OverlappingTrip {
                other_row: e.origin.row.unwrap_or(0),
            };
            issues.push(DataIssue::kept(later.origin, raw, reason));
        }
    }
    issues
}

fn flagged_table() -> Table {
    Table::new(
        Id::TripsFlagged,
        "需要关注的出差(缺审批、超过两天缺每日记录)",
        "Trips with a finding (approval missing, days without a record)",
        vec![
            Column::text("technician", "技术员", "technician"),
            Column::of(Measure::Date, "depart_date", "出发日期", "departure"),
            Column::of(Measure::Date, "return_date", "返回日期", "return"),
            Column::of(Measure::Days, "days", "天数", "days"),
            Column::text("approver", "审批人", "approver"),
            Column::label_in(
                crate::lang::Lang::Zh,
                "finding_label",
                "问题",
                "finding (Chinese)",
            ),
            Column::of(Measure::Key, "finding", "问题代码", "finding"),
            // A list of dates: an array of ISO dates in summary.json, `10-20, 10-21` here.
            Column::text("missing_dates", "缺记录的日期", "dates without a record"),
        ],
    )
}

fn flag(trip: &Trip, finding: &'static str, missing: &[NaiveDate]) -> Vec<Val> {
    let label = match finding {
        "approval_missing" if trip.days > 1 => "缺总经理审批",
        "approval_missing" => "缺审批人",
        _ => "出差超过两天,有的日子没有工作记录",
    };
    vec![
        Val::text(&trip.technician),
        Val::Date(trip.depart),
        Val::Date(trip.ret),
        Val::Int(trip.days),
        trip.approver.clone().map_or(Val::Null, Val::text),
        Val::text(label),
        Val::text(finding),
        if missing.is_empty() {
            Val::Null
        } else {
            Val::Dates(missing.into())
        },
    ]
}

fn by_technician(figures: &BTreeMap<String, TripFigures>) -> Table {
    let mut t = Table::new(
        Id::TripsByTechnician,
        "出差与考勤(出勤卡)",
        "Trips and attendance",
        vec![
            Column::text("technician", "技术员", "technician"),
            Column::of(Measure::Count, "trips", "出差(次)", "trips"),
            Column::of(Measure::Days, "trip_days", "出差天数", "trip days"),
            Column::of(
                Measure::Count,
                "approval_missing",
                "缺审批(次)",
                "approval missing",
            ),
            Column::of(
                Measure::Days,
                "daily_record_days",
                "有工作记录的出差日",
                "trip days with a record",
            ),
            Column::of(
                Measure::Days,
                "days_without_record",
                "缺工作记录的出差日",
                "trip days without a record",
            ),
            Column::of(Measure::Days, "field_days", "出勤天数(外勤)", "field days"),
        ],
    );
    for (who, f) in figures {
        t.rows.push(vec![
            Val::text(who),
            Val::Int(f.trips),
            Val::Int(f.trip_days),
            Val::Int(f.approval_missing),
            Val::Int(f.daily_record_days),
            Val::Int(f.days_without_record),
            Val::Int(f.field_days),
        ]);
    }
    t
}

#[cfg(test)]
mod tests;

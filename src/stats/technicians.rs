//! Technicians (SPEC §5.3): per technician in the period — field visits, distinct customers,
//! complaint site visits, complaints received as 接诉人, assigned and closed, demonstration
//! batches and their FCR, trips and trip days (a trip across the period boundary counts only
//! its days inside), and the share of visit problems resolved.

use crate::stats::Id;
use std::collections::{BTreeMap, BTreeSet};

use polars::prelude::*;

use super::query::{text_col, within};
use super::{Column, Table, Val};
use crate::measure::Figure;
use crate::measure::Measure::{Count, Days, Share};
use crate::normalize::Loaded;
use crate::period::Period;
use crate::schema::Kind;
use crate::taxonomy::{RESOLVED, YES};
use crate::template::Template;

/// One technician's figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    pub field_visits: i64,
    pub customers: i64,
    pub complaint_visits: i64,
    pub complaints_received: i64,
    pub complaints_assigned: i64,
    pub complaints_closed: i64,
    pub demo_batches: i64,
    pub trips: i64,
    pub trip_days: i64,
    pub resolved: i64,
    pub disease_reports: i64,
    pub approval_missing: i64,
    pub days_without_record: i64,
}

impl Figures {
    /// Share of field visits whose problem was resolved.
    pub fn resolved_rate(&self) -> Option<f64> {
        (self.field_visits > 0).then(|| self.resolved as f64 / self.field_visits as f64)
    }
}

/// The figures the technician table and the review show, in order.
/// (Their FCR per species is the `fcr` table's `technician_species` grouping: never one FCR
/// over several species.)
pub const FIGURES: [Figure; 14] = [
    Figure::new("field_visits", "现场拜访(次)", "field visits", Count),
    Figure::new("customers", "拜访客户数", "customers visited", Count),
    Figure::new(
        "complaint_visits",
        "投诉现场访问(次)",
        "complaint site visits",
        Count,
    ),
    Figure::new(
        "complaints_received",
        "接诉(件)",
        "complaints received",
        Count,
    ),
    Figure::new(
        "complaints_assigned",
        "负责投诉(件)",
        "complaints assigned",
        Count,
    ),
    Figure::new(
        "complaints_closed",
        "结案投诉(件)",
        "complaints closed",
        Count,
    ),
    Figure::new(
        "demo_batches",
        "示范户出栏批次",
        "demonstration batches",
        Count,
    ),
    Figure::new("trips", "出差(次)", "trips", Count),
    Figure::new("trip_days", "出差天数", "trip days", Days),
    Figure::new("resolved_rate", "问题解决率", "problems resolved", Share),
    Figure::new(
        "resolved",
        "问题已解决(次)",
        "problems resolved (count)",
        Count,
    ),
    Figure::new("disease_reports", "疫病报告(次)", "disease reports", Count),
    Figure::new(
        "approval_missing",
        "出差缺审批(次)",
        "trips lacking approval",
        Count,
    )
    .lower_is_better(),
    Figure::new(
        "days_without_record",
        "出差缺工作记录(天)",
        "trip days without a record",
        Days,
    )
    .lower_is_better(),
];

impl Figures {
    /// A figure by key, as a number.
    pub fn get(&self, key: &str) -> Option<f64> {
        Some(match key {
            "field_visits" => self.field_visits as f64,
            "customers" => self.customers as f64,
            "complaint_visits" => self.complaint_visits as f64,
            "complaints_received" => self.complaints_received as f64,
            "complaints_assigned" => self.complaints_assigned as f64,
            "complaints_closed" => self.complaints_closed as f64,
            "demo_batches" => self.demo_batches as f64,
            "trips" => self.trips as f64,
            "trip_days" => self.trip_days as f64,
            "resolved_rate" => return self.resolved_rate(),
            "resolved" => self.resolved as f64,
            "disease_reports" => self.disease_reports as f64,
            "approval_missing" => self.approval_missing as f64,
            "days_without_record" => self.days_without_record as f64,
            _ => return None,
        })
    }
}

/// Figures by technician name.
type ByName = BTreeMap<String, Figures>;

/// Every technician's figures in the period, by name.
///
/// # Errors
/// A polars error.
pub fn figures(loaded: &Loaded, p: &Period, template: &Template) -> PolarsResult<ByName> {
    let in_period = |kind: Kind, date: &str| -> PolarsResult<DataFrame> {
        loaded
            .frames
            .get(kind)
            .lazy()
            .filter(within(date, p))
            .collect()
    };
    let mut by = ByName::new();
    add_field_visits(&mut by, &in_period(Kind::FieldVisit, "visit_date")?)?;
    let site = in_period(Kind::SiteVisit, "visit_date")?;
    for t in text_col(&site, "technician")?.into_iter().flatten() {
        by.entry(t).or_default().complaint_visits += 1;
    }
    let received = in_period(Kind::Complaint, "received_date")?;
    for t in text_col(&received, "receiver")?.into_iter().flatten() {
        by.entry(t).or_default().complaints_received += 1;
    }
    for t in text_col(&received, "technician")?.into_iter().flatten() {
        by.entry(t).or_default().complaints_assigned += 1;
    }
    let closed = in_period(Kind::Complaint, "closed_date")?;
    for t in text_col(&closed, "technician")?.into_iter().flatten() {
        by.entry(t).or_default().complaints_closed += 1;
    }
    add_demo_batches(&mut by, &in_period(Kind::Batch, "end_date")?)?;
    let reports = in_period(Kind::Disease, "report_date")?;
    for t in text_col(&reports, "technician")?.into_iter().flatten() {
        by.entry(t).or_default().disease_reports += 1;
    }
    for (t, trips) in super::trips::compute(loaded, p, template)?.figures {
        if trips.trips == 0 {
            continue;
        }
        let f = by.entry(t).or_default();
        f.trips = trips.trips;
        f.trip_days = trips.trip_days;
        f.approval_missing = trips.approval_missing;
        f.days_without_record = trips.days_without_record;
    }
    Ok(by)
}

/// Field visits, distinct customers and problems resolved.
fn add_field_visits(by: &mut ByName, visits: &DataFrame) -> PolarsResult<()> {
    let mut customers: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let resolved = text_col(visits, "resolution")?;
    let people = text_col(visits, "technician")?;
    for ((t, c), r) in people
        .into_iter()
        .zip(text_col(visits, "customer")?)
        .zip(resolved)
    {
        let Some(t) = t else { continue };
        let f = by.entry(t.clone()).or_default();
        f.field_visits += 1;
        f.resolved += i64::from(r.as_deref() == Some(RESOLVED));
        if let Some(c) = c {
            customers.entry(t).or_default().insert(c);
        }
    }
    for (t, set) in customers {
        by.entry(t).or_default().customers = set.len() as i64;
    }
    Ok(())
}

/// Demonstration batches (是否示范户 = 是) that left in the period, per technician.
fn add_demo_batches(by: &mut ByName, batches: &DataFrame) -> PolarsResult<()> {
    let demo = text_col(batches, "demo")?;
    for (i, t) in text_col(batches, "technician")?.into_iter().enumerate() {
        if let Some(t) = t
            && demo[i].as_deref() == Some(YES)
        {
            by.entry(t).or_default().demo_batches += 1;
        }
    }
    Ok(())
}

/// The `technicians` table.
pub fn figures_table(figures: &ByName) -> Table {
    let mut columns = vec![Column::text("technician", "技术员", "technician")];
    columns.extend(FIGURES.iter().map(Column::figure));
    let mut t = Table::new(Id::Technicians, "技术员工作量", "Technicians", columns);
    for (name, f) in figures {
        let mut row = vec![Val::text(name)];
        row.extend(
            FIGURES
                .iter()
                .map(|fig| Val::of(fig.measure, f.get(fig.key))),
        );
        t.rows.push(row);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::fixtures::{F::*, frame, loaded};

    #[test]
    fn trips_count_their_days_inside_the_period_and_demo_fcr_is_pooled() {
        #[rustfmt::skip]
        let trips = frame(
            Kind::Trip,
            &[
                // 3 of its 5 days in October.
                &[("technician", T("张")), ("depart_date", D("2026-09-29")), ("return_date", D("2026-10-03"))],
                &[("technician", T("张")), ("depart_date", D("2026-10-10")), ("return_date", D("2026-10-10"))],
                &[("technician", T("李")), ("depart_date", D("2026-11-01")), ("return_date", D("2026-11-02"))],
            ],
        );
        #[rustfmt::skip]
        let batches = frame(
            Kind::Batch,
            &[
                &[("farm", T("甲")), ("species", T("生猪")), ("start_date", D("2026-05-01")), ("end_date", D("2026-10-01")), ("start_weight_kg", N(0.0)), ("end_weight_kg", N(100.0)), ("feed_kg", N(300.0)), ("technician", T("张")), ("demo", T("是"))],
                &[("farm", T("乙")), ("species", T("生猪")), ("start_date", D("2026-05-01")), ("end_date", D("2026-10-01")), ("start_weight_kg", N(0.0)), ("end_weight_kg", N(100.0)), ("feed_kg", N(200.0)), ("technician", T("张")), ("demo", T("是"))],
                &[("farm", T("丙")), ("species", T("生猪")), ("start_date", D("2026-05-01")), ("end_date", D("2026-10-01")), ("start_weight_kg", N(0.0)), ("end_weight_kg", N(100.0)), ("feed_kg", N(900.0)), ("technician", T("张")), ("demo", T("是"))],
            ],
        );
        let l = loaded(vec![(Kind::Trip, trips), (Kind::Batch, batches)]);
        let p = Period::parse("2026-10").unwrap();
        let by = figures(&l, &p, &Template::builtin()).unwrap();
        let zhang = &by["张"];
        assert_eq!((zhang.trips, zhang.trip_days), (2, 4));
        // Three demonstration batches. (Their FCR is no longer pooled here across species —
        // SPEC §5.3 changed: it is the `fcr` table's `technician_species` grouping.)
        assert_eq!(zhang.demo_batches, 3);
        assert!(!by.contains_key("李"));
        let t = figures_table(&by);
        assert_eq!(t.first().unwrap().num("trip_days"), Some(4.0));
    }
}

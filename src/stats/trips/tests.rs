use super::*;
use crate::stats::fixtures::{F::*, frame, loaded};

#[test]
fn approvals_daily_records_field_days_and_overlaps() {
    // October. 张: T1 09-29..10-02 (4 days, 2 inside; 总经理 approved; visits 10-01 only:
    // 10-02 lacks a record); T2 10-10 one day, approver 李主管 (fine for one day);
    // T3 10-20..10-22 (3 days, approver 李主管: not the GM → approval missing; visits on
    // all three days). 李: T4 10-05..10-06 (2 days, no approver → missing; two days need
    // no daily record); T5 10-06..10-07 overlaps T4 (listed; 10-06 counts once), 王总经理.
    #[rustfmt::skip]
    let trips = frame(
        Kind::Trip,
        &[
            &[("technician", T("张")), ("depart_date", D("2026-09-29")), ("return_date", D("2026-10-02")), ("days", N(4.0)), ("approver", T("总经理"))],
            &[("technician", T("张")), ("depart_date", D("2026-10-10")), ("return_date", D("2026-10-10")), ("days", N(1.0)), ("approver", T("李主管"))],
            &[("technician", T("张")), ("depart_date", D("2026-10-20")), ("return_date", D("2026-10-22")), ("days", N(3.0)), ("approver", T("李主管"))],
            &[("technician", T("李")), ("depart_date", D("2026-10-05")), ("return_date", D("2026-10-06")), ("days", N(2.0))],
            &[("technician", T("李")), ("depart_date", D("2026-10-06")), ("return_date", D("2026-10-07")), ("days", N(2.0)), ("approver", T("王总经理"))],
            &[("technician", T("王")), ("depart_date", D("2026-11-01")), ("return_date", D("2026-11-03")), ("days", N(3.0))],
        ],
    );
    #[rustfmt::skip]
    let visits = frame(
        Kind::FieldVisit,
        &[
            &[("visit_date", D("2026-10-01")), ("technician", T("张"))],
            &[("visit_date", D("2026-10-20")), ("technician", T("张"))],
            &[("visit_date", D("2026-10-21")), ("technician", T("张"))],
            &[("visit_date", D("2026-10-25")), ("technician", T("张"))],
            &[("visit_date", D("2026-10-15")), ("technician", T("赵"))],
        ],
    );
    #[rustfmt::skip]
    let site = frame(Kind::SiteVisit, &[&[("visit_date", D("2026-10-22")), ("technician", T("张"))]]);
    let l = loaded(vec![
        (Kind::Trip, trips),
        (Kind::FieldVisit, visits),
        (Kind::SiteVisit, site),
    ]);
    let s = compute(&l, &Period::parse("2026-10").unwrap(), &Template::builtin()).unwrap();
    let zhang = &s.figures["张"];
    // Trip days 10-01, 10-02, 10-10, 10-20..22 = 6; required days 10-01, 10-02, 10-20..22.
    assert_eq!(
        (
            zhang.trips,
            zhang.trip_days,
            zhang.approval_missing,
            zhang.daily_record_days,
            zhang.days_without_record
        ),
        (3, 6, 1, 4, 1)
    );
    // Field days: trip days 6 plus the visit on 10-25.
    assert_eq!(zhang.field_days, 7);
    let li = &s.figures["李"];
    assert_eq!(
        (
            li.trips,
            li.trip_days,
            li.approval_missing,
            li.days_without_record,
            li.field_days
        ),
        (2, 3, 1, 0, 3)
    );
    assert_eq!(s.figures["赵"].field_days, 1);
    assert!(!s.figures.contains_key("王"));
    let findings: Vec<(&str, &str, &Val)> = s
        .flagged
        .records()
        .map(|r| {
            (
                r.text("technician").unwrap(),
                r.text("finding").unwrap(),
                r.get("missing_dates"),
            )
        })
        .collect();
    // The missing dates are a list of dates (SPEC §6.1: a JSON array of ISO dates).
    let oct2 = Val::Dates(vec![crate::stats::fixtures::date("2026-10-02")].into());
    assert_eq!(
        findings,
        vec![
            ("张", "days_without_record", &oct2),
            ("张", "approval_missing", &Val::Null),
            ("李", "approval_missing", &Val::Null),
        ]
    );
    assert_eq!(s.issues.len(), 1);
    assert_eq!(
        (s.issues[0].row, &s.issues[0].reason),
        (Some(6), &Reason::OverlappingTrip { other_row: 5 })
    );
}

#[test]
fn a_three_day_trip_with_one_day_lacking_a_record() {
    // 钱: 10-12..10-14, approved by 总经理; a field visit on 10-12 and a site visit on 10-14:
    // 10-13 lacks its record.
    #[rustfmt::skip]
    let trips = frame(Kind::Trip, &[&[("technician", T("钱")), ("depart_date", D("2026-10-12")), ("return_date", D("2026-10-14")), ("days", N(3.0)), ("approver", T("总经理"))]]);
    #[rustfmt::skip]
    let visits = frame(Kind::FieldVisit, &[&[("visit_date", D("2026-10-12")), ("technician", T("钱"))]]);
    #[rustfmt::skip]
    let site = frame(Kind::SiteVisit, &[&[("visit_date", D("2026-10-14")), ("technician", T("钱"))]]);
    let l = loaded(vec![
        (Kind::Trip, trips),
        (Kind::FieldVisit, visits),
        (Kind::SiteVisit, site),
    ]);
    let s = compute(&l, &Period::parse("2026-10").unwrap(), &Template::builtin()).unwrap();
    let f = &s.figures["钱"];
    assert_eq!(
        (
            f.approval_missing,
            f.daily_record_days,
            f.days_without_record,
            f.field_days
        ),
        (0, 2, 1, 3)
    );
    let flagged = s.flagged.first().unwrap();
    assert_eq!(
        (flagged.text("finding"), flagged.get("missing_dates")),
        (
            Some("days_without_record"),
            &Val::Dates(vec![crate::stats::fixtures::date("2026-10-13")].into())
        )
    );
    assert!(s.issues.is_empty());
}

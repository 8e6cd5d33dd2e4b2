use super::*;
use crate::schema::Kind;
use crate::stats::fixtures::{F::*, frame};

/// October 2026, visits (C) and batches (E4), counted by hand:
/// - 东/甲场: 示范户 since 03-05, visited 10-10 by 张伟 (21 days): visited; its 10-05 batch gained
///   nothing (left out, but it still names 甲场 a demonstration farm, earlier already).
/// - 东/乙场: 示范户 since 09-01, last visit that day (60 days): unvisited.
/// - 西/乙场 (another farm of that name) is an ordinary customer: not a demonstration farm.
/// - 东/庚场: first named 示范户 on 10-01 (new), exactly 30 days before the end: visited.
/// - 西/丙 场: first named 示范户 on 10-15 (new), visited then; its 10-20 batch, written 丙场,
///   is the same farm after normalisation (1 batch).
/// - 西/丁场: named 示范户 on 11-02, after the period: not yet one.
/// - 西/戊场: 是否示范户 = 是 on a batch of 08-20, never visited: unvisited, never visited.
/// - 东/己场: first a 示范户 batch on 10-25 (new), never visited: unvisited; 1 batch.
fn stats() -> DemoFarmStats {
    #[rustfmt::skip]
    let visits = frame(Kind::FieldVisit, &[
        &[("visit_date", D("2026-03-05")), ("technician", T("张伟")), ("customer", T("甲场")), ("region", T("东")), ("customer_type", T("示范户"))],
        &[("visit_date", D("2026-10-10")), ("technician", T("张伟")), ("customer", T("甲场")), ("region", T("东")), ("customer_type", T("养殖户"))],
        &[("visit_date", D("2026-09-01")), ("technician", T("李娜")), ("customer", T("乙场")), ("region", T("东")), ("customer_type", T("示范户"))],
        &[("visit_date", D("2026-10-01")), ("technician", T("王强")), ("customer", T("乙场")), ("region", T("西"))],
        &[("visit_date", D("2026-10-01")), ("technician", T("王强")), ("customer", T("庚场")), ("region", T("东")), ("customer_type", T("示范户"))],
        &[("visit_date", D("2026-10-15")), ("technician", T("李娜")), ("customer", T("丙 场")), ("region", T("西")), ("customer_type", T("示范户"))],
        &[("visit_date", D("2026-11-02")), ("technician", T("李娜")), ("customer", T("丁场")), ("region", T("西")), ("customer_type", T("示范户"))],
    ]);
    let batch = |farm, region, demo, end, w1| -> Vec<(&'static str, crate::stats::fixtures::F)> {
        vec![
            ("farm", T(farm)),
            ("region", T(region)),
            ("demo", T(demo)),
            ("species", T("猪")),
            ("start_date", D("2026-06-01")),
            ("end_date", D(end)),
            ("start_weight_kg", N(100.0)),
            ("end_weight_kg", N(w1)),
            ("feed_kg", N(2800.0)),
        ]
    };
    let rows = [
        batch("戊场", "西", "是", "2026-08-20", 1100.0),
        batch("丙场", "西", "否", "2026-10-20", 1100.0),
        batch("甲场", "东", "是", "2026-10-05", 100.0),
        batch("己场", "东", "是", "2026-10-25", 1100.0),
    ];
    let rows: Vec<&[(&str, crate::stats::fixtures::F)]> = rows.iter().map(Vec::as_slice).collect();
    let batches = frame(Kind::Batch, &rows);
    let p = Period::parse("2026-10").unwrap();
    compute(&visits, &batches, &p, &Template::builtin()).unwrap()
}

#[test]
fn demonstration_farms_new_visited_and_unvisited_counted_by_hand() {
    let s = stats();
    let rows: Vec<(String, String, Val, bool, Val, i64, bool)> = s
        .farms
        .records()
        .map(|r| {
            (
                r.text("region").unwrap().to_string(),
                r.text("farm").unwrap().to_string(),
                r.get("first_seen").clone(),
                *r.get("new") == Val::Bool(true),
                r.get("days_since_visit").clone(),
                r.num("batches").unwrap() as i64,
                *r.get("unvisited") == Val::Bool(true),
            )
        })
        .collect();
    let d = |s: &str| Val::Date(crate::stats::fixtures::date(s));
    let expected = vec![
        ("东", "乙场", d("2026-09-01"), false, Val::Int(60), 0, true),
        ("东", "己场", d("2026-10-25"), true, Val::Null, 1, true),
        ("东", "庚场", d("2026-10-01"), true, Val::Int(30), 0, false),
        ("东", "甲场", d("2026-03-05"), false, Val::Int(21), 0, false),
        ("西", "丙 场", d("2026-10-15"), true, Val::Int(16), 1, false),
        ("西", "戊场", d("2026-08-20"), false, Val::Null, 0, true),
    ];
    let expected: Vec<_> = expected
        .into_iter()
        .map(|(r, f, first, new, days, n, un)| {
            (r.to_string(), f.to_string(), first, new, days, n, un)
        })
        .collect();
    assert_eq!(rows, expected);
    let jia = s.farms.records_where("farm", "甲场").next().unwrap();
    assert_eq!(jia.text("last_visit_technician"), Some("张伟"));
    assert_eq!(*jia.get("last_visit_date"), d("2026-10-10"));
    assert_eq!((s.unvisited, s.never_visited, s.visit_days), (3, 2, 30));
}

#[test]
fn demonstration_farms_by_region_with_the_overall_first() {
    let s = stats();
    let rows: Vec<Vec<Val>> = s.by_region.rows.clone();
    let row = |r: &str, n: [i64; 4]| {
        let mut v = vec![Val::text(r)];
        v.extend(n.map(Val::Int));
        v
    };
    assert_eq!(
        rows,
        vec![
            row("全部", [6, 3, 3, 3]),
            row("东", [4, 2, 2, 2]),
            row("西", [2, 1, 1, 1]),
        ]
    );
}

use super::*;
use crate::stats::Id;

fn table() -> Table {
    let mut t = Table::new(
        Id::Comparisons,
        "表",
        "table",
        vec![
            Column::text("region", "地区", "region"),
            Column::of(Measure::Share, "share", "占有率", "share"),
        ],
    );
    t.rows = vec![
        vec![Val::text("东"), Val::Pct(0.25)],
        vec![Val::text("西"), Val::Null],
    ];
    t
}

#[test]
fn records_are_read_by_key() {
    let t = table();
    let east = t.records_where("region", "东").next().unwrap();
    assert_eq!(east.num("share"), Some(0.25));
    assert_eq!(east.measure("share"), Measure::Share);
    assert_eq!(t.records().count(), 2);
}

#[test]
#[should_panic(expected = "table comparisons has no column \"shares\"")]
fn a_misspelt_column_is_an_error_not_a_null() {
    let t = table();
    let east = t.first().unwrap();
    let _ = east.num("shares");
}

#[test]
fn values_of_a_measure_and_changes() {
    assert_eq!(Val::of(Measure::Count, Some(3.0)), Val::Int(3));
    assert_eq!(Val::of(Measure::Share, Some(0.5)), Val::Pct(0.5));
    assert_eq!(Val::of(Measure::Ratio, Some(2.5)), Val::Num(2.5));
    assert_eq!(Val::of(Measure::Price, None), Val::Null);
    assert_eq!(change(Some(12.0), Some(10.0)), (Some(2.0), Some(0.2)));
    assert_eq!(change(Some(1.0), Some(0.0)), (Some(1.0), None));
    assert_eq!(change(None, Some(1.0)), (None, None));
    assert_eq!(relative(&Val::Num(9.0), &Val::Num(10.0)), Val::Pct(-0.1));
    assert_eq!(
        difference(&Val::Pct(0.3), &Val::Pct(0.2))
            .as_f64()
            .map(|x| (x * 10.0).round()),
        Some(1.0)
    );
}

#[test]
fn a_column_from_the_base_table_by_key() {
    let mut t = table();
    let mut base = table();
    base.rows[0][1] = Val::Pct(0.2);
    t.add_from_base(
        &base,
        &["region"],
        "share",
        Column::of(Measure::Share, "previous", "上期", "previous"),
        base_value,
    );
    assert_eq!(t.first().unwrap().num("previous"), Some(0.2));
}

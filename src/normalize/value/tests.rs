use super::*;

fn text(s: &str) -> Cell<'_> {
    Cell::Text(Cow::Borrowed(s))
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn every_spec_date_form_parses() {
    for s in [
        "2026-10-03",
        "2026/10/3",
        "2026.10.03",
        "2026年10月3日",
        "20261003",
        "2026-10-03 14:30",
        "2026/10/3 9:05:00",
        "2026-10-03T08:00:00",
        "２０２６－１０－０３",
        " 2026年10月3号 ",
    ] {
        assert_eq!(parse_date(&text(s)), Ok(ymd(2026, 10, 3)), "{s}");
    }
}

#[test]
fn serial_numbers_follow_excel_1900_system() {
    // 46298 is 2026-10-03 in Excel; 45658 is 2025-01-01; 61 is 1900-03-01.
    assert_eq!(parse_date(&Cell::Number(46298.0)), Ok(ymd(2026, 10, 3)));
    assert_eq!(parse_date(&Cell::Number(45658.0)), Ok(ymd(2025, 1, 1)));
    assert_eq!(serial_date(61.0), ymd(1900, 3, 1));
    assert_eq!(serial_date(1.0), ymd(1900, 1, 1));
    assert_eq!(parse_date(&text("46298")), Ok(ymd(2026, 10, 3)));
}

#[test]
fn bad_dates_say_why() {
    assert_eq!(parse_date(&text("下周一")), Err(Reason::BadDate));
    assert_eq!(parse_date(&text("2026-13-01")), Err(Reason::BadDate));
    assert_eq!(parse_date(&text("1899-12-31")), Err(Reason::DateOutOfRange));
    assert_eq!(
        parse_date(&Cell::Error("#N/A".into())),
        Err(Reason::ErrorCell)
    );
    assert_eq!(parse_date(&text("  ")), Ok(None));
    assert_eq!(parse_date(&text("—")), Ok(None));
}

#[test]
fn numbers_as_text_parse() {
    let none: &[&'static str] = &[];
    assert_eq!(
        parse_number(&text("1,234.5"), none),
        Ok(Some((1234.5, None)))
    );
    assert_eq!(parse_number(&text("12.5%"), none), Ok(Some((0.125, None))));
    assert_eq!(parse_number(&text("１２３"), none), Ok(Some((123.0, None))));
    assert_eq!(
        parse_number(&text("35吨"), &["吨"]),
        Ok(Some((35.0, Some("吨"))))
    );
    assert_eq!(
        parse_number(&text("18.6元/KG"), &["元/kg"]),
        Ok(Some((18.6, Some("元/kg"))))
    );
    assert_eq!(parse_number(&text("-3"), none), Ok(Some((-3.0, None))));
    assert_eq!(
        parse_number(&text("35箱"), &["吨"]),
        Err(Reason::UnexpectedUnit("箱".to_string()))
    );
    assert_eq!(parse_number(&text("三十"), none), Err(Reason::BadNumber));
    assert_eq!(parse_number(&text("1.2.3"), none), Err(Reason::BadNumber));
}

#[test]
fn text_fields_render_numbers_and_dates_plainly() {
    assert_eq!(
        text_value(&Cell::Number(13800138000.0)).unwrap().as_deref(),
        Some("13800138000")
    );
    let dt = ymd(2026, 1, 2).unwrap().and_hms_opt(0, 0, 0).unwrap();
    assert_eq!(
        text_value(&Cell::DateTime(dt)).unwrap().as_deref(),
        Some("2026-01-02")
    );
    assert_eq!(
        text_value(&text(" 张三 ")).unwrap().as_deref(),
        Some("张三")
    );
}

#[test]
fn invisible_characters_pasted_with_a_value_are_dropped() {
    // A zero-width space after a date, a word joiner before one, a zero-width joiner inside
    // a number, a zero-width space inside a name.
    assert_eq!(
        parse_date(&text("2026-10-03\u{200B}")),
        Ok(ymd(2026, 10, 3))
    );
    assert_eq!(parse_date(&text("\u{2060}2026/10/3")), Ok(ymd(2026, 10, 3)));
    assert_eq!(
        parse_number(&text("1,2\u{200D}00\u{200B}"), &[]),
        Ok(Some((1200.0, None)))
    );
    assert_eq!(
        text_value(&text("甲\u{200B}场")).unwrap().as_deref(),
        Some("甲场")
    );
    // A dash or an ellipsis shares their first byte and stays.
    assert_eq!(
        text_value(&text("破袋—少秤…")).unwrap().as_deref(),
        Some("破袋—少秤…")
    );
}

#[test]
fn a_date_typed_as_an_eight_digit_number_reads_as_year_month_day() {
    assert_eq!(
        parse_date(&Cell::Number(20_261_003.0)),
        Ok(ymd(2026, 10, 3))
    );
    // Not a day that exists, not whole, or no serial day and no eight digits.
    assert_eq!(
        parse_date(&Cell::Number(20_261_332.0)),
        Err(Reason::BadDate)
    );
    assert_eq!(
        parse_date(&Cell::Number(20_261_003.5)),
        Err(Reason::BadDate)
    );
    assert_eq!(parse_date(&Cell::Number(3_000_000.0)), Err(Reason::BadDate));
    // A serial day number stays one.
    assert_eq!(parse_date(&Cell::Number(46_298.0)), Ok(ymd(2026, 10, 3)));
}

#[test]
fn a_weekday_written_after_a_date_is_passed_over() {
    for s in [
        "2026-10-03 星期六",
        "2026年10月3日(周六)",
        "2026/10/3（六）",
        "2026.10.03 周六 上午",
    ] {
        assert_eq!(parse_date(&text(s)), Ok(ymd(2026, 10, 3)), "{s}");
    }
}

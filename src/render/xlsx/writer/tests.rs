//! A list written by [`SheetWriter::table`], read back from the sheet's XML: long text wraps
//! in a taller row, columns fit their widest cell up to [`MAX_WIDTH`], blanks show a dash
//! where the table asks.

use std::io::Read;

use rust_xlsxwriter::Workbook;

use super::*;
use crate::stats::Column;
use crate::stats::Id;

/// The workbook's bytes after writing `tables` one under another on its first sheet, named
/// `s` (`streamed` as the long lists are, text inline; or held until saved).
fn written(tables: &[&Table], streamed: bool) -> Vec<u8> {
    let mut wb = Workbook::new();
    let f = Formats::new();
    {
        let ws = if streamed {
            wb.add_worksheet_with_constant_memory().unwrap()
        } else {
            wb.add_worksheet()
        };
        let mut w = SheetWriter::new(ws, "s", "标题", "2026-10", Lang::Zh, &f).unwrap();
        for t in tables {
            w.table(t, "说明", &no_highlight, true).unwrap();
        }
        w.finish();
    }
    wb.save_to_buffer().unwrap()
}

/// The first sheet's XML after writing `t` under a title, streamed.
fn sheet_xml(t: &Table) -> String {
    let bytes = written(&[t], true);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

/// The opening tag of row `r` (1-based, as in the XML).
fn row_tag(xml: &str, r: u32) -> &str {
    let start = xml
        .find(&format!("<row r=\"{r}\""))
        .expect("the row is written");
    &xml[start..start + xml[start..].find('>').unwrap()]
}

#[test]
fn long_text_wraps_in_a_taller_row_and_columns_fit_their_cells() {
    let mut t = Table::new(
        Id::Comparisons,
        "表",
        "table",
        vec![
            Column::text("name", "名称", "name"),
            Column::text("note", "备注", "note"),
        ],
    );
    t.dash_for_null = true;
    // 80 CJK characters: 160 digit widths, 5 lines of 36.
    let long = "编".repeat(80);
    t.rows = vec![
        vec![Val::text("甲"), Val::text(&long)],
        vec![Val::text("乙"), Val::Null],
    ];
    let xml = sheet_xml(&t);
    // Title row 1, caption row 3, header row 4, the records in rows 5 and 6.
    assert!(
        row_tag(&xml, 5).contains("ht=\"66.75\""),
        "5 lines × 12.75 + 3: {}",
        row_tag(&xml, 5)
    );
    assert!(!row_tag(&xml, 6).contains("ht="), "{}", row_tag(&xml, 6));
    assert!(xml.contains("<t>—</t>"), "a blank shows a dash");
    // Column A: header 名称 and 甲/乙 are 4 wide, +2, at least 6; column B: capped at 36,
    // +2. rust_xlsxwriter stores a width w as w + 0.7109375.
    assert!(
        xml.contains(r#"<col min="1" max="1" width="6.7109375""#),
        "{xml}"
    );
    assert!(
        xml.contains(r#"<col min="2" max="2" width="38.7109375""#),
        "{xml}"
    );
}

#[test]
fn short_text_keeps_rows_at_their_height() {
    let mut t = Table::new(
        Id::Comparisons,
        "表",
        "table",
        vec![Column::text("note", "备注", "note")],
    );
    t.rows = vec![vec![Val::text("短")], vec![Val::text("编".repeat(18))]];
    let xml = sheet_xml(&t);
    // 36 digit widths fit on one line exactly.
    assert!(!row_tag(&xml, 5).contains("ht="));
    assert!(!row_tag(&xml, 6).contains("ht="));
    assert!(
        xml.contains(r#"<col min="1" max="1" width="38.7109375""#),
        "{xml}"
    );
}

#[test]
fn a_column_fits_its_widest_cell_whatever_the_order_of_scripts() {
    let mut t = Table::new(
        Id::Comparisons,
        "表",
        "table",
        vec![
            Column::text("note", "备注", "note"),
            Column::of(Measure::Count, "n", "数量", "n"),
            Column::of(Measure::Days, "d", "天数", "days"),
        ],
    );
    // Widths in digit widths: 8, 中文中文 (12 bytes, 8 wide), abcdefghijk (11), then
    // 中文中文中文 (6 characters, fewer than the widest so far, but 12 wide).
    t.rows = [
        ("abcdefgh", 7, 5),
        ("中文中文", -1_234_567, 0),
        ("abcdefghijk", 0, -123_456_789),
        ("中文中文中文", 12, 9),
    ]
    .into_iter()
    .map(|(s, n, d)| vec![Val::text(s), Val::Int(n), Val::Int(d)])
    .collect();
    let xml = sheet_xml(&t);
    // 12 + 2; -1,234,567 is 10 wide + 2; -123456789 is 10 wide + 2.
    assert!(
        xml.contains(r#"<col min="1" max="1" width="14.7109375""#),
        "{xml}"
    );
    assert!(
        xml.contains(r#"<col min="2" max="3" width="12.7109375""#),
        "{xml}"
    );
}

#[test]
fn a_whole_number_is_measured_as_shown() {
    assert_eq!(display_width(&Val::Int(0), Measure::Count), 1);
    assert_eq!(display_width(&Val::Int(999), Measure::Count), 3);
    assert_eq!(display_width(&Val::Int(1000), Measure::Count), 5);
    assert_eq!(display_width(&Val::Int(-1_000_000), Measure::Count), 10);
    assert_eq!(display_width(&Val::Int(-1_000_000), Measure::Days), 8);
    assert_eq!(display_width(&Val::Int(i64::MIN), Measure::Days), 20);
}

/// The cells of the first sheet after writing `tables` (see [`written`]), read back as a
/// spreadsheet program would: a number shown with a date format is a date.
fn read_back(tables: &[&Table], streamed: bool) -> calamine::Range<calamine::Data> {
    use calamine::Reader;
    let bytes = written(tables, streamed);
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    book.worksheet_range("s").unwrap()
}

/// A long list (past [`LONG_TABLE_ROWS`]): a name, a date and a count per row.
fn long_dated_list() -> Table {
    let mut t = Table::new(
        Id::ComplaintsOpen,
        "未结",
        "open",
        vec![
            Column::text("id", "编号", "id"),
            Column::of(Measure::Date, "date", "日期", "date"),
            Column::of(Measure::Days, "age", "天数", "age"),
        ],
    );
    let day = chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    t.rows = (0..=LONG_TABLE_ROWS as i64)
        .map(|i| vec![Val::text(format!("KS-{i}")), Val::Date(day), Val::Int(i)])
        .collect();
    t
}

/// A long list of whole numbers shown as they are (General), in column B.
fn long_plain_numbers() -> Table {
    let mut t = Table::new(
        Id::Comparisons,
        "表",
        "table",
        vec![
            Column::text("name", "名称", "name"),
            Column::text("code", "代码", "code"),
        ],
    );
    t.rows = (0..=LONG_TABLE_ROWS as i64)
        .map(|i| vec![Val::text("甲"), Val::Int(45_000 + i)])
        .collect();
    t
}

#[test]
fn a_long_lists_dates_read_back_as_dates_and_a_later_tables_numbers_as_numbers() {
    use calamine::{Data, DataType};
    let (list, after) = (long_dated_list(), long_plain_numbers());
    let cells = read_back(&[&list, &after], true);
    // Title row 1, caption 3, header 4, the list from row 5 (index 4).
    let first = 4;
    let last = first + LONG_TABLE_ROWS as u32;
    for r in [first, last] {
        let date = cells.get_value((r, 1)).unwrap();
        assert_eq!(
            date.as_date(),
            chrono::NaiveDate::from_ymd_opt(2026, 10, 1),
            "row {r}: {date:?}"
        );
        assert!(matches!(date, Data::DateTime(_)), "row {r}: {date:?}");
    }
    assert_eq!(
        cells.get_value((last, 2)),
        Some(&Data::Float(LONG_TABLE_ROWS as f64))
    );
    // The list's last row, a blank row, the next list's caption and header, its records.
    for (i, r) in [
        (0, last + 4),
        (LONG_TABLE_ROWS, last + 4 + LONG_TABLE_ROWS as u32),
    ] {
        let number = cells.get_value((r, 1)).unwrap();
        assert_eq!(number, &Data::Float(45_000.0 + i as f64), "not a date");
    }
}

#[test]
fn dates_stay_dates_after_a_list_of_plain_numbers_in_their_column() {
    use calamine::Data;
    // Held until saved, a cell takes its column's format whenever that was set.
    let (before, list) = (long_plain_numbers(), long_dated_list());
    let cells = read_back(&[&before, &list], false);
    let before_last = 4 + LONG_TABLE_ROWS as u32;
    assert_eq!(
        cells.get_value((before_last, 1)),
        Some(&Data::Float(45_000.0 + LONG_TABLE_ROWS as f64))
    );
    let list_first = before_last + 4;
    let date = cells.get_value((list_first, 1)).unwrap();
    assert!(matches!(date, Data::DateTime(_)), "{date:?}");
}

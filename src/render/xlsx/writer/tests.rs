//! A list written by [`SheetWriter::table`], read back from the sheet's XML: long text wraps
//! in a taller row, columns fit their widest cell up to [`MAX_WIDTH`], blanks show a dash
//! where the table asks.

use std::io::Read;

use rust_xlsxwriter::Workbook;

use super::*;
use crate::stats::Column;
use crate::stats::Id;

/// The first sheet's XML after writing `t` under a title (streamed, as the long lists are:
/// text inline).
fn sheet_xml(t: &Table) -> String {
    let mut wb = Workbook::new();
    let f = Formats::new();
    {
        let ws = wb.add_worksheet_with_constant_memory().unwrap();
        let mut w = SheetWriter::new(ws, "s", "标题", "2026-10", Lang::Zh, &f).unwrap();
        w.table(t, "说明", &no_highlight, true).unwrap();
        w.finish();
    }
    let bytes = wb.save_to_buffer().unwrap();
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

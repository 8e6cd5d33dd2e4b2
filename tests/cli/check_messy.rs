//! The messiness of SPEC §2, handled without configuration; expected values counted by hand
//! from each fixture.

use rust_xlsxwriter::Format;
use tsreport::issues::{Action, Reason};
use tsreport::schema::Kind;

use crate::frames::{load_all, numbers, some, strings};
use crate::workdir::*;

/// Title rows, a blank column, a merged two-row header, `\n` in a header, every date form,
/// a serial number, full-width text, a formula, an error cell, a blank row, footer rows.
fn messy_register(w: &Workdir) -> std::path::PathBuf {
    w.xlsx_with("messy.xlsx", |wb| {
        let ws = wb.add_worksheet();
        ws.set_name("客诉").unwrap();
        let bold = Format::new().set_bold();
        ws.write_string(0, 0, "XX饲料有限公司技术服务部 客诉登记表 2026年10月")
            .unwrap();
        ws.merge_range(2, 0, 3, 0, "投诉编号", &bold).unwrap();
        ws.merge_range(2, 1, 3, 1, "受理\n日期", &bold).unwrap();
        ws.merge_range(2, 2, 3, 2, "受理方式（渠道）", &bold)
            .unwrap();
        ws.merge_range(2, 4, 3, 4, "客户名称", &bold).unwrap();
        ws.merge_range(2, 5, 2, 6, "处理情况", &bold).unwrap();
        ws.write_string(3, 5, "状态").unwrap();
        ws.write_string(3, 6, "结案日期").unwrap();
        ws.merge_range(2, 7, 3, 7, "附注", &bold).unwrap();
        let rows = vec![
            vec![
                S("KS1"),
                D(2026, 10, 1),
                S("电话"),
                B,
                S("张三"),
                S("已结案"),
                S("2026/10/3"),
            ],
            vec![
                S("KS2"),
                S("2026年10月2日"),
                S("来电"),
                B,
                S("李四"),
                S("处理中"),
                B,
            ],
            vec![],
            vec![
                S("KS3"),
                N(46298.0),
                S("上门"),
                B,
                S("王五"),
                S("完成"),
                S("20261005"),
            ],
            vec![
                S("KS4"),
                S("2026.10.04 09:30"),
                S("飞鸽"),
                B,
                S("赵六"),
                S("完成"),
                F("=NA()", "#N/A"),
            ],
            vec![
                S("KS5"),
                S("２０２６－１０－０５"),
                S("ＴＥＬ"),
                B,
                S("孙七"),
                S("未处理"),
                B,
            ],
            vec![
                S("KS6"),
                S("下周一"),
                S("电话"),
                B,
                S("周八"),
                S("未处理"),
                B,
            ],
            vec![
                S("KS7"),
                F("=DATE(2026,10,6)", "46301"),
                S("行销转达"),
                B,
                S("吴九"),
                B,
                B,
            ],
            vec![S("合计"), B, S("共7条")],
            vec![S("制表人:王芳"), B, S("审核:李强")],
        ];
        write_rows(ws, 4, &rows);
    })
}

/// row, column, raw value, reason, action.
type Problem<'a> = (Option<u32>, Option<&'a str>, &'a str, &'a Reason, Action);

#[test]
fn messy_register_is_recognised_and_every_row_accounted_for() {
    let w = Workdir::new();
    let loaded = load_all(&[messy_register(&w)]);
    assert!(loaded.file_errors.is_empty(), "{:?}", loaded.file_errors);
    let s = &loaded.sheets[0];
    assert_eq!(s.kind, Some(Kind::Complaint));
    assert_eq!(s.header_rows, Some((3, 4)));
    // Rows 5..=14: 6 used, blank row 7 + 合计 + 制表人 skipped, row 11 rejected.
    assert_eq!((s.rows_read, s.used, s.skipped, s.rejected), (10, 6, 3, 1));
    let ignored: Vec<&str> = s
        .columns
        .iter()
        .filter(|c| c.field.is_none())
        .map(|c| c.header.as_str())
        .collect();
    assert_eq!(ignored, vec!["附注"]);

    let df = loaded.frames.get(Kind::Complaint);
    assert_eq!(
        strings(&df, "id"),
        some(&["KS1", "KS2", "KS3", "KS4", "KS5", "KS7"])
    );
    assert_eq!(
        strings(&df, "received_date"),
        some(&[
            "2026-10-01",
            "2026-10-02",
            "2026-10-03",
            "2026-10-04",
            "2026-10-05",
            "2026-10-06"
        ])
    );
    assert_eq!(
        strings(&df, "channel"),
        some(&[
            "电话",
            "电话",
            "来访",
            "其他/未识别",
            "电话",
            "行销代表转达"
        ])
    );
    assert_eq!(
        strings(&df, "status"),
        some(&["完成", "正在完成", "完成", "完成", "未处理", ""])
    );
    assert_eq!(
        strings(&df, "closed_date"),
        some(&["2026-10-03", "", "2026-10-05", "", "", ""])
    );
    // Blank 责任归属 counts as 未判定 (SPEC §3.3).
    assert_eq!(strings(&df, "responsibility"), some(&["未判定"; 6]));
    assert_eq!(strings(&df, "row"), some(&["5", "6", "8", "9", "10", "12"]));

    let problems: Vec<Problem> = loaded
        .issues
        .iter()
        .map(|i| {
            (
                i.row,
                i.column.as_deref(),
                i.raw.as_str(),
                &i.reason,
                i.action,
            )
        })
        .collect();
    assert_eq!(
        problems,
        vec![
            (Some(7), None, "", &Reason::BlankRow, Action::Skipped),
            (
                Some(9),
                Some("受理方式（渠道） (C)"),
                "飞鸽",
                &Reason::Unrecognised,
                Action::Kept
            ),
            (
                Some(9),
                Some("处理情况/结案日期 (G)"),
                "#N/A",
                &Reason::ErrorCell,
                Action::Kept
            ),
            (
                Some(9),
                Some("处理情况/状态 (F)"),
                "完成",
                &Reason::DoneWithoutClosedDate,
                Action::Kept
            ),
            (
                Some(11),
                Some("受理日期 (B)"),
                "下周一",
                &Reason::BadDate,
                Action::Rejected
            ),
            (
                Some(13),
                None,
                "合计 | 共7条",
                &Reason::FooterRow,
                Action::Skipped
            ),
            (
                Some(14),
                None,
                "制表人:王芳 | 审核:李强",
                &Reason::FooterRow,
                Action::Skipped
            ),
        ]
    );
}

#[test]
fn check_prints_mapping_reconciliation_and_problems_and_exits_1() {
    let w = Workdir::new();
    messy_register(&w);
    w.run(&["check", "messy.xlsx", "--all"])
        .expect_code(1)
        .expect_stdout("  类型:A 客诉登记")
        .expect_stdout("  表头:第 3–4 行(两行表头)")
        .expect_stdout("  忽略的列:H 附注")
        .expect_stdout("  行:读取 10 = 使用 6 + 跳过 3 + 拒收 1")
        .expect_stdout(
            "messy.xlsx [客诉] 第 11 行,受理日期 (B) 列:\"下周一\" — 无法识别的日期 [拒收]",
        )
        .expect_stdout("发现 4 个问题。");
    w.run(&["check", "messy.xlsx", "--all", "--lang", "en"])
        .expect_code(1)
        .expect_stdout("  kind:    A 客诉登记 (complaint register)")
        .expect_stdout("  header:  rows 3–4 (two-row header)")
        .expect_stdout("  ignored: H 附注")
        .expect_stdout("  rows:    read 10 = used 6 + skipped 3 + rejected 1")
        .expect_stdout(
            "messy.xlsx [客诉] row 11, column 受理日期 (B): \"下周一\" — not a date [rejected]",
        )
        .expect_stdout("4 problem(s) found.");
}

#[test]
fn a_clean_file_passes_check_with_exit_0() {
    let w = Workdir::new();
    w.xlsx(
        "clean.xlsx",
        &[(
            "Sheet1",
            vec![
                complaint_header(),
                vec![
                    S("A1"),
                    D(2026, 10, 1),
                    S("电话"),
                    S("甲"),
                    S("完成"),
                    D(2026, 10, 2),
                ],
                vec![S("合计"), S("1")],
            ],
        )],
    );
    w.run(&["check", "clean.xlsx"])
        .expect_code(0)
        .expect_stdout("  行:读取 2 = 使用 1 + 跳过 1 + 拒收 0")
        .expect_stdout("数据干净:每一行都有着落,没有发现问题。");
}

/// A UTF-16 CSV, tab separated (Excel's "Unicode text" renamed, as some systems export).
#[test]
fn utf16_tab_separated_csv() {
    let w = Workdir::new();
    let text = "拜访日期\t技术员\t客户名称\t客户类型\t存栏\t解决情况\r\n\
        2026/10/3\t张伟\t甲场\t农户\t1,234\t已解决\r\n\
        2026-10-04\t李娜\t乙场\t示范户\t350头\t跟踪\r\n";
    for (name, bom, big_endian) in [
        ("拜访_le.csv", [0xFF, 0xFE], false),
        ("拜访_be.csv", [0xFE, 0xFF], true),
    ] {
        let bytes: Vec<u8> = bom
            .into_iter()
            .chain(text.encode_utf16().flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            }))
            .collect();
        let p = w.write(name, &bytes);
        let loaded = load_all(&[p]);
        let s = &loaded.sheets[0];
        assert_eq!(s.kind, Some(Kind::FieldVisit), "{name}");
        assert_eq!((s.rows_read, s.used, s.skipped, s.rejected), (2, 2, 0, 0));
        let df = loaded.frames.get(Kind::FieldVisit);
        assert_eq!(numbers(&df, "herd_size"), vec![Some(1234.0), Some(350.0)]);
        assert_eq!(strings(&df, "technician"), some(&["张伟", "李娜"]));
    }
}

/// GBK CSV with a title line; numbers as text with separators, units, full-width digits.
#[test]
fn gbk_csv_with_title_line_and_numbers_as_text() {
    let w = Workdir::new();
    let text = "技术服务现场拜访记录\n\
        拜访日期,技术员,客户名称,客户类型,存栏,解决情况\n\
        2026/10/3,张伟,甲场,农户,\"1,234\",已解决\n\
        2026-10-04,李娜,乙场,示范户,350头,跟踪\n\
        2026.10.05,王强,丙场,经销商,１２３,未解决\n\
        2026/10/6,刘洋,丁场,养殖户,12箱,已解决\n\
        ,,,,,\n\
        20261007,陈静,戊场,其他,,解决\n";
    let (gbk, _, bad) = encoding_rs::GBK.encode(text);
    assert!(!bad);
    let p = w.write("拜访.csv", &gbk);
    let loaded = load_all(&[p]);
    let s = &loaded.sheets[0];
    assert_eq!(s.kind, Some(Kind::FieldVisit));
    assert_eq!(s.header_rows, Some((2, 2)));
    assert_eq!((s.rows_read, s.used, s.skipped, s.rejected), (6, 5, 1, 0));
    let df = loaded.frames.get(Kind::FieldVisit);
    assert_eq!(
        numbers(&df, "herd_size"),
        vec![Some(1234.0), Some(350.0), Some(123.0), None, None]
    );
    assert_eq!(
        strings(&df, "customer_type"),
        some(&["养殖户", "示范户", "经销商", "养殖户", "其他"])
    );
    assert_eq!(
        strings(&df, "resolution"),
        some(&["已解决", "跟踪中", "未解决", "已解决", "已解决"])
    );
    assert_eq!(
        strings(&df, "visit_date"),
        some(&[
            "2026-10-03",
            "2026-10-04",
            "2026-10-05",
            "2026-10-06",
            "2026-10-07"
        ])
    );
    let unit = loaded.issues.iter().find(|i| i.row == Some(6)).unwrap();
    assert_eq!(unit.reason, Reason::UnexpectedUnit("箱".into()));
    assert_eq!(unit.action, Action::Kept);
    assert_eq!(unit.column.as_deref(), Some("存栏 (E)"));
}

/// UTF-8 with BOM; a price whose unit is written in the price cell; 元/公斤 → 元/kg;
/// a unit that contradicts the unit column rejects the row.
#[test]
fn utf8_bom_csv_prices_take_units_from_the_price_cell() {
    let w = Workdir::new();
    let text = "\u{feff}调查日期,地区,品项,价格类型,单价,单位\n\
        2026-10-15,东湖区,猪肉,零售,13.5元/斤,\n\
        2026-10-15,东湖区,生猪,出栏价,15.6,元/公斤\n\
        2026-10-15,东湖区,生猪,出栏,15.2元/kg,元/斤\n";
    let p = w.write("价格.csv", text);
    let loaded = load_all(&[p]);
    let s = &loaded.sheets[0];
    assert_eq!(s.kind, Some(Kind::Price));
    assert_eq!((s.rows_read, s.used, s.skipped, s.rejected), (3, 2, 0, 1));
    let df = loaded.frames.get(Kind::Price);
    assert_eq!(strings(&df, "unit"), some(&["元/斤", "元/kg"]));
    assert_eq!(numbers(&df, "price"), vec![Some(13.5), Some(15.6)]);
    assert_eq!(strings(&df, "price_type"), some(&["零售", "出栏"]));
    let rejected = loaded
        .issues
        .iter()
        .find(|i| i.action == Action::Rejected)
        .unwrap();
    assert_eq!(rejected.row, Some(4));
    assert_eq!(rejected.reason, Reason::UnexpectedUnit("元/kg".into()));
}

#[test]
fn dates_in_a_1904_workbook() {
    let w = Workdir::new();
    let p = w.xlsx_with("mac.xlsx", |wb| {
        let ws = wb.add_worksheet();
        let date = Format::new().set_num_format("yyyy-mm-dd");
        write_rows(ws, 0, &[vec![S("受理日期"), S("受理方式")]]);
        // 2026-10-03 is day 44836 counted from 1904-01-01 (46298 − 1462).
        ws.write_number_with_format(1, 0, 44836.0, &date).unwrap();
        ws.write_string(1, 1, "电话").unwrap();
    });
    rezip(&p, "xl/workbook.xml", |x| {
        x.replacen("<workbookPr", "<workbookPr date1904=\"1\"", 1)
    });
    let loaded = load_all(&[p]);
    let df = loaded.frames.get(Kind::Complaint);
    assert_eq!(strings(&df, "received_date"), some(&["2026-10-03"]));
}

#[test]
fn header_on_row_30_is_found_and_on_row_31_is_not() {
    let w = Workdir::new();
    let notes = |n: usize| (0..n).map(|_| vec![S("说明文字")]).collect::<Vec<_>>();
    let mut at30 = notes(29);
    at30.push(vec![S("受理日期"), S("受理方式")]);
    at30.push(vec![D(2026, 10, 1), S("电话")]);
    let mut at31 = notes(30);
    at31.extend(at30[29..].iter().cloned());
    let p30 = w.xlsx("h30.xlsx", &[("s", at30)]);
    let p31 = w.xlsx("h31.xlsx", &[("s", at31)]);
    let loaded = load_all(&[p30, p31]);
    assert_eq!(loaded.sheets[0].header_rows, Some((30, 30)));
    assert_eq!(loaded.sheets[0].used, 1);
    assert_eq!(loaded.sheets[1].kind, None);
    // Every non-blank row of the unrecognised sheet is accounted for as skipped.
    assert_eq!(
        (loaded.sheets[1].rows_read, loaded.sheets[1].skipped),
        (32, 32)
    );
}

#[test]
fn blank_leading_columns_and_a_repeated_header_row() {
    let w = Workdir::new();
    let rows = vec![
        vec![B, B, S("访问日期"), S("技术员"), S("客户签字确认")],
        vec![B, B, D(2026, 10, 1), S("张伟"), S("已签字")],
        vec![B, B, S("访问日期"), S("技术员"), S("客户签字确认")],
        vec![B, B, D(2026, 10, 2), S("李娜"), S("×")],
    ];
    let p = w.xlsx("b.xlsx", &[("s", rows)]);
    let loaded = load_all(&[p]);
    let s = &loaded.sheets[0];
    assert_eq!(s.kind, Some(Kind::SiteVisit));
    assert_eq!((s.rows_read, s.used, s.skipped, s.rejected), (3, 2, 1, 0));
    assert_eq!(loaded.issues[0].reason, Reason::RepeatedHeader);
    let df = loaded.frames.get(Kind::SiteVisit);
    assert_eq!(strings(&df, "signed"), some(&["是", "否"]));
}

#[test]
fn trip_days_are_computed_when_absent_and_backwards_trips_rejected() {
    let w = Workdir::new();
    let rows = vec![
        vec![S("技术员"), S("出发日期"), S("返回日期"), S("天数")],
        vec![S("张伟"), D(2026, 9, 29), D(2026, 10, 2), B],
        vec![
            S("李娜"),
            D(2026, 10, 5),
            D(2026, 10, 6),
            F("=C3-B3+1", "2"),
        ],
        vec![S("王强"), D(2026, 10, 9), D(2026, 10, 7), B],
    ];
    let p = w.xlsx("d.xlsx", &[("出差", rows)]);
    let loaded = load_all(&[p]);
    let df = loaded.frames.get(Kind::Trip);
    assert_eq!(numbers(&df, "days"), vec![Some(4.0), Some(2.0)]);
    assert_eq!(loaded.sheets[0].rejected, 1);
    assert_eq!(loaded.issues[0].reason, Reason::ReturnBeforeDepart);
}

/// A minimal OpenDocument spreadsheet, as LibreOffice writes one: a spanned parent header
/// cell, ISO date cells, and a block of repeated empty rows at the end.
fn ods(rows_xml: &str) -> Vec<u8> {
    use std::io::Write;
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="客诉">{rows_xml}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file(
        "META-INF/manifest.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    zip.write_all(manifest.as_bytes()).unwrap();
    zip.start_file("content.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

fn ods_text(s: &str) -> String {
    format!(
        r#"<table:table-cell office:value-type="string"><text:p>{s}</text:p></table:table-cell>"#
    )
}

fn ods_date(d: &str) -> String {
    format!(
        r#"<table:table-cell office:value-type="date" office:date-value="{d}"><text:p>{d}</text:p></table:table-cell>"#
    )
}

#[test]
fn ods_with_a_spanned_parent_header() {
    let w = Workdir::new();
    let rows = [
        format!("<table:table-row>{}</table:table-row>", ods_text("客诉登记表")),
        format!(
            r#"<table:table-row>{}{}<table:table-cell table:number-columns-spanned="2" office:value-type="string"><text:p>处理情况</text:p></table:table-cell><table:covered-table-cell/></table:table-row>"#,
            ods_text("受理日期"),
            ods_text("受理方式")
        ),
        format!(
            "<table:table-row><table:table-cell/><table:table-cell/>{}{}</table:table-row>",
            ods_text("状态"),
            ods_text("结案日期")
        ),
        format!(
            "<table:table-row>{}{}{}{}</table:table-row>",
            ods_date("2026-10-01"),
            ods_text("电话"),
            ods_text("完成"),
            ods_date("2026-10-03")
        ),
        r#"<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#.to_string(),
    ];
    let p = w.write("客诉.ods", ods(&rows.concat()));
    let loaded = load_all(&[p]);
    assert!(loaded.file_errors.is_empty(), "{:?}", loaded.file_errors);
    let s = &loaded.sheets[0];
    assert_eq!(s.kind, Some(Kind::Complaint));
    assert_eq!(s.header_rows, Some((2, 3)));
    assert_eq!((s.rows_read, s.used, s.skipped, s.rejected), (1, 1, 0, 0));
    let df = loaded.frames.get(Kind::Complaint);
    assert_eq!(strings(&df, "received_date"), some(&["2026-10-01"]));
    assert_eq!(strings(&df, "closed_date"), some(&["2026-10-03"]));
    assert_eq!(strings(&df, "status"), some(&["完成"]));
}

/// Cells merged down over rows, as a hand-kept register has them: each row covered gets the
/// value the sheet shows in it. A merge across columns stays in its first column, and the
/// title merged across the sheet fills nothing (merges in a two-row header: see
/// `messy_register`).
#[test]
fn cells_merged_down_over_rows_give_each_row_their_value() {
    let w = Workdir::new();
    let p = w.xlsx_with("合并.xlsx", |wb| {
        let ws = wb.add_worksheet();
        ws.set_name("客诉").unwrap();
        let plain = Format::new();
        let date = Format::new().set_num_format("yyyy-mm-dd");
        ws.merge_range(0, 0, 0, 6, "客诉登记表 2026年10月", &plain)
            .unwrap();
        let head = [
            "投诉编号",
            "受理日期",
            "受理方式",
            "客户名称",
            "地区",
            "投诉内容",
            "处理状态",
        ];
        for (c, h) in head.iter().enumerate() {
            ws.write_string(2, c as u16, *h).unwrap();
        }
        let rows = vec![
            vec![S("KS1"), B, S("电话"), S("甲场"), B, S("结块"), S("已结案")],
            vec![S("KS2"), B, S("来访"), S("乙场"), B, S("异味"), S("未处理")],
            vec![
                S("KS3"),
                D(2026, 10, 3),
                S("电话"),
                S("丙场"),
                B,
                S("破袋"),
                S("完成"),
            ],
            vec![
                S("KS4"),
                D(2026, 10, 4),
                S("电话"),
                S("丁场"),
                S("城西"),
                B,
                B,
            ],
        ];
        write_rows(ws, 3, &rows);
        // 受理日期 of KS1–KS2, 地区 of KS1–KS3, 投诉内容 of KS4 across 处理状态.
        ws.merge_range(3, 1, 4, 1, "", &date).unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
        ws.write_datetime_with_format(3, 1, day, &date).unwrap();
        ws.merge_range(3, 4, 5, 4, "城东", &plain).unwrap();
        ws.merge_range(6, 5, 6, 6, "少秤", &plain).unwrap();
    });
    let loaded = load_all(&[p]);
    let s = &loaded.sheets[0];
    assert_eq!(s.kind, Some(Kind::Complaint));
    assert_eq!((s.rows_read, s.used, s.skipped, s.rejected), (4, 4, 0, 0));
    let df = loaded.frames.get(Kind::Complaint);
    assert_eq!(
        strings(&df, "region"),
        some(&["城东", "城东", "城东", "城西"])
    );
    assert_eq!(
        strings(&df, "received_date"),
        some(&["2026-10-01", "2026-10-01", "2026-10-03", "2026-10-04"])
    );
    assert_eq!(
        strings(&df, "description"),
        some(&["结块", "异味", "破袋", "少秤"])
    );
    // The last row's status is blank: the merge across it shows 少秤 in 投诉内容 only.
    assert_eq!(strings(&df, "status")[3], None);
}

/// A chart sheet beside the register (a chart, no cells) is skipped calmly, not reported
/// as a sheet that could not be read.
#[test]
fn a_chart_sheet_is_skipped_calmly() {
    let w = Workdir::new();
    w.xlsx_with("带图表.xlsx", |wb| {
        one_complaint_sheet(wb, "客诉", false);
        let mut chart = rust_xlsxwriter::Chart::new_column();
        chart.add_series().set_values(("客诉", 1, 0, 1, 0));
        let cs = wb.add_chartsheet();
        cs.set_name("图表1").unwrap();
        cs.insert_chart(0, 0, &chart).unwrap();
    });
    w.run(&["check", "带图表.xlsx"])
        .expect_code(0)
        .expect_stdout("带图表.xlsx [图表1]\n  备注:图表页(只有图表,没有表格),已跳过")
        .expect_stdout("数据干净:每一行都有着落,没有发现问题。");
}

/// A hidden sheet of drop-down lists (whose header names some complaint fields) is skipped
/// calmly; a hidden sheet that is a register is still read.
#[test]
fn a_hidden_sheet_of_drop_down_lists_is_skipped_calmly() {
    let w = Workdir::new();
    let p = w.xlsx_with("下拉.xlsx", |wb| {
        one_complaint_sheet(wb, "客诉", false);
        let lists = wb.add_worksheet();
        lists.set_name("下拉选项").unwrap().set_hidden(true);
        let options = vec![
            vec![S("受理方式"), S("处理状态")],
            vec![S("电话"), S("完成")],
            vec![S("来访"), S("未处理")],
        ];
        write_rows(lists, 0, &options);
        let old = wb.add_worksheet();
        old.set_name("上月").unwrap().set_hidden(true);
        let rows = vec![
            complaint_header(),
            closed_next_day("K0", "乙", (2026, 9, 9)),
        ];
        write_rows(old, 0, &rows);
    });
    let loaded = load_all(&[p]);
    let used: Vec<u64> = loaded.sheets.iter().map(|s| s.used).collect();
    assert_eq!(used, vec![1, 0, 1]);
    assert_eq!(loaded.sheets[1].note, Some(Reason::HiddenNotData));
    w.run(&["check", "下拉.xlsx"])
        .expect_code(0)
        .expect_stdout(
            "下拉.xlsx [下拉选项]\n  备注:隐藏的工作表,不是可识别的数据表(下拉选项之类),已跳过",
        )
        .expect_stdout("数据干净:每一行都有着落,没有发现问题。");
}

/// Subtotal rows inside a table (`城东小计`, a bare `小计`) and the grand total are skipped
/// and counted, not rejected for their blank date and brand.
#[test]
fn subtotal_rows_are_skipped_like_totals() {
    let w = Workdir::new();
    let rows = vec![
        vec![S("调查日期"), S("地区"), S("品牌"), S("销量(吨)")],
        vec![D(2026, 10, 3), S("城东"), S("大北农"), N(12.0)],
        vec![D(2026, 10, 3), S("城东"), S("金穗"), N(8.0)],
        vec![B, S("城东小计"), B, N(20.0)],
        vec![D(2026, 10, 4), S("城西"), S("大北农"), N(5.0)],
        vec![B, S("小计:"), B, N(5.0)],
        vec![S("总计"), B, B, N(25.0)],
    ];
    let p = w.xlsx("市场.xlsx", &[("市场", rows)]);
    let loaded = load_all(&[p]);
    let s = &loaded.sheets[0];
    assert_eq!(s.kind, Some(Kind::FeedMarket));
    assert_eq!((s.rows_read, s.used, s.skipped, s.rejected), (6, 3, 3, 0));
}

/// A header naming another unit than the field's (销量 in 公斤 where it is kept in 吨, 存栏
/// in 万头) would put every number off by a factor of a thousand or ten thousand: the plain
/// numbers under it are refused, the unit named; a number with its own unit stays, and a
/// header naming the field's own unit changes nothing.
#[test]
fn a_header_naming_another_unit_refuses_the_plain_numbers_under_it() {
    let w = Workdir::new();
    let market = vec![
        vec![S("调查日期"), S("地区"), S("品牌"), S("销量(公斤)")],
        vec![D(2026, 10, 3), S("城东"), S("大北农"), N(12000.0)],
        vec![D(2026, 10, 3), S("城东"), S("金穗"), S("8吨")],
    ];
    let usage = vec![
        vec![
            S("调查日期"),
            S("地区"),
            S("户名"),
            S("养殖品种"),
            S("存栏(万头)"),
            S("饲料总用量(吨)"),
        ],
        vec![
            D(2026, 10, 3),
            S("城东"),
            S("甲场"),
            S("生猪"),
            N(1.2),
            N(30.0),
        ],
    ];
    // A price's unit is data of its own: 元/吨 in the header and the 单位 column is no scale.
    let prices = vec![
        vec![
            S("调查日期"),
            S("地区"),
            S("价格类型"),
            S("品名"),
            S("单价(元/吨)"),
            S("单位"),
        ],
        vec![
            D(2026, 10, 3),
            S("城东"),
            S("零售"),
            S("玉米"),
            N(2450.0),
            S("元/吨"),
        ],
    ];
    let a = w.xlsx("市场.xlsx", &[("市场", market)]);
    let b = w.xlsx("用料.xlsx", &[("用料", usage)]);
    let c = w.xlsx("价格.xlsx", &[("价格", prices)]);
    let loaded = load_all(&[a, b, c]);
    let reasons: Vec<(usize, Option<u32>, &Reason, Action)> = loaded
        .issues
        .iter()
        .map(|i| (i.sheet, i.row, &i.reason, i.action))
        .collect();
    let wrong = |unit: &str, expected: &'static str| Reason::HeaderUnit {
        unit: unit.into(),
        expected,
    };
    // 销量 is required: the row is refused. 存栏 is not: the farm stays, without it.
    assert_eq!(
        reasons,
        vec![
            (0, Some(2), &wrong("公斤", "吨"), Action::Rejected),
            (1, Some(2), &wrong("万头", "头"), Action::Kept),
        ]
    );
    let s = &loaded.sheets[0];
    assert_eq!((s.rows_read, s.used, s.rejected), (2, 1, 1));
    assert_eq!(loaded.sheets[2].used, 1);
    assert_eq!(
        numbers(&loaded.frames.get(Kind::FeedMarket), "volume_t"),
        vec![Some(8.0)]
    );
    let df = loaded.frames.get(Kind::FeedUsage);
    assert_eq!(numbers(&df, "herd_size"), vec![None]);
    assert_eq!(numbers(&df, "total_t"), vec![Some(30.0)]);
}

/// A survey exported again over the same days, or a copy of its file left beside it, counts
/// once: each row found identical in another file is skipped, the file modified last kept.
/// Two identical rows within one file are two observations.
#[test]
fn a_record_exported_again_in_another_file_counts_once() {
    let w = Workdir::new();
    let header = vec![S("调查日期"), S("地区"), S("品牌"), S("销量(吨)")];
    let row =
        |day: u32, brand: &'static str, t: f64| vec![D(2026, 10, day), S("城东"), S(brand), N(t)];
    let old = w.xlsx(
        "市场.xlsx",
        &[(
            "市场",
            vec![header.clone(), row(3, "大北农", 12.0), row(4, "金穗", 8.0)],
        )],
    );
    let again = w.xlsx(
        "市场_补导.xlsx",
        &[(
            "市场",
            vec![
                header,
                row(3, "大北农", 12.0),
                row(4, "金穗", 8.0),
                row(5, "金穗", 2.0),
                row(5, "金穗", 2.0),
            ],
        )],
    );
    let day = std::time::Duration::from_secs(86_400);
    let now = std::time::SystemTime::now();
    for (path, age) in [(&old, 2), (&again, 1)] {
        let f = std::fs::File::options().write(true).open(path).unwrap();
        f.set_modified(now - day * age).unwrap();
    }
    let loaded = load_all(&[old, again]);
    let counts: Vec<(u64, u64, u64)> = loaded
        .sheets
        .iter()
        .map(|s| (s.rows_read, s.used, s.skipped))
        .collect();
    // The older file's two rows are in the newer one; the newer one's two 2 t rows stay.
    assert_eq!(counts, vec![(2, 0, 2), (4, 4, 0)]);
    let skipped: Vec<(usize, Option<u32>, &Reason)> = loaded
        .issues
        .iter()
        .map(|i| (i.sheet, i.row, &i.reason))
        .collect();
    let kept_at = |r: u32| Reason::DuplicateExport {
        kept_at: format!("市场_补导.xlsx [市场] 第 {r} 行"),
    };
    assert_eq!(
        skipped,
        vec![(0, Some(2), &kept_at(2)), (0, Some(3), &kept_at(3))]
    );
    let volumes = numbers(&loaded.frames.get(Kind::FeedMarket), "volume_t");
    assert_eq!(volumes.iter().flatten().sum::<f64>(), 24.0);
}

/// Monthly tables stacked in one sheet, each under its own title and header: the title and
/// the repeated header are skipped; a row of one text cell that no header follows is read
/// as the record it is (here rejected: nothing but an id), also as the sheet's last row.
#[test]
fn tables_stacked_in_one_sheet_skip_their_titles() {
    let w = Workdir::new();
    let head = complaint_header();
    let rows = vec![
        vec![S("客诉登记表 2026年9月")],
        head.clone(),
        closed_next_day("K1", "甲", (2026, 9, 3)),
        vec![S("合计"), N(1.0)],
        vec![],
        vec![S("客诉登记表 2026年10月")],
        head,
        closed_next_day("K2", "乙", (2026, 10, 3)),
        vec![S("K3")],
    ];
    let p = w.xlsx("叠放.xlsx", &[("客诉", rows)]);
    let loaded = load_all(&[p]);
    let s = &loaded.sheets[0];
    assert_eq!((s.rows_read, s.used, s.skipped, s.rejected), (7, 2, 4, 1));
    let reasons: Vec<(Option<u32>, &Reason)> =
        loaded.issues.iter().map(|i| (i.row, &i.reason)).collect();
    assert!(
        reasons.contains(&(Some(6), &Reason::TitleRow)),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(&(Some(7), &Reason::RepeatedHeader)),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(&(Some(9), &Reason::MissingRequired)),
        "{reasons:?}"
    );
}

/// A complaint by phone from `customer`, received on `day` and closed the day after.
fn closed_next_day(id: &'static str, customer: &'static str, (y, m, d): (i32, u32, u32)) -> Vec<V> {
    vec![
        S(id),
        D(y, m, d),
        S("电话"),
        S(customer),
        S("完成"),
        D(y, m, d + 1),
    ]
}

/// Adds sheet `name` holding one complaint (K1), hidden or not.
fn one_complaint_sheet(wb: &mut rust_xlsxwriter::Workbook, name: &str, hidden: bool) {
    let ws = wb.add_worksheet();
    ws.set_name(name).unwrap().set_hidden(hidden);
    let rows = vec![
        complaint_header(),
        closed_next_day("K1", "甲", (2026, 10, 1)),
    ];
    write_rows(ws, 0, &rows);
}

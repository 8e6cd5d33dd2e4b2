//! The workbook as a clerk prints and hands it over (SPEC §6), read back from its XML: every
//! sheet A4 landscape, one page wide, its title (and a list's header) repeated on each page,
//! period and page number in the footer; lists frozen and filtered; numbers formatted by what
//! they are; the Chinese label first.

use std::collections::HashMap;
use std::io::Read;

use calamine::{Data, Reader, Xlsx, open_workbook};

use crate::workdir::*;

/// The workbook's parts by name.
fn parts(path: &std::path::Path) -> HashMap<String, String> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut s = String::new();
            let name = f.name().unwrap().to_string();
            let _ = f.read_to_string(&mut s);
            (name, s)
        })
        .collect()
}

/// The number format of each style index (cellXfs), as its format code.
fn style_formats(styles: &str) -> Vec<String> {
    let custom: HashMap<String, String> = styles
        .split("<numFmt ")
        .skip(1)
        .map(|s| {
            let id = s
                .split("numFmtId=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            let code = s
                .split("formatCode=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            (id.to_string(), code.replace("&quot;", "\""))
        })
        .collect();
    let xfs = styles
        .split("<cellXfs")
        .nth(1)
        .unwrap()
        .split("</cellXfs>")
        .next()
        .unwrap();
    xfs.split("<xf ")
        .skip(1)
        .map(|x| {
            let id = x
                .split("numFmtId=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            match id {
                "0" => "General".to_string(),
                "3" => "#,##0".to_string(),
                "10" => "0.00%".to_string(),
                other => custom
                    .get(other)
                    .cloned()
                    .unwrap_or_else(|| format!("builtin {other}")),
            }
        })
        .collect()
}

/// The style index of cell `r` (e.g. `B5`) in a sheet's XML.
fn style_of(sheet: &str, r: &str) -> usize {
    let cell = sheet
        .split(&format!("<c r=\"{r}\""))
        .nth(1)
        .unwrap_or_else(|| panic!("no cell {r}"));
    let head = cell.split('>').next().unwrap();
    head.split("s=\"")
        .nth(1)
        .map_or(0, |s| s.split('"').next().unwrap().parse().unwrap())
}

#[test]
fn every_sheet_prints_on_a4_landscape_one_page_wide_with_title_and_footer() {
    let w = Workdir::new();
    crate::report::month_fixture(&w);
    w.run(&["report", "in", "--period", "2026-10", "--out", "out"])
        .expect_code(0);
    let path = w.path("out/技术服务部统计报表_2026-10.xlsx");
    let p = parts(&path);
    let workbook = &p["xl/workbook.xml"];
    for (i, name) in crate::report::SHEETS.iter().enumerate() {
        let sheet = &p[&format!("xl/worksheets/sheet{}.xml", i + 1)];
        assert!(
            sheet
                .contains("<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\""),
            "{name}: page setup"
        );
        assert!(
            sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"),
            "{name}: fit to width"
        );
        assert!(
            sheet.contains("<oddFooter>&amp;L2026-10&amp;R第 &amp;P 页,共 &amp;N 页</oddFooter>"),
            "{name}: footer"
        );
        let titles =
            format!("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{i}\">{name}!$1:$");
        assert!(workbook.contains(&titles), "{name}: repeated rows");
        assert!(sheet.contains("state=\"frozen\""), "{name}: frozen");
    }
    // Lists: the header frozen, repeated with the title, filtered.
    for (i, name) in [(2, "客诉明细"), (11, "技术员"), (13, "数据问题")] {
        let sheet = &p[&format!("xl/worksheets/sheet{}.xml", i + 1)];
        assert!(sheet.contains("<pane ySplit=\"4\""), "{name}");
        assert!(sheet.contains("<autoFilter ref=\"A4:"), "{name}");
        assert!(
            workbook.contains(&format!("localSheetId=\"{i}\">{name}!$1:$4<")),
            "{name}"
        );
    }
}

#[test]
fn numbers_are_formatted_by_what_they_are_and_the_chinese_label_comes_first() {
    let w = Workdir::new();
    crate::report::month_fixture(&w);
    w.run(&["report", "in", "--period", "2026-10", "--out", "out"])
        .expect_code(0);
    let path = w.path("out/技术服务部统计报表_2026-10.xlsx");
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    let overview = wb.worksheet_range("概览").unwrap();
    // The headline table: label first (row 4 in Excel's numbering is 0-based row 3).
    let header: Vec<String> = overview
        .rows()
        .nth(3)
        .unwrap()
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert_eq!(&header[..3], ["指标", "本期", "上期"]);
    assert!(
        !header.iter().any(|h| h == "指标代码" || h == "指标(英文)"),
        "{header:?}"
    );
    let find = |label: &str| {
        overview
            .rows()
            .position(|r| r.first() == Some(&Data::String(label.into())))
            .unwrap()
            + 1
    };
    let (received, rate, median) = (find("受理投诉(件)"), find("结案率"), find("结案天数中位数"));
    let p = parts(&path);
    let formats = style_formats(&p["xl/styles.xml"]);
    let sheet = &p["xl/worksheets/sheet1.xml"];
    let fmt = |cell: String| formats[style_of(sheet, &cell)].clone();
    assert_eq!(fmt(format!("B{received}")), "#,##0", "a count");
    assert_eq!(fmt(format!("B{rate}")), "0.0%", "a rate");
    assert_eq!(fmt(format!("B{median}")), "0.0", "a median of days");
    // Dates as dates and ages in whole days on the open list.
    let lists = &p["xl/worksheets/sheet3.xml"];
    let lists_formats: Vec<String> = ["B5", "H5"]
        .iter()
        .map(|c| formats[style_of(lists, c)].clone())
        .collect();
    assert_eq!(lists_formats, ["yyyy-mm-dd", "0"]);
}

#[test]
fn fcr_has_two_decimals_and_prices_two() {
    let w = Workdir::new();
    crate::market::fixture(&w);
    w.run(&["report", "in", "--period", "2026-10", "--out", "out"])
        .expect_code(0);
    let path = w.path("out/技术服务部统计报表_2026-10.xlsx");
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    let fcr = wb.worksheet_range("料肉比").unwrap();
    let row = fcr
        .rows()
        .position(|r| r.first() == Some(&Data::String("品种".into())))
        .unwrap()
        + 1;
    let prices = wb.worksheet_range("价格").unwrap();
    let price_row = prices
        .rows()
        .position(|r| r.get(3) == Some(&Data::String("全部".into())))
        .unwrap()
        + 1;
    let p = parts(&path);
    let formats = style_formats(&p["xl/styles.xml"]);
    // 料肉比: 品种, 组别, 指标, 本公司品牌, 批次, 饲料用量, 增重, 料肉比 (H).
    let fcr_sheet = &p["xl/worksheets/sheet8.xml"];
    assert_eq!(formats[style_of(fcr_sheet, &format!("E{row}"))], "#,##0");
    assert_eq!(formats[style_of(fcr_sheet, &format!("H{row}"))], "0.00");
    // 价格: 品项, 价格类型, 单位, 地区, 调查次数, 均价 (F).
    let price_sheet = &p["xl/worksheets/sheet7.xml"];
    assert_eq!(
        formats[style_of(price_sheet, &format!("F{price_row}"))],
        "0.00"
    );
}

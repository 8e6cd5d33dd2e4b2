//! `tsreport report` on a hand-built month: every expected figure below is worked out by
//! hand from the fixture rows (see the comments), then checked in `summary.json` and in the
//! workbook read back with calamine.

use std::io::Read;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::json;

use crate::summary::{read_summary, record, table};
use crate::workdir::*;

/// Complaints: ten received in 2026-10 (C01–C10), five before (P01–P05), one after (N01).
/// The workbook's sheets, in order (SPEC §6).
pub const SHEETS: [&str; 14] = [
    "概览",
    "客诉统计",
    "客诉明细",
    "协查回馈",
    "市场占有率",
    "养殖用料",
    "价格",
    "料肉比",
    "疫病",
    "预测",
    "现场拜访",
    "技术员",
    "出差考勤",
    "数据问题",
];

fn complaints() -> Vec<Vec<V>> {
    let h = [
        "投诉编号",
        "受理日期",
        "受理方式",
        "客户名称",
        "地区",
        "投诉类别",
        "责任归属",
        "责任部门",
        "处理状态",
        "处置方式",
        "严重程度",
        "结案日期",
    ];
    let mut rows = vec![h.iter().map(|s| S(s)).collect::<Vec<_>>()];
    #[rustfmt::skip]
    let data: Vec<Vec<V>> = vec![
        vec![S("C01"), D(2026, 10, 1), S("电话"), S("甲"), S("东"), S("品质"), S("公司"), S("生产"), S("完成"), S("即时处置"), S("一般"), D(2026, 10, 1)],
        vec![S("C02"), D(2026, 10, 2), S("电话"), S("乙"), S("东"), S("品质"), S("公司"), S("品管"), S("完成"), S("现场访问"), S("严重"), D(2026, 10, 5)],
        vec![S("C03"), D(2026, 10, 3), S("来访"), S("甲"), S("西"), S("运输"), S("公司"), S("运输调度"), S("完成"), S("即时处置"), S("一般"), D(2026, 10, 13)],
        vec![S("C04"), D(2026, 10, 5), S("来访"), S("丙"), S("西"), S("服务"), S("用户"), B, S("正在完成"), S("通知市场科"), S("一般"), B],
        vec![S("C05"), D(2026, 10, 8), S("电话"), S("丁"), S("东"), S("品质"), B, B, S("未处理"), S("呈报主管"), S("重大"), B],
        vec![S("C06"), D(2026, 10, 10), S("行销代表转达"), S("甲"), S("南"), S("价格"), S("经销商"), B, S("完成"), S("通知市场科"), S("一般"), D(2026, 10, 30)],
        vec![S("C07"), D(2026, 10, 15), S("信函"), S("戊"), S("南"), S("销售"), S("经销商"), B, S("正在跟踪"), S("现场访问"), S("一般"), B],
        vec![S("C08"), D(2026, 10, 20), S("电话"), S("乙"), S("东"), S("人员"), S("公司"), S("服务"), S("完成"), S("即时处置"), S("一般"), B],
        vec![S("C09"), D(2026, 10, 25), S("飞鸽"), S("己"), S("北"), S("品质"), S("公司"), S("生产"), S("完成"), S("现场访问"), S("一般"), D(2026, 11, 2)],
        vec![S("C10"), D(2026, 10, 31), S("电话"), S("庚"), S("北"), B, S("用户"), B, S("未处理"), S("即时处置"), S("一般"), B],
        vec![S("P01"), D(2026, 9, 10), S("电话"), S("辛"), S("东"), S("品质"), S("公司"), S("生产"), S("完成"), S("即时处置"), S("一般"), D(2026, 10, 4)],
        vec![S("P02"), D(2026, 9, 20), S("来访"), S("壬"), S("西"), S("品质"), S("用户"), B, S("完成"), S("现场访问"), S("一般"), D(2026, 9, 25)],
        vec![S("P03"), D(2026, 8, 1), S("电话"), S("癸"), S("东"), S("运输"), S("公司"), S("运输调度"), S("正在完成"), S("即时处置"), S("一般"), B],
        vec![S("P04"), D(2026, 9, 30), S("电话"), S("子"), S("南"), S("品质"), S("公司"), S("品管"), S("完成"), S("即时处置"), S("一般"), D(2026, 11, 5)],
        vec![S("P05"), D(2026, 7, 15), S("来访"), S("丑"), S("北"), S("服务"), S("公司"), S("服务"), S("完成"), S("即时处置"), S("严重"), D(2026, 10, 20)],
        vec![S("N01"), D(2026, 11, 2), S("电话"), S("甲"), S("东"), S("品质"), S("公司"), S("生产"), S("未处理"), S("即时处置"), S("一般"), B],
    ];
    rows.extend(data);
    rows
}

/// Site visits: V1–V5 and V7 in the period; V5's complaint does not exist, V7 has none.
fn visits() -> Vec<Vec<V>> {
    vec![
        vec![
            S("访问日期"),
            S("技术员"),
            S("投诉编号"),
            S("客户签字确认"),
            S("证据保全"),
        ],
        vec![D(2026, 10, 3), S("张伟"), S("C02"), S("是"), S("是")],
        vec![D(2026, 10, 4), S("张伟"), S("C02"), S("否"), S("否")],
        vec![D(2026, 10, 18), S("李娜"), S("C07"), S("是"), S("否")],
        vec![D(2026, 10, 29), S("王强"), S("C09"), S("是"), S("是")],
        vec![D(2026, 10, 12), S("王强"), S("X99"), S("否"), S("否")],
        vec![D(2026, 9, 21), S("李娜"), S("P02"), S("是"), S("是")],
        vec![D(2026, 10, 20), S("刘洋"), B, S("否"), S("否")],
    ]
}

pub fn month_fixture(w: &Workdir) {
    std::fs::create_dir_all(w.path("in")).unwrap();
    w.xlsx("in/客诉.xlsx", &[("客诉", complaints())]);
    w.xlsx("in/访问.xlsx", &[("访问", visits())]);
}

fn run_month(w: &Workdir) -> PathBuf {
    month_fixture(w);
    w.run(&["report", "in", "--period", "2026-10", "--out", "out"])
        .expect_code(0)
        .expect_stdout("期间:2026-10(2026-10-01 至 2026-10-31)")
        .expect_stdout("已写出 out/技术服务部统计报表_2026-10.xlsx");
    w.path("out")
}

#[test]
fn kpis_match_the_hand_count() {
    let w = Workdir::new();
    let s = read_summary(&run_month(&w));
    assert_eq!(
        s["period"],
        json!({"label": "2026-10", "start": "2026-10-01", "end": "2026-10-31"})
    );
    // received C01–C10; 完成: C01 C02 C03 C06 C08 C09; closed in Oct: C01 C02 C03 C06 P01 P05;
    // open at 10-31: C04 C05 C07 C09 (closes 11-02) C10 P03 P04 (closes 11-05).
    // Days to close: 0 3 10 20 24 97 → median 15, P90 at index 4.5 → 24 + 0.5 × 73 = 60.5.
    // First visit − received: C02 1, C07 3, C09 4 → median 3.
    assert_eq!(
        table(&s, "complaints_kpis")[0],
        json!({
            "received": 10, "received_and_closed": 6, "close_rate": 0.6, "closed_in_period": 6,
            "backlog_end": 7, "median_days_to_close": 15.0, "p90_days_to_close": 60.5,
            "median_days_to_visit": 3.0,
            // Severe: C02 (严重, 现场访问) and C05 (重大, 呈报主管): one of the two escalated.
            "severe": 2, "severe_escalated": 1
        })
    );
    // V1 V2 V3 V4 V5 V7; signed V1 V3 V4; evidence V1 V4; unlinked V5 (X99) and V7 (blank);
    // refused to sign with no evidence kept: V2, V5, V7.
    assert_eq!(
        table(&s, "site_visits_kpis")[0],
        json!({"visits": 6, "signed": 3, "signed_rate": 0.5, "evidence_kept": 2, "unlinked": 2,
               "refused_without_evidence": 3})
    );
    let refused: Vec<&str> = table(&s, "site_visits_refused")
        .iter()
        .map(|r| r["technician"].as_str().unwrap())
        .collect();
    assert_eq!(refused, ["张伟", "王强", "刘洋"]);
}

#[test]
fn breakdowns_count_each_complaint_once() {
    let w = Workdir::new();
    let s = read_summary(&run_month(&w));
    let ch = table(&s, "complaints_by_channel");
    // 电话: C01 C02 C05 C08 C10; 即时处置 C01 C08 C10, 现场访问 C02, 呈报主管 C05.
    let phone = record(ch, "channel", "电话");
    assert_eq!(
        (
            &phone["received"],
            &phone["immediate"],
            &phone["site_visit"],
            &phone["escalated"],
            &phone["notified_market"]
        ),
        (&json!(5), &json!(3), &json!(1), &json!(1), &json!(0))
    );
    assert_eq!(phone["immediate_share"], json!(0.6));
    let visit = record(ch, "channel", "来访");
    assert_eq!(
        (
            &visit["received"],
            &visit["immediate"],
            &visit["notified_market"]
        ),
        (&json!(2), &json!(1), &json!(1))
    );
    assert_eq!(record(ch, "channel", "其他/未识别")["received"], json!(1));
    assert_eq!(
        record(ch, "channel", "质量/公证机构告知")["received"],
        json!(0)
    );

    let counts = |id: &str, key: &str| -> Vec<(String, i64)> {
        table(&s, id)
            .iter()
            .map(|r| {
                (
                    r[key].as_str().unwrap().to_string(),
                    r["count"].as_i64().unwrap(),
                )
            })
            .collect()
    };
    let pairs = |v: &[(&str, i64)]| {
        v.iter()
            .map(|(a, b)| (a.to_string(), *b))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        counts("complaints_by_category", "category"),
        pairs(&[
            ("品质", 4),
            ("价格", 1),
            ("销售", 1),
            ("运输", 1),
            ("人员", 1),
            ("服务", 1),
            ("未填写", 1)
        ])
    );
    assert_eq!(
        counts("complaints_by_responsibility", "responsibility"),
        pairs(&[("经销商", 2), ("用户", 2), ("公司", 5), ("未判定", 1)])
    );
    assert_eq!(
        counts("complaints_by_status", "status"),
        pairs(&[("完成", 6), ("正在完成", 1), ("未处理", 2), ("正在跟踪", 1)])
    );
    // Among the five 公司 complaints: 生产 C01 C09, 品管 C02, 运输调度 C03, 服务 C08.
    assert_eq!(
        counts("complaints_by_dept", "dept"),
        pairs(&[
            ("生产", 2),
            ("品管", 1),
            ("销售", 0),
            ("运输调度", 1),
            ("服务", 1),
            ("其它", 0)
        ])
    );
    assert_eq!(
        record(table(&s, "complaints_by_dept"), "dept", "生产")["share"],
        json!(0.4)
    );
    assert_eq!(
        record(table(&s, "complaints_by_category"), "category", "品质")["share"],
        json!(0.4)
    );

    let cross = table(&s, "complaints_category_x_responsibility");
    let cell = |c: &str, r: &str| {
        cross
            .iter()
            .find(|x| x["category"] == c && x["responsibility"] == r)
            .map(|x| x["count"].as_i64().unwrap())
    };
    assert_eq!(cell("品质", "公司"), Some(3));
    assert_eq!(cell("品质", "未判定"), Some(1));
    assert_eq!(cell("未填写", "用户"), Some(1));
    assert_eq!(
        cross
            .iter()
            .map(|x| x["count"].as_i64().unwrap())
            .sum::<i64>(),
        10
    );
}

#[test]
fn lists_and_trend() {
    let w = Workdir::new();
    let s = read_summary(&run_month(&w));
    let open: Vec<(String, i64)> = table(&s, "complaints_open")
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["age_days"].as_i64().unwrap(),
            )
        })
        .collect();
    // Oldest first; age at 10-31: P03 from 08-01 is 30 + 30 + 31 = 91 days.
    let expected = [
        ("P03", 91),
        ("C04", 26),
        ("C05", 23),
        ("C07", 16),
        ("C10", 0),
    ];
    assert_eq!(
        open,
        expected
            .iter()
            .map(|(a, b)| (a.to_string(), *b))
            .collect::<Vec<_>>()
    );
    let severe: Vec<&str> = table(&s, "complaints_severe")
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(severe, ["C02", "C05"]);
    let repeat: Vec<(&str, i64)> = table(&s, "complaints_repeat_customers")
        .iter()
        .map(|r| {
            (
                r["customer"].as_str().unwrap(),
                r["complaints"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(repeat, [("甲", 3), ("乙", 2)]);
    let monthly: Vec<(&str, i64)> = table(&s, "complaints_monthly")
        .iter()
        .map(|r| {
            (
                r["month"].as_str().unwrap(),
                r["received"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(monthly.len(), 12);
    assert_eq!(monthly[0], ("2025-11", 0));
    assert_eq!(
        &monthly[8..],
        [
            ("2026-07", 1),
            ("2026-08", 1),
            ("2026-09", 3),
            ("2026-10", 10)
        ]
    );
}

#[test]
fn data_issues_list_unrecognised_values_and_unlinked_visits() {
    let w = Workdir::new();
    let s = read_summary(&run_month(&w));
    let issues = table(&s, "data_issues");
    let reasons: Vec<(&str, &str, &str)> = issues
        .iter()
        .map(|i| {
            (
                i["raw"].as_str().unwrap(),
                i["reason"].as_str().unwrap(),
                i["action"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(
        reasons.contains(&("飞鸽", "未识别的取值,计入“其他/未识别”", "kept")),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(&("完成", "状态为完成但没有结案日期", "kept")),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(&("X99", "现场访问的投诉编号为空或不在客诉登记中", "kept")),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(&("", "现场访问的投诉编号为空或不在客诉登记中", "kept")),
        "{reasons:?}"
    );
    let inputs = s["inputs"].as_array().unwrap();
    assert_eq!(inputs.len(), 2);
    for i in inputs {
        let n = |k: &str| i[k].as_i64().unwrap();
        assert_eq!(n("rows_read"), n("used") + n("skipped") + n("rejected"));
    }
}

/// Every cell of a sheet, as text.
fn sheet_cells(path: &Path, sheet: &str) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    Data::Float(f) => format!("{f}"),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn workbook_holds_the_same_numbers_and_charts_point_at_them() {
    let w = Workdir::new();
    let out = run_month(&w);
    let xlsx = out.join("技术服务部统计报表_2026-10.xlsx");
    let wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    assert_eq!(wb.sheet_names(), SHEETS);

    let stats = sheet_cells(&xlsx, "客诉统计");
    assert!(stats[0][0].contains("2026-10"), "{:?}", stats[0]);
    let title = stats
        .iter()
        .position(|r| r[0].starts_with("受理方式 × 处置方式 | 2026-10 | 来源: 客诉.xlsx"))
        .unwrap();
    assert_eq!(stats[title + 1][..3], ["受理方式", "接待总数", "即时处置"]);
    let phone = stats.iter().position(|r| r[0] == "电话").unwrap();
    assert_eq!(stats[phone][1..4], ["5", "3", "0.6"]);
    let first_channel = title + 2;
    let last_channel = stats.iter().position(|r| r[0] == "其他/未识别").unwrap();
    assert_eq!(stats[first_channel][0], "信函");

    let overview = sheet_cells(&xlsx, "概览");
    let kpi = |label: &str| {
        let r = overview
            .iter()
            .find(|r| r[0] == label)
            .unwrap_or_else(|| panic!("no {label}"));
        r[1].clone()
    };
    assert_eq!(kpi("受理投诉(件)"), "10");
    assert_eq!(kpi("结案率"), "0.6");
    assert_eq!(kpi("期末未结案(件)"), "7");
    assert_eq!(kpi("结案天数P90"), "60.5");

    // Chart 1 (channels) reads its categories and values from the channel rows.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
    let mut chart = String::new();
    zip.by_name("xl/charts/chart1.xml")
        .unwrap()
        .read_to_string(&mut chart)
        .unwrap();
    let cats = format!("客诉统计!$A${}:$A${}", first_channel + 1, last_channel + 1);
    let vals = format!("客诉统计!$B${}:$B${}", first_channel + 1, last_channel + 1);
    assert!(chart.contains(&cats), "{cats} not in {chart}");
    assert!(chart.contains(&vals), "{vals} not in {chart}");
    assert!(chart.contains("<c:barChart>"));
    for n in 2..=4 {
        assert!(
            zip.by_name(&format!("xl/charts/chart{n}.xml")).is_ok(),
            "chart{n}"
        );
    }
    let mut pie = String::new();
    zip.by_name("xl/charts/chart2.xml")
        .unwrap()
        .read_to_string(&mut pie)
        .unwrap();
    assert!(pie.contains("<c:pieChart>"));
    let mut line = String::new();
    zip.by_name("xl/charts/chart4.xml")
        .unwrap()
        .read_to_string(&mut line)
        .unwrap();
    assert!(line.contains("<c:lineChart>"));
}

#[test]
fn same_inputs_give_byte_identical_outputs() {
    let w = Workdir::new();
    month_fixture(&w);
    w.run(&["report", "in", "--period", "2026-10", "--out", "a"])
        .expect_code(0);
    w.run(&["report", "in", "--period", "2026-10", "--out", "b"])
        .expect_code(0);
    for f in ["技术服务部统计报表_2026-10.xlsx", "summary.json"] {
        let a = std::fs::read(w.path("a").join(f)).unwrap();
        let b = std::fs::read(w.path("b").join(f)).unwrap();
        assert!(a == b, "{f} differs between runs");
    }
}

#[test]
fn default_period_is_the_latest_complete_month() {
    let w = Workdir::new();
    month_fixture(&w);
    // The latest record is 2026-11-02; in November that month is still running.
    let run = assert_cmd::Command::cargo_bin("tsreport")
        .unwrap()
        .current_dir(w.path(""))
        .env("TSREPORT_TODAY", "2026-11-20")
        .args(["report", "in"])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(
        out.contains("期间:2026-10(2026-10-01 至 2026-10-31),有记录的最近一个完整月份"),
        "{out}"
    );
    assert!(w.path("reports/2026-10/summary.json").exists());
}

#[test]
fn a_bad_period_is_a_usage_error_listing_the_forms() {
    let w = Workdir::new();
    month_fixture(&w);
    let run = w.run(&["report", "in", "--period", "2026-13"]);
    run.expect_code(2);
    assert!(
        run.stderr().contains("无法识别的期间 \"2026-13\";可用的写法:2026-10(月)、2026-Q3(季度)、2026-H1(半年)、2026(年)、2026-01-01..2026-03-15(日期范围)"),
        "{}",
        run.stderr()
    );
    let run = w.run(&["report", "in", "--period", "2026-13", "--lang", "en"]);
    run.expect_code(2);
    assert!(
        run.stderr().contains("invalid period \"2026-13\"; accepted forms: 2026-10 (month), 2026-Q3 (quarter), 2026-H1 (half year), 2026 (year), 2026-01-01..2026-03-15 (days)"),
        "{}",
        run.stderr()
    );
}

#[test]
fn strict_turns_rejected_rows_into_exit_1() {
    let w = Workdir::new();
    month_fixture(&w);
    w.xlsx(
        "in/坏.xlsx",
        &[(
            "s",
            vec![complaint_header(), vec![S("Z1"), S("下周"), S("电话")]],
        )],
    );
    w.run(&["report", "in", "--period", "2026-10", "--out", "o1"])
        .expect_code(0);
    w.run(&[
        "report", "in", "--period", "2026-10", "--out", "o2", "--strict",
    ])
    .expect_code(1)
    .expect_stderr_line("tsreport: --strict:有 1 行被拒收");
    assert!(w.path("o2/summary.json").exists());
}

#[test]
fn nothing_usable_is_exit_1() {
    let w = Workdir::new();
    w.write("x.csv", "甲,乙\n1,2\n");
    w.run(&["report", "x.csv"]).expect_code(1);
}

#[test]
fn a_report_written_into_the_input_folder_is_not_read_back() {
    let w = Workdir::new();
    month_fixture(&w);
    w.run(&["report", "in", "--period", "2026-10", "--out", "in/reports"])
        .expect_code(0);
    w.run(&["report", "in", "--period", "2026-10", "--out", "in/reports"])
        .expect_code(0)
        .expect_stdout("读取了 2 个文件、2 个工作表。");
}

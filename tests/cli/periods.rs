//! 环比 / 同比 / 累计, trips across a period boundary, the technician table and `review`, on
//! a fixture spanning two years whose every expected value is worked out in the comments.

use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::{Value, json};

use crate::summary::{close, kpi, report_summary};
use crate::workdir::*;

fn fixture(w: &Workdir) {
    std::fs::create_dir_all(w.path("in")).unwrap();
    #[rustfmt::skip]
    let complaints = vec![
        complaint_header(),
        // March 2026: received 3, 完成 2; closed in March: K1 (5 days), K3 (2 days) and F2 (10 days).
        vec![S("K1"), D(2026, 3, 5), S("电话"), S("甲"), S("完成"), D(2026, 3, 10)],
        vec![S("K2"), D(2026, 3, 10), S("电话"), S("乙"), S("未处理"), B],
        vec![S("K3"), D(2026, 3, 20), S("来访"), S("丙"), S("完成"), D(2026, 3, 22)],
        // February 2026: received 2, both 完成; F2 closes on 03-02, so it is open at 02-28.
        vec![S("F1"), D(2026, 2, 10), S("电话"), S("丁"), S("完成"), D(2026, 2, 12)],
        vec![S("F2"), D(2026, 2, 20), S("电话"), S("戊"), S("完成"), D(2026, 3, 2)],
        // January 2026.
        vec![S("J1"), D(2026, 1, 15), S("电话"), S("己"), S("完成"), D(2026, 1, 20)],
        // March 2025: four, each closed the next day.
        vec![S("L1"), D(2025, 3, 1), S("电话"), S("庚"), S("完成"), D(2025, 3, 2)],
        vec![S("L2"), D(2025, 3, 2), S("电话"), S("辛"), S("完成"), D(2025, 3, 3)],
        vec![S("L3"), D(2025, 3, 3), S("电话"), S("壬"), S("完成"), D(2025, 3, 4)],
        vec![S("L4"), D(2025, 3, 4), S("电话"), S("癸"), S("完成"), D(2025, 3, 5)],
    ];
    let mut visits = vec![vec![
        S("拜访日期"),
        S("技术员"),
        S("客户名称"),
        S("解决情况"),
    ]];
    for (d, who) in [
        (D(2026, 3, 1), "张伟"),
        (D(2026, 3, 15), "张伟"),
        (D(2026, 3, 31), "张伟"),
        (D(2026, 3, 5), "李娜"),
        (D(2026, 2, 3), "张伟"),
        (D(2026, 2, 4), "张伟"),
        (D(2026, 1, 9), "李娜"),
        (D(2025, 3, 9), "李娜"),
        (D(2025, 3, 10), "李娜"),
        (D(2025, 3, 11), "李娜"),
        (D(2025, 3, 12), "李娜"),
        (D(2025, 3, 13), "李娜"),
    ] {
        visits.push(vec![d, S(who), S("场"), S("已解决")]);
    }
    let trips = vec![
        vec![S("技术员"), S("出发日期"), S("返回日期")],
        // Across the month boundary: 02-27, 02-28 in February; 03-01, 03-02 in March.
        vec![S("张伟"), D(2026, 2, 27), D(2026, 3, 2)],
        vec![S("李娜"), D(2026, 3, 10), D(2026, 3, 12)],
    ];
    w.xlsx("in/客诉.xlsx", &[("客诉", complaints)]);
    w.xlsx("in/拜访.xlsx", &[("拜访", visits)]);
    w.xlsx("in/出差.xlsx", &[("出差", trips)]);
}

#[test]
fn month_against_previous_month_last_year_and_year_to_date() {
    let w = Workdir::new();
    fixture(&w);
    let s = report_summary(&w, "2026-03");
    // Received: March 3, February 2, March 2025 4, Jan–Mar 2026 6.
    let r = kpi(&s, "complaints_received");
    assert_eq!(
        (&r["value"], &r["previous"], &r["mom_change"], &r["mom_pct"]),
        (&json!(3), &json!(2), &json!(1), &json!(0.5))
    );
    assert_eq!(
        (&r["last_year"], &r["yoy_change"], &r["yoy_pct"], &r["ytd"]),
        (&json!(4), &json!(-1), &json!(-0.25), &json!(6))
    );
    // Close rate: 2 of 3; February 2 of 2; March 2025 4 of 4; year to date 5 of 6.
    let c = kpi(&s, "close_rate");
    assert!(
        close(&c["value"], 2.0 / 3.0)
            && close(&c["previous"], 1.0)
            && close(&c["mom_change"], 2.0 / 3.0 - 1.0)
    );
    assert!(close(&c["ytd"], 5.0 / 6.0));
    // Open at the end: K2 at 03-31; F2 at 02-28; none at 2025-03-31 (base 0 → no %).
    let b = kpi(&s, "backlog_end");
    assert_eq!(
        (&b["value"], &b["previous"], &b["last_year"], &b["yoy_pct"]),
        (&json!(1), &json!(1), &json!(0), &Value::Null)
    );
    // Closed in March: K1, K3, F2; February: F1; March 2025: four; year to date: J1, F1 + 3.
    let k = kpi(&s, "closed_in_period");
    assert_eq!(
        (&k["value"], &k["previous"], &k["last_year"], &k["ytd"]),
        (&json!(3), &json!(1), &json!(4), &json!(5))
    );
    // Days to close in March: 5, 2, 10 → median 5; February: 2; March 2025: 1.
    let m = kpi(&s, "median_days_to_close");
    assert_eq!(
        (&m["value"], &m["previous"], &m["last_year"]),
        (&json!(5.0), &json!(2.0), &json!(1.0))
    );
    let v = kpi(&s, "field_visits");
    assert_eq!(
        (&v["value"], &v["previous"], &v["last_year"], &v["ytd"]),
        (&json!(4), &json!(2), &json!(5), &json!(7))
    );
    // No site-visit records at all: zero bases give no %.
    assert_eq!(kpi(&s, "site_visits")["mom_pct"], Value::Null);
}

#[test]
fn quarter_compares_with_the_previous_quarter_and_has_year_to_date() {
    let w = Workdir::new();
    fixture(&w);
    let s = report_summary(&w, "2026-Q1");
    let r = kpi(&s, "complaints_received");
    // Q1 2026: J1, F1, F2, K1–K3 = 6; Q4 2025: none; Q1 2025: four.
    assert_eq!(
        (
            &r["value"],
            &r["previous"],
            &r["mom_pct"],
            &r["last_year"],
            &r["ytd"]
        ),
        (&json!(6), &json!(0), &Value::Null, &json!(4), &json!(6))
    );
    let h = report_summary(&w, "2026-H1");
    assert_eq!(kpi(&h, "complaints_received")["ytd"], Value::Null);
}

#[test]
fn trips_count_only_their_days_inside_the_period() {
    let w = Workdir::new();
    fixture(&w);
    let tech = |s: &Value, name: &str| -> (i64, i64, i64) {
        let r = s["tables"]["technicians"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["technician"] == name)
            .unwrap()
            .clone();
        (
            r["trips"].as_i64().unwrap(),
            r["trip_days"].as_i64().unwrap(),
            r["field_visits"].as_i64().unwrap(),
        )
    };
    let march = report_summary(&w, "2026-03");
    assert_eq!(tech(&march, "张伟"), (1, 2, 3));
    assert_eq!(tech(&march, "李娜"), (1, 3, 1));
    let feb = report_summary(&w, "2026-02");
    assert_eq!(tech(&feb, "张伟"), (1, 2, 2));
    let q1 = report_summary(&w, "2026-Q1");
    assert_eq!(tech(&q1, "张伟"), (1, 4, 5));
}

#[test]
fn comparisons_on_the_overview_show_a_dash_where_there_is_no_base() {
    let w = Workdir::new();
    fixture(&w);
    report_summary(&w, "2026-03");
    let mut wb: Xlsx<_> = open_workbook(w.path("2026-03/技术服务部统计报表_2026-03.xlsx")).unwrap();
    let sheet = wb.worksheet_range("概览").unwrap();
    let row: Vec<&Data> = sheet
        .rows()
        .find(|r| r[0] == Data::String("期末未结案(件)".into()))
        .unwrap()
        .iter()
        .collect();
    // The Chinese label first, then 本期 … 同比%; no internal key before it.
    assert_eq!(row[1], &Data::Float(1.0));
    assert_eq!(row[7], &Data::String("—".into()));
}

#[test]
fn review_puts_each_figure_beside_the_department() {
    let w = Workdir::new();
    fixture(&w);
    w.run(&[
        "review",
        "in",
        "--period",
        "2026-03",
        "--technician",
        "张伟",
        "--out",
        "rv",
    ])
    .expect_code(0)
    .expect_stdout("已写出 rv/张伟.xlsx")
    .expect_stdout("已写出 rv/张伟.json");
    let mut wb: Xlsx<_> = open_workbook(w.path("rv/张伟.xlsx")).unwrap();
    assert_eq!(
        wb.sheet_names(),
        ["我的工作", "我的市场", "我的客诉", "我的出差"]
    );
    let sheet = wb.worksheet_range("我的工作").unwrap();
    let row = |label: &str| -> Vec<Data> {
        sheet
            .rows()
            .find(|r| r[0] == Data::String(label.into()))
            .unwrap()
            .to_vec()
    };
    // Field visits: 张伟 3, 李娜 1 → median 2, rank 1 of 2; February 2 → +1.
    assert_eq!(
        row("现场拜访(次)")[1..7],
        [
            Data::Float(3.0),
            Data::Float(2.0),
            Data::Float(1.0),
            Data::Float(2.0),
            Data::Float(2.0),
            Data::Float(1.0)
        ]
    );
    // Trip days: 张伟 2, 李娜 3 → median 2.5, rank 2; February 2 → 0.
    assert_eq!(
        row("出差天数")[1..7],
        [
            Data::Float(2.0),
            Data::Float(2.5),
            Data::Float(2.0),
            Data::Float(2.0),
            Data::Float(2.0),
            Data::Float(0.0)
        ]
    );
    // review/张伟.json holds the same figures under the ids of SPEC §6.1.
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(w.path("rv/张伟.json")).unwrap()).unwrap();
    assert_eq!(json["person"], "张伟");
    assert_eq!(json["period"]["label"], "2026-03");
    let work = json["tables"]["my_work"].as_array().unwrap();
    let visits = work.iter().find(|r| r["key"] == "field_visits").unwrap();
    assert_eq!(
        (
            &visits["mine"],
            &visits["dept_median"],
            &visits["rank"],
            &visits["of"]
        ),
        (&json!(3), &json!(2.0), &json!(1), &json!(2))
    );
    for id in [
        "review_market",
        "my_market_share",
        "my_fcr",
        "my_complaints_assigned",
        "my_trips",
    ] {
        assert!(json["tables"][id].is_array(), "{id}");
    }
}

#[test]
fn review_of_an_unknown_name_lists_the_names_found() {
    let w = Workdir::new();
    fixture(&w);
    w.run(&["review", "in", "--technician", "张三"])
        .expect_code(1)
        .expect_stderr_line("tsreport: 输入中没有名为 \"张三\" 的技术员;现有的名字:张伟, 李娜");
    w.run(&["review", "in", "--technician", "张三", "--lang", "en"])
        .expect_code(1)
        .expect_stderr_line(
            "tsreport: no technician named \"张三\" in the inputs; names found: 张伟, 李娜",
        );
}

/// A period typed wrong (a year off) holds no record: the report is still written, all
/// zeros, and the clerk is told so with the dates the records span; a period with records
/// says nothing.
#[test]
fn a_period_without_any_record_is_pointed_out() {
    let w = Workdir::new();
    fixture(&w);
    // The fixture's records run from L1 (2025-03-01) to the visit of 2026-03-31.
    let empty = "tsreport: 期间 2024-03 内没有任何记录(记录的日期从 2025-03-01 到 2026-03-31),报表中的数字都将为 0;请检查 --period";
    w.run(&["report", "in", "--period", "2024-03", "--out", "out"])
        .expect_code(0)
        .expect_stderr_line(empty);
    assert!(w.path("out/summary.json").is_file());
    let run = w.run(&["report", "in", "--period", "2026-03", "--out", "out"]);
    run.expect_code(0);
    assert!(!run.stderr().contains("没有任何记录"), "{}", run.stderr());
}

/// Without `--period`, a record dated after today (a typo: 2062 for 2026) does not make the
/// report a future month's: the period is chosen among the other records, and the clerk is
/// told how many were left out and the latest of them.
#[test]
fn a_record_dated_after_today_does_not_choose_the_period() {
    let w = Workdir::new();
    fixture(&w);
    let typo = vec![
        complaint_header(),
        vec![S("T1"), D(2062, 3, 5), S("电话"), S("甲"), S("未处理"), B],
    ];
    w.xlsx("in/补录.xlsx", &[("客诉", typo)]);
    // The fixture's latest record is the visit of 2026-03-31.
    w.run_env(
        &["report", "in", "--out", "out"],
        ("TSREPORT_TODAY", "2026-06-15"),
    )
    .expect_code(0)
    .expect_stderr_line(
        "tsreport: 1 条记录的日期晚于今天(最晚 2062-03-05),选择期间时不计它们;请核对这些日期",
    )
    .expect_stdout("期间:2026-03(2026-03-01 至 2026-03-31)");
}

/// Self-reviews written into the input folder (under any name, since they carry the
/// technician's) are never read back as inputs: their 我的客诉 would pass for a complaint
/// register and, newer than the register, win over its complaints.
#[test]
fn workbooks_tsreport_wrote_are_not_read_back_as_inputs() {
    let w = Workdir::new();
    fixture(&w);
    w.run(&["review", "in", "--period", "2026-03", "--out", "in/自查"])
        .expect_code(0);
    assert!(w.path("in/自查/张伟.xlsx").is_file());
    let run = w.run(&["check", "in"]);
    run.expect_stdout("不是输入(不是电子表格,或是 tsreport 写出的文件),已略过:");
    let stdout = run.stdout();
    assert!(stdout.contains("自查/张伟.xlsx"), "{stdout}");
    assert!(!stdout.contains("[我的客诉]"), "{stdout}");
}

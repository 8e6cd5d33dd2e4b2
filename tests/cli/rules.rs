//! The rest of the department's rules through the real binary (SPEC §2.2 E5/F/G, §5.1.10,
//! §5.2.6–7, §5.4): farm feed use, disease reports and department feedback read with the
//! same messiness as the other kinds, and counted by hand below.

use serde_json::json;

use crate::summary::{read_summary, record, table};
use crate::workdir::*;

/// E5: 甲 has a blank total (its parts, 6 + 4 t, make it 10 t); 乙's parts (5.6 + 5 t) differ
/// from its total 10 t by 6% (kept, listed); 丙 is surveyed twice (the later counts).
fn feed_usage() -> Vec<Vec<V>> {
    vec![
        vec![S("主流养殖户用料调查表")],
        vec![],
        vec![
            S("调查日期"),
            S("区域"),
            S("养殖户"),
            S("养殖品种"),
            S("存栏"),
            S("饲料总用量(吨)"),
            S("商品饲料用量(吨)"),
            S("自配料用量(吨)"),
            S("使用品牌"),
        ],
        vec![
            D(2026, 10, 20),
            S("东"),
            S("甲"),
            S("生猪"),
            N(500.0),
            B,
            S("6吨"),
            N(4.0),
            S("金穗"),
        ],
        vec![
            D(2026, 10, 20),
            S("东"),
            S("乙"),
            S("生猪"),
            N(400.0),
            N(10.0),
            N(5.6),
            N(5.0),
            S("正大"),
        ],
        vec![
            D(2026, 10, 5),
            S("西"),
            S("丙"),
            S("生猪"),
            N(300.0),
            N(99.0),
            N(99.0),
            B,
            S("正大"),
        ],
        vec![
            D(2026, 10, 25),
            S("西"),
            S("丙"),
            S("生猪"),
            N(300.0),
            N(8.0),
            N(8.0),
            N(0.0),
            S("丰农"),
        ],
        vec![S("填报人:内勤")],
    ]
}

/// F: 非瘟 and ASF are 非洲猪瘟; 猪丹毒 is kept as written. 东 非洲猪瘟 was reported in
/// September too; 西 猪丹毒 is new.
fn diseases() -> Vec<Vec<V>> {
    vec![
        vec![
            S("报告日期"),
            S("地区"),
            S("养殖品种"),
            S("病名"),
            S("养殖户"),
            S("发病头数"),
            S("死亡数"),
            S("确诊"),
        ],
        vec![
            S("2026年9月20日"),
            S("东"),
            S("生猪"),
            S("非洲猪瘟"),
            S("甲"),
            N(10.0),
            N(2.0),
            S("是"),
        ],
        vec![
            D(2026, 10, 3),
            S("东"),
            S("生猪"),
            S("非瘟"),
            S("甲"),
            N(20.0),
            N(5.0),
            S("是"),
        ],
        vec![
            D(2026, 10, 9),
            S("东"),
            S("生猪"),
            S("ASF"),
            S("乙"),
            N(10.0),
            N(5.0),
            S("否"),
        ],
        vec![
            D(2026, 10, 12),
            S("西"),
            S("生猪"),
            S("猪丹毒"),
            B,
            N(4.0),
            N(0.0),
            B,
        ],
    ]
}

/// G: requests about two complaints (the limit is 7 days): 质检 is 品管; K1 replied on the
/// deadline day; K2 unreplied since 10-10 (21 days at 10-31: overdue), disputed; K9 names no
/// complaint; K1 again on 10-20 naming no department — kept, counted as 未填写 (SPEC §2.2 G),
/// unreplied 11 days: overdue.
fn assist() -> Vec<Vec<V>> {
    vec![
        vec![
            S("投诉编号"),
            S("被投诉部门"),
            S("提交日期"),
            S("回复日期"),
            S("是否质询"),
        ],
        vec![S("K1"), S("质检"), D(2026, 10, 2), D(2026, 10, 9), S("否")],
        vec![S("K2"), S("品管"), D(2026, 10, 10), B, S("是")],
        vec![S("K9"), S("物流"), D(2026, 10, 12), D(2026, 10, 13), B],
        vec![S("K1"), B, D(2026, 10, 20), B, B],
    ]
}

fn fixture(w: &Workdir) {
    std::fs::create_dir_all(w.path("in")).unwrap();
    let complaints = vec![
        complaint_header(),
        vec![
            S("K1"),
            D(2026, 10, 1),
            S("电话"),
            S("甲"),
            S("完成"),
            D(2026, 10, 9),
        ],
        vec![S("K2"), D(2026, 10, 8), S("电话"), S("乙"), S("未处理"), B],
    ];
    w.xlsx("in/客诉.xlsx", &[("客诉", complaints)]);
    w.xlsx("in/用料.xlsx", &[("用料", feed_usage())]);
    w.xlsx("in/疫情.xlsx", &[("疫情", diseases())]);
    w.xlsx("in/协查.xlsx", &[("协查", assist())]);
}

#[test]
fn check_reads_the_new_kinds_with_their_messiness() {
    let w = Workdir::new();
    fixture(&w);
    w.run(&["check", "in", "--all"])
        .expect_code(1)
        .expect_stdout("in/用料.xlsx [用料]\n  类型:E5 主流养殖户用料\n  也符合:E2 养殖规模")
        .expect_stdout("in/疫情.xlsx [疫情]\n  类型:F 疫病报告")
        .expect_stdout("in/协查.xlsx [协查]\n  类型:G 业务协查")
        // 4 records, the 填报人 footer skipped, nothing rejected: 甲's total comes from its parts.
        .expect_stdout("  行:读取 5 = 使用 4 + 跳过 1 + 拒收 0")
        .expect_stdout("in/用料.xlsx [用料] 第 5 行,饲料总用量(吨) (F) 列:\"10\" — 用量不一致");
}

#[test]
fn report_counts_feed_use_diseases_and_feedback() {
    let w = Workdir::new();
    fixture(&w);
    w.run(&["report", "in", "--period", "2026-10", "--out", "out"])
        .expect_code(0);
    let s = read_summary(&w.path("out"));
    // Farms: 甲 10 t (6 + 4), 乙 10 t (5.6 + 5 given), 丙 8 t (its 10-25 survey).
    let all = record(table(&s, "feed_usage"), "region", "全部");
    assert_eq!(all["farms"], 3);
    assert_eq!(all["total_t"], 28.0);
    let commercial = all["commercial_share"].as_f64().unwrap();
    assert!((commercial - (6.0 + 5.6 + 8.0) / 28.0).abs() < 1e-9);
    let brands = table(&s, "feed_usage_by_brand");
    assert_eq!(brands[0]["brand"], "丰农");
    assert_eq!(brands[0]["own_brand"], true);
    // Diseases: 非洲猪瘟 ×2 in October (甲, 乙): 30 cases, 10 deaths; 猪丹毒 kept as written.
    let asf = record(table(&s, "diseases"), "disease", "非洲猪瘟");
    assert_eq!(
        (
            &asf["reports"],
            &asf["farms"],
            &asf["cases"],
            &asf["deaths"],
            &asf["confirmed"]
        ),
        (&json!(2), &json!(2), &json!(30), &json!(10), &json!(1))
    );
    let erysipelas = record(table(&s, "diseases"), "disease", "猪丹毒");
    assert_eq!(
        (&erysipelas["farms"], &erysipelas["case_fatality"]),
        (&json!(1), &json!(0.0))
    );
    let new = table(&s, "disease_new");
    assert_eq!(new.len(), 1);
    assert_eq!(
        (&new[0]["region"], &new[0]["disease"]),
        (&json!("西"), &json!("猪丹毒"))
    );
    assert_eq!(new[0]["first_report_date"], "2026-10-12");
    // Feedback: 品管 2 requests (K1 on the deadline day, K2 unreplied and overdue, disputed);
    // 运输调度 (物流) 1, replied next day.
    let qc = record(table(&s, "assist_by_dept"), "dept", "品管");
    assert_eq!(
        (
            &qc["requests"],
            &qc["replied"],
            &qc["reply_rate"],
            &qc["median_days_to_reply"],
            &qc["overdue"],
            &qc["disputed"]
        ),
        (
            &json!(2),
            &json!(1),
            &json!(0.5),
            &json!(7.0),
            &json!(1),
            &json!(1)
        )
    );
    let open = table(&s, "assist_open");
    assert_eq!(
        (&open[0]["complaint_id"], &open[0]["age_days"]),
        (&json!("K2"), &json!(21))
    );
    // The request naming no department is kept and counted as 未填写 (it used to be rejected).
    assert_eq!(
        (
            &open[1]["complaint_id"],
            &open[1]["dept"],
            &open[1]["age_days"]
        ),
        (&json!("K1"), &json!("未填写"), &json!(11))
    );
    let blank = record(table(&s, "assist_by_dept"), "dept", "未填写");
    assert_eq!(
        (&blank["requests"], &blank["replied"], &blank["overdue"]),
        (&json!(1), &json!(0), &json!(1))
    );
    let unlinked = table(&s, "data_issues")
        .iter()
        .any(|i| i["raw"] == "K9" && i["reason"] == "协查申请的投诉编号不在客诉登记中");
    assert!(unlinked);
    // The new headline figures, and the brief's sections.
    let kpi = |k: &str| record(table(&s, "comparisons"), "kpi", k)["value"].clone();
    assert_eq!(kpi("disease_reports"), json!(3));
    assert_eq!(kpi("disease_new"), json!(1));
    // 2 of the 4 requests replied (3 before the blank-department request was kept).
    assert_eq!(kpi("assist_reply_rate"), json!(0.5));
    let brief = std::fs::read_to_string(w.path("out/brief.md")).unwrap();
    // The brief's warnings: the new outbreak, then K2 unreplied for 21 days (limit 7).
    assert!(
        brief.contains("- [新发疫情] 西 猪丹毒:首次报告 2026-10-12,本期 1 次\n"),
        "{brief}"
    );
    assert!(
        brief.contains("- [协查超期未回馈] K2 · 品管:2026-10-10 申请协查,21 天未回馈(时限 7 天)\n"),
        "{brief}"
    );
}

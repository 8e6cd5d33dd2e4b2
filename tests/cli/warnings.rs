//! Early warnings (SPEC §5.5) through the real binary: a quality cluster, two surges and a
//! price move planted in October and counted by hand; the list on 概览 right under the
//! headline figures and first in the brief; "无预警" when there is nothing.

use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::json;

use crate::summary::{read_summary, table};
use crate::workdir::*;

fn header() -> Vec<V> {
    [
        "投诉编号",
        "受理日期",
        "受理方式",
        "客户名称",
        "地区",
        "产品",
        "投诉类别",
        "处理状态",
    ]
    .into_iter()
    .map(S)
    .collect()
}

fn complaint(
    id: &'static str,
    d: V,
    customer: &'static str,
    region: &'static str,
    product: &'static str,
    category: &'static str,
) -> Vec<V> {
    vec![
        S(id),
        d,
        S("电话"),
        S(customer),
        S(region),
        S(product),
        S(category),
        S("完成"),
    ]
}

/// April–September: one 服务 complaint in 东 each month (the baseline: 0 品质, 0 in 西).
/// October: 甲料 品质 from three customers in 西 on 10-03, 10-06, 10-08 (a cluster; 品质 and
/// 西 each 3 against a baseline of 0: surges), and one more 服务 in 东 (1 against 1: none).
/// The total, 4 against 1 every month, is a surge too (≥ 1 + 2 × 0 and ≥ 1 + 3); 品质's and
/// 西's shares rose from 0 to 75 %, so the brief lists them under it (SPEC §5.5 item 4).
/// 生猪 出栏 prices: September 20.00, October 22.00 (+10 %: a move).
fn fixture(w: &Workdir) {
    std::fs::create_dir_all(w.path("in")).unwrap();
    let mut rows = vec![header()];
    for (m, id) in [
        (4, "S4"),
        (5, "S5"),
        (6, "S6"),
        (7, "S7"),
        (8, "S8"),
        (9, "S9"),
    ] {
        rows.push(complaint(id, D(2026, m, 10), "老户", "东", "乙料", "服务"));
    }
    rows.push(complaint(
        "W1",
        D(2026, 10, 3),
        "甲场",
        "西",
        "甲料",
        "品质",
    ));
    rows.push(complaint(
        "W2",
        D(2026, 10, 6),
        "乙场",
        "西",
        "甲料",
        "品质",
    ));
    rows.push(complaint(
        "W3",
        D(2026, 10, 8),
        "丙场",
        "西",
        "甲料",
        "品质",
    ));
    rows.push(complaint(
        "S10",
        D(2026, 10, 20),
        "老户",
        "东",
        "乙料",
        "服务",
    ));
    w.xlsx("in/客诉.xlsx", &[("客诉", rows)]);
    let prices = vec![
        vec![
            S("调查日期"),
            S("地区"),
            S("品项"),
            S("价格类型"),
            S("单价"),
            S("单位"),
        ],
        vec![
            D(2026, 9, 15),
            S("东"),
            S("生猪"),
            S("出栏"),
            N(20.0),
            S("元/kg"),
        ],
        vec![
            D(2026, 10, 15),
            S("东"),
            S("生猪"),
            S("出栏"),
            N(22.0),
            S("元/kg"),
        ],
    ];
    w.xlsx("in/价格.xlsx", &[("价格", prices)]);
}

/// The text of each row of the first sheet (its cells joined by tabs, trailing blanks cut).
fn overview_rows(path: &std::path::Path) -> Vec<String> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let name = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&name).unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join("\t")
                .trim_end_matches('\t')
                .to_string()
        })
        .collect()
}

#[test]
fn a_cluster_surges_and_a_price_move_lead_the_report() {
    let w = Workdir::new();
    fixture(&w);
    w.run(&["report", "in", "--period", "2026-10", "--out", "out"])
        .expect_code(0)
        .expect_stdout(
            "预警 5 条(批次预警 1、异常增长 3、价格异动 1),见 brief.html 第一节和“概览”表。",
        );
    let s = read_summary(&w.path("out"));
    let clusters = table(&s, "warning_clusters");
    assert_eq!(clusters.len(), 1);
    let c = &clusters[0];
    assert_eq!(
        (
            &c["product"],
            &c["first_date"],
            &c["last_date"],
            &c["complaints"],
            &c["customers"],
            &c["regions"],
            &c["ids"]
        ),
        (
            &json!("甲料"),
            &json!("2026-10-03"),
            &json!("2026-10-08"),
            &json!(3),
            &json!(3),
            &json!("西"),
            &json!("W1、W2、W3")
        )
    );
    let surges: Vec<(String, String, i64, f64, i64)> = table(&s, "warning_surges")
        .iter()
        .map(|r| {
            (
                r["dimension"].as_str().unwrap().to_string(),
                r["value"].as_str().unwrap().to_string(),
                r["count"].as_i64().unwrap(),
                r["baseline_mean"].as_f64().unwrap(),
                r["baseline_periods"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        surges,
        vec![
            ("category".into(), "品质".into(), 3, 0.0, 6),
            ("region".into(), "西".into(), 3, 0.0, 6)
        ]
    );
    let prices = table(&s, "warning_prices");
    assert_eq!(prices.len(), 1);
    assert_eq!(
        (
            &prices[0]["item"],
            &prices[0]["mean"],
            &prices[0]["previous_mean"]
        ),
        (&json!("生猪"), &json!(22.0), &json!(20.0))
    );
    assert!((prices[0]["change_pct"].as_f64().unwrap() - 0.10).abs() < 1e-12);

    // The brief opens with them, one line each.
    let brief = std::fs::read_to_string(w.path("out/brief.md")).unwrap();
    let warnings = "## 预警 (5)\n\n\
        - [批次预警] 产品 甲料:10月3日–8日 3 家客户投诉品质问题 3 件(编号 W1、W2、W3;地区 西)\n\
        - [异常增长] 投诉总量:本期 4 件投诉,前 6 期平均 1.0 件(标准差 0.0)\n\
        - [异常增长] 投诉类别 品质:本期 3 件投诉,前 6 期平均 0.0 件(标准差 0.0)\n\
        - [异常增长] 地区 西:本期 3 件投诉,前 6 期平均 0.0 件(标准差 0.0)\n\
        - [价格异动] 生猪·出栏·元/kg:均价 22.00,上期 20.00,上涨 10.0%\n";
    assert!(brief.contains(warnings), "{brief}");
    assert!(brief.find("## 预警").unwrap() < brief.find("## 主要指标").unwrap());
    let html = std::fs::read_to_string(w.path("out/brief.html")).unwrap();
    assert!(
        html.contains("<li>[批次预警] 产品 甲料:10月3日–8日"),
        "{html}"
    );

    // On 概览: the warnings table right under the headline figures.
    let rows = overview_rows(&w.path("out/技术服务部统计报表_2026-10.xlsx"));
    let title = |start: &str| rows.iter().position(|r| r.starts_with(start)).unwrap();
    let (headline, warnings, kpis) = (title("主要指标"), title("预警 |"), title("客诉核心指标"));
    assert!(headline < warnings && warnings < kpis, "{rows:#?}");
    assert_eq!(rows[warnings + 1], "类型\t说明");
    assert!(rows[warnings + 2].starts_with("批次预警\t产品 甲料:10月3日–8日"));

    // In English.
    w.run(&[
        "report", "in", "--period", "2026-10", "--out", "en", "--lang", "en",
    ])
    .expect_code(0);
    let brief = std::fs::read_to_string(w.path("en/brief.md")).unwrap();
    assert!(
        brief.contains("## Warnings (5)\n\n- [quality cluster] Product 甲料: 3 quality complaints from 3 customers, 3–8 Oct (ids W1, W2, W3; 西)\n"),
        "{brief}"
    );
    assert!(
        brief.contains("- [price move] 生猪·出栏·元/kg: mean 22.00, previous 20.00, up 10.0%\n")
    );
}

#[test]
fn a_quiet_month_says_no_warnings() {
    let w = Workdir::new();
    std::fs::create_dir_all(w.path("in")).unwrap();
    let rows = vec![
        header(),
        complaint("Q1", D(2026, 10, 3), "甲场", "西", "甲料", "品质"),
    ];
    w.xlsx("in/客诉.xlsx", &[("客诉", rows)]);
    w.run(&["report", "in", "--period", "2026-10", "--out", "out"])
        .expect_code(0)
        .expect_stdout("\n无预警。\n");
    let brief = std::fs::read_to_string(w.path("out/brief.md")).unwrap();
    assert!(brief.contains("## 预警 (0)\n\n无预警。\n"), "{brief}");
    let rows = overview_rows(&w.path("out/技术服务部统计报表_2026-10.xlsx"));
    let at = rows.iter().position(|r| r.starts_with("预警 |")).unwrap();
    assert_eq!(rows[at + 1], "无预警");
    let s = read_summary(&w.path("out"));
    for id in [
        "warnings",
        "warning_clusters",
        "warning_surges",
        "warning_prices",
    ] {
        assert!(table(&s, id).is_empty(), "{id}");
    }
}

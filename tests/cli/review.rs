//! `review` as a technician and a clerk run it: the four sheets of 4-3 answered for one
//! person (two for a clerk who only takes calls), `review/<name>.json` beside each workbook
//! with the same figures, the market from the template, English labels, and a person whose
//! market is unknown told how to set it.

use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::{Value, json};

use crate::workdir::*;

/// October 2026: 张伟's field visits in 东 (2) and one in 西 by 李娜; 赵敏 takes two calls (电话
/// and 来访), one given to 张伟; 陈静 has a trip and nothing else. The template puts 张伟 in 东.
fn fixture(w: &Workdir) {
    std::fs::create_dir_all(w.path("in")).unwrap();
    let visits = vec![
        vec![
            S("拜访日期"),
            S("技术员"),
            S("客户名称"),
            S("地区"),
            S("问题分类"),
            S("解决情况"),
        ],
        vec![
            D(2026, 10, 3),
            S("张伟"),
            S("甲场"),
            S("东"),
            S("使用不当"),
            S("已解决"),
        ],
        vec![
            D(2026, 10, 9),
            S("张伟"),
            S("乙场"),
            S("东"),
            S("品质"),
            S("跟踪中"),
        ],
        vec![
            D(2026, 10, 9),
            S("李娜"),
            S("丙场"),
            S("西"),
            S("销售"),
            S("已解决"),
        ],
    ];
    w.xlsx("in/拜访.xlsx", &[("拜访", visits)]);
    let complaints = vec![
        vec![
            S("投诉编号"),
            S("受理日期"),
            S("受理方式"),
            S("接诉人"),
            S("负责技术员"),
            S("投诉类别"),
            S("处理状态"),
        ],
        vec![
            S("K1"),
            D(2026, 10, 5),
            S("电话"),
            S("赵敏"),
            S("张伟"),
            S("品质"),
            S("未处理"),
        ],
        vec![
            S("K2"),
            D(2026, 10, 6),
            S("来访"),
            S("赵敏"),
            B,
            S("服务"),
            S("完成"),
        ],
    ];
    w.xlsx("in/客诉.xlsx", &[("客诉", complaints)]);
    let trips = vec![
        vec![S("技术员"), S("出发日期"), S("返回日期"), S("审批人")],
        vec![S("陈静"), D(2026, 10, 20), D(2026, 10, 20), S("李主管")],
    ];
    w.xlsx("in/出差.xlsx", &[("出差", trips)]);
    w.write("市场.toml", "[markets]\n\"张伟\" = [\"东\"]\n");
}

fn json(w: &Workdir, path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(w.path(path)).unwrap()).unwrap()
}

fn cells(w: &Workdir, path: &str, sheet: &str) -> Vec<String> {
    let mut wb: Xlsx<_> = open_workbook(w.path(path)).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    range
        .rows()
        .flatten()
        .filter(|c| **c != Data::Empty)
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_technicians_four_sheets_and_the_same_figures_in_json() {
    let w = Workdir::new();
    fixture(&w);
    w.run(&[
        "review",
        "in",
        "--period",
        "2026-10",
        "--technician",
        "张伟",
        "--template",
        "市场.toml",
        "--out",
        "rv",
    ])
    .expect_code(0);
    let wb: Xlsx<_> = open_workbook(w.path("rv/张伟.xlsx")).unwrap();
    assert_eq!(
        wb.sheet_names(),
        ["我的工作", "我的市场", "我的客诉", "我的出差"]
    );
    let j = json(&w, "rv/张伟.json");
    let market = j["tables"]["review_market"].as_array().unwrap();
    assert_eq!(market.len(), 1);
    assert_eq!(
        (&market[0]["region"], &market[0]["source"]),
        (&json!("东"), &json!("template"))
    );
    // 一.10: his two visits, one per class, one resolved; the workbook shows the same.
    let visits = j["tables"]["my_field_visits"].as_array().unwrap();
    let class = |c: &str| {
        visits
            .iter()
            .find(|r| r["problem_class"] == c)
            .unwrap()
            .clone()
    };
    assert_eq!(
        (&class("使用不当")["count"], &class("使用不当")["resolved"]),
        (&json!(1), &json!(1))
    );
    assert_eq!(
        (&class("品质")["count"], &class("品质")["resolved"]),
        (&json!(1), &json!(0))
    );
    let market_sheet = cells(&w, "rv/张伟.xlsx", "我的市场");
    assert!(
        market_sheet
            .iter()
            .any(|c| c.starts_with("一.10 本人现场拜访")),
        "{market_sheet:?}"
    );
    assert!(
        market_sheet
            .iter()
            .any(|c| c.starts_with("一.1 你所在市场的占有率"))
    );
    // 二: K1 given to him, open.
    let assigned = &j["tables"]["my_complaints_assigned"][0];
    assert_eq!(
        (&assigned["assigned"], &assigned["open"]),
        (&json!(1), &json!(1))
    );
    let complaints_sheet = cells(&w, "rv/张伟.xlsx", "我的客诉");
    assert!(
        complaints_sheet.iter().any(|c| c == "K1"),
        "{complaints_sheet:?}"
    );
}

#[test]
fn a_clerk_who_takes_calls_gets_work_and_complaints() {
    let w = Workdir::new();
    fixture(&w);
    w.run(&[
        "review",
        "in",
        "--period",
        "2026-10",
        "--technician",
        "赵敏",
        "--out",
        "rv",
    ])
    .expect_code(0);
    let wb: Xlsx<_> = open_workbook(w.path("rv/赵敏.xlsx")).unwrap();
    assert_eq!(wb.sheet_names(), ["我的工作", "我的客诉"]);
    let j = json(&w, "rv/赵敏.json");
    assert!(j["tables"].get("my_market_share").is_none());
    let by_channel = j["tables"]["my_complaints_received"].as_array().unwrap();
    let received =
        |c: &str| by_channel.iter().find(|r| r["channel"] == c).unwrap()["received"].clone();
    assert_eq!((received("电话"), received("来访")), (json!(1), json!(1)));
}

#[test]
fn everyone_gets_a_review_and_an_unknown_market_says_how_to_set_it() {
    let w = Workdir::new();
    fixture(&w);
    w.run(&[
        "review", "in", "--period", "2026-10", "--out", "rv", "--lang", "en",
    ])
    .expect_code(0);
    for name in ["张伟", "李娜", "赵敏", "陈静"] {
        assert!(w.path(&format!("rv/{name}.xlsx")).exists(), "{name}");
        assert!(w.path(&format!("rv/{name}.json")).exists(), "{name}");
    }
    let wb: Xlsx<_> = open_workbook(w.path("rv/陈静.xlsx")).unwrap();
    assert_eq!(
        wb.sheet_names(),
        ["My work", "My market", "My complaints", "My trips"]
    );
    let market = cells(&w, "rv/陈静.xlsx", "My market");
    assert!(
        market
            .iter()
            .any(|c| c.starts_with("Market unknown") && c.contains("[markets]")),
        "{market:?}"
    );
    // 李娜's market comes from her one visit this period.
    let j = json(&w, "rv/李娜.json");
    assert_eq!(j["tables"]["review_market"][0]["source"], "period");
}

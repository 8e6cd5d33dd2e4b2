//! Each warning rule and its edges, counted by hand.

use super::*;
use crate::period::Period;
use crate::schema::Kind;
use crate::stats::fixtures::{F, F::*, date, frame};
use crate::template::Template;

fn settings() -> Warnings {
    Template::builtin().warnings
}

fn month(s: &str) -> Period {
    Period::parse(s).unwrap()
}

/// A 品质 complaint about `product` from `customer` (blank when "").
fn quality(
    id: &'static str,
    day: &'static str,
    product: &'static str,
    customer: &'static str,
) -> Vec<(&'static str, F)> {
    let mut row = vec![
        ("id", T(id)),
        ("received_date", D(day)),
        ("channel", T("电话")),
        ("category", T("品质")),
        ("product", T(product)),
        ("region", T("东湖区")),
    ];
    if !customer.is_empty() {
        row.push(("customer", T(customer)));
    }
    row
}

fn complaints(rows: &[Vec<(&'static str, F)>]) -> DataFrame {
    let refs: Vec<&[(&str, F)]> = rows.iter().map(Vec::as_slice).collect();
    frame(Kind::Complaint, &refs)
}

#[test]
fn clusters_are_cut_at_gaps_over_seven_days_and_need_two_customers() {
    let df = complaints(&[
        // 甲料: 10-01, 10-04, 10-08 (gaps 3, 4: one run, three customers) → a cluster; then
        // 10-16 is 8 days after 10-08 — a new run of two, no cluster.
        quality("A1", "2026-10-01", "甲料", "张"),
        quality("A2", "2026-10-04", "甲料", "李"),
        quality("A3", "2026-10-08", "甲料", "王"),
        quality("A4", "2026-10-16", "甲料", "赵"),
        quality("A5", "2026-10-17", "甲料", "钱"),
        // 乙料: gaps of exactly 7 days stay in one run.
        quality("B1", "2026-10-01", "乙料", "张"),
        quality("B2", "2026-10-08", "乙料", "李"),
        quality("B3", "2026-10-15", "乙料", "李"),
        // 丙料: three from one customer — no cluster.
        quality("C1", "2026-10-02", "丙料", "孙"),
        quality("C2", "2026-10-03", "丙料", "孙"),
        quality("C3", "2026-10-04", "丙料", "孙"),
        // 丁料: two from one customer and one without a name (a customer of its own).
        quality("D1", "2026-10-02", "丁料", "周"),
        quality("D2", "2026-10-03", "丁料", "周"),
        quality("D3", "2026-10-05", "丁料", ""),
        // Left out: September, another category, a blank product.
        quality("E1", "2026-09-30", "乙料", "吴"),
        vec![
            ("id", T("E2")),
            ("received_date", D("2026-10-02")),
            ("category", T("服务")),
            ("product", T("丙料")),
            ("customer", T("郑")),
        ],
        vec![
            ("id", T("E3")),
            ("received_date", D("2026-10-02")),
            ("category", T("品质")),
            ("customer", T("郑")),
        ],
    ]);
    let found = clusters::find(&df, &month("2026-10"), 7, 3).unwrap();
    let summary: Vec<(&str, String, String, usize, usize)> = found
        .iter()
        .map(|c| {
            (
                c.product.as_str(),
                c.first.to_string(),
                c.last.to_string(),
                c.complaints,
                c.customers,
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            ("乙料", "2026-10-01".into(), "2026-10-15".into(), 3, 2),
            ("甲料", "2026-10-01".into(), "2026-10-08".into(), 3, 3),
            ("丁料", "2026-10-02".into(), "2026-10-05".into(), 3, 2),
        ]
    );
    assert_eq!(found[1].ids, vec!["A1", "A2", "A3"]);
    assert_eq!(found[1].regions, vec!["东湖区"]);
    let (zh, en) = lines::cluster(&found[1]);
    assert_eq!(
        zh,
        "产品 甲料:10月1日–8日 3 家客户投诉品质问题 3 件(编号 A1、A2、A3;地区 东湖区)"
    );
    assert_eq!(
        en,
        "Product 甲料: 3 quality complaints from 3 customers, 1–8 Oct (ids A1, A2, A3; 东湖区)"
    );
    // A larger minimum leaves none.
    assert!(
        clusters::find(&df, &month("2026-10"), 7, 4)
            .unwrap()
            .is_empty()
    );
}

/// `n` complaints of `category` in `region` on day 10 of `month` (`2026-04`).
fn counts_in(month: &str, n: usize, category: &'static str, out: &mut Vec<Vec<(&'static str, F)>>) {
    let day: &'static str = Box::leak(format!("{month}-10").into_boxed_str());
    for _ in 0..n {
        out.push(vec![
            ("received_date", D(day)),
            ("category", T(category)),
            ("region", T("西山县")),
        ]);
    }
}

#[test]
fn a_count_of_exactly_the_mean_plus_two_deviations_is_a_surge() {
    // 品质 in April–September: 0, 4, 0, 4, 0, 4 → mean 2, SD 2: a surge needs ≥ 6 (m + 2s)
    // and ≥ 5 (m + 3). October has 6 → a surge. 服务: 1 each month, October 3 → m + 2s = 1
    // but 3 < m + 3 = 4: not. 销售: nothing before, October 3 → 3 ≥ 0 + 3: a surge.
    let mut rows = Vec::new();
    for (m, n) in [
        ("04", 0),
        ("05", 4),
        ("06", 0),
        ("07", 4),
        ("08", 0),
        ("09", 4),
    ] {
        counts_in(&format!("2026-{m}"), n, "品质", &mut rows);
        counts_in(&format!("2026-{m}"), 1, "服务", &mut rows);
    }
    counts_in("2026-10", 6, "品质", &mut rows);
    counts_in("2026-10", 3, "服务", &mut rows);
    counts_in("2026-10", 3, "销售", &mut rows);
    let found = surges::find(&complaints(&rows), &month("2026-10"), &settings()).unwrap();
    let categories: Vec<(&str, usize, f64, f64, usize)> = found
        .iter()
        .filter(|s| s.dimension == "category")
        .map(|s| (s.value.as_str(), s.count, s.mean, s.sd, s.periods))
        .collect();
    assert_eq!(
        categories,
        vec![("品质", 6, 2.0, 2.0, 6), ("销售", 3, 0.0, 0.0, 6)]
    );
    // The region 西山县 holds them all: 1, 5, 1, 5, 1, 5 → mean 3, SD 2; October's 12 ≥ 7.
    let region: Vec<_> = found.iter().filter(|s| s.dimension == "region").collect();
    assert_eq!(region.len(), 1);
    assert_eq!((region[0].value.as_str(), region[0].count), ("西山县", 12));
    assert_eq!((region[0].mean, region[0].sd), (3.0, 2.0));
    // One fewer 品质 complaint in October and it is not.
    rows.retain(|r| {
        !matches!(r[0], ("received_date", D("2026-10-10")))
            || !matches!(r[1], ("category", T("品质")))
    });
    counts_in("2026-10", 5, "品质", &mut rows);
    let found = surges::find(&complaints(&rows), &month("2026-10"), &settings()).unwrap();
    assert!(!found.iter().any(|s| s.value == "品质"));
}

#[test]
fn a_short_history_gives_three_baseline_periods_or_none() {
    // The inputs begin on 2026-07-15: July, August, September end after it (3 periods).
    let mut rows = Vec::new();
    counts_in("2026-07", 0, "品质", &mut rows);
    rows.push(vec![
        ("received_date", D("2026-07-15")),
        ("category", T("服务")),
    ]);
    counts_in("2026-10", 4, "品质", &mut rows);
    let found = surges::find(&complaints(&rows), &month("2026-10"), &settings()).unwrap();
    let q: Vec<_> = found.iter().filter(|s| s.value == "品质").collect();
    assert_eq!((q[0].count, q[0].mean, q[0].periods), (4, 0.0, 3));
    // Beginning on 2026-08-01 leaves two: nothing is evaluated.
    rows[0] = vec![("received_date", D("2026-08-01")), ("category", T("服务"))];
    assert!(
        surges::find(&complaints(&rows), &month("2026-10"), &settings())
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_quarter_is_measured_against_the_six_quarters_before() {
    let base = surges::baseline(
        &Period::parse("2026-Q3").unwrap(),
        6,
        Some(date("2020-01-01")),
    );
    let starts: Vec<String> = base.iter().map(|p| p.start.to_string()).collect();
    assert_eq!(
        starts,
        [
            "2026-04-01",
            "2026-01-01",
            "2025-10-01",
            "2025-07-01",
            "2025-04-01",
            "2025-01-01"
        ]
    );
    assert_eq!(base[5].end, date("2025-03-31"));
    // A day range: the equal ranges right before it.
    let range = Period::parse("2026-10-01..2026-10-10").unwrap();
    let base = surges::baseline(&range, 2, Some(date("2020-01-01")));
    assert_eq!(
        (base[1].start, base[1].end),
        (date("2026-09-11"), date("2026-09-20"))
    );
}

fn price(
    day: &'static str,
    item: &'static str,
    value: f64,
    unit: &'static str,
) -> Vec<(&'static str, F)> {
    vec![
        ("survey_date", D(day)),
        ("region", T("东湖区")),
        ("item", T(item)),
        ("price_type", T("出栏")),
        ("price", N(value)),
        ("unit", T(unit)),
    ]
}

#[test]
fn a_price_move_of_exactly_ten_percent_counts() {
    let rows = [
        // 生猪: 30 → 33 元/kg, exactly +10 % (a move). 鸡蛋: 10 → 10.99, +9.9 % (not).
        price("2026-09-05", "生猪", 30.0, "元/kg"),
        price("2026-10-05", "生猪", 32.0, "元/kg"),
        price("2026-10-06", "生猪", 34.0, "元/kg"),
        price("2026-09-05", "鸡蛋", 10.0, "元/kg"),
        price("2026-10-05", "鸡蛋", 10.99, "元/kg"),
        // 肉鸡 in 元/斤: 5.0 (= 10 元/kg) → 9 元/kg, exactly −10 % (a move).
        price("2026-09-05", "肉鸡", 5.0, "元/斤"),
        price("2026-10-05", "肉鸡", 9.0, "元/kg"),
        // Only this period: nothing to compare.
        price("2026-10-05", "仔猪", 600.0, "元/头"),
    ];
    let refs: Vec<&[(&str, F)]> = rows.iter().map(Vec::as_slice).collect();
    let df = frame(Kind::Price, &refs);
    let moves = prices::find(&df, &month("2026-10"), 0.10).unwrap();
    let got: Vec<(&str, f64, f64)> = moves
        .iter()
        .map(|m| (m.item.as_str(), m.mean, m.previous))
        .collect();
    assert_eq!(got, vec![("生猪", 33.0, 30.0), ("肉鸡", 9.0, 10.0)]);
    assert!((moves[1].change() + 0.10).abs() < 1e-12);
    assert_eq!(
        lines::price(&moves[0]).0,
        "生猪·出栏·元/kg:均价 33.00,上期 30.00,上涨 10.0%"
    );
}

#[test]
fn day_spans_read_naturally() {
    let d = date;
    assert_eq!(
        lines::days(d("2026-10-03"), d("2026-10-03")),
        ("10月3日".into(), "3 Oct".into())
    );
    assert_eq!(
        lines::days(d("2026-09-28"), d("2026-10-03")),
        ("9月28日–10月3日".into(), "28 Sep – 3 Oct".into())
    );
}

#[test]
fn a_long_kind_shows_its_first_ten_and_says_where_the_rest_are() {
    let line = |n: usize| (format!("严重 {n}"), format!("severe {n}"));
    let w = Weight::default();
    let mut found = vec![(WarningKind::Cluster, ("c".into(), "c".into()), 1, w)];
    found.extend((0..13).map(|n| (WarningKind::Severe, line(n), 1, w)));
    found.push((WarningKind::Feedback, ("f".into(), "f".into()), 1, w));
    super::cap(&mut found);
    let kinds: Vec<WarningKind> = found.iter().map(|(k, ..)| *k).collect();
    assert_eq!(kinds.len(), 1 + 10 + 1 + 1);
    assert_eq!(found[10].1.0, "严重 9");
    assert_eq!(
        found[11].1.0,
        "另有 3 条严重投诉未结案,完整清单见“客诉明细”表"
    );
    assert_eq!(
        found[11].1.1,
        "3 more (open severe complaint): the complete list is on the Complaint lists sheet"
    );
    assert_eq!(found[11].2, 3);
    assert_eq!(found[12].0, WarningKind::Feedback);
}

#[test]
fn a_cluster_line_names_its_first_ten_ids_and_counts_the_rest() {
    let c = clusters::Cluster {
        product: "甲料".into(),
        first: date("2026-10-01"),
        last: date("2026-10-03"),
        complaints: 12,
        customers: 12,
        regions: vec![],
        ids: (1..=12).map(|i| format!("A{i}")).collect(),
    };
    let (zh, en) = lines::cluster(&c);
    assert_eq!(
        zh,
        "产品 甲料:10月1日–3日 12 家客户投诉品质问题 12 件(编号 A1、A2、A3、A4、A5、A6、A7、A8、A9、A10 等,另有 2 件)"
    );
    assert!(
        en.ends_with("(ids A1, A2, A3, A4, A5, A6, A7, A8, A9, A10 and 2 more)"),
        "{en}"
    );
}

use std::io::Write;

use super::*;
use crate::stats::fixtures::{F, F::*, date, frame, loaded};

type Row = Vec<(&'static str, F)>;

fn visit(d: &'static str, tech: &'static str, region: &'static str) -> Row {
    vec![
        ("visit_date", D(d)),
        ("technician", T(tech)),
        ("customer", T("某场")),
        ("region", T(region)),
        ("problem_class", T("使用不当")),
        ("resolution", T("已解决")),
    ]
}

fn batch(tech: &'static str, region: &'static str, species: &'static str, feed: f64) -> Row {
    vec![
        ("farm", T("某场")),
        ("species", T(species)),
        ("start_date", D("2026-06-01")),
        ("end_date", D("2026-10-20")),
        ("start_weight_kg", N(100.0)),
        ("end_weight_kg", N(200.0)),
        ("feed_kg", N(feed)),
        ("region", T(region)),
        ("technician", T(tech)),
    ]
}

fn complaint(id: &'static str, channel: &'static str, action: &'static str) -> Row {
    vec![
        ("id", T(id)),
        ("received_date", D("2026-10-05")),
        ("channel", T(channel)),
        ("first_action", T(action)),
        ("receiver", T("赵敏")),
    ]
}

fn rows(list: &[Row]) -> Vec<&[(&'static str, F)]> {
    list.iter().map(Vec::as_slice).collect()
}

/// October 2026, counted by hand:
/// - 张伟's market is the template's (`张伟 = ["东"]`); his field visits on 10-10 and 10-11
///   (东) and his trip 10-10..10-12 (总经理 approved) leave 10-12 without a record; his batches:
///   生猪 300 kg feed / 100 kg gain (3.0) and 肉鸡 170 / 100 (1.7), both in 东. 刘洋's 生猪
///   batch in 东: 250 / 100. 李娜's 生猪 batch in 西: 280 / 100.
/// - 李娜: field visits 东 ×3, 北 ×2, her batch in 西: 6 records; 东 50 %, 北 33 %, 西 17 %
///   (under 20 %): her market is 东 then 北.
/// - 王强: nothing in October; a field visit in 西 in May: market 西 from the last 12 months.
/// - 陈静: only a trip: no market at all.
/// - 赵敏 takes calls only: K1 电话 即时处置 (品质), K2 电话 现场访问 (品质, 严重, assigned to
///   张伟, open), K3 来访 呈报主管 (服务, assigned to 张伟, closed 10-08). 张伟 visited K2 on
///   10-07: 2 days.
fn fixture() -> (Loaded, Template, tempfile::NamedTempFile) {
    let visits = [
        visit("2026-10-10", "张伟", "东"),
        visit("2026-10-11", "张伟", "东"),
        visit("2026-10-02", "李娜", "东"),
        visit("2026-10-03", "李娜", "东"),
        visit("2026-10-04", "李娜", "东"),
        visit("2026-10-05", "李娜", "北"),
        visit("2026-10-06", "李娜", "北"),
        visit("2026-05-06", "王强", "西"),
    ];
    let batches = [
        batch("张伟", "东", "生猪", 300.0),
        batch("张伟", "东", "肉鸡", 170.0),
        batch("刘洋", "东", "生猪", 250.0),
        batch("李娜", "西", "生猪", 280.0),
    ];
    let mut k2 = complaint("K2", "电话", "现场访问");
    k2.extend([
        ("category", T("品质")),
        ("severity", T("严重")),
        ("technician", T("张伟")),
        ("status", T("未处理")),
    ]);
    let mut k3 = complaint("K3", "来访", "呈报主管");
    k3.extend([
        ("category", T("服务")),
        ("technician", T("张伟")),
        ("status", T("完成")),
        ("closed_date", D("2026-10-08")),
    ]);
    let mut k1 = complaint("K1", "电话", "即时处置");
    k1.push(("category", T("品质")));
    let trips = [
        vec![
            ("technician", T("张伟")),
            ("depart_date", D("2026-10-10")),
            ("return_date", D("2026-10-12")),
            ("days", N(3.0)),
            ("approver", T("总经理")),
        ],
        vec![
            ("technician", T("陈静")),
            ("depart_date", D("2026-10-20")),
            ("return_date", D("2026-10-20")),
            ("days", N(1.0)),
            ("approver", T("李主管")),
        ],
    ];
    let site = [vec![
        ("visit_date", D("2026-10-07")),
        ("technician", T("张伟")),
        ("complaint_id", T("K2")),
    ]];
    let l = loaded(vec![
        (Kind::FieldVisit, frame(Kind::FieldVisit, &rows(&visits))),
        (Kind::Batch, frame(Kind::Batch, &rows(&batches))),
        (
            Kind::Complaint,
            frame(Kind::Complaint, &rows(&[k1, k2, k3])),
        ),
        (Kind::Trip, frame(Kind::Trip, &rows(&trips))),
        (Kind::SiteVisit, frame(Kind::SiteVisit, &rows(&site))),
    ]);
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all("[markets]\n\"张伟\" = [\"东\"]\n".as_bytes())
        .unwrap();
    let template = Template::load(Some(file.path())).unwrap();
    (l, template, file)
}

fn period() -> Period {
    Period::parse("2026-10").unwrap()
}

/// The market table's (region, source, records).
fn market(r: &Review) -> Vec<(String, String, Option<i64>)> {
    r.table(Id::ReviewMarket)
        .unwrap()
        .records()
        .map(|x| {
            (
                x.text("region").unwrap().to_string(),
                x.text("source").unwrap().to_string(),
                x.num("records").map(|n| n as i64),
            )
        })
        .collect()
}

#[test]
fn a_market_from_the_template_the_twenty_percent_rule_or_the_last_twelve_months() {
    let (l, t, _file) = fixture();
    let reviews = Reviews::compute(&l, &period(), &t).unwrap();
    let s = |x: &str| x.to_string();
    assert_eq!(
        market(&reviews.review("张伟").unwrap()),
        [(s("东"), s("template"), None)]
    );
    assert_eq!(
        market(&reviews.review("李娜").unwrap()),
        [
            (s("东"), s("period"), Some(3)),
            (s("北"), s("period"), Some(2))
        ]
    );
    assert_eq!(
        market(&reviews.review("王强").unwrap()),
        [(s("西"), s("last_12_months"), Some(1))]
    );
    // 陈静 has no visit or batch at all: each market block says so and names the key.
    let chen = reviews.review("陈静").unwrap();
    let share = chen.table(Id::MyMarketShare).unwrap();
    assert!(share.rows.is_empty());
    assert!(share.note.as_ref().unwrap().0.contains("[markets]"));
}

#[test]
fn fcr_per_species_mine_my_market_and_the_department() {
    let (l, t, _file) = fixture();
    let reviews = Reviews::compute(&l, &period(), &t).unwrap();
    let zhang = reviews.review("张伟").unwrap();
    let fcr: Vec<(String, String, i64, f64)> = zhang
        .table(Id::MyFcr)
        .unwrap()
        .records()
        .map(|x| {
            (
                x.text("species").unwrap().to_string(),
                x.text("scope").unwrap().to_string(),
                x.num("batches").unwrap() as i64,
                x.num("fcr").unwrap(),
            )
        })
        .collect();
    let row = |sp: &str, scope: &str, n: i64, f: f64| (sp.to_string(), scope.to_string(), n, f);
    let expected = [
        row("生猪", "mine", 1, 3.0),
        row("生猪", "market", 2, 550.0 / 200.0),
        row("生猪", "department", 3, 830.0 / 300.0),
        row("肉鸡", "mine", 1, 1.7),
        row("肉鸡", "market", 1, 1.7),
        row("肉鸡", "department", 1, 1.7),
    ];
    assert_eq!(fcr.len(), expected.len(), "{fcr:?}");
    for (got, want) in fcr.iter().zip(&expected) {
        assert_eq!((&got.0, &got.1, got.2), (&want.0, &want.1, want.2));
        assert!((got.3 - want.3).abs() < 1e-9, "{got:?}");
    }
}

#[test]
fn complaints_as_receiver_and_as_the_technician_assigned() {
    let (l, t, _file) = fixture();
    let reviews = Reviews::compute(&l, &period(), &t).unwrap();
    // 赵敏 only takes calls: 我的工作 and 我的客诉.
    let zhao = reviews.review("赵敏").unwrap();
    assert!(!zhao.works && zhao.market.is_empty() && zhao.trips.is_empty());
    let by_channel = zhao.table(Id::MyComplaintsReceived).unwrap();
    let phone = by_channel.records_where("channel", "电话").next().unwrap();
    assert_eq!(
        (
            phone.num("received"),
            phone.num("immediate"),
            phone.num("site_visit")
        ),
        (Some(2.0), Some(1.0), Some(1.0))
    );
    let visit = by_channel.records_where("channel", "来访").next().unwrap();
    assert_eq!(
        (visit.num("received"), visit.num("escalated")),
        (Some(1.0), Some(1.0))
    );
    let by_category = zhao.table(Id::MyComplaintsByCategory).unwrap();
    let count = |c: &str| {
        by_category
            .records_where("category", c)
            .next()
            .unwrap()
            .num("count")
    };
    assert_eq!((count("品质"), count("服务")), (Some(2.0), Some(1.0)));
    // 张伟 was given K2 (open, severe, not escalated, visited after 2 days) and K3 (closed).
    let zhang = reviews.review("张伟").unwrap();
    let a = zhang
        .table(Id::MyComplaintsAssigned)
        .unwrap()
        .first()
        .unwrap();
    let got: Vec<Option<f64>> = [
        "assigned",
        "closed",
        "close_rate",
        "median_days_to_visit",
        "open",
        "severe_not_escalated",
    ]
    .iter()
    .map(|k| a.num(k))
    .collect();
    assert_eq!(
        got,
        [
            Some(2.0),
            Some(1.0),
            Some(0.5),
            Some(2.0),
            Some(1.0),
            Some(1.0)
        ]
    );
    let open = zhang.table(Id::MyOpenComplaints).unwrap();
    assert_eq!(open.first().unwrap().text("id"), Some("K2"));
}

#[test]
fn trips_with_the_day_without_a_record() {
    let (l, t, _file) = fixture();
    let reviews = Reviews::compute(&l, &period(), &t).unwrap();
    let zhang = reviews.review("张伟").unwrap();
    let trips = zhang.table(Id::MyTrips).unwrap().first().unwrap();
    assert_eq!(
        (
            trips.num("trips"),
            trips.num("trip_days"),
            trips.num("days_without_record")
        ),
        (Some(1.0), Some(3.0), Some(1.0))
    );
    let flagged = zhang.table(Id::MyTripsFlagged).unwrap().first().unwrap();
    assert_eq!(
        flagged.get("missing_dates"),
        &Val::Dates(vec![date("2026-10-12")].into())
    );
    // My work: 张伟's two field visits.
    let work = zhang.table(Id::MyWork).unwrap();
    let visits = work.records_where("key", "field_visits").next().unwrap();
    assert_eq!(visits.num("mine"), Some(2.0));
}

#[test]
fn market_share_and_prices_in_my_market_against_the_department() {
    // October: 东 金穗 30 t, 正大 10, 海大 60; 西 金穗 100. In 东: 0.3, 0.1, 0.6; the department:
    // 金穗 130 / 200 = 0.65, 正大 0.05, 海大 0.3. Prices of 生猪 出栏: 东 20 and 22, 西 18 → 21
    // in 东 against 20 overall: +5 %.
    let (mut l, t, _file) = fixture();
    let e1 = |region: &'static str, brand: &'static str, t: f64| -> Row {
        vec![
            ("survey_date", D("2026-10-10")),
            ("region", T(region)),
            ("brand", T(brand)),
            ("volume_t", N(t)),
        ]
    };
    let feed = [
        e1("东", "金穗", 30.0),
        e1("东", "正大", 10.0),
        e1("东", "海大", 60.0),
        e1("西", "金穗", 100.0),
    ];
    let e3 = |region: &'static str, price: f64| -> Row {
        vec![
            ("survey_date", D("2026-10-12")),
            ("region", T(region)),
            ("item", T("生猪")),
            ("price_type", T("出栏")),
            ("price", N(price)),
            ("unit", T("元/kg")),
        ]
    };
    let prices = [e3("东", 20.0), e3("东", 22.0), e3("西", 18.0)];
    l.frames
        .tables
        .insert(Kind::FeedMarket, frame(Kind::FeedMarket, &rows(&feed)));
    l.frames
        .tables
        .insert(Kind::Price, frame(Kind::Price, &rows(&prices)));
    let reviews = Reviews::compute(&l, &period(), &t).unwrap();
    let zhang = reviews.review("张伟").unwrap();
    let share: Vec<(String, String, f64, f64)> = zhang
        .table(Id::MyMarketShare)
        .unwrap()
        .records()
        .map(|x| {
            (
                x.text("region").unwrap().to_string(),
                x.text("brand").unwrap().to_string(),
                x.num("share").unwrap(),
                x.num("dept_share").unwrap(),
            )
        })
        .collect();
    let row = |r: &str, b: &str, s: f64, d: f64| (r.to_string(), b.to_string(), s, d);
    assert_eq!(
        share,
        [
            row("东", "金穗", 0.3, 0.65),
            row("东", "海大", 0.6, 0.3),
            row("东", "正大", 0.1, 0.05),
            row("全部", "金穗", 0.65, 0.65),
            row("全部", "海大", 0.3, 0.3),
            row("全部", "正大", 0.05, 0.05),
        ]
    );
    let price = zhang.table(Id::MyPrices).unwrap().first().unwrap();
    assert_eq!(price.num("mean_mine"), Some(21.0));
    assert_eq!(price.num("mean_dept"), Some(20.0));
    assert!((price.num("diff_pct").unwrap() - 0.05).abs() < 1e-12);
}

//! Market statistics (SPEC §5.2) on a hand-built October: shares, livestock, prices with an
//! 元/斤 row and a mixed-unit item, FCR as a ratio of sums, exclusions, field visits. Every
//! expected value is worked out in the comments from the rows.

use std::io::Read;

use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::{Value, json};

use crate::summary::{close, report_summary};
use crate::workdir::*;

pub fn fixture(w: &Workdir) {
    std::fs::create_dir_all(w.path("in")).unwrap();
    #[rustfmt::skip]
    let feed = vec![
        vec![S("调查日期"), S("地区"), S("品牌"), S("销量")],
        vec![D(2026, 10, 5), S("东"), S("金穗"), N(30.0)],
        vec![D(2026, 10, 5), S("东"), S("正大"), N(50.0)],
        vec![D(2026, 10, 20), S("东"), S("金穗"), S("20吨")],
        vec![D(2026, 10, 5), S("西"), S("正大"), N(40.0)],
        vec![D(2026, 10, 5), S("西"), S("丰农"), N(10.0)],
        vec![D(2026, 9, 5), S("东"), S("正大"), N(999.0)],
    ];
    #[rustfmt::skip]
    let livestock = vec![
        vec![S("调查日期"), S("地区"), S("养殖品种"), S("存栏/规模"), S("养殖户数")],
        vec![D(2026, 10, 10), S("东"), S("生猪"), N(1000.0), N(10.0)],
        vec![D(2026, 10, 25), S("东"), S("生猪"), N(1200.0), N(12.0)],
        vec![D(2026, 10, 25), S("东"), S("生猪"), N(300.0), N(3.0)],
        vec![D(2026, 10, 12), S("西"), S("草鱼"), N(50.0), B],
        vec![D(2026, 11, 1), S("东"), S("生猪"), N(9999.0), B],
    ];
    #[rustfmt::skip]
    let prices = vec![
        vec![S("调查日期"), S("地区"), S("品项"), S("价格类型"), S("单价"), S("单位")],
        vec![D(2026, 10, 15), S("东"), S("猪肉"), S("零售"), N(13.5), S("元/斤")],
        vec![D(2026, 10, 15), S("西"), S("猪肉"), S("零售"), N(28.0), S("元/kg")],
        vec![D(2026, 10, 16), S("西"), S("猪肉"), S("零售"), N(25.0), S("元/公斤")],
        vec![D(2026, 10, 15), S("东"), S("仔猪"), S("幼畜苗禽"), N(500.0), S("元/头")],
        vec![D(2026, 10, 15), S("东"), S("仔猪"), S("幼畜苗禽"), N(30.0), S("元/kg")],
        vec![D(2026, 9, 15), S("东"), S("猪肉"), S("零售"), N(10.0), S("元/kg")],
    ];
    let h = [
        "户名",
        "养殖品种",
        "入栏日期",
        "出栏日期",
        "入栏重量",
        "出栏重量",
        "饲料用量",
        "地区",
        "技术员",
        "饲料品牌",
        "入栏数",
        "死亡数",
        "饲料成本",
        "其他成本",
    ];
    let mut batches = vec![h.iter().map(|s| S(s)).collect::<Vec<_>>()];
    #[rustfmt::skip]
    batches.extend(vec![
        vec![S("B1"), S("生猪"), D(2026, 5, 1), D(2026, 10, 1), N(1000.0), N(3500.0), N(6500.0), S("东"), S("张伟"), S("金穗"), N(100.0), N(2.0), N(20000.0), N(5000.0)],
        vec![S("B2"), S("生猪"), D(2026, 5, 1), D(2026, 10, 2), N(2000.0), N(4000.0), N(6000.0), S("东"), S("李娜"), S("正大"), N(50.0), N(1.0), N(18000.0), N(2000.0)],
        vec![S("B3"), S("生猪"), D(2026, 5, 1), D(2026, 10, 3), N(500.0), N(1500.0), N(2000.0), S("西"), S("张伟"), S("金穗"), N(30.0), N(0.0), N(6000.0), B],
        vec![S("B4"), S("草鱼"), D(2026, 3, 1), D(2026, 10, 4), N(100.0), N(1100.0), N(1500.0), S("西"), S("王强"), S("丰农"), B, B, N(4000.0), N(1000.0)],
        vec![S("B5"), S("生猪"), D(2026, 5, 1), D(2026, 10, 5), N(1000.0), N(1500.0), N(5000.0), S("东"), S("李娜"), S("正大"), N(40.0), N(1.0), B, B],
        vec![S("B6"), S("生猪"), D(2026, 5, 1), D(2026, 10, 6), N(1000.0), N(900.0), N(3000.0), S("东"), S("张伟"), S("金穗"), N(40.0), N(1.0), B, B],
        vec![S("B7"), S("生猪"), D(2026, 5, 1), D(2026, 9, 30), N(1000.0), N(3000.0), N(5000.0), S("东"), S("张伟"), S("金穗"), N(40.0), N(1.0), B, B],
    ]);
    w.xlsx(
        "in/市场调查.xlsx",
        &[
            ("饲料市场", feed),
            ("养殖规模", livestock),
            ("价格", prices),
            ("饲养效果", batches),
        ],
    );
    w.write(
        "in/拜访.csv",
        "拜访日期,技术员,客户名称,客户类型,问题分类,解决情况\n\
         2026-10-01,张伟,甲场,养殖户,品质,已解决\n\
         2026-10-02,张伟,甲场,养殖户,使用不当,跟踪中\n\
         2026-10-03,李娜,乙场,示范户,使用不当,已解决\n\
         2026-10-04,李娜,丙部,经销商,销售,未解决\n\
         2026-10-05,王强,丁场,,,已解决\n\
         2026-09-30,王强,戊场,养殖户,品质,已解决\n",
    );
}

fn run(w: &Workdir) -> Value {
    fixture(w);
    report_summary(w, "2026-10")
}

#[test]
fn market_share_by_region_and_overall() {
    let w = Workdir::new();
    let s = run(&w);
    let rows: Vec<(String, String, f64, f64, bool, i64)> = s["tables"]["market_share"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["region"].as_str().unwrap().to_string(),
                r["brand"].as_str().unwrap().to_string(),
                r["volume_t"].as_f64().unwrap(),
                r["share"].as_f64().unwrap(),
                r["own_brand"].as_bool().unwrap(),
                r["rows"].as_i64().unwrap(),
            )
        })
        .collect();
    // 全部: 正大 40+50, 金穗 30+20, 丰农 10 of 150; 东: 金穗 50, 正大 50; 西: 正大 40, 丰农 10.
    let expect = [
        ("全部", "正大", 90.0, 0.6, false, 2),
        ("全部", "金穗", 50.0, 50.0 / 150.0, true, 2),
        ("全部", "丰农", 10.0, 10.0 / 150.0, true, 1),
        ("东", "正大", 50.0, 0.5, false, 1),
        ("东", "金穗", 50.0, 0.5, true, 2),
        ("西", "正大", 40.0, 0.8, false, 1),
        ("西", "丰农", 10.0, 0.2, true, 1),
    ];
    assert_eq!(rows.len(), expect.len(), "{rows:?}");
    for (got, want) in rows.iter().zip(expect) {
        assert_eq!(
            (got.0.as_str(), got.1.as_str(), got.4, got.5),
            (want.0, want.1, want.4, want.5)
        );
        assert!(
            (got.2 - want.2).abs() < 1e-9 && (got.3 - want.3).abs() < 1e-9,
            "{got:?} vs {want:?}"
        );
    }
    let matrix = s["tables"]["market_share_by_region"].as_array().unwrap();
    let cell = |r: &str, b: &str| {
        matrix
            .iter()
            .find(|x| x["region"] == r && x["brand"] == b)
            .unwrap()["share"]
            .clone()
    };
    assert!(close(&cell("西", "丰农"), 0.2));
    assert!(close(&cell("东", "丰农"), 0.0));
}

#[test]
fn livestock_takes_the_latest_survey_in_the_period() {
    let w = Workdir::new();
    let s = run(&w);
    assert_eq!(
        s["tables"]["livestock_scale"],
        json!([
            {"region": "东", "species": "生猪", "value": 1500.0, "unit": "头", "farms": 15.0, "survey_date": "2026-10-25", "previous": null, "change": null},
            {"region": "西", "species": "草鱼", "value": 50.0, "unit": "亩", "farms": null, "survey_date": "2026-10-12", "previous": null, "change": null}
        ])
    );
}

#[test]
fn prices_convert_jin_and_never_mix_units() {
    let w = Workdir::new();
    let s = run(&w);
    let rows: Vec<String> = s["tables"]["prices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {} n={} mean={:.4} min={} max={} median={}",
                r["item"].as_str().unwrap(),
                r["price_type"].as_str().unwrap(),
                r["unit"].as_str().unwrap(),
                r["region"].as_str().unwrap(),
                r["n"],
                r["mean"].as_f64().unwrap(),
                r["min"],
                r["max"],
                r["median"]
            )
        })
        .collect();
    // 13.5 元/斤 → 27 元/kg; 元/公斤 is 元/kg; 仔猪 by the head and by the kg stay apart.
    assert_eq!(
        rows,
        [
            "仔猪 幼畜苗禽 元/kg 全部 n=1 mean=30.0000 min=30.0 max=30.0 median=30.0",
            "仔猪 幼畜苗禽 元/kg 东 n=1 mean=30.0000 min=30.0 max=30.0 median=30.0",
            "仔猪 幼畜苗禽 元/头 全部 n=1 mean=500.0000 min=500.0 max=500.0 median=500.0",
            "仔猪 幼畜苗禽 元/头 东 n=1 mean=500.0000 min=500.0 max=500.0 median=500.0",
            "猪肉 零售 元/kg 全部 n=3 mean=26.6667 min=25.0 max=28.0 median=27.0",
            "猪肉 零售 元/kg 东 n=1 mean=27.0000 min=27.0 max=27.0 median=27.0",
            "猪肉 零售 元/kg 西 n=2 mean=26.5000 min=25.0 max=28.0 median=26.5",
        ]
    );
    let monthly = s["tables"]["prices_monthly"].as_array().unwrap();
    let at = |m: &str| {
        monthly
            .iter()
            .find(|x| x["month"] == m && x["series"] == "猪肉·零售·元/kg")
            .unwrap()["mean"]
            .clone()
    };
    assert!(close(&at("2026-10"), 80.0 / 3.0));
    assert!(close(&at("2026-09"), 10.0));
    assert_eq!(at("2026-08"), Value::Null);
    // One unit per chart: 元/kg (four of October's five prices), so 仔猪 by the head is left
    // to the prices table.
    let mut series: Vec<&str> = monthly
        .iter()
        .map(|x| x["series"].as_str().unwrap())
        .collect();
    series.sort();
    series.dedup();
    assert_eq!(series, ["仔猪·幼畜苗禽·元/kg", "猪肉·零售·元/kg"]);
}

#[test]
fn fcr_is_a_ratio_of_sums_and_implausible_batches_are_left_out() {
    let w = Workdir::new();
    let s = run(&w);
    let fcr = s["tables"]["fcr"].as_array().unwrap();
    let get = |grouping: &str, group: &str| {
        fcr.iter()
            .find(|r| r["grouping"] == grouping && r["group"] == group)
            .unwrap()
    };
    // 生猪: B1 B2 B3 (B5 FCR 10 and B6 no gain left out, B7 ends in September):
    // feed 6500 + 6000 + 2000 = 14500, gain 2500 + 2000 + 1000 = 5500 → 2.6364, where the
    // mean of the batch ratios would be (2.6 + 3.0 + 2.0) / 3 = 2.5333.
    let pig = get("species", "生猪");
    assert_eq!(
        (&pig["batches"], &pig["metric"]),
        (&json!(3), &json!("料肉比"))
    );
    assert!(close(&pig["fcr"], 14500.0 / 5500.0));
    assert!(close(&pig["feed_cost_per_kg_gain"], 44000.0 / 5500.0));
    // Production cost only where both costs are known: B1 and B2.
    assert!(close(&pig["production_cost_per_kg_gain"], 45000.0 / 4500.0));
    assert!(close(&pig["mortality"], 3.0 / 180.0));
    let fish = get("species", "草鱼");
    assert_eq!(fish["metric"], "饵料系数");
    assert!(close(&fish["fcr"], 1.5));
    assert_eq!(fish["mortality"], Value::Null);
    // One group per brand (B1 + B3 金穗, B2 正大), with the own-brand flag; and own brands
    // against the others, pooled.
    let jinsui = get("species_brand", "生猪/金穗");
    assert!(close(&jinsui["fcr"], 8500.0 / 3500.0));
    assert_eq!(jinsui["own_brand"], json!(true));
    let zhengda = get("species_brand", "生猪/正大");
    assert!(close(&zhengda["fcr"], 3.0));
    assert_eq!(zhengda["own_brand"], json!(false));
    assert!(close(&get("species_brand", "草鱼/丰农")["fcr"], 1.5));
    assert!(close(
        &get("species_own", "生猪/本公司品牌")["fcr"],
        8500.0 / 3500.0
    ));
    assert!(close(&get("species_own", "生猪/其他品牌")["fcr"], 3.0));
    // Never pooled across species (SPEC §5.2.4 changed: region and technician groupings are
    // per species now): 东/生猪 is B1 + B2; 西 holds a pig (B3) and a fish batch (B4), which
    // used to pool as 3500 / 2000 and now stand apart.
    assert!(close(
        &get("region_species", "东/生猪")["fcr"],
        12500.0 / 4500.0
    ));
    assert!(close(
        &get("region_species", "西/生猪")["fcr"],
        2000.0 / 1000.0
    ));
    assert!(close(
        &get("region_species", "西/草鱼")["fcr"],
        1500.0 / 1000.0
    ));
    assert!(close(
        &get("technician_species", "张伟/生猪")["fcr"],
        8500.0 / 3500.0
    ));
    // No batch is marked 是否示范户: every pig batch is 非示范户.
    let other = get("species_demo", "生猪/非示范户");
    assert!(close(&other["fcr"], 14500.0 / 5500.0));
    assert!(!fcr.iter().any(|r| r["group"] == "生猪/示范户"));
    for r in fcr {
        let g = r["grouping"].as_str().unwrap();
        assert!(
            g.starts_with("species") || g.ends_with("_species"),
            "{g} pools species"
        );
    }

    let ranks: Vec<(String, String)> = s["tables"]["fcr_best_worst"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["rank"].as_str().unwrap().to_string(),
                r["farm"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let pairs = |v: &[(&str, &str)]| {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect::<Vec<_>>()
    };
    // 生猪 by FCR: B3 2.0, B1 2.6, B2 3.0 → best B3, B1; worst B2. 草鱼: B4 only.
    assert_eq!(
        ranks,
        pairs(&[
            ("最好 1", "B3"),
            ("最好 2", "B1"),
            ("最差 1", "B2"),
            ("最好 1", "B4")
        ])
    );

    let issues = s["tables"]["data_issues"].as_array().unwrap();
    let reasons: Vec<(&str, &str)> = issues
        .iter()
        .map(|i| (i["raw"].as_str().unwrap(), i["reason"].as_str().unwrap()))
        .collect();
    assert!(
        reasons.contains(&("10.00", "料肉比超出生猪的合理范围 1.8–4.5,不计入料肉比统计")),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(&("-100", "出栏重量不大于入栏重量(增重 ≤ 0),不计入料肉比统计")),
        "{reasons:?}"
    );
}

#[test]
fn field_visits_by_customer_type_and_problem_class() {
    let w = Workdir::new();
    let s = run(&w);
    assert_eq!(
        s["tables"]["field_visits_kpis"],
        json!([{"visits": 5, "customers": 4, "demo_visits": 1, "resolved": 3, "resolved_rate": 0.6}])
    );
    let rows: Vec<(String, String, i64, i64)> = s["tables"]["field_visits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["dimension"].as_str().unwrap().to_string(),
                r["value"].as_str().unwrap().to_string(),
                r["count"].as_i64().unwrap(),
                r["resolved"].as_i64().unwrap(),
            )
        })
        .collect();
    let expect = [
        ("customer_type", "养殖户", 2, 1),
        ("customer_type", "经销商", 1, 0),
        ("customer_type", "示范户", 1, 1),
        ("customer_type", "其他", 0, 0),
        ("customer_type", "未填写", 1, 1),
        ("problem_class", "品质", 1, 1),
        ("problem_class", "销售", 1, 0),
        ("problem_class", "使用不当", 2, 1),
        ("problem_class", "其他", 0, 0),
        ("problem_class", "未填写", 1, 1),
    ];
    let expect: Vec<(String, String, i64, i64)> = expect
        .iter()
        .map(|(a, b, c, d)| (a.to_string(), b.to_string(), *c, *d))
        .collect();
    assert_eq!(rows, expect);
}

#[test]
fn market_sheets_and_charts_in_the_workbook() {
    let w = Workdir::new();
    run(&w);
    let path = w.path("2026-10/技术服务部统计报表_2026-10.xlsx");
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(wb.sheet_names(), crate::report::SHEETS);
    let fcr = wb.worksheet_range("料肉比").unwrap();
    let pig = fcr
        .rows()
        .find(|r| {
            r.first() == Some(&Data::String("品种".into()))
                && r.get(1) == Some(&Data::String("生猪".into()))
        })
        .unwrap();
    assert!(matches!(pig[7], Data::Float(x) if (x - 14500.0 / 5500.0).abs() < 1e-9));
    let share = wb.worksheet_range("市场占有率").unwrap();
    let jinsui = share
        .rows()
        .find(|r| {
            r.first() == Some(&Data::String("全部".into()))
                && r.get(1) == Some(&Data::String("金穗".into()))
        })
        .unwrap();
    assert!(matches!(jinsui[3], Data::Float(x) if (x - 50.0 / 150.0).abs() < 1e-9));

    // The fixture has no complaints: the complaint sheets say which export they need and
    // carry no chart; the market charts are the workbook's only ones, in sheet order.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut chart = |n: u32| {
        let mut s = String::new();
        zip.by_name(&format!("xl/charts/chart{n}.xml"))
            .unwrap()
            .read_to_string(&mut s)
            .unwrap();
        s
    };
    let stacked = chart(1);
    assert!(
        stacked.contains("<c:grouping val=\"stacked\"/>"),
        "{stacked}"
    );
    assert!(stacked.contains("市场占有率!$A$"));
    assert!(chart(2).contains("<c:pieChart>"));
    assert!(chart(3).contains("<c:lineChart>"));
    let fcr_chart = chart(4);
    assert!(
        fcr_chart.contains("<c:barChart>") && fcr_chart.contains("料肉比!$B$"),
        "{fcr_chart}"
    );
    // 预测: the overall volume's line (its history alone: too short to forecast).
    let forecast_chart = chart(5);
    assert!(
        forecast_chart.contains("<c:lineChart>") && forecast_chart.contains("预测!$B$"),
        "{forecast_chart}"
    );
    assert!(zip.by_name("xl/charts/chart6.xml").is_err());
    let complaints = wb.worksheet_range("客诉统计").unwrap();
    let notice = complaints.get_value((2, 0)).unwrap().to_string();
    assert!(
        notice.contains("A 客诉登记(必填列:受理日期、受理方式)"),
        "{notice}"
    );
}

#[test]
fn shares_and_prices_carry_their_change_against_the_previous_period() {
    let w = Workdir::new();
    let s = run(&w);
    let share = s["tables"]["market_share"].as_array().unwrap();
    let row = |r: &str, b: &str| {
        share
            .iter()
            .find(|x| x["region"] == r && x["brand"] == b)
            .unwrap()
            .clone()
    };
    // September: only 东 正大 999 t, so 正大 held 100% in 东 and overall.
    assert!(close(&row("东", "正大")["previous_share"], 1.0));
    assert!(close(&row("东", "正大")["change_pp"], -0.5));
    assert!(close(&row("全部", "正大")["change_pp"], 0.6 - 1.0));
    assert_eq!(row("全部", "金穗")["change_pp"], Value::Null);
    let prices = s["tables"]["prices"].as_array().unwrap();
    let pork = |r: &str| {
        prices
            .iter()
            .find(|x| x["item"] == "猪肉" && x["region"] == r)
            .unwrap()
            .clone()
    };
    // September 猪肉 in 东 (and overall): 10 元/kg → October 27 and 80/3.
    assert!(close(&pork("东")["mom_pct"], 1.7));
    assert!(close(&pork("全部")["mom_pct"], (80.0 / 3.0 - 10.0) / 10.0));
    assert_eq!(pork("西")["mom_pct"], Value::Null);
    assert_eq!(s["tables"]["livestock_scale"][0]["change"], Value::Null);
}

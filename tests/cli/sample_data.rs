//! The shipped `sample-data/`: produced by `tsreport sample`, and every row of it accounted
//! for by `check`.

use std::path::{Path, PathBuf};

use tsreport::issues::{Action, Reason};
use tsreport::schema::Kind;

use crate::frames::load_all;
use crate::workdir::Workdir;

fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data")
}

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn committed_sample_data_is_what_sample_writes_byte_for_byte() {
    let w = Workdir::new();
    w.run(&["sample", "--out", "a"]).expect_code(0);
    w.run(&["sample", "--out", "b"]).expect_code(0);
    let (a, b) = (files(&w.path("a")), files(&w.path("b")));
    assert_eq!(a, b, "two runs differ");
    let committed = files(&sample_dir());
    let names = |v: &[(String, Vec<u8>)]| v.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&a), names(&committed));
    for ((name, x), (_, y)) in a.iter().zip(&committed) {
        assert!(
            x == y,
            "sample-data/{name} is stale: run `cargo run -- sample --out sample-data`"
        );
    }
    let total: usize = committed.iter().map(|(_, b)| b.len()).sum();
    assert!(total < 2_000_000, "sample-data is {total} bytes");
}

#[test]
fn check_on_sample_data_reconciles_every_sheet() {
    let w = Workdir::new();
    let dir = sample_dir();
    let run = w.run(&["check", dir.to_str().unwrap()]);
    // The sample has bad rows on purpose.
    run.expect_code(1);
    let out = run.stdout();
    let mut sheets = 0;
    for line in out.lines().filter(|l| l.starts_with("  行:读取 ")) {
        let nums: Vec<u64> = line
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect();
        let sum: u64 = nums[1..].iter().sum();
        assert_eq!(nums[0], sum, "{line}");
        sheets += 1;
    }
    assert_eq!(sheets, 14, "{out}");
}

#[test]
fn sample_data_covers_every_kind_with_its_planted_problems() {
    let mut paths: Vec<PathBuf> = files(&sample_dir())
        .into_iter()
        .map(|(n, _)| sample_dir().join(n))
        .collect();
    paths.sort();
    let loaded = load_all(&paths);
    assert!(loaded.file_errors.is_empty());
    for s in &loaded.sheets {
        assert!(s.reconciles(), "{s:?}");
    }
    for kind in Kind::ALL {
        assert!(loaded.frames.get(kind).height() > 0, "no {kind:?} records");
    }
    let count = |pred: &dyn Fn(&Reason, Action) -> bool| {
        loaded
            .issues
            .iter()
            .filter(|i| pred(&i.reason, i.action))
            .count()
    };
    // Planted by the generator: an impossible date and a blank channel in the 2026 register,
    // a missing technician and a yearless date in the CSV.
    assert_eq!(count(&|_, a| a == Action::Rejected), 4);
    assert_eq!(
        count(&|r, _| matches!(r, Reason::DuplicateConflict { .. })),
        2
    );
    assert_eq!(count(&|r, _| *r == Reason::Unrecognised), 1);
    assert_eq!(count(&|r, _| *r == Reason::ErrorCell), 1);
    // The instructions sheet is no table: skipped calmly, not unrecognised.
    assert_eq!(count(&|r, _| matches!(r, Reason::UnrecognisedSheet(_))), 0);
    assert_eq!(count(&|r, _| *r == Reason::NotADataSheet), 1);
    // The farm whose commercial and self-mixed tonnes disagree with its total.
    assert_eq!(count(&|r, _| matches!(r, Reason::UsageMismatch { .. })), 1);
    // Each complaint id once.
    let df = loaded.frames.get(Kind::Complaint);
    let ids: std::collections::HashSet<&str> = df
        .column("id")
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .flatten()
        .collect();
    assert_eq!(ids.len(), df.height());
}

#[test]
fn report_on_sample_data_counts_every_complaint_once_in_each_breakdown() {
    let w = Workdir::new();
    let dir = sample_dir();
    w.run(&[
        "report",
        dir.to_str().unwrap(),
        "--period",
        "2026-10",
        "--out",
        "out",
    ])
    .expect_code(0);
    let s: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(w.path("out/summary.json")).unwrap())
            .unwrap();
    for i in s["inputs"].as_array().unwrap() {
        let n = |k: &str| i[k].as_i64().unwrap();
        assert_eq!(
            n("rows_read"),
            n("used") + n("skipped") + n("rejected"),
            "{i}"
        );
    }
    // Independent count: complaints dated in October 2026, from the normalised frame.
    let paths: Vec<PathBuf> = files(&dir).into_iter().map(|(n, _)| dir.join(n)).collect();
    let loaded = load_all(&paths);
    let df = loaded.frames.get(Kind::Complaint);
    let dates = crate::frames::strings(&df, "received_date");
    let october = dates
        .iter()
        .flatten()
        .filter(|d| d.starts_with("2026-10-"))
        .count() as i64;
    assert!(october > 0);
    let tables = &s["tables"];
    assert_eq!(tables["complaints_kpis"][0]["received"], october);
    let sum = |id: &str, key: &str| -> i64 {
        tables[id]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r[key].as_i64().unwrap())
            .sum()
    };
    assert_eq!(sum("complaints_by_channel", "received"), october);
    assert_eq!(sum("complaints_by_category", "count"), october);
    assert_eq!(sum("complaints_by_responsibility", "count"), october);
    assert_eq!(sum("complaints_by_status", "count"), october);
    assert_eq!(
        sum("complaints_category_x_responsibility", "count"),
        october
    );
    assert_eq!(sum("complaints_channel_x_status", "count"), october);
    assert_eq!(sum("complaints_region_x_category", "count"), october);
    let company = tables["complaints_by_responsibility"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["responsibility"] == "公司")
        .unwrap()["count"]
        .as_i64()
        .unwrap();
    assert_eq!(sum("complaints_by_dept", "count"), company);
    // The last month's planted warnings, one of each: a quality cluster of three farms about
    // one broiler feed, a surge of 运输 complaints, hog prices up by about a fifth. The three
    // bad rows about 金穗K8育肥料 from one farm are no cluster.
    let rows = |id: &str| tables[id].as_array().unwrap().clone();
    let clusters = rows("warning_clusters");
    assert_eq!(clusters.len(), 1, "{clusters:?}");
    assert_eq!(clusters[0]["product"], "丰农禽宝肉鸡料");
    assert_eq!(clusters[0]["customers"], 3);
    let surges = rows("warning_surges");
    assert_eq!(surges.len(), 1, "{surges:?}");
    assert_eq!(
        (&surges[0]["dimension"], &surges[0]["value"]),
        (&"category".into(), &"运输".into())
    );
    let prices = rows("warning_prices");
    assert_eq!(prices.len(), 1, "{prices:?}");
    assert_eq!(prices[0]["item"], "生猪");
    assert!(prices[0]["change_pct"].as_f64().unwrap() >= 0.10);
}

#[test]
fn summary_json_holds_every_report_table_in_the_id_order() {
    use tsreport::stats::Id;
    use tsreport::stats::id::Scope;
    let w = Workdir::new();
    let dir = sample_dir();
    w.run(&["report", dir.to_str().unwrap(), "--out", "out"])
        .expect_code(0);
    let text = std::fs::read_to_string(w.path("out/summary.json")).unwrap();
    let s: serde_json::Value = serde_json::from_str(&text).unwrap();
    let keys: Vec<&str> = s["tables"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let ids: Vec<&str> = Id::ALL
        .iter()
        .filter(|id| id.scope() == Scope::Summary)
        .map(|id| id.key())
        .collect();
    assert_eq!(keys, ids);
    let top: Vec<&str> = Id::ALL
        .iter()
        .filter(|id| id.scope() == Scope::TopLevel)
        .map(|id| id.key())
        .collect();
    for key in top {
        assert!(s[key].is_array(), "{key} at the top level");
    }
}

#[test]
fn the_samples_forecast_and_demonstration_farms_show_what_was_planted() {
    let w = Workdir::new();
    let dir = sample_dir();
    w.run(&["report", dir.to_str().unwrap(), "--out", "out"])
        .expect_code(0);
    let s = crate::summary::read_summary(&w.path("out"));
    let rows = |id: &str| crate::summary::table(&s, id).clone();
    // 南岭镇 turns from pig to poultry feed: pig 125 t against poultry 120 t in October, each
    // moving 5 t a month the other way (src/sample/market.rs).
    let turning = rows("forecast_feed_type");
    let r = crate::summary::record(&turning, "region", "南岭镇");
    assert_eq!(
        (&r["dominant_now"], &r["dominant_next"], &r["changed"]),
        (&"猪料".into(), &"禽料".into(), &true.into())
    );
    assert_eq!(
        turning.iter().filter(|r| r["changed"] == true).count(),
        1,
        "{turning:?}"
    );
    // 鸭苗 is surveyed for six months only: no number, one line saying why.
    let duck = rows("forecast")
        .into_iter()
        .find(|r| r["item"] == "鸭苗" && r["region"] == "全部")
        .unwrap();
    assert_eq!(duck["forecast"], serde_json::Value::Null);
    assert_eq!(duck["points"], 6);
    assert!(
        duck["note"]
            .as_str()
            .unwrap()
            .starts_with("历史不足 12 个月")
    );
    // The planted demonstration farms (src/sample/work.rs): one neglected since 08-25, one
    // known from batches alone and never visited, one new in October.
    let farms = rows("demo_farms");
    let farm = |name: &str| crate::summary::record(&farms, "farm", name).clone();
    let neglected = farm("南岭生态示范场");
    assert_eq!(
        (
            &neglected["last_visit_date"],
            &neglected["days_since_visit"],
            &neglected["unvisited"]
        ),
        (&"2026-08-25".into(), &67.into(), &true.into())
    );
    let batch_only = farm("中原丰农示范户");
    assert_eq!(
        (
            &batch_only["last_visit_date"],
            &batch_only["unvisited"],
            &batch_only["batches"]
        ),
        (&serde_json::Value::Null, &true.into(), &1.into())
    );
    let new = farm("东湖金穗新示范户");
    assert_eq!(
        (&new["new"], &new["first_seen"]),
        (&true.into(), &"2026-10-12".into())
    );
    let warnings = rows("warnings");
    assert!(
        warnings
            .iter()
            .any(|r| r["kind"] == "demo" && r["message"].as_str().unwrap().starts_with("示范户")),
        "{warnings:?}"
    );
}

//! `export`: the master registers of `sample-data/` read back in each format — as many
//! records per kind as the report used, the BOM, typed dates — the same bytes on a second
//! run, and the README's SQL recipes run in DuckDB against the report's own `summary.json`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::Value;

use crate::summary::{read_summary, table};
use crate::workdir::*;

fn sample_dir() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data")
        .display()
        .to_string()
}

/// Records each kind contributed to the report: Σ used over its sheets, by kind code.
fn used_by_kind(s: &Value) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    for i in s["inputs"].as_array().unwrap() {
        if let Some(kind) = i["kind"].as_str() {
            let code = kind.split(' ').next().unwrap().to_string();
            *out.entry(code).or_default() += i["used"].as_i64().unwrap();
        }
    }
    out
}

/// The kinds' file stems and codes, in export order.
const KINDS: [(&str, &str); 11] = [
    ("complaint", "A"),
    ("site_visit", "B"),
    ("field_visit", "C"),
    ("trip", "D"),
    ("feed_market", "E1"),
    ("livestock", "E2"),
    ("price", "E3"),
    ("batch", "E4"),
    ("feed_usage", "E5"),
    ("disease", "F"),
    ("assist", "G"),
];

fn export(w: &Workdir, format: &str) -> PathBuf {
    w.run(&["export", &sample_dir(), "--format", format, "--out", format])
        .expect_code(0)
        .expect_stdout("A 客诉登记:");
    w.path(format)
}

/// The `summary.json` of `report` on the sample data for 2026-10.
fn report_summary(w: &Workdir) -> serde_json::Value {
    w.run(&[
        "report",
        &sample_dir(),
        "--period",
        "2026-10",
        "--out",
        "rep",
    ])
    .expect_code(0);
    read_summary(&w.path("rep"))
}

#[test]
fn registers_in_each_format_hold_what_the_report_used() {
    let w = Workdir::new();
    let used = used_by_kind(&report_summary(&w));

    // CSV: UTF-8 with a BOM, field ids as the header, dates yyyy-mm-dd.
    let dir = export(&w, "csv");
    for (stem, code) in KINDS {
        let bytes = std::fs::read(dir.join(format!("{stem}.csv"))).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{stem}.csv has no BOM");
        let mut r = csv::Reader::from_reader(&bytes[3..]);
        let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
        assert_eq!(
            &header[header.len() - 3..].join(","),
            "source_file,source_sheet,source_row"
        );
        let rows = r.records().count() as i64;
        assert_eq!(rows, used[code], "{stem}.csv");
    }
    let complaints = std::fs::read_to_string(dir.join("complaint.csv")).unwrap();
    let mut r = csv::Reader::from_reader(&complaints.as_bytes()[3..]);
    assert_eq!(
        &r.headers()
            .unwrap()
            .iter()
            .take(3)
            .collect::<Vec<_>>()
            .join(","),
        "id,received_date,channel"
    );
    let first = r.records().next().unwrap().unwrap();
    assert!(
        chrono::NaiveDate::parse_from_str(&first[1], "%Y-%m-%d").is_ok(),
        "{first:?}"
    );

    // Parquet, read by DuckDB: every record, typed columns, dates as dates.
    let dir = export(&w, "parquet");
    let mut queries: Vec<(String, String)> = KINDS
        .iter()
        .map(|(stem, _)| (stem.to_string(), format!("SELECT count(*) FROM {stem}")))
        .collect();
    queries.push((
        "types".to_string(),
        "SELECT typeof(received_date), typeof(source_row) FROM complaint LIMIT 1".to_string(),
    ));
    let got = duckdb(&dir, &queries);
    for (stem, code) in KINDS {
        assert_eq!(got[stem][0][0].as_i64(), Some(used[code]), "{stem}.parquet");
    }
    assert_eq!(got["types"][0], ["DATE", "UINTEGER"]);

    // The workbook: a sheet per kind, dates as date cells.
    let dir = export(&w, "xlsx");
    let mut wb: Xlsx<_> = open_workbook(dir.join("技术服务部台账.xlsx")).unwrap();
    let names = wb.sheet_names();
    assert_eq!(names.len(), 12, "{names:?}");
    assert_eq!(names[0], "A 客诉登记");
    assert_eq!(names[11], "数据问题");
    let range = wb.worksheet_range("A 客诉登记").unwrap();
    assert_eq!(range.height() as i64 - 1, used["A"]);
    assert!(
        matches!(range.get((1, 1)), Some(Data::DateTime(_))),
        "{:?}",
        range.get((1, 1))
    );
    let problems = wb.worksheet_range("数据问题").unwrap();
    let rejected = problems.rows().filter(|r| r[7] == "rejected").count();
    assert_eq!(rejected, 4, "the sample's four rejected rows");

    // The same inputs give the same bytes.
    for (format, file) in [
        ("xlsx", "技术服务部台账.xlsx"),
        ("csv", "complaint.csv"),
        ("parquet", "complaint.parquet"),
    ] {
        let first = std::fs::read(w.path(format).join(file)).unwrap();
        w.run(&[
            "export",
            &sample_dir(),
            "--format",
            format,
            "--out",
            "again",
        ])
        .expect_code(0);
        assert_eq!(
            first,
            std::fs::read(w.path("again").join(file)).unwrap(),
            "{file}"
        );
    }
}

/// docs/sql.md, where the recipes and the views are.
fn sql_doc() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/sql.md")).unwrap()
}

/// The DuckDB view statements of docs/sql.md, reading the registers from `dir`.
fn duckdb_views(dir: &Path) -> String {
    let doc = sql_doc();
    let block = doc
        .split("```sql\n")
        .find(|b| b.starts_with("-- views: DuckDB"))
        .and_then(|b| b.split("```").next())
        .expect("docs/sql.md shows the DuckDB views");
    block.replace("reports/台账", &dir.display().to_string())
}

/// The SQL recipes of docs/sql.md: `-- recipe: NAME` blocks, in order.
fn recipes() -> Vec<(String, String)> {
    sql_doc()
        .split("```sql\n")
        .skip(1)
        .filter_map(|block| {
            let sql = block.split("```").next()?;
            let name = sql.strip_prefix("-- recipe: ")?.split_whitespace().next()?;
            Some((name.to_string(), sql.to_string()))
        })
        .collect()
}

/// Runs `recipes` in DuckDB (its Python package, installed by `.ci/run`) over the Parquet
/// registers in `dir`, each a view named by its file, then the views of docs/sql.md in
/// their place; returns each recipe's rows.
fn duckdb(dir: &Path, recipes: &[(String, String)]) -> BTreeMap<String, Vec<Vec<Value>>> {
    let script = r#"
import glob, json, os, sys
import duckdb
folder, recipes = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
views = open(sys.argv[3], encoding="utf-8").read()
con = duckdb.connect()
for path in sorted(glob.glob(f"{folder}/*.parquet")):
    view = os.path.basename(path)[:-len(".parquet")]
    con.execute(f"CREATE VIEW {view} AS SELECT * FROM '{path}'")
for statement in views.split(";"):
    if statement.strip() and "CREATE" in statement:
        con.execute(statement.replace("CREATE VIEW", "CREATE OR REPLACE VIEW"))
out = {name: [list(row) for row in con.execute(sql).fetchall()] for name, sql in recipes}
print(json.dumps(out, ensure_ascii=False, default=str))
"#;
    let recipes_file = dir.join("recipes.json");
    std::fs::write(&recipes_file, serde_json::to_string(recipes).unwrap()).unwrap();
    let views_file = dir.join("views.sql");
    std::fs::write(&views_file, duckdb_views(dir)).unwrap();
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(dir)
        .arg(&recipes_file)
        .arg(&views_file)
        .output()
        .expect("python3 runs (installed by .ci/run)");
    assert!(
        out.status.success(),
        "DuckDB's Python package is needed (.ci/run installs it): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Whether two numbers from JSON agree to 1e-9 (null with null).
fn same(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        _ => a.is_null() && b.is_null(),
    }
}

#[test]
fn the_sql_recipes_agree_with_the_report_in_duckdb() {
    let w = Workdir::new();
    let s = report_summary(&w);
    let dir = export(&w, "parquet");
    let recipes = recipes();
    let names: Vec<&str> = recipes.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "complaints_by_channel",
            "complaints_by_status",
            "complaints_kpis",
            "visits",
            "market_share",
            "market_share_by_region",
            "mean_prices",
            "fcr_by_species"
        ]
    );
    let got = duckdb(&dir, &recipes);
    let counts = |id: &str, key: &str, value: &str| -> BTreeMap<String, i64> {
        table(&s, id)
            .iter()
            .map(|r| {
                (
                    r[key].as_str().unwrap().to_string(),
                    r[value].as_i64().unwrap(),
                )
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    };
    let rows = |name: &str| -> BTreeMap<String, i64> {
        got[name]
            .iter()
            .map(|r| (r[0].as_str().unwrap().to_string(), r[1].as_i64().unwrap()))
            .collect()
    };
    assert_eq!(
        rows("complaints_by_channel"),
        counts("complaints_by_channel", "channel", "received")
    );
    assert_eq!(
        rows("complaints_by_status"),
        counts("complaints_by_status", "status", "count")
    );
    // Every headline complaint figure.
    let kpis = &table(&s, "complaints_kpis")[0];
    let keys = [
        "received",
        "received_and_closed",
        "close_rate",
        "closed_in_period",
        "backlog_end",
        "median_days_to_close",
        "p90_days_to_close",
    ];
    for (i, key) in keys.iter().enumerate() {
        assert!(
            same(&got["complaints_kpis"][0][i], &kpis[key]),
            "{key}: {:?} against {}",
            got["complaints_kpis"][0][i],
            kpis[key]
        );
    }
    assert_eq!(
        got["visits"][0][0],
        table(&s, "site_visits_kpis")[0]["visits"]
    );
    assert_eq!(
        got["visits"][0][1],
        table(&s, "field_visits_kpis")[0]["visits"]
    );
    // Market share overall and by region, with the own-brand flag.
    let shares = table(&s, "market_share");
    let overall: Vec<&Value> = shares.iter().filter(|r| r["region"] == "全部").collect();
    assert_eq!(got["market_share"].len(), overall.len());
    for r in &got["market_share"] {
        let want = overall.iter().find(|x| x["brand"] == r[0]).unwrap();
        assert!(same(&r[1], &want["share"]), "{r:?}");
    }
    let regional: Vec<&Value> = shares.iter().filter(|r| r["region"] != "全部").collect();
    assert_eq!(got["market_share_by_region"].len(), regional.len());
    for r in &got["market_share_by_region"] {
        let want = regional
            .iter()
            .find(|x| x["region"] == r[0] && x["brand"] == r[1])
            .unwrap();
        assert!(same(&r[2], &want["share"]), "{r:?}");
        assert_eq!(r[3], want["own_brand"], "{r:?}");
    }
    // Mean prices of every item, all regions.
    let prices: Vec<&Value> = table(&s, "prices")
        .iter()
        .filter(|r| r["region"] == "全部")
        .collect();
    assert_eq!(got["mean_prices"].len(), prices.len());
    for r in &got["mean_prices"] {
        let want = prices
            .iter()
            .find(|x| x["item"] == r[0] && x["price_type"] == r[1] && x["unit"] == r[2])
            .unwrap_or_else(|| panic!("{r:?} not in the report"));
        assert!(same(&r[3], &want["mean"]), "{r:?}");
    }
    // FCR per species, a ratio of sums over the plausible batches.
    let fcr: Vec<&Value> = table(&s, "fcr")
        .iter()
        .filter(|r| r["grouping"] == "species")
        .collect();
    assert_eq!(got["fcr_by_species"].len(), fcr.len());
    for r in &got["fcr_by_species"] {
        let want = fcr.iter().find(|x| x["group"] == r[0]).unwrap();
        assert_eq!(r[1], want["batches"], "{r:?}");
        assert!(same(&r[2], &want["fcr"]), "{r:?}");
    }
}

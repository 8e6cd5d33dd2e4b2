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

/// The README's SQL recipes: `-- recipe: NAME` blocks, in order.
fn recipes() -> Vec<(String, String)> {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    readme
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
/// registers in `dir`, each a view named by its file; returns each recipe's rows.
fn duckdb(dir: &Path, recipes: &[(String, String)]) -> BTreeMap<String, Vec<Vec<Value>>> {
    let script = r#"
import glob, json, os, sys
import duckdb
folder, recipes = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
con = duckdb.connect()
for path in sorted(glob.glob(f"{folder}/*.parquet")):
    view = os.path.basename(path)[:-len(".parquet")]
    con.execute(f"CREATE VIEW {view} AS SELECT * FROM '{path}'")
out = {name: [list(row) for row in con.execute(sql).fetchall()] for name, sql in recipes}
print(json.dumps(out, ensure_ascii=False, default=str))
"#;
    let recipes_file = dir.join("recipes.json");
    std::fs::write(&recipes_file, serde_json::to_string(recipes).unwrap()).unwrap();
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(dir)
        .arg(&recipes_file)
        .output()
        .expect("python3 runs (installed by .ci/run)");
    assert!(
        out.status.success(),
        "DuckDB's Python package is needed (.ci/run installs it): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_readmes_sql_recipes_agree_with_the_report_in_duckdb() {
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
            "close_rate",
            "market_share"
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
    let close_rate = table(&s, "complaints_kpis")[0]["close_rate"]
        .as_f64()
        .unwrap();
    assert!((got["close_rate"][0][0].as_f64().unwrap() - close_rate).abs() < 1e-12);
    let shares: BTreeMap<String, f64> = table(&s, "market_share")
        .iter()
        .filter(|r| r["region"] == "全部")
        .map(|r| {
            (
                r["brand"].as_str().unwrap().to_string(),
                r["share"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got["market_share"].len(), shares.len());
    for r in &got["market_share"] {
        let brand = r[0].as_str().unwrap();
        assert!(
            (r[1].as_f64().unwrap() - shares[brand]).abs() < 1e-12,
            "{brand}"
        );
    }
}

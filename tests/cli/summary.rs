//! Reading `summary.json` back in tests: a table by id, a record by a key's value, a headline
//! figure, and comparing numbers.

use std::path::Path;

use serde_json::Value;

use crate::workdir::Workdir;

/// The `summary.json` in `dir`.
pub fn read_summary(dir: &Path) -> Value {
    let text = std::fs::read_to_string(dir.join("summary.json"))
        .unwrap_or_else(|e| panic!("no summary.json in {}: {e}", dir.display()));
    serde_json::from_str(&text).expect("summary.json is JSON")
}

/// Runs `report` on the folder `in` for `period` into the folder named after it, and reads its
/// `summary.json`.
pub fn report_summary(w: &Workdir, period: &str) -> Value {
    w.run(&["report", "in", "--period", period, "--out", period])
        .expect_code(0);
    read_summary(&w.path(period))
}

/// The records of table `id`.
pub fn table<'a>(s: &'a Value, id: &str) -> &'a Vec<Value> {
    s["tables"][id]
        .as_array()
        .unwrap_or_else(|| panic!("no table {id}"))
}

/// The record whose `key` is `value`.
pub fn record<'a>(rows: &'a [Value], key: &str, value: &str) -> &'a Value {
    rows.iter()
        .find(|r| r[key] == value)
        .unwrap_or_else(|| panic!("no record with {key} = {value}"))
}

/// The headline figure `key` of the `comparisons` table.
pub fn kpi<'a>(s: &'a Value, key: &str) -> &'a Value {
    record(table(s, "comparisons"), "kpi", key)
}

/// Whether `v` is the number `x` (to 1e-9).
pub fn close(v: &Value, x: f64) -> bool {
    v.as_f64().is_some_and(|v| (v - x).abs() < 1e-9)
}

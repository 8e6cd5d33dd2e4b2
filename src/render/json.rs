//! `summary.json` (SPEC §6.1): the report's tables as records under their stable ids.
//! Dimension values stay the canonical Chinese labels; shares are fractions; missing is null.

use serde_json::{Map, Value, json};

use crate::stats::report::Report;
use crate::stats::{Layout, Table, Val};

fn value(v: &Val) -> Value {
    match v {
        Val::Null => Value::Null,
        Val::Text(s) => Value::String(s.clone()),
        Val::Int(i) => json!(i),
        Val::Num(x) | Val::Pct(x) => {
            serde_json::Number::from_f64(*x).map_or(Value::Null, Value::Number)
        }
        Val::Date(d) => Value::String(d.format("%Y-%m-%d").to_string()),
    }
}

/// A table as a list of records.
pub fn records(t: &Table) -> Value {
    let out: Vec<Value> = match t.layout {
        Layout::Records | Layout::Record => t
            .rows
            .iter()
            .map(|row| {
                let m: Map<String, Value> = t
                    .columns
                    .iter()
                    .zip(row)
                    .map(|(c, v)| (c.key.clone(), value(v)))
                    .collect();
                Value::Object(m)
            })
            .collect(),
        Layout::Cross { row_key, col_key } => t
            .rows
            .iter()
            .flat_map(|row| {
                t.columns.iter().zip(row).skip(1).map(move |(c, v)| {
                    let mut m = Map::new();
                    m.insert(row_key.to_string(), value(&row[0]));
                    m.insert(col_key.to_string(), Value::String(c.key.clone()));
                    m.insert("count".to_string(), value(v));
                    Value::Object(m)
                })
            })
            .collect(),
    };
    Value::Array(out)
}

/// The whole `summary.json` document.
pub fn summary(report: &Report) -> Value {
    let mut tables = Map::new();
    for t in report.tables() {
        tables.insert(t.id.to_string(), records(t));
    }
    json!({
        "tool": {"name": env!("CARGO_PKG_NAME"), "version": env!("CARGO_PKG_VERSION")},
        "period": {
            "label": report.period.label(),
            "start": report.period.start.format("%Y-%m-%d").to_string(),
            "end": report.period.end.format("%Y-%m-%d").to_string(),
        },
        "inputs": records(&report.inputs),
        "tables": Value::Object(tables),
    })
}

/// `summary.json` as bytes: pretty-printed, with a final newline.
pub fn to_bytes(report: &Report) -> Vec<u8> {
    let mut out =
        serde_json::to_vec_pretty(&summary(report)).expect("JSON values always serialise");
    out.push(b'\n');
    out
}

//! Helpers to read normalised frames back, and the check that their columns are typed.

use std::path::PathBuf;

use polars::prelude::*;
use tsreport::normalize::{Loaded, load};
use tsreport::schema::Kind;
use tsreport::template::Template;

use crate::workdir::*;

/// Loads inputs with the built-in template.
pub fn load_all(paths: &[PathBuf]) -> Loaded {
    load(paths, &Template::builtin(), &mut |_, _| {})
}

/// A column as text (dates as yyyy-mm-dd, numbers as polars prints them), nulls as `None`.
pub fn strings(df: &DataFrame, name: &str) -> Vec<Option<String>> {
    let col = df.column(name).unwrap().cast(&DataType::String).unwrap();
    col.str()
        .unwrap()
        .iter()
        .map(|v| v.map(str::to_string))
        .collect()
}

/// A numeric column.
pub fn numbers(df: &DataFrame, name: &str) -> Vec<Option<f64>> {
    df.column(name).unwrap().f64().unwrap().iter().collect()
}

pub fn some(v: &[&str]) -> Vec<Option<String>> {
    v.iter()
        .map(|s| {
            if s.is_empty() {
                None
            } else {
                Some(s.to_string())
            }
        })
        .collect()
}

#[test]
fn columns_are_typed_dates_numbers_and_labels() {
    let w = Workdir::new();
    let p = w.xlsx(
        "t.xlsx",
        &[(
            "s",
            vec![
                vec![S("调查日期"), S("地区"), S("品牌"), S("销量")],
                vec![D(2026, 10, 5), S("东湖区"), S("金穗"), N(12.5)],
            ],
        )],
    );
    let loaded = load_all(&[p]);
    let df = loaded.frames.get(Kind::FeedMarket);
    assert_eq!(df.column("survey_date").unwrap().dtype(), &DataType::Date);
    assert_eq!(df.column("volume_t").unwrap().dtype(), &DataType::Float64);
    assert_eq!(df.column("brand").unwrap().dtype(), &DataType::String);
    assert_eq!(df.column("feed_type").unwrap().dtype(), &DataType::String);
    assert_eq!(df.column("row").unwrap().dtype(), &DataType::UInt32);
    assert_eq!(strings(&df, "survey_date"), some(&["2026-10-05"]));
    assert_eq!(numbers(&df, "volume_t"), vec![Some(12.5)]);
    assert_eq!(strings(&df, "row"), some(&["2"]));
    // A kind with no sheet still has its typed columns.
    let empty = loaded.frames.get(Kind::Batch);
    assert_eq!(empty.height(), 0);
    assert_eq!(empty.column("end_date").unwrap().dtype(), &DataType::Date);
}

//! The date and number parsers on any text (and the number that text may stand for): they
//! return a value or a reason, never panic, never loop.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tsreport::ingest::Cell;
use tsreport::normalize::value::{parse_date, parse_number, text_value};

const UNITS: &[&str] = &[
    "吨", "t", "kg", "公斤", "斤", "元", "元/kg", "元/斤", "头", "只", "%",
];

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let cells = [
        Cell::Text(text.clone()),
        Cell::Number(f64::from_le_bytes(
            data.get(..8)
                .and_then(|b| b.try_into().ok())
                .unwrap_or([0; 8]),
        )),
    ];
    for cell in &cells {
        let _ = parse_date(cell);
        let _ = parse_number(cell, UNITS);
        let _ = parse_number(cell, &[]);
        let _ = text_value(cell);
    }
});

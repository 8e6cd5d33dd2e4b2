//! Header detection on any grid of cells: lines are rows, tabs separate cells, a cell that
//! reads as a number is a number. It finds a header or says why not, never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tsreport::ingest::Cell;
use tsreport::normalize::header::detect;
use tsreport::template::Template;

static TEMPLATE: std::sync::LazyLock<Template> = std::sync::LazyLock::new(Template::builtin);

fuzz_target!(|data: &[u8]| {
    let template = &*TEMPLATE;
    let text = String::from_utf8_lossy(data);
    let rows: Vec<(u32, Vec<Cell<'static>>)> = text
        .split('\n')
        .take(template.header_search_rows + 5)
        .enumerate()
        .map(|(i, line)| {
            let cells = line
                .split('\t')
                .map(|c| match c.trim().parse::<f64>() {
                    Ok(n) => Cell::Number(n),
                    Err(_) if c.is_empty() => Cell::Empty,
                    Err(_) => Cell::Text(c.to_string().into()),
                })
                .collect();
            (i as u32, cells)
        })
        .collect();
    let _ = detect(template, &rows);
});

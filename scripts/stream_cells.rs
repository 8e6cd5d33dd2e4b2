//! Benchmark baseline: calamine merely streaming every cell of a workbook's first sheet
//! (`worksheet_cells_reader`), touching each value. `scripts/bench-read.sh` times it beside
//! `tsreport check` on the same file.

use calamine::{DataRef, Reader, Xlsx, open_workbook};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: stream_cells FILE.xlsx")?;
    let mut book: Xlsx<_> = open_workbook(&path)?;
    let sheet = book.sheet_names().first().cloned().ok_or("no sheet")?;
    let mut reader = book.worksheet_cells_reader(&sheet)?;
    let (mut cells, mut text_bytes, mut sum) = (0u64, 0u64, 0f64);
    while let Some(cell) = reader.next_cell()? {
        cells += 1;
        match cell.get_value() {
            DataRef::SharedString(s) => text_bytes += s.len() as u64,
            DataRef::String(s) => text_bytes += s.len() as u64,
            DataRef::Float(f) => sum += f,
            DataRef::Int(i) => sum += *i as f64,
            DataRef::DateTime(d) => sum += d.as_f64(),
            _ => {}
        }
    }
    println!("{cells} cells, {text_bytes} text bytes, checksum {sum}");
    Ok(())
}

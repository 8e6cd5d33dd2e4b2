//! One large complaint register for benchmarks (`tsreport sample --complaints-only`).

use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;

use super::complaints::{export_end, one};
use super::registers::{cells, single_header};
use super::sheet::{SampleCell, write_xlsx_streaming};
use super::{Gen, SampleConfig, out};

/// One large register (benchmarks): a title row above the header, written row by row.
pub fn write_big_register(
    g: &mut Gen,
    cfg: &SampleConfig,
    months: &[NaiveDate],
) -> Result<PathBuf> {
    let end = export_end(cfg);
    let p = out(cfg, "客诉登记表_大样本.xlsx");
    let header = single_header();
    let per_month = cfg.rows_per_month;
    let rows = months.iter().flat_map(|&m| {
        (1..=per_month)
            .map(|s| {
                let c = one(g, m, s, end);
                let mut r = cells(g, &c);
                r[1] = SampleCell::Date(c.received);
                r[15] = c.closed.map_or(SampleCell::Blank, SampleCell::Date);
                r
            })
            .collect::<Vec<_>>()
    });
    write_xlsx_streaming(&p, "XX饲料有限公司技术服务部 客诉登记表", &header, rows)?;
    Ok(p)
}

//! The workbook's native Excel charts: channel column chart, category pie, status column
//! chart, and the 12-month trend of received complaints. Each points at its table's cells.

use rust_xlsxwriter::{Chart, ChartType};

use super::writer::Placed;
use crate::render::Lang;

/// One chart: its kind, title, and the sheet and columns of its categories and values.
pub struct ChartSpec<'a> {
    pub kind: ChartType,
    pub title: String,
    pub sheet: &'a str,
    pub placed: Placed,
    pub value_col: u16,
    pub series_name: String,
}

/// Builds the chart for `spec`.
pub fn build(spec: &ChartSpec<'_>, lang: Lang) -> Chart {
    let mut chart = Chart::new(spec.kind);
    let p = spec.placed;
    chart
        .add_series()
        .set_name(spec.series_name.as_str())
        .set_categories((spec.sheet, p.first_row, p.col, p.last_row, p.col))
        .set_values((
            spec.sheet,
            p.first_row,
            spec.value_col,
            p.last_row,
            spec.value_col,
        ));
    chart.title().set_name(&spec.title);
    if spec.kind != ChartType::Pie {
        chart.legend().set_hidden();
        chart.y_axis().set_name(lang.pick("件数", "count"));
    }
    chart.set_width(560).set_height(300);
    chart
}

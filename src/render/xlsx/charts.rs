//! The workbook's native Excel charts. Each series points at its table's cells, so the chart
//! and the table always show the same numbers.

use rust_xlsxwriter::{Chart, ChartType};

use super::writer::Placed;
use crate::lang::Lang;

/// One series: the column of its values, and its name — fixed text, or the table's header
/// cell above that column.
pub struct Series {
    pub value_col: u16,
    pub name: Option<String>,
}

/// One chart: kind, title, the sheet and rows of its table, the categories' column.
pub struct ChartSpec<'a> {
    pub kind: ChartType,
    pub title: String,
    pub sheet: &'a str,
    pub placed: Placed,
    /// Only these rows of the table (first, last), when not all of them.
    pub rows: Option<(u32, u32)>,
    pub series: Vec<Series>,
    pub y_axis: Option<String>,
    pub percent_axis: bool,
}

/// Builds the chart for `spec`.
pub fn build(spec: &ChartSpec<'_>, _lang: Lang) -> Chart {
    let mut chart = Chart::new(spec.kind);
    let p = spec.placed;
    let (first, last) = spec.rows.unwrap_or((p.first_row, p.last_row));
    for s in &spec.series {
        let series = chart
            .add_series()
            .set_categories((spec.sheet, first, p.col, last, p.col))
            .set_values((spec.sheet, first, s.value_col, last, s.value_col));
        match &s.name {
            Some(name) => {
                series.set_name(name.as_str());
            }
            None => {
                series.set_name((spec.sheet, p.first_row - 1, s.value_col));
            }
        }
    }
    chart.title().set_name(&spec.title);
    if spec.series.len() == 1 && spec.kind != ChartType::Pie {
        chart.legend().set_hidden();
    }
    if let Some(name) = &spec.y_axis {
        chart.y_axis().set_name(name);
    }
    if spec.percent_axis {
        chart.y_axis().set_num_format("0%").set_max(1.0);
    }
    chart.set_width(560).set_height(300);
    chart
}

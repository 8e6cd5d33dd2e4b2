//! The workbook's native Excel charts, built from the chart list. Each series points at its
//! table's cells, so a chart and its table always show the same numbers.

use rust_xlsxwriter::{Chart, ChartType};

use super::writer::Placed;
use super::{Placements, WorkbookContext};
use crate::lang::Lang;
use crate::render::charts::{ChartDef, Shape, report_title};
use crate::stats::Table;

/// One series: the column of its values, and its name — fixed text, or the table's header
/// cell above that column.
struct SeriesRef {
    value_col: u16,
    name: Option<String>,
}

/// A chart of the table placed at `placed` on `sheet`, titled `title`; `None` when it would be
/// empty.
pub fn build(
    def: &ChartDef,
    table: &Table,
    (sheet, placed): (&str, &Placed),
    title: &str,
    lang: Lang,
) -> Option<Chart> {
    let (first, last) = def.row_span(table)?;
    let keys = def.series_keys(table);
    if keys.is_empty() {
        return None;
    }
    let series: Vec<SeriesRef> = keys
        .iter()
        .filter_map(|k| {
            Some(SeriesRef {
                value_col: placed.col_of(k)?,
                name: def.series_name.map(|_| def.series_label(table, k, lang)),
            })
        })
        .collect();
    let names: Vec<String> = keys
        .iter()
        .map(|k| def.series_label(table, k, lang))
        .collect();
    let first_row = placed.first_row();
    let (first, last) = (first_row + first as u32, first_row + last as u32);
    let category = placed.col_of(def.category)?;
    let mut chart = Chart::new(chart_type(def.shape));
    for s in &series {
        let added = chart
            .add_series()
            .set_categories((sheet, first, category, last, category))
            .set_values((sheet, first, s.value_col, last, s.value_col));
        match &s.name {
            Some(name) => {
                added.set_name(name.as_str());
            }
            None => {
                added.set_name((sheet, placed.header_row, s.value_col));
            }
        }
    }
    chart.title().set_name(title);
    if series.len() == 1 && def.shape != Shape::Pie {
        chart.legend().set_hidden();
    }
    if def.shape != Shape::Pie {
        chart
            .y_axis()
            .set_name(def.axis_label(&names, lang).as_str());
        if def.percent {
            chart.y_axis().set_num_format("0%").set_max(1.0);
        }
    }
    chart.set_width(560).set_height(300);
    Some(chart)
}

fn chart_type(shape: Shape) -> ChartType {
    match shape {
        Shape::Column => ChartType::Column,
        Shape::StackedColumn => ChartType::ColumnStacked,
        Shape::Line => ChartType::Line,
        Shape::Pie => ChartType::Pie,
    }
}

/// The native chart of a report chart, pointing at its table wherever the workbook placed it.
pub fn native(def: &ChartDef, ctx: &WorkbookContext<'_>, placed: &Placements) -> Option<Chart> {
    let table = ctx.report.table(def.table)?;
    let (sheet, at) = placed.get(&def.table)?;
    let title = report_title(def, ctx.report, ctx.lang);
    build(def, table, (sheet, at), &title, ctx.lang)
}

//! Drawing one chart with plotters, the same way for PNG and SVG: a title, axes with the
//! category names, bars / stacked bars / lines / a pie, a legend when there are several
//! series.

use plotters::coord::Shift;
use plotters::coord::ranged1d::SegmentedCoord;
use plotters::coord::types::{RangedCoordf64, RangedCoordi32};
use plotters::prelude::*;

use super::font::FAMILY;
use crate::render::charts::{ChartData, Shape};

/// Picture size: a 16:9 slide.
pub const WIDTH: u32 = 1600;
pub const HEIGHT: u32 = 900;

const PALETTE: [RGBColor; 10] = [
    RGBColor(0x2E, 0x75, 0xB6),
    RGBColor(0xC5, 0x5A, 0x11),
    RGBColor(0x70, 0xAD, 0x47),
    RGBColor(0x7F, 0x60, 0x84),
    RGBColor(0x44, 0x9F, 0xBF),
    RGBColor(0xE8, 0x9A, 0x3C),
    RGBColor(0x9E, 0x48, 0x0E),
    RGBColor(0x63, 0x63, 0x63),
    RGBColor(0x99, 0x73, 0x00),
    RGBColor(0x26, 0x44, 0x78),
];

type DrawResult<T> = Result<T, Box<dyn std::error::Error>>;

fn font(size: u32) -> FontDesc<'static> {
    FontDesc::new(FontFamily::Name(FAMILY), size.into(), FontStyle::Normal)
}

/// Draws `chart` on `area`.
///
/// # Errors
/// The backend failed to draw.
pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, chart: &ChartData) -> DrawResult<()>
where
    DB::ErrorType: 'static,
{
    area.fill(&WHITE)?;
    match chart.def.shape {
        Shape::Pie => pie(area, chart),
        _ => cartesian(area, chart),
    }
}

fn pie<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, chart: &ChartData) -> DrawResult<()>
where
    DB::ErrorType: 'static,
{
    let area = area.margin(24, 0, 0, 0).titled(&chart.title, font(44))?;
    let (w, h) = area.dim_in_pixel();
    let center = (w as i32 / 2, h as i32 / 2);
    let values: Vec<f64> = chart.series[0].1.iter().map(|v| v.unwrap_or(0.0)).collect();
    let total: f64 = values.iter().sum();
    if total <= 0.0 {
        area.draw(&Text::new("—", center, font(40)))?;
        return Ok(());
    }
    let labels: Vec<String> = chart
        .categories
        .iter()
        .zip(&values)
        .map(|(c, v)| format!("{c} {:.1}%", v / total * 100.0))
        .collect();
    let colors: Vec<RGBColor> = (0..values.len())
        .map(|i| PALETTE[i % PALETTE.len()])
        .collect();
    // Room around the pie for its labels (more, in proportion, on a small canvas).
    let share = if w < 1200 { 0.28 } else { 0.36 };
    let radius = f64::from(w.min(h)) * share;
    let mut pie = Pie::new(&center, &radius, &values, &colors, &labels);
    pie.label_style(font(28).color(&BLACK));
    pie.label_offset(40.0);
    area.draw(&pie)?;
    Ok(())
}

/// The top of the value axis: 100% for shares, 15% above the largest value (or stack)
/// otherwise.
fn axis_top(chart: &ChartData) -> f64 {
    let n = chart.categories.len().max(1);
    let value = |values: &[Option<f64>], i: usize| values.get(i).copied().flatten().unwrap_or(0.0);
    let max = if chart.def.shape == Shape::StackedColumn {
        (0..n)
            .map(|i| chart.series.iter().map(|(_, v)| value(v, i)).sum::<f64>())
            .fold(0.0, f64::max)
    } else {
        chart
            .series
            .iter()
            .flat_map(|(_, v)| v.iter().flatten().copied())
            .fold(0.0, f64::max)
    };
    if chart.def.percent {
        1.0f64.max(max)
    } else if max > 0.0 {
        max * 1.15
    } else {
        1.0
    }
}

type Cartesian<'a, DB> =
    ChartContext<'a, DB, Cartesian2d<SegmentedCoord<RangedCoordi32>, RangedCoordf64>>;

/// Width of the legend panel right of the plot, for charts with several series.
const LEGEND_WIDTH: u32 = 330;

fn cartesian<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, chart: &ChartData) -> DrawResult<()>
where
    DB::ErrorType: 'static,
{
    let n = chart.categories.len().max(1);
    let area = area.margin(24, 0, 0, 0).titled(&chart.title, font(44))?;
    // Several series: the legend stands in its own panel on the right, never on the data.
    let (plot, legend) = if chart.series.len() > 1 {
        let w = area.dim_in_pixel().0;
        let (plot, legend) = area.split_horizontally(w.saturating_sub(LEGEND_WIDTH));
        (plot, Some(legend))
    } else {
        (area, None)
    };
    let mut ctx = ChartBuilder::on(&plot)
        .margin(30)
        .x_label_area_size(90)
        .y_label_area_size(110)
        .build_cartesian_2d((0..n as i32 - 1).into_segmented(), 0f64..axis_top(chart))?;
    axes(&mut ctx, chart)?;
    // Bars are whole segments narrowed by pixel margins: 15% of the segment each side, and
    // side by side when there are several series.
    let segment = ctx.plotting_area().dim_in_pixel().0 / n as u32;
    let bars = Bars {
        segment,
        pad: segment * 15 / 100,
        width: (segment - 2 * (segment * 15 / 100)) / chart.series.len().max(1) as u32,
    };
    for (s, (name, values)) in chart.series.iter().enumerate() {
        let color = PALETTE[s % PALETTE.len()];
        match chart.def.shape {
            Shape::Line => line(&mut ctx, name, values, color)?,
            Shape::StackedColumn => stacked(&mut ctx, chart, s, bars, color)?,
            _ => columns(&mut ctx, name, values, s as u32, bars, color)?,
        }
    }
    if let Some(legend) = legend {
        draw_legend(&legend, chart)?;
    }
    Ok(())
}

/// The series' names with their colours, one per line, in a panel of their own. Stacked
/// columns list the top series first, as they are stacked.
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &ChartData,
) -> DrawResult<()>
where
    DB::ErrorType: 'static,
{
    let line_height = 40;
    let mut entries: Vec<(usize, &str)> = chart
        .series
        .iter()
        .enumerate()
        .map(|(i, (name, _))| (i, name.as_str()))
        .collect();
    if chart.def.shape == Shape::StackedColumn {
        entries.reverse();
    }
    let top = 60;
    for (row, (s, name)) in entries.into_iter().enumerate() {
        let color = PALETTE[s % PALETTE.len()];
        let y = top + row as i32 * line_height;
        if chart.def.shape == Shape::Line {
            area.draw(&PathElement::new(
                vec![(10, y), (44, y)],
                ShapeStyle::from(&color).stroke_width(4),
            ))?;
        } else {
            area.draw(&Rectangle::new(
                [(14, y - 11), (40, y + 11)],
                color.filled(),
            ))?;
        }
        area.draw(&Text::new(name.to_string(), (54, y - 14), font(26)))?;
    }
    Ok(())
}

/// The axes: category names along the bottom, values (or percentages) up the side.
fn axes<DB: DrawingBackend>(ctx: &mut Cartesian<'_, DB>, chart: &ChartData) -> DrawResult<()>
where
    DB::ErrorType: 'static,
{
    let categories = chart.categories.clone();
    let percent = chart.def.percent;
    let width = ctx.plotting_area().dim_in_pixel().0 as usize;
    let longest = categories
        .iter()
        .map(|c| c.chars().count())
        .max()
        .unwrap_or(1);
    // About 14 px per character at the label font; a label needs its width and a gap.
    let step = if categories.len() * (longest * 14 + 16) > width {
        2
    } else {
        1
    };
    ctx.configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .x_labels(chart.categories.len().max(1))
        .x_label_formatter(&move |x| match x {
            // Where the labels would touch, every other one.
            SegmentValue::CenterOf(i) if *i % step == 0 => {
                categories.get(*i as usize).cloned().unwrap_or_default()
            }
            _ => String::new(),
        })
        .y_label_formatter(&move |y| {
            if percent {
                format!("{:.0}%", y * 100.0)
            } else {
                tick(*y)
            }
        })
        .y_desc(chart.y_label.as_str())
        .label_style(font(26))
        .axis_desc_style(font(28))
        .draw()?;
    Ok(())
}

/// A value-axis tick as people write it: `1.6`, not the `1.5999999999999998` its floating
/// point step makes.
fn tick(y: f64) -> String {
    let s = format!("{y:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// Pixel widths of the bars in one category's segment.
#[derive(Clone, Copy)]
struct Bars {
    segment: u32,
    pad: u32,
    width: u32,
}

/// One series as a line with dots; gaps (months without data) break the line.
fn line<DB: DrawingBackend>(
    ctx: &mut Cartesian<'_, DB>,
    name: &str,
    values: &[Option<f64>],
    color: RGBColor,
) -> DrawResult<()>
where
    DB::ErrorType: 'static,
{
    let mut segment = Vec::new();
    let mut segments = Vec::new();
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => segment.push((SegmentValue::CenterOf(i as i32), *v)),
            None if !segment.is_empty() => segments.push(std::mem::take(&mut segment)),
            None => {}
        }
    }
    if !segment.is_empty() {
        segments.push(segment);
    }
    let style = ShapeStyle::from(&color).stroke_width(4);
    for (j, seg) in segments.into_iter().enumerate() {
        let points = seg.clone();
        let drawn = ctx.draw_series(LineSeries::new(seg, style))?;
        if j == 0 {
            drawn.label(name).legend(move |(x, y)| {
                PathElement::new(
                    vec![(x, y), (x + 30, y)],
                    ShapeStyle::from(&color).stroke_width(4),
                )
            });
        }
        ctx.draw_series(
            points
                .into_iter()
                .map(|p| Circle::new(p, 6, color.filled())),
        )?;
    }
    Ok(())
}

/// Series `s` of a stacked column chart, on top of the series before it.
fn stacked<DB: DrawingBackend>(
    ctx: &mut Cartesian<'_, DB>,
    chart: &ChartData,
    s: usize,
    bars: Bars,
    color: RGBColor,
) -> DrawResult<()>
where
    DB::ErrorType: 'static,
{
    let (name, values) = &chart.series[s];
    let drawn = ctx.draw_series(values.iter().enumerate().map(|(i, v)| {
        let below: f64 = chart.series[..s]
            .iter()
            .map(|(_, w)| w.get(i).copied().flatten().unwrap_or(0.0))
            .sum();
        let i = i as i32;
        let mut r = Rectangle::new(
            [
                (SegmentValue::Exact(i), below),
                (SegmentValue::Exact(i + 1), below + v.unwrap_or(0.0)),
            ],
            color.filled(),
        );
        r.set_margin(0, 0, bars.pad, bars.pad);
        r
    }))?;
    drawn
        .label(name.as_str())
        .legend(move |(x, y)| Rectangle::new([(x, y - 10), (x + 24, y + 10)], color.filled()));
    Ok(())
}

/// Series number `s` as columns, beside the series before it.
fn columns<DB: DrawingBackend>(
    ctx: &mut Cartesian<'_, DB>,
    name: &str,
    values: &[Option<f64>],
    s: u32,
    bars: Bars,
    color: RGBColor,
) -> DrawResult<()>
where
    DB::ErrorType: 'static,
{
    let drawn = ctx.draw_series(values.iter().enumerate().filter_map(|(i, v)| {
        let v = (*v)?;
        let i = i as i32;
        let mut r = Rectangle::new(
            [
                (SegmentValue::Exact(i), 0.0),
                (SegmentValue::Exact(i + 1), v),
            ],
            color.filled(),
        );
        let left = bars.pad + s * bars.width;
        let right = bars.segment.saturating_sub(left + bars.width);
        r.set_margin(0, 0, left, right);
        Some(r)
    }))?;
    drawn
        .label(name)
        .legend(move |(x, y)| Rectangle::new([(x, y - 10), (x + 24, y + 10)], color.filled()));
    Ok(())
}

#[cfg(test)]
mod tick_tests {
    #[test]
    fn ticks_read_as_written() {
        assert_eq!(super::tick(1.5999999999999998), "1.6");
        assert_eq!(super::tick(0.6000000000000001), "0.6");
        assert_eq!(super::tick(1600.0), "1600");
        assert_eq!(super::tick(0.0), "0");
    }
}

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
    let area = area.titled(&chart.title, font(44))?;
    let values: Vec<f64> = chart.series[0].1.iter().map(|v| v.unwrap_or(0.0)).collect();
    let total: f64 = values.iter().sum();
    if total <= 0.0 {
        area.draw(&Text::new("—", (760, 380), font(40)))?;
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
    let center = (800, 420);
    let radius = 300.0;
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

fn cartesian<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, chart: &ChartData) -> DrawResult<()>
where
    DB::ErrorType: 'static,
{
    let n = chart.categories.len().max(1);
    let mut ctx = ChartBuilder::on(area)
        .caption(&chart.title, font(44))
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
    if chart.series.len() > 1 {
        ctx.configure_series_labels()
            .label_font(font(26))
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK.mix(0.3))
            // Lines leave the bottom free (the axis starts at 0); bars leave the top free.
            .position(if chart.def.shape == Shape::Line {
                SeriesLabelPosition::LowerRight
            } else {
                SeriesLabelPosition::UpperRight
            })
            .draw()?;
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
    ctx.configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .x_labels(chart.categories.len().max(1))
        .x_label_formatter(&move |x| match x {
            SegmentValue::CenterOf(i) => categories.get(*i as usize).cloned().unwrap_or_default(),
            _ => String::new(),
        })
        .y_label_formatter(&move |y| {
            if percent {
                format!("{:.0}%", y * 100.0)
            } else {
                format!("{y}")
            }
        })
        .y_desc(chart.y_label.as_str())
        .label_style(font(26))
        .axis_desc_style(font(28))
        .draw()?;
    Ok(())
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

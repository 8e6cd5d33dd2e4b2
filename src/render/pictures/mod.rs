//! Every chart of the workbook also as a picture (SPEC §6): `charts/<name>.png` (1600×900,
//! Chinese drawn with the embedded font, byte-identical on every machine) and
//! `charts/<name>.svg` (text kept as text, with a CSS font stack).

mod draw;
pub mod font;

pub use font::ChartFont;

use anyhow::{Context, Result, anyhow};
use image::ImageEncoder;
use plotters::prelude::*;

pub use draw::{HEIGHT, WIDTH};

use crate::lang::Lang;
use crate::render::charts::{ChartData, report_charts};
use crate::stats::report::Report;

/// The chart as PNG bytes.
///
/// # Errors
/// Drawing or encoding failed.
pub fn png(chart: &ChartData, _font: &ChartFont) -> Result<Vec<u8>> {
    let mut pixels = vec![0u8; (WIDTH * HEIGHT * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (WIDTH, HEIGHT)).into_drawing_area();
        draw::draw(&root, chart).map_err(|e| anyhow!("drawing {}: {e}", chart.def.stem))?;
        root.present()
            .map_err(|e| anyhow!("drawing {}: {e}", chart.def.stem))?;
    }
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(&pixels, WIDTH, HEIGHT, image::ColorType::Rgb8)
        .with_context(|| format!("encoding {}.png", chart.def.stem))?;
    Ok(out)
}

/// The chart as SVG text, 1600×900.
///
/// # Errors
/// Drawing failed.
pub fn svg(chart: &ChartData, font: &ChartFont) -> Result<String> {
    svg_sized(chart, (WIDTH, HEIGHT), font)
}

/// The size of the charts in the brief: the same fonts on a smaller canvas, so that their
/// text stays readable when the chart is half a page wide.
pub const BRIEF_SIZE: (u32, u32) = (1000, 560);

/// The chart as SVG text of `size` pixels.
///
/// # Errors
/// Drawing failed.
pub fn svg_sized(chart: &ChartData, size: (u32, u32), _font: &ChartFont) -> Result<String> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        draw::draw(&root, chart).map_err(|e| anyhow!("drawing {}: {e}", chart.def.stem))?;
        root.present()
            .map_err(|e| anyhow!("drawing {}: {e}", chart.def.stem))?;
    }
    Ok(out)
}

/// One chart drawn: its file stem, title, PNG bytes, SVG text, and a smaller SVG for the
/// brief.
#[derive(Debug, Clone)]
pub struct Picture {
    pub stem: &'static str,
    pub title: String,
    pub png: Vec<u8>,
    pub svg: String,
    pub brief_svg: String,
}

/// Every chart of the report with something to show, drawn as PNG and SVG.
///
/// # Errors
/// A chart could not be drawn.
pub fn draw_all(report: &Report, lang: Lang, font: &ChartFont) -> Result<Vec<Picture>> {
    report_charts(report, lang)
        .into_iter()
        .map(|chart| {
            Ok(Picture {
                stem: chart.def.stem,
                png: png(&chart, font)?,
                svg: svg(&chart, font)?,
                brief_svg: svg_sized(&chart, BRIEF_SIZE, font)?,
                title: chart.title,
            })
        })
        .collect()
}

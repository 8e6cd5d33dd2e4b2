//! Every chart of the workbook also as a picture (SPEC §6): `charts/<name>.png` (1600×900,
//! Chinese drawn with the embedded font, byte-identical on every machine) and
//! `charts/<name>.svg` (text kept as text, with a CSS font stack).

mod draw;
pub mod font;

pub use font::ChartFont;

use std::path::Path;

use anyhow::{Context, Result, anyhow};
use image::ImageEncoder;
use plotters::prelude::*;

pub use draw::{HEIGHT, WIDTH};

use crate::lang::Lang;
use crate::render::charts::{ChartData, report_charts};
use crate::render::write_atomic;
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

/// The chart as SVG text.
///
/// # Errors
/// Drawing failed.
pub fn svg(chart: &ChartData, _font: &ChartFont) -> Result<String> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, HEIGHT)).into_drawing_area();
        draw::draw(&root, chart).map_err(|e| anyhow!("drawing {}: {e}", chart.def.stem))?;
        root.present()
            .map_err(|e| anyhow!("drawing {}: {e}", chart.def.stem))?;
    }
    Ok(out)
}

/// Writes every chart as PNG and SVG into `dir`; returns each PNG's file name and title.
///
/// # Errors
/// A chart could not be drawn or written.
pub fn write_all(
    report: &Report,
    lang: Lang,
    dir: &Path,
    font: &ChartFont,
) -> Result<Vec<(String, String)>> {
    let mut written = Vec::new();
    for chart in report_charts(report, lang) {
        let png_path = dir.join(format!("{}.png", chart.def.stem));
        write_atomic(&png_path, &png(&chart, font)?)
            .with_context(|| format!("cannot write {}", png_path.display()))?;
        let svg_path = dir.join(format!("{}.svg", chart.def.stem));
        write_atomic(&svg_path, svg(&chart, font)?.as_bytes())
            .with_context(|| format!("cannot write {}", svg_path.display()))?;
        written.push((format!("{}.png", chart.def.stem), chart.title.clone()));
    }
    Ok(written)
}

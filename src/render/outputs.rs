//! Writing a report's outputs under one folder: the workbook, `summary.json`, the chart
//! pictures and the brief — four views of the same tables, each written atomically.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use super::pictures::ChartFont;
use super::{Staged, WriteError, brief, json, pictures, xlsx};
use crate::lang::Lang;
use crate::messages::Report as Report_;
use crate::stats::report::Report;

/// Where the outputs went.
#[derive(Debug, Clone)]
pub struct Written {
    pub workbook: PathBuf,
    pub summary: PathBuf,
    pub brief: PathBuf,
    pub brief_html: PathBuf,
    pub charts_dir: PathBuf,
    /// Each chart's PNG file name and title.
    pub charts: Vec<(String, String)>,
}

/// The workbook's file name for the period.
fn workbook_name(report: &Report, lang: Lang) -> String {
    let label = report.period.file_label();
    match lang {
        Lang::Zh => format!("技术服务部统计报表_{label}.xlsx"),
        Lang::En => format!("technical-service-report_{label}.xlsx"),
    }
}

/// Refuses to write an output over one of the inputs.
fn check_not_input(out: &Path, report: &Report, lang: Lang) -> Result<()> {
    let Ok(out) = out.canonicalize() else {
        return Ok(());
    };
    if report
        .sheets
        .iter()
        .any(|s| s.file.canonicalize().is_ok_and(|f| f == out))
    {
        bail!(
            Report_::OutputIsInput {
                path: &out.display()
            }
            .text(lang)
        );
    }
    Ok(())
}

/// Renders and writes every output of `report` into `out_dir`.
///
/// # Errors
/// An output would overwrite an input, or cannot be rendered or written.
pub fn write_report(
    report: &Report,
    lang: Lang,
    out_dir: &Path,
    font: &ChartFont,
) -> Result<Written> {
    let workbook = out_dir.join(workbook_name(report, lang));
    let summary = out_dir.join("summary.json");
    for p in [&workbook, &summary] {
        check_not_input(p, report, lang)?;
    }
    let charts_dir = out_dir.join("charts");
    // The workbook, summary.json and the pictures are independent views: render them side by
    // side.
    let (xlsx, json, pictures) = std::thread::scope(|s| {
        let json = s.spawn(|| json::to_bytes(report));
        let pictures = s.spawn(|| pictures::draw_all(report, lang, font));
        let xlsx = xlsx::to_bytes(report, lang);
        (
            xlsx,
            json.join().expect("JSON rendering does not panic"),
            pictures.join().expect("chart drawing does not panic"),
        )
    });
    let pictures = pictures?;
    // Everything is rendered; now write it all, and put it in place only when every file
    // is written — a failure leaves the previous report as it was.
    let mut staged = Staged::new();
    let mut stage =
        |path: &Path, bytes: &[u8]| staged.add(path, bytes).map_err(|e| failed(&e, lang));
    let mut charts = Vec::new();
    for p in &pictures {
        stage(&charts_dir.join(format!("{}.png", p.stem)), &p.png)?;
        stage(
            &charts_dir.join(format!("{}.svg", p.stem)),
            p.svg.as_bytes(),
        )?;
        charts.push((format!("{}.png", p.stem), p.title.clone()));
    }
    let brief = out_dir.join("brief.md");
    let markdown = brief::markdown::to_markdown(report, lang, &charts);
    stage(&brief, markdown.as_bytes())?;
    let brief_html = out_dir.join("brief.html");
    let html = brief::html::to_html(report, lang, &pictures);
    stage(&brief_html, html.as_bytes())?;
    stage(&workbook, &xlsx?)?;
    stage(&summary, &json)?;
    staged.commit().map_err(|e| failed(&e, lang))?;
    Ok(Written {
        workbook,
        summary,
        brief,
        brief_html,
        charts_dir,
        charts,
    })
}

/// The one-line error for an output that could not be written.
pub fn failed(e: &WriteError, lang: Lang) -> anyhow::Error {
    anyhow::anyhow!(
        Report_::WriteFailed {
            path: &e.path.display(),
            error: &e.error,
        }
        .text(lang)
    )
}

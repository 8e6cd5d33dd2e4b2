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
    let mut written = Written {
        workbook,
        summary,
        brief: out_dir.join("brief.md"),
        brief_html: out_dir.join("brief.html"),
        charts_dir: out_dir.join("charts"),
        charts: Vec::new(),
    };
    // The workbook takes longest: it renders on this thread while the other views are
    // rendered and written on a second one. Nothing is put in place before both are done —
    // a failure leaves the previous report as it was.
    let (xlsx, others) = std::thread::scope(|s| {
        let others = s.spawn(|| stage_others(report, lang, font, &written));
        let xlsx = xlsx::to_bytes(report, lang);
        (xlsx, others.join().expect("rendering does not panic"))
    });
    let (mut staged, charts) = others?;
    staged
        .add(&written.workbook, &xlsx?)
        .map_err(|e| failed(&e, lang))?;
    staged.commit().map_err(|e| failed(&e, lang))?;
    written.charts = charts;
    Ok(written)
}

/// Renders the chart pictures, the brief (Markdown and HTML) and `summary.json` and writes
/// them, not yet in place, to where `to` says; returns them staged, with each picture's PNG
/// file name and title.
fn stage_others(
    report: &Report,
    lang: Lang,
    font: &ChartFont,
    to: &Written,
) -> Result<(Staged, Vec<(String, String)>)> {
    let pictures = pictures::draw_all(report, lang, font)?;
    let mut staged = Staged::new();
    let mut stage =
        |path: &Path, bytes: &[u8]| staged.add(path, bytes).map_err(|e| failed(&e, lang));
    let mut charts = Vec::new();
    for p in &pictures {
        stage(&to.charts_dir.join(format!("{}.png", p.stem)), &p.png)?;
        stage(
            &to.charts_dir.join(format!("{}.svg", p.stem)),
            p.svg.as_bytes(),
        )?;
        charts.push((format!("{}.png", p.stem), p.title.clone()));
    }
    let page = brief::page::page(report, lang);
    let markdown = brief::markdown::to_markdown(&page, &charts);
    stage(&to.brief, markdown.as_bytes())?;
    let html = brief::html::to_html(&page, lang, &pictures);
    stage(&to.brief_html, html.as_bytes())?;
    staged
        .add_with(&to.summary, |w| json::write(report, w))
        .map_err(|e| failed(&e, lang))?;
    Ok((staged, charts))
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

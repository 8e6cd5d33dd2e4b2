//! The complaint sheets (客诉统计, 客诉明细), 概览 with its charts, and 数据问题.

use anyhow::Result;
use rust_xlsxwriter::{ChartType, Worksheet};

use super::charts::{self, ChartSpec, Series};
use super::writer::Placed;
use super::{Ctx, no_highlight};
use crate::schema::Kind;

/// Where each table of 客诉统计 landed, by id.
pub type PlacedTables = Vec<(&'static str, Placed)>;

pub fn statistics(ctx: &Ctx<'_>, ws: &mut Worksheet) -> Result<PlacedTables> {
    let c = &ctx.report.complaints;
    let mut sheet = ctx.sheet(ws, ctx.names.complaints, "客诉统计", "complaints")?;
    let caption = ctx.caption(&[Kind::Complaint]);
    let mut placed = Vec::new();
    for t in c.statistics_sheet() {
        placed.push((t.id, sheet.table(t, &caption, &no_highlight)?));
    }
    sheet.table(
        &ctx.report.site_visits,
        &ctx.caption(&[Kind::Complaint, Kind::SiteVisit]),
        &no_highlight,
    )?;
    sheet.ws.set_freeze_panes(1, 0)?;
    sheet.finish();
    Ok(placed)
}

pub fn overview(ctx: &Ctx<'_>, ws: &mut Worksheet, placed: &PlacedTables) -> Result<()> {
    let (r, lang) = (ctx.report, ctx.lang);
    let mut sheet = ctx.sheet(ws, ctx.names.overview, "概览", "overview")?;
    let every_input = format!(
        "{} | {}",
        r.period.label(),
        lang.pick("全部输入文件", "all input files")
    );
    sheet.table(&r.comparisons, &every_input, &no_highlight)?;
    sheet.table(
        &r.complaints.kpis,
        &ctx.caption(&[Kind::Complaint]),
        &no_highlight,
    )?;
    sheet.table(
        &r.site_visits,
        &ctx.caption(&[Kind::Complaint, Kind::SiteVisit]),
        &no_highlight,
    )?;
    sheet.table(
        &r.field_visits_kpis,
        &ctx.caption(&[Kind::FieldVisit]),
        &no_highlight,
    )?;
    let inputs = format!(
        "{} | {}",
        r.period.label(),
        lang.pick("全部输入文件", "all input files")
    );
    sheet.table(&r.inputs, &inputs, &no_highlight)?;
    sheet.ws.set_freeze_panes(1, 0)?;
    let at = |id: &str| {
        placed
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, p)| *p)
            .expect("table placed")
    };
    let count = lang.pick("件数", "count").to_string();
    let specs = [
        (
            ChartType::Column,
            lang.pick("受理方式", "Complaints by channel"),
            "complaints_by_channel",
        ),
        (
            ChartType::Pie,
            lang.pick("投诉类别", "Complaints by category"),
            "complaints_by_category",
        ),
        (
            ChartType::Column,
            lang.pick("处理状态", "Complaints by status"),
            "complaints_by_status",
        ),
        (
            ChartType::Line,
            lang.pick("近12个月受理投诉", "Complaints received, last 12 months"),
            "complaints_monthly",
        ),
    ];
    for (i, (kind, title, id)) in specs.into_iter().enumerate() {
        let spec = ChartSpec {
            kind,
            title: format!("{title} {}", r.period.label()),
            sheet: ctx.names.complaints,
            placed: at(id),
            rows: None,
            series: vec![Series {
                value_col: 1,
                name: Some(count.clone()),
            }],
            y_axis: (kind != ChartType::Pie).then(|| count.clone()),
            percent_axis: false,
        };
        sheet
            .ws
            .insert_chart(2 + 16 * i as u32, 9, &charts::build(&spec, lang))?;
    }
    sheet.finish();
    Ok(())
}

pub fn lists(ctx: &Ctx<'_>, ws: &mut Worksheet) -> Result<()> {
    let c = &ctx.report.complaints;
    let mut sheet = ctx.sheet(ws, ctx.names.lists, "客诉明细", "complaint lists")?;
    sheet.ws.set_freeze_panes(4, 0)?;
    let caption = ctx.caption(&[Kind::Complaint]);
    sheet.table(&c.open, &caption, &no_highlight)?;
    sheet.table(&c.severe, &caption, &no_highlight)?;
    sheet.finish();
    Ok(())
}

pub fn issues(ctx: &Ctx<'_>, ws: &mut Worksheet) -> Result<()> {
    let r = ctx.report;
    let mut sheet = ctx.sheet(ws, ctx.names.issues, "数据问题", "data problems")?;
    sheet.ws.set_freeze_panes(4, 0)?;
    let caption = format!(
        "{} | {}",
        r.period.label(),
        ctx.lang.pick("全部输入文件", "all input files")
    );
    sheet.table(&r.data_issues, &caption, &no_highlight)?;
    sheet.finish();
    Ok(())
}

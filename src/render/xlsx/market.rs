//! The market-service sheets: 市场占有率 (with livestock scale), 价格, 料肉比, 现场拜访, and
//! their charts — stacked shares by region, the overall pie, monthly prices, FCR by species.

use anyhow::Result;
use rust_xlsxwriter::{ChartType, Worksheet};

use super::charts::{self, ChartSpec, Series};
use super::{Ctx, no_highlight};
use crate::schema::Kind;
use crate::stats::market::ALL_REGIONS;
use crate::stats::{Table, Val};

/// Column where a sheet's charts start (right of the tables).
const CHART_COL: u16 = 12;

/// The series of a wide table: one per column after the first, named by its header cell.
fn header_series(t: &Table) -> Vec<Series> {
    (1..t.columns.len())
        .map(|c| Series {
            value_col: c as u16,
            name: None,
        })
        .collect()
}

pub fn market_share(ctx: &Ctx<'_>, ws: &mut Worksheet) -> Result<()> {
    let (r, lang) = (ctx.report, ctx.lang);
    let mut sheet = ctx.sheet(ws, ctx.names.market, "市场占有率", "market share")?;
    sheet.ws.set_freeze_panes(1, 0)?;
    let caption = ctx.caption(&[Kind::FeedMarket]);
    let own = |row: &[Val]| matches!(row.get(4), Some(Val::Bool(true)));
    let shares = sheet.table(&r.market_share, &caption, &own)?;
    let matrix = sheet.table(&r.market_share_by_region, &caption, &no_highlight)?;
    sheet.table(
        &r.livestock,
        &ctx.caption(&[Kind::Livestock]),
        &no_highlight,
    )?;
    let overall = r
        .market_share
        .rows
        .iter()
        .filter(|row| matches!(row.first(), Some(Val::Text(t)) if t == ALL_REGIONS))
        .count() as u32;
    if !r.market_share_by_region.rows.is_empty() {
        let stacked = ChartSpec {
            kind: ChartType::ColumnStacked,
            title: format!(
                "{} {}",
                lang.pick("各地区品牌占有率", "Brand shares by region"),
                r.period.label()
            ),
            sheet: ctx.names.market,
            placed: matrix,
            rows: None,
            series: header_series(&r.market_share_by_region),
            y_axis: Some(lang.pick("占有率", "share").to_string()),
            percent_axis: true,
        };
        sheet
            .ws
            .insert_chart(2, CHART_COL, &charts::build(&stacked, lang))?;
    }
    if overall > 0 {
        let mut placed = shares;
        placed.col = 1;
        let pie = ChartSpec {
            kind: ChartType::Pie,
            title: format!(
                "{} {}",
                lang.pick("全部地区品牌占有率", "Overall brand shares"),
                r.period.label()
            ),
            sheet: ctx.names.market,
            placed,
            rows: Some((shares.first_row, shares.first_row + overall - 1)),
            series: vec![Series {
                value_col: 3,
                name: Some(lang.pick("占有率", "share").to_string()),
            }],
            y_axis: None,
            percent_axis: false,
        };
        sheet
            .ws
            .insert_chart(18, CHART_COL, &charts::build(&pie, lang))?;
    }
    sheet.finish();
    Ok(())
}

pub fn prices(ctx: &Ctx<'_>, ws: &mut Worksheet) -> Result<()> {
    let (r, lang) = (ctx.report, ctx.lang);
    let mut sheet = ctx.sheet(ws, ctx.names.prices, "价格", "prices")?;
    sheet.ws.set_freeze_panes(1, 0)?;
    let caption = ctx.caption(&[Kind::Price]);
    sheet.table(&r.prices, &caption, &no_highlight)?;
    let monthly = sheet.table(&r.prices_monthly, &caption, &no_highlight)?;
    if r.prices_monthly.columns.len() > 1 {
        let line = ChartSpec {
            kind: ChartType::Line,
            title: format!(
                "{} {}",
                lang.pick("主要品项月均价", "Monthly mean prices"),
                r.period.label()
            ),
            sheet: ctx.names.prices,
            placed: monthly,
            rows: None,
            series: header_series(&r.prices_monthly),
            // Every series is in one unit, the last part of its name (猪肉·零售·元/kg).
            y_axis: r.prices_monthly.columns[1]
                .key
                .rsplit('·')
                .next()
                .map(str::to_string),
            percent_axis: false,
        };
        sheet
            .ws
            .insert_chart(2, CHART_COL, &charts::build(&line, lang))?;
    }
    sheet.finish();
    Ok(())
}

pub fn fcr(ctx: &Ctx<'_>, ws: &mut Worksheet) -> Result<()> {
    let (r, lang) = (ctx.report, ctx.lang);
    let mut sheet = ctx.sheet(ws, ctx.names.fcr, "料肉比", "feed conversion")?;
    sheet.ws.set_freeze_panes(1, 0)?;
    let caption = ctx.caption(&[Kind::Batch]);
    sheet.table(&r.fcr.groups, &caption, &no_highlight)?;
    let by_brand = sheet.table(&r.fcr.species_brand, &caption, &no_highlight)?;
    sheet.table(&r.fcr.extremes, &caption, &no_highlight)?;
    if !r.fcr.species_brand.rows.is_empty() {
        let column = ChartSpec {
            kind: ChartType::Column,
            title: format!(
                "{} {}",
                lang.pick(
                    "各品种料肉比:本公司与其他品牌",
                    "FCR by species: own vs other brands"
                ),
                r.period.label()
            ),
            sheet: ctx.names.fcr,
            placed: by_brand,
            rows: None,
            series: header_series(&r.fcr.species_brand),
            y_axis: Some(lang.pick("料肉比", "FCR").to_string()),
            percent_axis: false,
        };
        sheet
            .ws
            .insert_chart(2, CHART_COL, &charts::build(&column, lang))?;
    }
    sheet.finish();
    Ok(())
}

pub fn field_visits(ctx: &Ctx<'_>, ws: &mut Worksheet) -> Result<()> {
    let r = ctx.report;
    let mut sheet = ctx.sheet(ws, ctx.names.field, "现场拜访", "field visits")?;
    sheet.ws.set_freeze_panes(1, 0)?;
    let caption = ctx.caption(&[Kind::FieldVisit]);
    sheet.table(&r.field_visits_kpis, &caption, &no_highlight)?;
    sheet.table(&r.field_visits, &caption, &no_highlight)?;
    sheet.finish();
    Ok(())
}

pub fn technicians(ctx: &Ctx<'_>, ws: &mut Worksheet) -> Result<()> {
    let r = ctx.report;
    let mut sheet = ctx.sheet(ws, ctx.names.technicians, "技术员", "technicians")?;
    sheet.ws.set_freeze_panes(4, 0)?;
    let caption = ctx.caption(&[
        Kind::FieldVisit,
        Kind::SiteVisit,
        Kind::Complaint,
        Kind::Trip,
        Kind::Batch,
    ]);
    sheet.table(&r.technicians, &caption, &no_highlight)?;
    sheet.finish();
    Ok(())
}

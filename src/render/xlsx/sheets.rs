//! The sheets of the workbook, in SPEC §6's order — each with its name, how it is frozen,
//! which charts stand on it, and the tables it shows — defined once.

use anyhow::Result;

use super::WorkbookContext;
use super::writer::{SheetWriter, no_highlight};
use crate::lang::Lang;
use crate::schema::Kind;
use crate::stats::Val;
use crate::stats::report::Report;

/// One sheet of the workbook.
pub struct SheetDef {
    pub zh: &'static str,
    pub en: &'static str,
    /// Long lists stream to disk (rust_xlsxwriter's constant-memory mode; no charts then).
    pub constant_memory: bool,
    /// The input kinds it is made from: when none of them has a record in the inputs, the
    /// sheet says which export it needs instead of showing empty tables.
    pub needs: &'static [Kind],
    /// The charts shown down the right side (stems of the chart list).
    pub charts: &'static [&'static str],
    /// The column the charts start in.
    pub chart_col: u16,
    /// Writes the sheet's tables.
    pub write: fn(&WorkbookContext<'_>, &mut SheetWriter<'_, '_>) -> Result<()>,
}

/// Column where a sheet's charts start (right of the tables).
const CHART_COL: u16 = 12;

/// A sheet with no charts.
const fn sheet(
    zh: &'static str,
    en: &'static str,
    needs: &'static [Kind],
    write: fn(&WorkbookContext<'_>, &mut SheetWriter<'_, '_>) -> Result<()>,
) -> SheetDef {
    SheetDef {
        zh,
        en,
        constant_memory: false,
        needs,
        charts: &[],
        chart_col: CHART_COL,
        write,
    }
}

/// A sheet with charts down its right side.
const fn charted(
    zh: &'static str,
    en: &'static str,
    needs: &'static [Kind],
    charts: &'static [&'static str],
    write: fn(&WorkbookContext<'_>, &mut SheetWriter<'_, '_>) -> Result<()>,
) -> SheetDef {
    SheetDef {
        charts,
        ..sheet(zh, en, needs, write)
    }
}

/// A sheet of long lists, streamed to disk.
const fn lists(
    zh: &'static str,
    en: &'static str,
    needs: &'static [Kind],
    write: fn(&WorkbookContext<'_>, &mut SheetWriter<'_, '_>) -> Result<()>,
) -> SheetDef {
    SheetDef {
        constant_memory: true,
        ..sheet(zh, en, needs, write)
    }
}

/// Every sheet, in SPEC §6's order.
pub const SHEETS: [SheetDef; 13] = [
    SheetDef {
        chart_col: 9,
        ..charted(
            "概览",
            "Overview",
            &[],
            &[
                "complaints_by_channel",
                "complaints_by_category",
                "complaints_by_status",
                "complaints_monthly",
            ],
            overview,
        )
    },
    sheet(
        "客诉统计",
        "Complaints",
        &[Kind::Complaint],
        complaint_statistics,
    ),
    lists(
        "客诉明细",
        "Complaint lists",
        &[Kind::Complaint, Kind::SiteVisit],
        complaint_lists,
    ),
    charted(
        "协查回馈",
        "Department feedback",
        &[Kind::Assist],
        &["assist_reply_rate"],
        assist,
    ),
    charted(
        "市场占有率",
        "Market share",
        &[Kind::FeedMarket, Kind::Livestock],
        &["market_share_by_region", "market_share_overall"],
        market_share,
    ),
    charted(
        "养殖用料",
        "Farm feed",
        &[Kind::FeedUsage],
        &["feed_usage_by_region"],
        feed_usage,
    ),
    charted(
        "价格",
        "Prices",
        &[Kind::Price],
        &["prices_monthly"],
        prices,
    ),
    charted(
        "料肉比",
        "Feed conversion",
        &[Kind::Batch],
        &["fcr_species_brand"],
        fcr,
    ),
    charted(
        "疫病",
        "Diseases",
        &[Kind::Disease],
        &["diseases_by_region"],
        diseases,
    ),
    sheet(
        "现场拜访",
        "Field visits",
        &[Kind::FieldVisit],
        field_visits,
    ),
    sheet(
        "技术员",
        "Technicians",
        &[
            Kind::FieldVisit,
            Kind::SiteVisit,
            Kind::Complaint,
            Kind::Trip,
            Kind::Batch,
            Kind::Disease,
        ],
        technicians,
    ),
    sheet(
        "出差考勤",
        "Trips and attendance",
        &[Kind::Trip, Kind::FieldVisit, Kind::SiteVisit],
        trips,
    ),
    lists("数据问题", "Data problems", &[], data_problems),
];

type Sheet<'a, 'w, 'f> = &'a mut SheetWriter<'w, 'f>;

fn overview(ctx: &WorkbookContext<'_>, sheet: Sheet<'_, '_, '_>) -> Result<()> {
    let r = ctx.report;
    let all = ctx.caption_all_inputs();
    sheet.table(&r.comparisons, &all, &no_highlight)?;
    let warnings = &r.warnings.list;
    if warnings.rows.is_empty() {
        sheet.note(&format!(
            "{} | {all}",
            ctx.lang.pick(&warnings.zh, &warnings.en)
        ))?;
        sheet.notice(ctx.lang.pick("无预警", "No warnings"))?;
    } else {
        sheet.table(warnings, &all, &no_highlight)?;
    }
    let complaints = ctx.caption(&[Kind::Complaint]);
    sheet.table(&r.complaints.kpis, &complaints, &no_highlight)?;
    let visits = ctx.caption(&[Kind::Complaint, Kind::SiteVisit]);
    sheet.table(&r.site_visits.kpis, &visits, &no_highlight)?;
    let field = ctx.caption(&[Kind::FieldVisit]);
    sheet.table(&r.field_visits_kpis, &field, &no_highlight)?;
    sheet.table(&r.inputs, &all, &no_highlight)?;
    Ok(())
}

fn complaint_statistics(ctx: &WorkbookContext<'_>, sheet: Sheet<'_, '_, '_>) -> Result<()> {
    let r = ctx.report;
    let caption = ctx.caption(&[Kind::Complaint]);
    for t in r.complaints.statistics_sheet() {
        sheet.table(t, &caption, &no_highlight)?;
    }
    let visits = ctx.caption(&[Kind::Complaint, Kind::SiteVisit]);
    sheet.table(&r.site_visits.kpis, &visits, &no_highlight)?;
    Ok(())
}

fn complaint_lists(ctx: &WorkbookContext<'_>, sheet: Sheet<'_, '_, '_>) -> Result<()> {
    let c = &ctx.report.complaints;
    let caption = ctx.caption(&[Kind::Complaint]);
    let open = sheet.table(&c.open, &caption, &no_highlight)?;
    sheet.list(&open)?;
    sheet.table(&c.severe, &caption, &no_highlight)?;
    sheet.table(&c.open_severe, &caption, &no_highlight)?;
    sheet.table(&c.severe_not_escalated, &caption, &no_highlight)?;
    let visits = ctx.caption(&[Kind::SiteVisit]);
    sheet.table(&ctx.report.site_visits.refused, &visits, &no_highlight)?;
    Ok(())
}

fn assist(ctx: &WorkbookContext<'_>, sheet: Sheet<'_, '_, '_>) -> Result<()> {
    let a = &ctx.report.assist;
    let caption = ctx.caption(&[Kind::Assist]);
    sheet.table(&a.by_dept, &caption, &no_highlight)?;
    sheet.table(&a.open, &caption, &no_highlight)?;
    Ok(())
}

/// Own brands stand out.
fn own(row: &crate::stats::Record<'_>) -> bool {
    *row.get("own_brand") == Val::Bool(true)
}

fn market_share(ctx: &WorkbookContext<'_>, sheet: Sheet<'_, '_, '_>) -> Result<()> {
    let m = &ctx.report.market;
    let caption = ctx.caption(&[Kind::FeedMarket]);
    sheet.table(&m.share, &caption, &own)?;
    sheet.table(&m.share_by_region, &caption, &no_highlight)?;
    let livestock = ctx.caption(&[Kind::Livestock]);
    sheet.table(&m.livestock, &livestock, &no_highlight)?;
    Ok(())
}

fn feed_usage(ctx: &WorkbookContext<'_>, sheet: Sheet<'_, '_, '_>) -> Result<()> {
    let u = &ctx.report.market.feed_usage;
    let caption = ctx.caption(&[Kind::FeedUsage]);
    sheet.table(&u.by_region_species, &caption, &no_highlight)?;
    sheet.table(&u.by_region, &caption, &no_highlight)?;
    sheet.table(&u.by_brand, &caption, &own)?;
    Ok(())
}

fn prices(ctx: &WorkbookContext<'_>, sheet: Sheet<'_, '_, '_>) -> Result<()> {
    let m = &ctx.report.market;
    let caption = ctx.caption(&[Kind::Price]);
    sheet.table(&m.prices, &caption, &no_highlight)?;
    sheet.table(&m.prices_monthly, &caption, &no_highlight)?;
    Ok(())
}

fn fcr(ctx: &WorkbookContext<'_>, sheet: Sheet<'_, '_, '_>) -> Result<()> {
    let f = &ctx.report.fcr;
    let caption = ctx.caption(&[Kind::Batch]);
    sheet.table(&f.groups, &caption, &own)?;
    for t in [&f.species_brand, &f.extremes] {
        sheet.table(t, &caption, &no_highlight)?;
    }
    Ok(())
}

fn diseases(ctx: &WorkbookContext<'_>, sheet: Sheet<'_, '_, '_>) -> Result<()> {
    let d = &ctx.report.diseases;
    let caption = ctx.caption(&[Kind::Disease]);
    for t in [&d.new, &d.by_species, &d.by_region] {
        sheet.table(t, &caption, &no_highlight)?;
    }
    Ok(())
}

fn field_visits(ctx: &WorkbookContext<'_>, sheet: Sheet<'_, '_, '_>) -> Result<()> {
    let r = ctx.report;
    let caption = ctx.caption(&[Kind::FieldVisit]);
    sheet.table(&r.field_visits_kpis, &caption, &no_highlight)?;
    sheet.table(&r.field_visits, &caption, &no_highlight)?;
    Ok(())
}

fn technicians(ctx: &WorkbookContext<'_>, sheet: Sheet<'_, '_, '_>) -> Result<()> {
    let caption = ctx.caption(&[
        Kind::FieldVisit,
        Kind::SiteVisit,
        Kind::Complaint,
        Kind::Trip,
        Kind::Batch,
        Kind::Disease,
    ]);
    let placed = sheet.table(&ctx.report.technicians, &caption, &no_highlight)?;
    sheet.list(&placed)?;
    Ok(())
}

fn trips(ctx: &WorkbookContext<'_>, sheet: Sheet<'_, '_, '_>) -> Result<()> {
    let t = &ctx.report.trips;
    let caption = ctx.caption(&[Kind::Trip, Kind::FieldVisit, Kind::SiteVisit]);
    sheet.table(&t.by_technician, &caption, &no_highlight)?;
    sheet.table(&t.flagged, &caption, &no_highlight)?;
    Ok(())
}

fn data_problems(ctx: &WorkbookContext<'_>, sheet: Sheet<'_, '_, '_>) -> Result<()> {
    let caption = ctx.caption_all_inputs();
    let placed = sheet.table(&ctx.report.data_issues, &caption, &no_highlight)?;
    sheet.list(&placed)?;
    Ok(())
}

/// The line a sheet shows instead of its tables when none of the kinds it needs has a record
/// in the inputs: which export it needs and that export's required columns.
pub fn missing_input(sheet: &SheetDef, report: &Report, lang: Lang) -> Option<String> {
    let has_rows = |k: &Kind| {
        report
            .sheets
            .iter()
            .any(|s| s.kind == Some(*k) && s.used > 0)
    };
    if sheet.needs.is_empty() || sheet.needs.iter().any(has_rows) {
        return None;
    }
    let exports: Vec<String> = sheet
        .needs
        .iter()
        .map(|k| {
            let required: Vec<&str> = k
                .fields()
                .iter()
                .filter(|f| f.required)
                .map(|f| f.zh)
                .collect();
            let required = required.join(lang.pick("、", ", "));
            match lang {
                Lang::Zh => format!("{} {}(必填列:{required})", k.code(), k.zh()),
                Lang::En => format!(
                    "{} {} ({}; required columns: {required})",
                    k.code(),
                    k.zh(),
                    k.en()
                ),
            }
        })
        .collect();
    let exports = exports.join(lang.pick(";或 ", "; or "));
    Some(lang.pick(
        &format!("输入中没有本表所需的记录。请把这类导出放进输入文件夹:{exports}。"),
        &format!("The inputs hold no record this sheet needs. Put this export among the inputs: {exports}."),
    ).to_string())
}

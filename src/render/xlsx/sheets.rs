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

/// Every sheet, in workbook order.
pub const SHEETS: [SheetDef; 9] = [
    SheetDef {
        zh: "概览",
        en: "Overview",
        constant_memory: false,
        needs: &[],
        charts: &[
            "complaints_by_channel",
            "complaints_by_category",
            "complaints_by_status",
            "complaints_monthly",
        ],
        chart_col: 9,
        write: overview,
    },
    SheetDef {
        zh: "客诉统计",
        en: "Complaints",
        constant_memory: false,
        needs: &[Kind::Complaint],
        charts: &[],
        chart_col: CHART_COL,
        write: complaint_statistics,
    },
    SheetDef {
        zh: "客诉明细",
        en: "Complaint lists",
        constant_memory: true,
        needs: &[Kind::Complaint],
        charts: &[],
        chart_col: CHART_COL,
        write: complaint_lists,
    },
    SheetDef {
        zh: "市场占有率",
        en: "Market share",
        constant_memory: false,
        needs: &[Kind::FeedMarket, Kind::Livestock],
        charts: &["market_share_by_region", "market_share_overall"],
        chart_col: CHART_COL,
        write: market_share,
    },
    SheetDef {
        zh: "价格",
        en: "Prices",
        constant_memory: false,
        needs: &[Kind::Price],
        charts: &["prices_monthly"],
        chart_col: CHART_COL,
        write: prices,
    },
    SheetDef {
        zh: "料肉比",
        en: "Feed conversion",
        constant_memory: false,
        needs: &[Kind::Batch],
        charts: &["fcr_species_brand"],
        chart_col: CHART_COL,
        write: fcr,
    },
    SheetDef {
        zh: "现场拜访",
        en: "Field visits",
        constant_memory: false,
        needs: &[Kind::FieldVisit],
        charts: &[],
        chart_col: CHART_COL,
        write: field_visits,
    },
    SheetDef {
        zh: "技术员",
        en: "Technicians",
        constant_memory: false,
        needs: &[
            Kind::FieldVisit,
            Kind::SiteVisit,
            Kind::Complaint,
            Kind::Trip,
            Kind::Batch,
        ],
        charts: &[],
        chart_col: CHART_COL,
        write: technicians,
    },
    SheetDef {
        zh: "数据问题",
        en: "Data problems",
        constant_memory: true,
        needs: &[],
        charts: &[],
        chart_col: CHART_COL,
        write: data_problems,
    },
];

type Sheet<'a, 'w, 'f> = &'a mut SheetWriter<'w, 'f>;

fn overview(ctx: &WorkbookContext<'_>, sheet: Sheet<'_, '_, '_>) -> Result<()> {
    let r = ctx.report;
    let all = ctx.caption_all_inputs();
    sheet.table(&r.comparisons, &all, &no_highlight)?;
    let complaints = ctx.caption(&[Kind::Complaint]);
    sheet.table(&r.complaints.kpis, &complaints, &no_highlight)?;
    let visits = ctx.caption(&[Kind::Complaint, Kind::SiteVisit]);
    sheet.table(&r.site_visits, &visits, &no_highlight)?;
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
    sheet.table(&r.site_visits, &visits, &no_highlight)?;
    Ok(())
}

fn complaint_lists(ctx: &WorkbookContext<'_>, sheet: Sheet<'_, '_, '_>) -> Result<()> {
    let c = &ctx.report.complaints;
    let caption = ctx.caption(&[Kind::Complaint]);
    let open = sheet.table(&c.open, &caption, &no_highlight)?;
    sheet.list(&open)?;
    sheet.table(&c.severe, &caption, &no_highlight)?;
    Ok(())
}

fn market_share(ctx: &WorkbookContext<'_>, sheet: Sheet<'_, '_, '_>) -> Result<()> {
    let r = ctx.report;
    let caption = ctx.caption(&[Kind::FeedMarket]);
    let own = |row: &crate::stats::Record<'_>| *row.get("own_brand") == Val::Bool(true);
    sheet.table(&r.market_share, &caption, &own)?;
    sheet.table(&r.market_share_by_region, &caption, &no_highlight)?;
    let livestock = ctx.caption(&[Kind::Livestock]);
    sheet.table(&r.livestock, &livestock, &no_highlight)?;
    Ok(())
}

fn prices(ctx: &WorkbookContext<'_>, sheet: Sheet<'_, '_, '_>) -> Result<()> {
    let r = ctx.report;
    let caption = ctx.caption(&[Kind::Price]);
    sheet.table(&r.prices, &caption, &no_highlight)?;
    sheet.table(&r.prices_monthly, &caption, &no_highlight)?;
    Ok(())
}

fn fcr(ctx: &WorkbookContext<'_>, sheet: Sheet<'_, '_, '_>) -> Result<()> {
    let f = &ctx.report.fcr;
    let caption = ctx.caption(&[Kind::Batch]);
    for t in [&f.groups, &f.species_brand, &f.extremes] {
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
    ]);
    let placed = sheet.table(&ctx.report.technicians, &caption, &no_highlight)?;
    sheet.list(&placed)?;
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

//! The numbers behind each chart, taken from the report's tables — the same tables the
//! workbook's native charts point at, so a picture and its sheet always agree.

use crate::lang::Lang;
use crate::stats::market::ALL_REGIONS;
use crate::stats::report::Report;
use crate::stats::{Table, Val};

/// How a chart is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Column,
    StackedColumn,
    Line,
    Pie,
}

/// A series: its name and one value per category (`None` where there is none).
pub type SeriesData = (String, Vec<Option<f64>>);

/// One chart: file name, title, categories and one or more series.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartData {
    pub name: &'static str,
    pub title: String,
    pub shape: Shape,
    pub categories: Vec<String>,
    pub series: Vec<SeriesData>,
    pub y_label: String,
    /// Values are fractions shown as percentages.
    pub percent: bool,
}

fn number(v: &Val) -> Option<f64> {
    match v {
        Val::Int(i) => Some(*i as f64),
        Val::Num(x) | Val::Pct(x) => Some(*x),
        _ => None,
    }
}

fn text(v: &Val) -> String {
    match v {
        Val::Text(t) => t.clone(),
        _ => String::new(),
    }
}

/// Categories from the first column, one series per listed column.
fn from_table(t: &Table, value_cols: &[usize], lang: Lang) -> (Vec<String>, Vec<SeriesData>) {
    let categories = t.rows.iter().map(|r| text(&r[0])).collect();
    let series = value_cols
        .iter()
        .map(|&c| {
            let name = lang.pick(&t.columns[c].zh, &t.columns[c].en).to_string();
            (
                name,
                t.rows.iter().map(|r| r.get(c).and_then(number)).collect(),
            )
        })
        .collect();
    (categories, series)
}

/// Every chart of the report.
pub fn charts(report: &Report, lang: Lang) -> Vec<ChartData> {
    let p = report.period.label();
    let c = &report.complaints;
    let count = lang.pick("件数", "count").to_string();
    let mut out = Vec::new();
    let mut simple = |name, zh: &str, en: &str, shape, t: &Table, y: &str| {
        let (categories, mut series) = from_table(t, &[1], lang);
        series[0].0 = y.to_string();
        out.push(ChartData {
            name,
            title: format!("{} {p}", lang.pick(zh, en)),
            shape,
            categories,
            series,
            y_label: y.to_string(),
            percent: false,
        });
    };
    simple(
        "complaints_by_channel",
        "受理方式",
        "Complaints by channel",
        Shape::Column,
        &c.by_channel,
        &count,
    );
    simple(
        "complaints_by_category",
        "投诉类别",
        "Complaints by category",
        Shape::Pie,
        &c.by_category,
        &count,
    );
    simple(
        "complaints_by_status",
        "处理状态",
        "Complaints by status",
        Shape::Column,
        &c.by_status,
        &count,
    );
    simple(
        "complaints_monthly",
        "近12个月受理投诉",
        "Complaints received, last 12 months",
        Shape::Line,
        &c.monthly,
        &count,
    );

    let m = &report.market_share_by_region;
    let (categories, series) = from_table(m, &(1..m.columns.len()).collect::<Vec<_>>(), lang);
    if !categories.is_empty() {
        out.push(ChartData {
            name: "market_share_by_region",
            title: format!(
                "{} {p}",
                lang.pick("各地区品牌占有率", "Brand shares by region")
            ),
            shape: Shape::StackedColumn,
            categories,
            series,
            y_label: lang.pick("占有率", "share").to_string(),
            percent: true,
        });
    }
    let overall: Vec<&Vec<Val>> = report
        .market_share
        .rows
        .iter()
        .filter(|r| text(&r[0]) == ALL_REGIONS)
        .collect();
    if !overall.is_empty() {
        out.push(ChartData {
            name: "market_share_overall",
            title: format!(
                "{} {p}",
                lang.pick("全部地区品牌占有率", "Overall brand shares")
            ),
            shape: Shape::Pie,
            categories: overall.iter().map(|r| text(&r[1])).collect(),
            series: vec![(
                lang.pick("占有率", "share").to_string(),
                overall.iter().map(|r| number(&r[3])).collect(),
            )],
            y_label: lang.pick("占有率", "share").to_string(),
            percent: true,
        });
    }
    let pm = &report.prices_monthly;
    if pm.columns.len() > 1 {
        let (categories, series) = from_table(pm, &(1..pm.columns.len()).collect::<Vec<_>>(), lang);
        out.push(ChartData {
            name: "prices_monthly",
            title: format!("{} {p}", lang.pick("主要品项月均价", "Monthly mean prices")),
            shape: Shape::Line,
            categories,
            // Every series is in one unit, the last part of its name (猪肉·零售·元/kg).
            y_label: series
                .first()
                .and_then(|(name, _)| name.rsplit('·').next())
                .unwrap_or_default()
                .to_string(),
            series,
            percent: false,
        });
    }
    let f = &report.fcr.species_brand;
    if !f.rows.is_empty() {
        let (categories, series) = from_table(f, &[1, 2], lang);
        out.push(ChartData {
            name: "fcr_species_brand",
            title: format!(
                "{} {p}",
                lang.pick(
                    "各品种料肉比:本公司与其他品牌",
                    "FCR by species: own vs other brands"
                )
            ),
            shape: Shape::Column,
            categories,
            series,
            y_label: lang.pick("料肉比", "FCR").to_string(),
            percent: false,
        });
    }
    out
}

//! Every chart of the report, defined once: the table it draws, the columns it takes, its
//! shape, its titles and the file stem of its pictures. The workbook's native charts and the
//! PNG/SVG pictures both read this list; which sheet shows a chart is the sheet list's
//! business (`xlsx::sheets`).

use crate::lang::Lang;
use crate::stats::report::Report;
use crate::stats::{Id, Record, Sheet, Table};

/// How a chart is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Column,
    StackedColumn,
    Line,
    Pie,
}

/// Which columns of the table are the chart's series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Series {
    /// These columns, in this order.
    Columns(&'static [&'static str]),
    /// Every column after the category column (the columns of a cross-table).
    AllAfterCategory,
}

/// Which rows of the table the chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    All,
    /// The rows whose column `.0` holds the text `.1` (they stand together in the table).
    Where(&'static str, &'static str),
}

/// The value axis' label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Axis {
    /// Chinese and English text.
    Label(&'static str, &'static str),
    /// The unit every series shares: the last part of the first series' name
    /// (`猪肉·零售·元/kg` → `元/kg`).
    UnitOfSeries,
}

/// One chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartDef {
    /// The pictures' file stem (`charts/<stem>.png`).
    pub stem: &'static str,
    /// The table it draws.
    pub table: Id,
    /// The report sheet it stands on (none for a review's chart).
    pub sheet: Option<Sheet>,
    /// The column holding the categories.
    pub category: &'static str,
    pub series: Series,
    /// A fixed name for a single series, instead of its column label.
    pub series_name: Option<(&'static str, &'static str)>,
    pub rows: Rows,
    pub shape: Shape,
    pub zh: &'static str,
    pub en: &'static str,
    pub axis: Axis,
    /// Values are fractions, shown as percentages.
    pub percent: bool,
}

const COUNT: Axis = Axis::Label("件数", "count");
const SHARE: Axis = Axis::Label("占有率", "share");

/// A chart of one count per category of a complaint table, on 概览.
const fn complaint_chart(
    table: Id,
    category: &'static str,
    count: &'static [&'static str],
    shape: Shape,
    (zh, en): (&'static str, &'static str),
) -> ChartDef {
    ChartDef {
        stem: table.key(),
        table,
        sheet: Some(Sheet::Overview),
        category,
        series: Series::Columns(count),
        series_name: Some(("件数", "count")),
        rows: Rows::All,
        shape,
        zh,
        en,
        axis: COUNT,
        percent: false,
    }
}

/// Complaints by category, a pie (also in the brief).
pub const COMPLAINTS_BY_CATEGORY: ChartDef = complaint_chart(
    Id::ComplaintsByCategory,
    "category",
    &["count"],
    Shape::Pie,
    ("投诉类别", "Complaints by category"),
);

/// Complaints received in the last 12 months (also in the brief).
pub const COMPLAINTS_MONTHLY: ChartDef = complaint_chart(
    Id::ComplaintsMonthly,
    "month",
    &["received"],
    Shape::Line,
    ("近12个月受理投诉", "Complaints received, last 12 months"),
);

/// The brands' shares over every region, a pie (also in the brief).
pub const MARKET_SHARE_OVERALL: ChartDef = ChartDef {
    stem: "market_share_overall",
    table: Id::MarketShare,
    sheet: Some(Sheet::MarketShare),
    category: "brand",
    series: Series::Columns(&["share"]),
    series_name: Some(("占有率", "share")),
    rows: Rows::Where("region", crate::stats::market::ALL_REGIONS),
    shape: Shape::Pie,
    zh: "全部地区品牌占有率",
    en: "Overall brand shares",
    axis: SHARE,
    percent: true,
};

/// FCR per species, own brands against the others (also in the brief).
pub const FCR_SPECIES_BRAND: ChartDef = ChartDef {
    stem: "fcr_species_brand",
    table: Id::FcrSpeciesBrand,
    sheet: Some(Sheet::FeedConversion),
    category: "species",
    series: Series::AllAfterCategory,
    series_name: None,
    rows: Rows::All,
    shape: Shape::Column,
    zh: "各品种料肉比:本公司与其他品牌",
    en: "FCR by species: own vs other brands",
    axis: Axis::Label("料肉比", "FCR"),
    percent: false,
};

/// The overall feed volume of the last 12 periods and next period's forecast with its 80 %
/// interval (预测).
pub const FORECAST_VOLUME: ChartDef = ChartDef {
    stem: "forecast_volume",
    table: Id::ForecastVolumeTrend,
    sheet: Some(Sheet::Forecast),
    category: "period",
    series: Series::Columns(&["volume", "forecast", "lo80", "hi80"]),
    series_name: None,
    rows: Rows::All,
    shape: Shape::Line,
    zh: "饲料总销量与下期预测(80%区间)",
    en: "Feed volume and next period's forecast (80% interval)",
    axis: Axis::Label("吨", "t"),
    percent: false,
};

/// Every chart of the report, in the order the pictures are listed; each stands on the
/// sheet it names, in this order down the sheet.
pub const REPORT_CHARTS: [ChartDef; 12] = [
    complaint_chart(
        Id::ComplaintsByChannel,
        "channel",
        &["received"],
        Shape::Column,
        ("受理方式", "Complaints by channel"),
    ),
    COMPLAINTS_BY_CATEGORY,
    complaint_chart(
        Id::ComplaintsByStatus,
        "status",
        &["count"],
        Shape::Column,
        ("处理状态", "Complaints by status"),
    ),
    COMPLAINTS_MONTHLY,
    ChartDef {
        stem: "market_share_by_region",
        table: Id::MarketShareByRegion,
        sheet: Some(Sheet::MarketShare),
        category: "region",
        series: Series::AllAfterCategory,
        series_name: None,
        rows: Rows::All,
        shape: Shape::StackedColumn,
        zh: "各地区品牌占有率",
        en: "Brand shares by region",
        axis: SHARE,
        percent: true,
    },
    MARKET_SHARE_OVERALL,
    ChartDef {
        stem: "prices_monthly",
        table: Id::PricesMonthly,
        sheet: Some(Sheet::Prices),
        category: "month",
        series: Series::AllAfterCategory,
        series_name: None,
        rows: Rows::All,
        shape: Shape::Line,
        zh: "主要品项月均价",
        en: "Monthly mean prices",
        axis: Axis::UnitOfSeries,
        percent: false,
    },
    FCR_SPECIES_BRAND,
    ChartDef {
        stem: "assist_reply_rate",
        table: Id::AssistByDept,
        sheet: Some(Sheet::Feedback),
        category: "dept",
        series: Series::Columns(&["reply_rate"]),
        series_name: Some(("回馈率", "reply rate")),
        rows: Rows::All,
        shape: Shape::Column,
        zh: "各部门协查回馈率",
        en: "Reply rate by department",
        axis: Axis::Label("回馈率", "reply rate"),
        percent: true,
    },
    ChartDef {
        stem: "feed_usage_by_region",
        table: Id::FeedUsageByRegion,
        sheet: Some(Sheet::FarmFeed),
        category: "region",
        series: Series::Columns(&["commercial_share", "self_mixed_share"]),
        series_name: None,
        rows: Rows::All,
        shape: Shape::Column,
        zh: "各地区商品饲料与自配料占比",
        en: "Commercial and self-mixed feed by region",
        axis: Axis::Label("占比", "share"),
        percent: true,
    },
    ChartDef {
        stem: "diseases_by_region",
        table: Id::DiseasesByRegion,
        sheet: Some(Sheet::Diseases),
        category: "region",
        series: Series::AllAfterCategory,
        series_name: None,
        rows: Rows::All,
        shape: Shape::StackedColumn,
        zh: "各地区疫病报告",
        en: "Disease reports by region",
        axis: Axis::Label("报告(次)", "reports"),
        percent: false,
    },
    FORECAST_VOLUME,
];

/// The technician's monthly field visits against the department median (`review`).
pub const REVIEW_MONTHLY: ChartDef = ChartDef {
    stem: "review_monthly_visits",
    table: Id::ReviewMonthlyVisits,
    sheet: None,
    category: "month",
    series: Series::Columns(&["mine", "department_median"]),
    series_name: None,
    rows: Rows::All,
    shape: Shape::Line,
    zh: "每月现场拜访与部门中位数",
    en: "field visits per month against the department median",
    axis: Axis::Label("次", "visits"),
    percent: false,
};

/// A series: its name and one value per category (`None` where there is none).
pub type SeriesData = (String, Vec<Option<f64>>);

/// A chart with its numbers, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartData {
    pub def: ChartDef,
    pub title: String,
    pub categories: Vec<String>,
    pub series: Vec<SeriesData>,
    pub y_label: String,
}

impl ChartDef {
    /// The keys of the series' columns in `t`.
    ///
    /// # Panics
    /// `t` lacks a column the chart names (a bug in the chart list).
    pub fn series_keys<'t>(&self, t: &'t Table) -> Vec<&'t str> {
        match self.series {
            Series::Columns(keys) => keys
                .iter()
                .map(|k| t.columns[t.index_of(k)].key.as_str())
                .collect(),
            Series::AllAfterCategory => {
                let after = t.index_of(self.category) + 1;
                t.columns[after..].iter().map(|c| c.key.as_str()).collect()
            }
        }
    }

    /// The rows of `t` the chart shows, as (first, last) positions; `None` when there is none.
    pub fn row_span(&self, t: &Table) -> Option<(usize, usize)> {
        let shown: Vec<usize> = t
            .records()
            .enumerate()
            .filter(|(_, r)| self.shows(r))
            .map(|(i, _)| i)
            .collect();
        Some((*shown.first()?, *shown.last()?))
    }

    fn shows(&self, r: &Record<'_>) -> bool {
        match self.rows {
            Rows::All => true,
            Rows::Where(key, value) => r.text(key) == Some(value),
        }
    }

    /// The name of the series in column `key` of `t`.
    pub fn series_label(&self, t: &Table, key: &str, lang: Lang) -> String {
        match self.series_name {
            Some((zh, en)) => lang.pick(zh, en).to_string(),
            None => {
                let c = &t.columns[t.index_of(key)];
                lang.pick(&c.zh, &c.en).to_string()
            }
        }
    }

    /// The value axis' label, given the series' names.
    pub fn axis_label(&self, series_names: &[String], lang: Lang) -> String {
        match self.axis {
            Axis::Label(zh, en) => lang.pick(zh, en).to_string(),
            Axis::UnitOfSeries => series_names
                .first()
                .and_then(|n| n.rsplit('·').next())
                .unwrap_or_default()
                .to_string(),
        }
    }

    /// The chart's numbers from `t`, titled `title`; `None` when it would be empty (no rows or
    /// no series).
    pub fn data(&self, t: &Table, title: String, lang: Lang) -> Option<ChartData> {
        let keys = self.series_keys(t);
        if keys.is_empty() {
            return None;
        }
        let rows: Vec<Record<'_>> = t.records().filter(|r| self.shows(r)).collect();
        if rows.is_empty() {
            return None;
        }
        let categories = rows
            .iter()
            .map(|r| r.text(self.category).unwrap_or_default().to_string())
            .collect();
        let series: Vec<SeriesData> = keys
            .iter()
            .map(|k| {
                let values = rows.iter().map(|r| r.num(k)).collect();
                (self.series_label(t, k, lang), values)
            })
            .collect();
        let names: Vec<String> = series.iter().map(|(n, _)| n.clone()).collect();
        Some(ChartData {
            def: *self,
            title,
            categories,
            y_label: self.axis_label(&names, lang),
            series,
        })
    }
}

/// The title of a report chart: its name and the period.
pub fn report_title(def: &ChartDef, report: &Report, lang: Lang) -> String {
    format!("{} {}", lang.pick(def.zh, def.en), report.period.label())
}

/// Every chart of the report that has something to show.
pub fn report_charts(report: &Report, lang: Lang) -> Vec<ChartData> {
    REPORT_CHARTS
        .iter()
        .filter_map(|def| {
            let table = report.table(def.table)?;
            def.data(table, report_title(def, report, lang), lang)
        })
        .collect()
}

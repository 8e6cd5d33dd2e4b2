//! The sheets of the workbook, in SPEC §6's order — each with its name, how it is frozen,
//! the tables it shows in their order, and what it needs — defined once. Its charts are
//! those of the chart list that name it.

use crate::lang::Lang;
use crate::schema::Kind;
use crate::stats::report::Report;
use crate::stats::{Id, Sheet};

/// One sheet of the workbook.
pub struct SheetDef {
    pub sheet: Sheet,
    /// Long lists stream to disk (rust_xlsxwriter's constant-memory mode; no charts then).
    pub constant_memory: bool,
    /// The input kinds it is made from: when none of them has a record in the inputs, the
    /// sheet says which export it needs instead of showing empty tables.
    pub needs: &'static [Kind],
    /// The column the charts start in (they stand down the right side).
    pub chart_col: u16,
    /// The tables, top to bottom.
    pub tables: &'static [Shown],
}

/// A table on a sheet.
#[derive(Debug, Clone, Copy)]
pub struct Shown {
    pub id: Id,
    /// Own brands stand out (tables with an `own_brand` column).
    pub own_brands: bool,
    /// The sheet's list: its header frozen and repeated on each printed page, an autofilter.
    pub list: bool,
    /// Shown here too, its home being another sheet (a headline repeated on 概览).
    pub repeat: bool,
    /// Rows flagged `unvisited` stand out (demonstration farms to visit).
    pub unvisited: bool,
    /// Not written at all when it has no row (the table before says why).
    pub skip_empty: bool,
    /// When the table has no row: its title and this line instead (Chinese, English).
    pub when_empty: Option<(&'static str, &'static str)>,
}

/// A table as it stands.
const fn table(id: Id) -> Shown {
    Shown {
        id,
        own_brands: false,
        list: false,
        repeat: false,
        unvisited: false,
        skip_empty: false,
        when_empty: None,
    }
}

impl Shown {
    const fn own_brands(self) -> Shown {
        Shown {
            own_brands: true,
            ..self
        }
    }

    const fn list(self) -> Shown {
        Shown { list: true, ..self }
    }

    const fn unvisited(self) -> Shown {
        Shown {
            unvisited: true,
            ..self
        }
    }

    const fn skip_empty(self) -> Shown {
        Shown {
            skip_empty: true,
            ..self
        }
    }

    const fn repeat(self) -> Shown {
        Shown {
            repeat: true,
            ..self
        }
    }
}

/// Column where a sheet's charts start (right of the tables).
const CHART_COL: u16 = 12;

const fn sheet(sheet: Sheet, needs: &'static [Kind], tables: &'static [Shown]) -> SheetDef {
    SheetDef {
        sheet,
        constant_memory: false,
        needs,
        chart_col: CHART_COL,
        tables,
    }
}

/// A sheet of long lists, streamed to disk.
const fn lists(sheet: Sheet, needs: &'static [Kind], tables: &'static [Shown]) -> SheetDef {
    SheetDef {
        constant_memory: true,
        ..self::sheet(sheet, needs, tables)
    }
}

/// Every sheet, in SPEC §6's order.
pub const SHEETS: [SheetDef; 14] = [
    SheetDef {
        chart_col: 9,
        ..sheet(
            Sheet::Overview,
            &[],
            &[
                table(Id::Comparisons),
                Shown {
                    when_empty: Some(("无预警", "No warnings")),
                    ..table(Id::Warnings)
                },
                table(Id::ComplaintsKpis),
                table(Id::SiteVisitsKpis).repeat(),
                table(Id::FieldVisitsKpis).repeat(),
                table(Id::Inputs),
            ],
        )
    },
    sheet(
        Sheet::Complaints,
        &[Kind::Complaint],
        &[
            table(Id::ComplaintsByChannel),
            table(Id::ComplaintsByCategory),
            table(Id::ComplaintsByResponsibility),
            table(Id::ComplaintsByDept),
            table(Id::ComplaintsByStatus),
            table(Id::ComplaintsCategoryXResponsibility),
            table(Id::ComplaintsChannelXStatus),
            table(Id::ComplaintsRegionXCategory),
            table(Id::ComplaintsRepeatCustomers),
            table(Id::ComplaintsMonthly),
            table(Id::SiteVisitsKpis),
        ],
    ),
    lists(
        Sheet::ComplaintLists,
        &[Kind::Complaint, Kind::SiteVisit],
        &[
            table(Id::ComplaintsOpen).list(),
            table(Id::ComplaintsSevere),
            table(Id::ComplaintsOpenSevere),
            table(Id::ComplaintsSevereNotEscalated),
            table(Id::SiteVisitsRefused),
        ],
    ),
    sheet(
        Sheet::Feedback,
        &[Kind::Assist],
        &[table(Id::AssistByDept), table(Id::AssistOpen)],
    ),
    sheet(
        Sheet::MarketShare,
        &[Kind::FeedMarket, Kind::Livestock],
        &[
            table(Id::MarketShare).own_brands(),
            table(Id::MarketShareByRegion),
            table(Id::LivestockScale),
        ],
    ),
    sheet(
        Sheet::FarmFeed,
        &[Kind::FeedUsage],
        &[
            table(Id::FeedUsage),
            table(Id::FeedUsageByRegion),
            table(Id::FeedUsageByBrand).own_brands(),
        ],
    ),
    sheet(
        Sheet::Prices,
        &[Kind::Price],
        &[table(Id::Prices), table(Id::PricesMonthly)],
    ),
    sheet(
        Sheet::FeedConversion,
        &[Kind::Batch],
        &[
            table(Id::Fcr).own_brands(),
            table(Id::FcrSpeciesBrand),
            table(Id::FcrBestWorst),
        ],
    ),
    sheet(
        Sheet::Diseases,
        &[Kind::Disease],
        &[
            table(Id::DiseaseNew),
            table(Id::Diseases),
            table(Id::DiseasesByRegion),
        ],
    ),
    sheet(
        Sheet::Forecast,
        &[Kind::FeedMarket, Kind::Price, Kind::Livestock],
        &[
            table(Id::ForecastFeedType),
            table(Id::Forecast).skip_empty(),
            table(Id::ForecastVolumeTrend).skip_empty(),
        ],
    ),
    sheet(
        Sheet::FieldVisits,
        &[Kind::FieldVisit, Kind::Batch],
        &[
            table(Id::FieldVisitsKpis),
            table(Id::FieldVisits),
            table(Id::DemoFarmsByRegion),
            table(Id::DemoFarms).unvisited(),
        ],
    ),
    sheet(
        Sheet::Technicians,
        &[
            Kind::FieldVisit,
            Kind::SiteVisit,
            Kind::Complaint,
            Kind::Trip,
            Kind::Batch,
            Kind::Disease,
        ],
        &[table(Id::Technicians).list()],
    ),
    sheet(
        Sheet::Trips,
        &[Kind::Trip, Kind::FieldVisit, Kind::SiteVisit],
        &[table(Id::TripsByTechnician), table(Id::TripsFlagged)],
    ),
    lists(Sheet::DataProblems, &[], &[table(Id::DataIssues).list()]),
];

/// The tables that are in `summary.json` only: the warning rules' own tables, whose every
/// finding is a line of the warnings on 概览. (Read by the test that every other table has
/// a home sheet.)
#[cfg(test)]
pub const JSON_ONLY: [Id; 3] = [Id::WarningClusters, Id::WarningSurges, Id::WarningPrices];

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::REPORT_CHARTS;
    use crate::stats::id::Scope;

    /// Where `id` stands at home (not as a repeat), by sheet.
    fn homes(id: Id) -> Vec<Sheet> {
        SHEETS
            .iter()
            .filter(|s| s.tables.iter().any(|t| t.id == id && !t.repeat))
            .map(|s| s.sheet)
            .collect()
    }

    #[test]
    fn every_report_table_has_one_home_sheet_or_is_json_only() {
        for &id in Id::ALL.iter().filter(|id| id.scope() != Scope::Review) {
            let homes = homes(id);
            let json_only = JSON_ONLY.contains(&id);
            assert!(
                (homes.len() == 1 && !json_only) || (homes.is_empty() && json_only),
                "{id:?} is at home on {homes:?}{}",
                if json_only { " and JSON-only" } else { "" }
            );
        }
        for shown in SHEETS.iter().flat_map(|s| s.tables) {
            assert_ne!(shown.id.scope(), Scope::Review, "{:?}", shown.id);
            assert!(
                !shown.repeat || homes(shown.id).len() == 1,
                "{:?}",
                shown.id
            );
        }
    }

    #[test]
    fn every_chart_draws_a_table_that_stands_on_a_sheet() {
        for chart in &REPORT_CHARTS {
            assert!(chart.sheet.is_some(), "{}", chart.stem);
            assert_eq!(homes(chart.table).len(), 1, "{}", chart.stem);
        }
    }
}

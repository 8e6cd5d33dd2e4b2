//! Every table's id and every workbook sheet, each defined once. An id is the table's key in
//! `summary.json` (SPEC §6.1) or in a review's JSON; the order of [`Id::ALL`] is the order of
//! `summary.json`'s `tables`; beside each id, where its records go and which inputs it is
//! computed from. A misspelt id does not compile; a table left out of
//! [`crate::stats::report::Report::table`]'s match does not compile either.

use crate::schema::Kind;

/// Where a table's records go in the machine-readable outputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Under `tables` in `summary.json`.
    Summary,
    /// At the top level of `summary.json` (the reconciliation, `inputs`).
    TopLevel,
    /// In a technician's review (`review/<name>.json`), never in the report.
    Review,
}

macro_rules! ids {
    ($($variant:ident = $key:literal in $scope:ident from [$($kind:ident),*],)*) => {
        /// A result table's id.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Id {
            $($variant,)*
        }

        impl Id {
            /// Every id, in `summary.json` order.
            pub const ALL: &'static [Id] = &[$(Id::$variant,)*];

            /// The id as the JSON outputs spell it.
            pub const fn key(self) -> &'static str {
                match self {
                    $(Id::$variant => $key,)*
                }
            }

            /// The input kinds the table is computed from (its caption names their files);
            /// empty for a table of every input.
            pub const fn sources(self) -> &'static [Kind] {
                match self {
                    $(Id::$variant => &[$(Kind::$kind),*],)*
                }
            }

            /// Where the table's records go.
            pub const fn scope(self) -> Scope {
                match self {
                    $(Id::$variant => Scope::$scope,)*
                }
            }
        }
    };
}

ids! {
    Inputs = "inputs" in TopLevel from [],
    Comparisons = "comparisons" in Summary from [],
    Warnings = "warnings" in Summary from [],
    WarningClusters = "warning_clusters" in Summary from [Complaint],
    WarningSurges = "warning_surges" in Summary from [Complaint],
    WarningPrices = "warning_prices" in Summary from [Price],
    ComplaintsKpis = "complaints_kpis" in Summary from [Complaint],
    ComplaintsByChannel = "complaints_by_channel" in Summary from [Complaint],
    ComplaintsByCategory = "complaints_by_category" in Summary from [Complaint],
    ComplaintsByResponsibility = "complaints_by_responsibility" in Summary from [Complaint],
    ComplaintsByDept = "complaints_by_dept" in Summary from [Complaint],
    ComplaintsByStatus = "complaints_by_status" in Summary from [Complaint],
    ComplaintsCategoryXResponsibility = "complaints_category_x_responsibility" in Summary from [Complaint],
    ComplaintsChannelXStatus = "complaints_channel_x_status" in Summary from [Complaint],
    ComplaintsRegionXCategory = "complaints_region_x_category" in Summary from [Complaint],
    ComplaintsOpen = "complaints_open" in Summary from [Complaint],
    ComplaintsSevere = "complaints_severe" in Summary from [Complaint],
    ComplaintsOpenSevere = "complaints_open_severe" in Summary from [Complaint],
    ComplaintsSevereNotEscalated = "complaints_severe_not_escalated" in Summary from [Complaint],
    ComplaintsRepeatCustomers = "complaints_repeat_customers" in Summary from [Complaint],
    ComplaintsMonthly = "complaints_monthly" in Summary from [Complaint],
    SiteVisitsKpis = "site_visits_kpis" in Summary from [Complaint, SiteVisit],
    SiteVisitsRefused = "site_visits_refused" in Summary from [SiteVisit],
    AssistByDept = "assist_by_dept" in Summary from [Assist],
    AssistOpen = "assist_open" in Summary from [Assist],
    MarketShare = "market_share" in Summary from [FeedMarket],
    MarketShareByRegion = "market_share_by_region" in Summary from [FeedMarket],
    LivestockScale = "livestock_scale" in Summary from [Livestock],
    FeedUsage = "feed_usage" in Summary from [FeedUsage],
    FeedUsageByRegion = "feed_usage_by_region" in Summary from [FeedUsage],
    FeedUsageByBrand = "feed_usage_by_brand" in Summary from [FeedUsage],
    Prices = "prices" in Summary from [Price],
    PricesMonthly = "prices_monthly" in Summary from [Price],
    Fcr = "fcr" in Summary from [Batch],
    FcrSpeciesBrand = "fcr_species_brand" in Summary from [Batch],
    FcrBestWorst = "fcr_best_worst" in Summary from [Batch],
    Diseases = "diseases" in Summary from [Disease],
    DiseasesByRegion = "diseases_by_region" in Summary from [Disease],
    DiseaseNew = "disease_new" in Summary from [Disease],
    ForecastFeedType = "forecast_feed_type" in Summary from [FeedMarket],
    Forecast = "forecast" in Summary from [FeedMarket, Price, Livestock],
    ForecastVolumeTrend = "forecast_volume_trend" in Summary from [FeedMarket],
    FieldVisitsKpis = "field_visits_kpis" in Summary from [FieldVisit],
    FieldVisits = "field_visits" in Summary from [FieldVisit],
    DemoFarmsByRegion = "demo_farms_by_region" in Summary from [FieldVisit, Batch],
    DemoFarms = "demo_farms" in Summary from [FieldVisit, Batch],
    Technicians = "technicians" in Summary from [FieldVisit, SiteVisit, Complaint, Trip, Batch, Disease],
    TripsByTechnician = "trips_by_technician" in Summary from [Trip, FieldVisit, SiteVisit],
    TripsFlagged = "trips_flagged" in Summary from [Trip, FieldVisit, SiteVisit],
    DataIssues = "data_issues" in Summary from [],
    ReviewMarket = "review_market" in Review from [FieldVisit, Batch],
    MyWork = "my_work" in Review from [],
    ReviewMonthlyVisits = "review_monthly_visits" in Review from [FieldVisit],
    MyMarketShare = "my_market_share" in Review from [FeedMarket],
    MyLivestock = "my_livestock" in Review from [Livestock],
    MyFeedUsage = "my_feed_usage" in Review from [FeedUsage],
    MyPrices = "my_prices" in Review from [Price],
    MyFcr = "my_fcr" in Review from [Batch],
    MyDemoFarms = "my_demo_farms" in Review from [FieldVisit, Batch],
    MyDiseases = "my_diseases" in Review from [Disease],
    MyBatches = "my_batches" in Review from [Batch],
    MyFieldVisits = "my_field_visits" in Review from [FieldVisit],
    MyForecast = "my_forecast" in Review from [FeedMarket, Price, Livestock],
    MyComplaintsReceived = "my_complaints_received" in Review from [Complaint],
    MyComplaintsByCategory = "my_complaints_by_category" in Review from [Complaint],
    MyComplaintsAssigned = "my_complaints_assigned" in Review from [Complaint, SiteVisit],
    MyOpenComplaints = "my_open_complaints" in Review from [Complaint],
    MyTrips = "my_trips" in Review from [Trip, FieldVisit, SiteVisit],
    MyTripsFlagged = "my_trips_flagged" in Review from [Trip, FieldVisit, SiteVisit],
}

/// A sheet of the report workbook: its name in each language, defined once (the sheet list
/// of `render::xlsx` lays them out; a warning line may point the reader to one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sheet {
    Overview,
    Complaints,
    ComplaintLists,
    Feedback,
    MarketShare,
    FarmFeed,
    Prices,
    FeedConversion,
    Diseases,
    Forecast,
    FieldVisits,
    Technicians,
    Trips,
    DataProblems,
}

impl Sheet {
    /// The sheet's name in Chinese and in English.
    pub const fn names(self) -> (&'static str, &'static str) {
        match self {
            Sheet::Overview => ("概览", "Overview"),
            Sheet::Complaints => ("客诉统计", "Complaints"),
            Sheet::ComplaintLists => ("客诉明细", "Complaint lists"),
            Sheet::Feedback => ("协查回馈", "Department feedback"),
            Sheet::MarketShare => ("市场占有率", "Market share"),
            Sheet::FarmFeed => ("养殖用料", "Farm feed"),
            Sheet::Prices => ("价格", "Prices"),
            Sheet::FeedConversion => ("料肉比", "Feed conversion"),
            Sheet::Diseases => ("疫病", "Diseases"),
            Sheet::Forecast => ("预测", "Forecast"),
            Sheet::FieldVisits => ("现场拜访", "Field visits"),
            Sheet::Technicians => ("技术员", "Technicians"),
            Sheet::Trips => ("出差考勤", "Trips and attendance"),
            Sheet::DataProblems => ("数据问题", "Data problems"),
        }
    }

    pub const fn zh(self) -> &'static str {
        self.names().0
    }

    pub const fn en(self) -> &'static str {
        self.names().1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_distinct_snake_case() {
        let mut keys: Vec<&str> = Id::ALL.iter().map(|id| id.key()).collect();
        assert!(
            keys.iter()
                .all(|k| k.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        );
        keys.sort_unstable();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n, "an id is spelt twice");
    }
}

//! The whole report for one period: every table of every section, plus the inputs it came
//! from. The renderers — the workbook, the chart pictures, the brief and `summary.json` —
//! take this and only lay it out.

use crate::stats::Id;
use crate::stats::id::Scope;
use polars::prelude::PolarsResult;

use super::assist::{self, AssistStats};
use super::complaints::{self, ComplaintStats};
use super::demo_farms::{self, DemoFarmStats};
use super::diseases::{self, DiseaseStats};
use super::fcr::{self, FcrStats};
use super::feed_usage::FeedUsage;
use super::forecast::{self, ForecastStats};
use super::site_visits::{self, SiteVisitStats};
use super::trips::{self, TripStats};
use super::warnings::{self, Elsewhere, WarningStats};
use super::{
    Table, accounting, comparisons, feed_usage, field_visits, market, prices, technicians,
};
use crate::issues::{DataIssue, SheetReport};
use crate::normalize::Loaded;
use crate::period::Period;
use crate::schema::Kind;
use crate::template::Template;

/// The market-service tables of SPEC §5.2 items 1–3 and 6.
#[derive(Debug, Clone)]
pub struct MarketStats {
    pub share: Table,
    pub share_by_region: Table,
    pub livestock: Table,
    pub prices: Table,
    pub prices_monthly: Table,
    pub feed_usage: FeedUsage,
}

/// Everything one report shows.
#[derive(Debug, Clone)]
pub struct Report {
    pub period: Period,
    /// The input sheets, for the reconciliation and the "source files" of each title.
    pub sheets: Vec<SheetReport>,
    pub inputs: Table,
    pub complaints: ComplaintStats,
    pub site_visits: SiteVisitStats,
    pub assist: AssistStats,
    pub market: MarketStats,
    pub fcr: FcrStats,
    pub diseases: DiseaseStats,
    pub forecast: ForecastStats,
    pub field_visits_kpis: Table,
    pub field_visits: Table,
    pub demo_farms: DemoFarmStats,
    pub comparisons: Table,
    pub technicians: Table,
    pub trips: TripStats,
    pub warnings: WarningStats,
    pub data_issues: Table,
    /// Every data problem: the reading's and the statistics' (unlinked visits and requests,
    /// batches left out, overlapping trips), in sheet and row order — the rows of
    /// `data_issues`.
    pub issues: Vec<DataIssue>,
}

impl MarketStats {
    fn compute(loaded: &Loaded, p: &Period, template: &Template) -> PolarsResult<MarketStats> {
        let (share, share_by_region) =
            market::share_with_change(&loaded.frames.get(Kind::FeedMarket), p, template)?;
        let price_df = loaded.frames.get(Kind::Price);
        let feed_usage = feed_usage::compute(&loaded.frames.get(Kind::FeedUsage), p, template)?;
        Ok(MarketStats {
            share,
            share_by_region,
            livestock: market::livestock_with_change(&loaded.frames.get(Kind::Livestock), p)?,
            prices: prices::with_changes(&price_df, p)?,
            prices_monthly: prices::monthly(&price_df, p)?,
            feed_usage,
        })
    }
}

impl Report {
    /// Computes every statistic for `period`.
    ///
    /// # Errors
    /// A polars error (a bug: the frames' columns are fixed by the schema).
    pub fn build(loaded: &Loaded, period: Period, template: &Template) -> PolarsResult<Report> {
        // The headline figures of four periods take about as long as the rest: on a core of
        // their own.
        std::thread::scope(|s| {
            let comparisons = s.spawn(|| comparisons::comparisons(loaded, &period, template));
            // The warnings' own rules too: the cores then finish at about the same time.
            let detected = s.spawn(|| {
                warnings::detect(
                    &loaded.frames.get(Kind::Complaint),
                    &loaded.frames.get(Kind::Price),
                    &period,
                    &template.warnings,
                )
            });
            // The forecast fits a few hundred small models: on a core of its own too.
            let forecast = s.spawn(|| forecast::compute(loaded, &period, template));
            let report = Report::sections(
                loaded,
                period,
                template,
                || detected.join().expect("the warning rules do not panic"),
                || forecast.join().expect("the forecast does not panic"),
            );
            let comparisons = comparisons.join().expect("the comparisons do not panic")?;
            Ok(Report {
                comparisons,
                ..report?
            })
        })
    }

    /// Every table but the comparisons (left empty); `detected` and `forecast` wait for the
    /// warning rules and the forecast computed beside.
    fn sections(
        loaded: &Loaded,
        period: Period,
        template: &Template,
        detected: impl FnOnce() -> PolarsResult<warnings::Detected>,
        forecast: impl FnOnce() -> PolarsResult<ForecastStats>,
    ) -> PolarsResult<Report> {
        let p = &period;
        let complaints_df = loaded.frames.get(Kind::Complaint);
        let visits_df = loaded.frames.get(Kind::SiteVisit);
        let site_visits = site_visits::compute(&visits_df, &complaints_df, p)?;
        let assist = assist::compute(
            &loaded.frames.get(Kind::Assist),
            &complaints_df,
            p,
            template.assist_reply_days,
        )?;
        let fcr = fcr::compute(&loaded.frames.get(Kind::Batch), p, template)?;
        let trips = trips::compute(loaded, p, template)?;
        let (field_visits_kpis, field_visits) =
            field_visits::compute(&loaded.frames.get(Kind::FieldVisit), p)?;
        let mut issues = loaded.issues.clone();
        for more in [
            &site_visits.issues,
            &assist.issues,
            &fcr.issues,
            &trips.issues,
        ] {
            issues.extend(more.iter().cloned());
        }
        issues.sort_by_key(|i| (i.sheet, i.row));
        let complaints = complaints::compute(&complaints_df, &visits_df, p)?;
        let diseases = diseases::compute(&loaded.frames.get(Kind::Disease), p)?;
        let demo_farms = demo_farms::compute(
            &loaded.frames.get(Kind::FieldVisit),
            &loaded.frames.get(Kind::Batch),
            p,
            template,
        )?;
        let warnings = warnings::compute(
            &detected()?,
            &Elsewhere {
                new_outbreaks: &diseases.new,
                open_severe: &complaints.open_severe,
                unreplied: &assist.open,
                reply_days: assist.reply_days,
                demo_farms: &demo_farms,
            },
        );
        Ok(Report {
            period,
            sheets: loaded.sheets.clone(),
            inputs: accounting::reconciliation(&loaded.sheets),
            complaints,
            site_visits,
            assist,
            market: MarketStats::compute(loaded, p, template)?,
            fcr,
            diseases,
            forecast: forecast()?,
            field_visits_kpis,
            field_visits,
            demo_farms,
            comparisons: Table::new(Id::Comparisons, "", "", Vec::new()),
            technicians: technicians::figures_table(&technicians::figures(loaded, p, template)?),
            trips,
            warnings,
            data_issues: accounting::data_issues(&issues, &loaded.sheets),
            issues,
        })
    }

    /// Every table under `tables` in `summary.json`, in its order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        Id::ALL
            .iter()
            .filter(|id| id.scope() == Scope::Summary)
            .filter_map(|&id| self.table(id))
    }

    /// The table with `id`; `None` only for a review's tables.
    pub fn table(&self, id: Id) -> Option<&Table> {
        let (c, m, w) = (&self.complaints, &self.market, &self.warnings);
        Some(match id {
            Id::Inputs => &self.inputs,
            Id::Comparisons => &self.comparisons,
            Id::Warnings => &w.list,
            Id::WarningClusters => &w.clusters,
            Id::WarningSurges => &w.surges,
            Id::WarningPrices => &w.prices,
            Id::ComplaintsKpis => &c.kpis,
            Id::ComplaintsByChannel => &c.by_channel,
            Id::ComplaintsByCategory => &c.by_category,
            Id::ComplaintsByResponsibility => &c.by_responsibility,
            Id::ComplaintsByDept => &c.by_dept,
            Id::ComplaintsByStatus => &c.by_status,
            Id::ComplaintsCategoryXResponsibility => &c.category_x_responsibility,
            Id::ComplaintsChannelXStatus => &c.channel_x_status,
            Id::ComplaintsRegionXCategory => &c.region_x_category,
            Id::ComplaintsOpen => &c.open,
            Id::ComplaintsSevere => &c.severe,
            Id::ComplaintsOpenSevere => &c.open_severe,
            Id::ComplaintsSevereNotEscalated => &c.severe_not_escalated,
            Id::ComplaintsRepeatCustomers => &c.repeat_customers,
            Id::ComplaintsMonthly => &c.monthly,
            Id::SiteVisitsKpis => &self.site_visits.kpis,
            Id::SiteVisitsRefused => &self.site_visits.refused,
            Id::AssistByDept => &self.assist.by_dept,
            Id::AssistOpen => &self.assist.open,
            Id::MarketShare => &m.share,
            Id::MarketShareByRegion => &m.share_by_region,
            Id::LivestockScale => &m.livestock,
            Id::FeedUsage => &m.feed_usage.by_region_species,
            Id::FeedUsageByRegion => &m.feed_usage.by_region,
            Id::FeedUsageByBrand => &m.feed_usage.by_brand,
            Id::Prices => &m.prices,
            Id::PricesMonthly => &m.prices_monthly,
            Id::Fcr => &self.fcr.groups,
            Id::FcrSpeciesBrand => &self.fcr.species_brand,
            Id::FcrBestWorst => &self.fcr.extremes,
            Id::Diseases => &self.diseases.by_species,
            Id::DiseasesByRegion => &self.diseases.by_region,
            Id::DiseaseNew => &self.diseases.new,
            Id::ForecastFeedType => &self.forecast.feed_type,
            Id::Forecast => &self.forecast.series,
            Id::ForecastVolumeTrend => &self.forecast.trend,
            Id::FieldVisitsKpis => &self.field_visits_kpis,
            Id::FieldVisits => &self.field_visits,
            Id::DemoFarmsByRegion => &self.demo_farms.by_region,
            Id::DemoFarms => &self.demo_farms.farms,
            Id::Technicians => &self.technicians,
            Id::TripsByTechnician => &self.trips.by_technician,
            Id::TripsFlagged => &self.trips.flagged,
            Id::DataIssues => &self.data_issues,
            Id::ReviewMarket
            | Id::MyWork
            | Id::ReviewMonthlyVisits
            | Id::MyMarketShare
            | Id::MyLivestock
            | Id::MyFeedUsage
            | Id::MyPrices
            | Id::MyFcr
            | Id::MyDemoFarms
            | Id::MyDiseases
            | Id::MyBatches
            | Id::MyFieldVisits
            | Id::MyForecast
            | Id::MyComplaintsReceived
            | Id::MyComplaintsByCategory
            | Id::MyComplaintsAssigned
            | Id::MyOpenComplaints
            | Id::MyTrips
            | Id::MyTripsFlagged => return None,
        })
    }

    /// The file names (without folders) of the sheets of these kinds that were used.
    pub fn sources(&self, kinds: &[Kind]) -> Vec<String> {
        let mut names: Vec<String> = self
            .sheets
            .iter()
            .filter(|s| s.kind.is_some_and(|k| kinds.contains(&k)) && s.used > 0)
            .map(|s| {
                s.file.file_name().map_or_else(
                    || s.file.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                )
            })
            .collect();
        names.dedup();
        names
    }
}

//! The whole report for one period: every table of every section, plus the inputs it came
//! from. The renderers — the workbook, the chart pictures, the brief and `summary.json` —
//! take this and only lay it out.

use polars::prelude::PolarsResult;

use super::assist::{self, AssistStats};
use super::complaints::{self, ComplaintStats};
use super::diseases::{self, DiseaseStats};
use super::fcr::{self, FcrStats};
use super::feed_usage::FeedUsage;
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
    pub field_visits_kpis: Table,
    pub field_visits: Table,
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
            let report = Report::sections(loaded, period, template, || {
                detected.join().expect("the warning rules do not panic")
            });
            let comparisons = comparisons.join().expect("the comparisons do not panic")?;
            Ok(Report {
                comparisons,
                ..report?
            })
        })
    }

    /// Every table but the comparisons (left empty); `detected` waits for the warning
    /// rules computed beside.
    fn sections(
        loaded: &Loaded,
        period: Period,
        template: &Template,
        detected: impl FnOnce() -> PolarsResult<warnings::Detected>,
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
        let warnings = warnings::compute(
            &detected()?,
            &Elsewhere {
                new_outbreaks: &diseases.new,
                open_severe: &complaints.open_severe,
                unreplied: &assist.open,
                reply_days: assist.reply_days,
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
            field_visits_kpis,
            field_visits,
            comparisons: Table::new("comparisons", "", "", Vec::new()),
            technicians: technicians::figures_table(&technicians::figures(loaded, p, template)?),
            trips,
            warnings,
            data_issues: accounting::data_issues(&issues, &loaded.sheets),
            issues,
        })
    }

    /// Every table, in `summary.json` order.
    pub fn tables(&self) -> Vec<&Table> {
        let (c, m) = (&self.complaints, &self.market);
        let w = &self.warnings;
        vec![
            &self.comparisons,
            &w.list,
            &w.clusters,
            &w.surges,
            &w.prices,
            &c.kpis,
            &c.by_channel,
            &c.by_category,
            &c.by_responsibility,
            &c.by_dept,
            &c.by_status,
            &c.category_x_responsibility,
            &c.channel_x_status,
            &c.region_x_category,
            &c.open,
            &c.severe,
            &c.open_severe,
            &c.severe_not_escalated,
            &c.repeat_customers,
            &c.monthly,
            &self.site_visits.kpis,
            &self.site_visits.refused,
            &self.assist.by_dept,
            &self.assist.open,
            &m.share,
            &m.share_by_region,
            &m.livestock,
            &m.feed_usage.by_region_species,
            &m.feed_usage.by_region,
            &m.feed_usage.by_brand,
            &m.prices,
            &m.prices_monthly,
            &self.fcr.groups,
            &self.fcr.species_brand,
            &self.fcr.extremes,
            &self.diseases.by_species,
            &self.diseases.by_region,
            &self.diseases.new,
            &self.field_visits_kpis,
            &self.field_visits,
            &self.technicians,
            &self.trips.by_technician,
            &self.trips.flagged,
            &self.data_issues,
        ]
    }

    /// The table with `id`.
    pub fn table(&self, id: &str) -> Option<&Table> {
        self.tables().into_iter().find(|t| t.id == id)
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

//! The whole report for one period: every table of every section, plus the inputs it came
//! from. The renderers — the workbook, the chart pictures, the brief and `summary.json` —
//! take this and only lay it out.

use polars::prelude::PolarsResult;

use super::complaints::{self, ComplaintStats};
use super::fcr::{self, FcrStats};
use super::{
    Table, accounting, comparisons, field_visits, market, prices, site_visits, technicians,
};
use crate::issues::{DataIssue, SheetReport};
use crate::normalize::Loaded;
use crate::period::Period;
use crate::schema::Kind;
use crate::template::Template;

/// Everything one report shows.
#[derive(Debug, Clone)]
pub struct Report {
    pub period: Period,
    /// The input sheets, for the reconciliation and the "source files" of each title.
    pub sheets: Vec<SheetReport>,
    pub inputs: Table,
    pub complaints: ComplaintStats,
    pub site_visits: Table,
    pub market_share: Table,
    pub market_share_by_region: Table,
    pub livestock: Table,
    pub prices: Table,
    pub prices_monthly: Table,
    pub fcr: FcrStats,
    pub field_visits_kpis: Table,
    pub field_visits: Table,
    pub comparisons: Table,
    pub technicians: Table,
    pub data_issues: Table,
    /// Every data problem: the reading's and the statistics' (unlinked visits, batches
    /// left out), in sheet and row order — the rows of `data_issues`.
    pub issues: Vec<DataIssue>,
}

impl Report {
    /// Computes every statistic for `period`.
    ///
    /// # Errors
    /// A polars error (a bug: the frames' columns are fixed by the schema).
    pub fn build(loaded: &Loaded, period: Period, template: &Template) -> PolarsResult<Report> {
        let complaints_df = loaded.frames.get(Kind::Complaint);
        let visits_df = loaded.frames.get(Kind::SiteVisit);
        let complaints = complaints::compute(&complaints_df, &visits_df, &period)?;
        let (site_visits, visit_issues) =
            site_visits::compute(&visits_df, &complaints_df, &period)?;
        let (market_share, market_share_by_region) =
            market::share_with_change(&loaded.frames.get(Kind::FeedMarket), &period, template)?;
        let livestock =
            market::livestock_with_change(&loaded.frames.get(Kind::Livestock), &period)?;
        let price_df = loaded.frames.get(Kind::Price);
        let prices_table = prices::with_changes(&price_df, &period)?;
        let prices_monthly = prices::monthly(&price_df, &period)?;
        let fcr = fcr::compute(&loaded.frames.get(Kind::Batch), &period, template)?;
        let (field_visits_kpis, field_visits) =
            field_visits::compute(&loaded.frames.get(Kind::FieldVisit), &period)?;
        let comparisons = comparisons::comparisons(loaded, &period, template)?;
        let technicians =
            technicians::figures_table(&technicians::figures(loaded, &period, template)?);
        let mut issues = loaded.issues.clone();
        issues.extend(visit_issues);
        issues.extend(fcr.issues.iter().cloned());
        issues.sort_by_key(|i| (i.sheet, i.row));
        Ok(Report {
            period,
            sheets: loaded.sheets.clone(),
            inputs: accounting::reconciliation(&loaded.sheets),
            complaints,
            site_visits,
            market_share,
            market_share_by_region,
            livestock,
            prices: prices_table,
            prices_monthly,
            fcr,
            field_visits_kpis,
            field_visits,
            comparisons,
            technicians,
            data_issues: accounting::data_issues(&issues, &loaded.sheets),
            issues,
        })
    }

    /// Every table, in `summary.json` order.
    pub fn tables(&self) -> Vec<&Table> {
        let c = &self.complaints;
        vec![
            &self.comparisons,
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
            &c.repeat_customers,
            &c.monthly,
            &self.site_visits,
            &self.market_share,
            &self.market_share_by_region,
            &self.livestock,
            &self.prices,
            &self.prices_monthly,
            &self.fcr.groups,
            &self.fcr.species_brand,
            &self.fcr.extremes,
            &self.field_visits_kpis,
            &self.field_visits,
            &self.technicians,
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

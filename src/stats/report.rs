//! The whole report for one period: every table of every section, plus the inputs it came
//! from. Renderers (workbook, `summary.json`) take this and only lay it out.

use polars::prelude::PolarsResult;

use super::complaints::{self, ComplaintStats};
use super::{Table, inputs, site_visits};
use crate::issues::SheetReport;
use crate::normalize::Loaded;
use crate::period::Period;
use crate::schema::Kind;

/// Everything one report shows.
#[derive(Debug, Clone)]
pub struct Report {
    pub period: Period,
    /// The input sheets, for the reconciliation and the "source files" of each title.
    pub sheets: Vec<SheetReport>,
    pub inputs: Table,
    pub complaints: ComplaintStats,
    pub site_visits: Table,
    pub data_issues: Table,
}

impl Report {
    /// Computes every statistic for `period`.
    ///
    /// # Errors
    /// A polars error (a bug: the frames' columns are fixed by the schema).
    pub fn build(loaded: &Loaded, period: Period) -> PolarsResult<Report> {
        let complaints_df = loaded.frames.get(Kind::Complaint);
        let visits_df = loaded.frames.get(Kind::SiteVisit);
        let complaints = complaints::compute(&complaints_df, &visits_df, &period)?;
        let (site_visits, visit_issues) =
            site_visits::compute(&visits_df, &complaints_df, &period)?;
        let mut issues = loaded.issues.clone();
        issues.extend(visit_issues);
        issues.sort_by_key(|i| (i.sheet, i.row));
        Ok(Report {
            period,
            sheets: loaded.sheets.clone(),
            inputs: inputs::reconciliation(&loaded.sheets),
            complaints,
            site_visits,
            data_issues: inputs::data_issues(&issues, &loaded.sheets),
        })
    }

    /// Every table, in `summary.json` order.
    pub fn tables(&self) -> Vec<&Table> {
        let c = &self.complaints;
        vec![
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
            &self.data_issues,
        ]
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

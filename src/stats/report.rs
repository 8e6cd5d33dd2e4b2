//! The whole report for one period: every table of every section, plus the inputs it came
//! from. Renderers (workbook, `summary.json`) take this and only lay it out.

use polars::prelude::PolarsResult;

use super::complaints::{self, ComplaintStats};
use super::fcr::{self, FcrStats};
use super::table::{base_value, difference, relative};
use super::{
    Column, Measure, Table, accounting, comparisons, field_visits, market, prices, site_visits,
    technicians,
};
use crate::issues::SheetReport;
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
        let feed = loaded.frames.get(Kind::FeedMarket);
        let (mut market_share, market_share_by_region) =
            market::market_share(&feed, &period, template)?;
        let (previous_share, _) = market::market_share(&feed, &period.previous(), template)?;
        let keys = ["region", "brand"];
        market_share.add_from_base(
            &previous_share,
            &keys,
            "share",
            Column::of(
                Measure::Share,
                "previous_share",
                "上期占有率",
                "previous share",
            ),
            base_value,
        );
        market_share.add_from_base(
            &previous_share,
            &keys,
            "share",
            Column::of(
                Measure::Share,
                "change_pp",
                "环比变化(百分点)",
                "change (pp)",
            ),
            difference,
        );
        let livestock_df = loaded.frames.get(Kind::Livestock);
        let mut livestock = market::livestock_scale(&livestock_df, &period)?;
        let previous_livestock = market::livestock_scale(&livestock_df, &period.previous())?;
        let keys = ["region", "species"];
        livestock.add_from_base(
            &previous_livestock,
            &keys,
            "value",
            Column::of(Measure::Quantity, "previous", "上期", "previous"),
            base_value,
        );
        livestock.add_from_base(
            &previous_livestock,
            &keys,
            "value",
            Column::of(Measure::Quantity, "change", "环比变化", "change"),
            difference,
        );
        let price_df = loaded.frames.get(Kind::Price);
        let mut prices_table = prices::prices(&price_df, &period)?;
        let keys = ["item", "price_type", "unit", "region"];
        let previous_prices = prices::prices(&price_df, &period.previous())?;
        let last_year_prices = prices::prices(&price_df, &period.last_year())?;
        prices_table.add_from_base(
            &previous_prices,
            &keys,
            "mean",
            Column::of(
                Measure::Change,
                "mom_pct",
                "均价环比%",
                "mean vs previous %",
            ),
            relative,
        );
        prices_table.add_from_base(
            &last_year_prices,
            &keys,
            "mean",
            Column::of(
                Measure::Change,
                "yoy_pct",
                "均价同比%",
                "mean vs a year earlier %",
            ),
            relative,
        );
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

//! 客诉处理科 statistics (SPEC §5.1, items 1–7): channels × first action, the breakdowns,
//! the cross-tables, close rate and backlog, time to close and to visit, the open, severe
//! and repeat-complainant lists, and the monthly trend.

pub mod breakdown;
pub mod kpis;
pub mod lists;

use polars::prelude::*;

use super::Table;
use crate::period::Period;

/// Every complaint table of the report, in workbook order.
#[derive(Debug, Clone)]
pub struct ComplaintStats {
    pub kpis: Table,
    pub by_channel: Table,
    pub by_category: Table,
    pub by_responsibility: Table,
    pub by_dept: Table,
    pub by_status: Table,
    pub category_x_responsibility: Table,
    pub channel_x_status: Table,
    pub region_x_category: Table,
    pub open: Table,
    pub severe: Table,
    pub open_severe: Table,
    pub severe_not_escalated: Table,
    pub repeat_customers: Table,
    pub monthly: Table,
}

/// The headline complaint figures alone (for comparisons with other periods).
///
/// # Errors
/// A polars error.
pub fn kpis_table(
    complaints: &DataFrame,
    visits: &DataFrame,
    period: &Period,
) -> PolarsResult<Table> {
    kpis::kpis(complaints, visits, period)
}

/// Computes the complaint statistics for `period` from the complaint frame and the
/// site-visit frame (for time to visit).
///
/// # Errors
/// A polars error (a bug: the frames' columns are fixed by the schema).
pub fn compute(
    complaints: &DataFrame,
    visits: &DataFrame,
    period: &Period,
) -> PolarsResult<ComplaintStats> {
    // The period's complaints, materialised once: every breakdown reads this small frame.
    let received = complaints
        .clone()
        .lazy()
        .filter(super::query::within("received_date", period))
        .collect()?
        .lazy();
    Ok(ComplaintStats {
        kpis: kpis::kpis(complaints, visits, period)?,
        by_channel: breakdown::by_channel(received.clone())?,
        by_category: breakdown::by_category(received.clone())?,
        by_responsibility: breakdown::by_responsibility(received.clone())?,
        by_dept: breakdown::by_dept(received.clone())?,
        by_status: breakdown::by_status(received.clone())?,
        category_x_responsibility: breakdown::category_x_responsibility(received.clone())?,
        channel_x_status: breakdown::channel_x_status(received.clone())?,
        region_x_category: breakdown::region_x_category(received.clone())?,
        open: lists::open(complaints, period)?,
        severe: lists::severe(received.clone())?,
        open_severe: lists::open_severe(complaints, period)?,
        severe_not_escalated: lists::severe_not_escalated(received.clone())?,
        repeat_customers: lists::repeat_customers(received)?,
        monthly: lists::monthly(complaints, period)?,
    })
}

impl ComplaintStats {
    /// The tables in the order the workbook's 客诉统计 sheet shows them.
    pub fn statistics_sheet(&self) -> Vec<&Table> {
        vec![
            &self.by_channel,
            &self.by_category,
            &self.by_responsibility,
            &self.by_dept,
            &self.by_status,
            &self.category_x_responsibility,
            &self.channel_x_status,
            &self.region_x_category,
            &self.repeat_customers,
            &self.monthly,
        ]
    }
}

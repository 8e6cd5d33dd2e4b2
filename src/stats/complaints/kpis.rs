//! The headline complaint figures (SPEC §5.1 items 4–5): received, close rate, closed in
//! period, backlog at period end (the closed-at-day-t rule), time to close (median, P90 with
//! linear interpolation) and time to the first site visit.

use polars::prelude::*;

use crate::period::Period;
use crate::stats::query::{count, days, on_or_before, scalar_f64, within};
use crate::stats::{Column, Layout, Measure, Table, Val};
use crate::taxonomy::STATUS_DONE;

/// A complaint is closed at day `t` when its 结案日期 ≤ t, or, having no 结案日期, when its
/// status is 完成.
pub fn closed_at(t: chrono::NaiveDate) -> Expr {
    on_or_before("closed_date", t)
        .fill_null(lit(false))
        .or(col("closed_date")
            .is_null()
            .and(col("status").eq(lit(STATUS_DONE)).fill_null(lit(false))))
}

pub fn kpis(complaints: &DataFrame, visits: &DataFrame, p: &Period) -> PolarsResult<Table> {
    let all = complaints.clone().lazy();
    let received_lf = all.clone().filter(within("received_date", p));
    let received = count(received_lf.clone())?;
    let received_and_closed = count(
        received_lf
            .clone()
            .filter(col("status").eq(lit(STATUS_DONE)).fill_null(lit(false))),
    )?;
    let closed_lf = all.clone().filter(within("closed_date", p));
    let closed_in_period = count(closed_lf.clone())?;
    let backlog_end = count(
        all.clone()
            .filter(on_or_before("received_date", p.end).and(closed_at(p.end).not())),
    )?;
    let close_days = closed_lf
        .select([(days("closed_date") - days("received_date"))
            .cast(DataType::Float64)
            .alias("d")])
        .select([
            col("d").median().alias("median"),
            col("d")
                .quantile(lit(0.9), QuantileMethod::Linear)
                .alias("p90"),
        ])
        .collect()?;
    let first_visit = visits
        .clone()
        .lazy()
        .filter(col("complaint_id").is_not_null())
        .group_by([col("complaint_id")])
        .agg([days("visit_date").min().alias("first_visit")]);
    let visit_days = received_lf
        .filter(col("id").is_not_null())
        .join(
            first_visit,
            [col("id")],
            [col("complaint_id")],
            JoinArgs::new(JoinType::Inner),
        )
        .select([(col("first_visit") - days("received_date"))
            .cast(DataType::Float64)
            .alias("d")])
        .select([col("d").median().alias("median")])
        .collect()?;
    let mut t = Table::new(
        "complaints_kpis",
        "客诉核心指标",
        "Complaint key figures",
        vec![
            Column::of(
                Measure::Count,
                "received",
                "受理投诉(件)",
                "complaints received",
            ),
            Column::of(
                Measure::Count,
                "received_and_closed",
                "本期受理且已结案(件)",
                "received and closed",
            ),
            Column::of(Measure::Share, "close_rate", "结案率", "close rate"),
            Column::of(
                Measure::Count,
                "closed_in_period",
                "本期结案(件)",
                "closed in period",
            ),
            Column::of(
                Measure::Count,
                "backlog_end",
                "期末未结案(件)",
                "open at period end",
            ),
            Column::of(
                Measure::Median,
                "median_days_to_close",
                "结案天数中位数",
                "median days to close",
            ),
            Column::of(
                Measure::Median,
                "p90_days_to_close",
                "结案天数P90",
                "P90 days to close",
            ),
            Column::of(
                Measure::Median,
                "median_days_to_visit",
                "现场访问天数中位数",
                "median days to site visit",
            ),
        ],
    );
    t.layout = Layout::Record;
    t.rows.push(vec![
        Val::Int(received),
        Val::Int(received_and_closed),
        Val::share(received_and_closed, received),
        Val::Int(closed_in_period),
        Val::Int(backlog_end),
        Val::num(scalar_f64(&close_days, "median")?),
        Val::num(scalar_f64(&close_days, "p90")?),
        Val::num(scalar_f64(&visit_days, "median")?),
    ]);
    Ok(t)
}

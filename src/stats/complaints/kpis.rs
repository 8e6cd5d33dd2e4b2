//! The headline complaint figures (SPEC §5.1 items 4–5): received, close rate, closed in
//! period, backlog at period end (the closed-at-day-t rule), time to close (median, P90 with
//! linear interpolation) and time to the first site visit.

use crate::stats::Id;
use polars::prelude::*;

use crate::measure::Figure;
use crate::measure::Measure::{Count, Median, Share};
use crate::period::Period;
use crate::stats::query::{count_each, days, is_one_of, on_or_before, scalar_f64, within};
use crate::stats::{Column, Layout, Table, Val};
use crate::taxonomy::{ESCALATED, SEVERE, STATUS_DONE};

/// A complaint is closed at day `t` when its 结案日期 ≤ t, or, having no 结案日期, when its
/// status is 完成.
pub fn closed_at(t: chrono::NaiveDate) -> Expr {
    on_or_before("closed_date", t)
        .fill_null(lit(false))
        .or(col("closed_date")
            .is_null()
            .and(col("status").eq(lit(STATUS_DONE)).fill_null(lit(false))))
}

/// Complaints received in the period (also the monthly trend's figure).
pub const RECEIVED: Figure = Figure::new("received", "受理投诉(件)", "complaints received", Count);

/// The headline complaint figures, in the order of the `complaints_kpis` record.
pub const KPIS: [Figure; 10] = [
    RECEIVED,
    Figure::new(
        "received_and_closed",
        "本期受理且已结案(件)",
        "received and closed",
        Count,
    ),
    Figure::new("close_rate", "结案率", "close rate", Share),
    Figure::new(
        "closed_in_period",
        "本期结案(件)",
        "closed in period",
        Count,
    ),
    Figure::new("backlog_end", "期末未结案(件)", "open at period end", Count).lower_is_better(),
    Figure::new(
        "median_days_to_close",
        "结案天数中位数",
        "median days to close",
        Median,
    )
    .lower_is_better(),
    Figure::new(
        "p90_days_to_close",
        "结案天数P90",
        "P90 days to close",
        Median,
    )
    .lower_is_better(),
    Figure::new(
        "median_days_to_visit",
        "现场访问天数中位数",
        "median days to site visit",
        Median,
    )
    .lower_is_better(),
    Figure::new("severe", "严重/重大投诉(件)", "severe complaints", Count),
    Figure::new(
        "severe_escalated",
        "其中已呈报主管(件)",
        "of them escalated",
        Count,
    ),
];

/// The `complaints_kpis` record for period `p`.
///
/// # Errors
/// A polars error.
pub fn kpis(complaints: &DataFrame, visits: &DataFrame, p: &Period) -> PolarsResult<Table> {
    let all = complaints.clone().lazy();
    let received_in = within("received_date", p);
    let severe_in = received_in.clone().and(is_one_of("severity", &SEVERE));
    let [
        received,
        received_and_closed,
        closed_in_period,
        backlog_end,
        severe,
        escalated,
    ] = count_each(
        all.clone(),
        [
            received_in.clone(),
            received_in.clone().and(col("status").eq(lit(STATUS_DONE))),
            within("closed_date", p),
            on_or_before("received_date", p.end).and(closed_at(p.end).not()),
            severe_in.clone(),
            severe_in.and(col("first_action").eq(lit(ESCALATED))),
        ],
    )?;
    let received_lf = all.clone().filter(received_in);
    let (median_close, p90_close) = days_to_close(all.filter(within("closed_date", p)))?;
    let mut t = Table::new(
        Id::ComplaintsKpis,
        "客诉核心指标",
        "Complaint key figures",
        KPIS.iter().map(Column::figure).collect(),
    );
    t.layout = Layout::Record;
    t.rows.push(vec![
        Val::Int(received),
        Val::Int(received_and_closed),
        Val::share(received_and_closed, received),
        Val::Int(closed_in_period),
        Val::Int(backlog_end),
        Val::num(median_close),
        Val::num(p90_close),
        Val::num(median_days_to_visit(received_lf, visits)?),
        Val::Int(severe),
        Val::Int(escalated),
    ]);
    Ok(t)
}

/// Median and P90 (linear) of 结案日期 − 受理日期 over the complaints closed in the period.
fn days_to_close(closed: LazyFrame) -> PolarsResult<(Option<f64>, Option<f64>)> {
    let df = closed
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
    Ok((scalar_f64(&df, "median")?, scalar_f64(&df, "p90")?))
}

/// Median of (first linked site visit − 受理日期) over the complaints received that have one.
fn median_days_to_visit(received: LazyFrame, visits: &DataFrame) -> PolarsResult<Option<f64>> {
    let first_visit = visits
        .clone()
        .lazy()
        .filter(col("complaint_id").is_not_null())
        .group_by([col("complaint_id")])
        .agg([days("visit_date").min().alias("first_visit")]);
    let df = received
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
    scalar_f64(&df, "median")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Kind;
    use crate::stats::fixtures::{F::*, frame};

    #[test]
    fn headline_figures_follow_the_closed_at_rule() {
        // Hand count for 2026-10: received A B D F = 4; received and 完成 A D F = 3;
        // closed in October A (3 days) and C (11 days) = 2; open at 10-31: B, E, and F
        // (closed only in November) = 3 — D has no 结案日期 but is 完成, so it is closed.
        // Severe among those received: A 严重, B 重大 = 2 (C is September's, D 一般); of
        // them escalated (呈报主管): A = 1 (B has no first action; D is not severe).
        #[rustfmt::skip]
        let complaints = frame(
            Kind::Complaint,
            &[
                &[("id", T("A")), ("received_date", D("2026-10-02")), ("status", T("完成")), ("closed_date", D("2026-10-05")), ("severity", T("严重")), ("first_action", T("呈报主管"))],
                &[("id", T("B")), ("received_date", D("2026-10-10")), ("status", T("正在完成")), ("severity", T("重大"))],
                &[("id", T("C")), ("received_date", D("2026-09-20")), ("status", T("完成")), ("closed_date", D("2026-10-01")), ("severity", T("严重")), ("first_action", T("呈报主管"))],
                &[("id", T("D")), ("received_date", D("2026-10-20")), ("status", T("完成")), ("severity", T("一般")), ("first_action", T("呈报主管"))],
                &[("id", T("E")), ("received_date", D("2026-09-01")), ("status", T("未处理"))],
                &[("id", T("F")), ("received_date", D("2026-10-30")), ("status", T("完成")), ("closed_date", D("2026-11-02"))],
            ],
        );
        // First visits: A after 1 day (the later visit does not count), B after 5; C was
        // received before the period. Median of 1 and 5 = 3.
        #[rustfmt::skip]
        let visits = frame(
            Kind::SiteVisit,
            &[
                &[("visit_date", D("2026-10-04")), ("technician", T("张")), ("complaint_id", T("A"))],
                &[("visit_date", D("2026-10-03")), ("technician", T("张")), ("complaint_id", T("A"))],
                &[("visit_date", D("2026-10-15")), ("technician", T("李")), ("complaint_id", T("B"))],
                &[("visit_date", D("2026-10-02")), ("technician", T("李")), ("complaint_id", T("C"))],
            ],
        );
        let p = Period::parse("2026-10").unwrap();
        let t = kpis(&complaints, &visits, &p).unwrap();
        let r = t.first().unwrap();
        assert_eq!(r.num("received"), Some(4.0));
        assert_eq!(r.num("received_and_closed"), Some(3.0));
        assert_eq!(r.num("close_rate"), Some(0.75));
        assert_eq!(r.num("closed_in_period"), Some(2.0));
        assert_eq!(r.num("backlog_end"), Some(3.0));
        assert_eq!(r.num("median_days_to_close"), Some(7.0));
        // P90 of 3 and 11, linear: 3 + 0.9 × 8.
        assert!((r.num("p90_days_to_close").unwrap() - 10.2).abs() < 1e-9);
        assert_eq!(r.num("median_days_to_visit"), Some(3.0));
        assert_eq!(r.num("severe"), Some(2.0));
        assert_eq!(r.num("severe_escalated"), Some(1.0));
        assert_eq!(r.measure("close_rate"), crate::measure::Measure::Share);
    }
}

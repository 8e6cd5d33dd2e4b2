//! The complaint lists (SPEC §5.1 items 6–7): open complaints oldest first with their age at
//! period end, severe complaints, repeat complainants; and the monthly trend of received
//! complaints over the 12 months to the period end.

use crate::stats::Id;
use polars::prelude::*;

use super::kpis::closed_at;
use crate::frames::day;
use crate::period::Period;
use crate::schema::Kind;
use crate::stats::query::{
    date_vals, days, field_columns, field_values, int_vals, is_one_of, on_or_before, text_vals,
    transpose, within, year_month, year_month_of,
};
use crate::stats::{Column, Measure, Table, Val};
use crate::taxonomy::{ESCALATED, OPEN_STATUSES, SEVERE};

/// Sorted by received date, oldest first (then id and origin, so the order is stable).
fn oldest_first(lf: LazyFrame) -> LazyFrame {
    lf.sort_by_exprs(
        [
            col("received_date"),
            col("id"),
            col(crate::frames::SOURCE),
            col(crate::frames::ROW),
        ],
        SortMultipleOptions::default().with_nulls_last(true),
    )
}

/// Complaints received by the period end, still open at its end (an open status, not
/// closed) and matching `filter`, oldest first, with their age in days at the period end:
/// table `id` of their `fields`.
fn open_where(
    complaints: &DataFrame,
    p: &Period,
    filter: Expr,
    (id, zh, en): (Id, &str, &str),
    fields: &[&str],
) -> PolarsResult<Table> {
    let df = oldest_first(
        complaints
            .clone()
            .lazy()
            .filter(
                on_or_before("received_date", p.end)
                    .and(is_one_of("status", &OPEN_STATUSES))
                    .and(closed_at(p.end).not())
                    .and(filter),
            )
            .with_column(
                (lit(day(p.end)) - days("received_date"))
                    .cast(DataType::Int64)
                    .alias("age_days"),
            ),
    )
    // Only the columns shown: a backlog of 300,000 complaints is not copied whole.
    .select(shown(fields).chain([col("age_days")]).collect::<Vec<_>>())
    .collect()?;
    let mut columns = field_columns(Kind::Complaint, fields);
    columns.push(Column::of(
        Measure::Days,
        "age_days",
        "至期末天数",
        "age (days)",
    ));
    let mut values = field_values(&df, Kind::Complaint, fields)?;
    values.push(int_vals(&df, "age_days")?);
    let mut t = Table::new(id, zh, en, columns);
    t.rows = transpose(values);
    Ok(t)
}

/// Complaints received by the period end whose status is still open and that are not
/// closed at the period end, oldest first, with their age in days at the period end.
pub fn open(complaints: &DataFrame, p: &Period) -> PolarsResult<Table> {
    let fields = [
        "id",
        "received_date",
        "channel",
        "customer",
        "category",
        "status",
        "technician",
    ];
    let title = (
        Id::ComplaintsOpen,
        "未结案投诉(按受理日期,最早在前)",
        "Open complaints, oldest first",
    );
    open_where(complaints, p, lit(true), title, &fields)
}

/// Severe (严重/重大) complaints still open at the period end, whenever received — the
/// early-warning list's open severe complaints (SPEC §5.5 item 4).
pub fn open_severe(complaints: &DataFrame, p: &Period) -> PolarsResult<Table> {
    let fields = [
        "id",
        "received_date",
        "severity",
        "customer",
        "category",
        "product",
        "status",
        "technician",
    ];
    let title = (
        Id::ComplaintsOpenSevere,
        "未结案的严重/重大投诉(含以前受理的)",
        "Severe complaints still open (received in any period)",
    );
    open_where(
        complaints,
        p,
        is_one_of("severity", &SEVERE),
        title,
        &fields,
    )
}

/// Severe (严重/重大) complaints received in the period.
pub fn severe(received: LazyFrame) -> PolarsResult<Table> {
    let fields = [
        "id",
        "received_date",
        "severity",
        "customer",
        "category",
        "description",
        "status",
        "closed_date",
    ];
    listed(
        received.filter(is_one_of("severity", &SEVERE)),
        Id::ComplaintsSevere,
        ("严重/重大投诉", "Severe and major complaints"),
        &fields,
    )
}

/// The columns of `fields`.
fn shown<'a>(fields: &'a [&str]) -> impl Iterator<Item = Expr> + 'a {
    fields.iter().map(|f| col(*f))
}

/// The complaints of `lf` oldest first, as table `id` of their `fields`.
fn listed(lf: LazyFrame, id: Id, (zh, en): (&str, &str), fields: &[&str]) -> PolarsResult<Table> {
    let df = oldest_first(lf)
        .select(shown(fields).collect::<Vec<_>>())
        .collect()?;
    let mut t = Table::new(id, zh, en, field_columns(Kind::Complaint, fields));
    t.rows = transpose(field_values(&df, Kind::Complaint, fields)?);
    Ok(t)
}

/// Severe complaints received in the period whose first action was not 呈报主管 (4-1 二.4:
/// 有严重后果的应立即呈报).
pub fn severe_not_escalated(received: LazyFrame) -> PolarsResult<Table> {
    let escalated = col("first_action").eq(lit(ESCALATED)).fill_null(lit(false));
    let fields = [
        "id",
        "received_date",
        "severity",
        "customer",
        "first_action",
        "status",
        "technician",
    ];
    listed(
        received.filter(is_one_of("severity", &SEVERE).and(escalated.not())),
        Id::ComplaintsSevereNotEscalated,
        (
            "未呈报主管的严重/重大投诉",
            "Severe complaints not escalated to the supervisor",
        ),
        &fields,
    )
}

/// Customers with two or more complaints received in the period.
pub fn repeat_customers(received: LazyFrame) -> PolarsResult<Table> {
    let df = received
        .filter(col("customer").is_not_null())
        .group_by([col("customer")])
        .agg([
            len().cast(DataType::Int64).alias("complaints"),
            days("received_date").min().alias("first"),
            days("received_date").max().alias("last"),
        ])
        .filter(col("complaints").gt_eq(lit(2i64)))
        .sort_by_exprs(
            [col("complaints"), col("customer")],
            SortMultipleOptions::default().with_order_descending_multi([true, false]),
        )
        .collect()?;
    let mut t = Table::new(
        Id::ComplaintsRepeatCustomers,
        "重复投诉客户(本期≥2次)",
        "Repeat complainants (2 or more in the period)",
        vec![
            Column::text("customer", "客户名称", "customer"),
            Column::of(Measure::Count, "complaints", "投诉次数", "complaints"),
            Column::of(Measure::Date, "first", "首次受理", "first"),
            Column::of(Measure::Date, "last", "最近受理", "last"),
        ],
    );
    let n = int_vals(&df, "complaints")?;
    t.rows = transpose(vec![
        text_vals(&df, "customer")?,
        n,
        date_vals(&df, "first")?,
        date_vals(&df, "last")?,
    ]);
    Ok(t)
}

/// Complaints received per month, the 12 months ending with the period's last month.
pub fn monthly(complaints: &DataFrame, p: &Period) -> PolarsResult<Table> {
    let (window, months) = p.trailing_year();
    let df = complaints
        .clone()
        .lazy()
        .filter(within("received_date", &window))
        .group_by([year_month("received_date")])
        .agg([len().cast(DataType::Int64).alias("n")])
        .collect()?;
    let ym = df.column("ym")?.cast(&DataType::Int32)?;
    let counts: std::collections::HashMap<i32, i64> = ym
        .i32()?
        .iter()
        .zip(df.column("n")?.i64()?.iter())
        .filter_map(|(k, n)| Some((k?, n?)))
        .collect();
    let mut t = Table::new(
        Id::ComplaintsMonthly,
        "近12个月受理投诉趋势",
        "Complaints received, last 12 months",
        vec![
            Column::text("month", "月份", "month"),
            Column::of(
                Measure::Count,
                "received",
                super::kpis::RECEIVED.zh,
                "received",
            ),
        ],
    );
    for m in months {
        t.rows.push(vec![
            Val::text(m.format("%Y-%m").to_string()),
            Val::Int(counts.get(&year_month_of(m)).copied().unwrap_or(0)),
        ]);
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Kind;
    use crate::stats::fixtures::{F::*, frame};

    #[test]
    fn open_complaints_oldest_first_with_their_age_at_period_end() {
        #[rustfmt::skip]
        let df = frame(
            Kind::Complaint,
            &[
                &[("id", T("B")), ("received_date", D("2026-10-21")), ("status", T("未处理"))],
                &[("id", T("A")), ("received_date", D("2026-09-30")), ("status", T("正在跟踪"))],
                // Closed at the period end by its date, though its status was not updated.
                &[("id", T("C")), ("received_date", D("2026-10-01")), ("status", T("正在完成")), ("closed_date", D("2026-10-20"))],
                // Received after the period.
                &[("id", T("D")), ("received_date", D("2026-11-01")), ("status", T("未处理"))],
                &[("id", T("E")), ("received_date", D("2026-10-02")), ("status", T("完成"))],
            ],
        );
        let t = open(&df, &Period::parse("2026-10").unwrap()).unwrap();
        let got: Vec<(&str, f64)> = t
            .records()
            .map(|r| (r.text("id").unwrap(), r.num("age_days").unwrap()))
            .collect();
        assert_eq!(got, vec![("A", 31.0), ("B", 10.0)]);
    }

    #[test]
    fn severe_and_repeat_complainants() {
        #[rustfmt::skip]
        let df = frame(
            Kind::Complaint,
            &[
                &[("id", T("A")), ("received_date", D("2026-10-03")), ("customer", T("甲")), ("severity", T("重大"))],
                &[("id", T("B")), ("received_date", D("2026-10-01")), ("customer", T("甲")), ("severity", T("严重"))],
                &[("id", T("C")), ("received_date", D("2026-10-09")), ("customer", T("乙")), ("severity", T("一般"))],
                &[("id", T("D")), ("received_date", D("2026-10-12")), ("customer", T("甲"))],
            ],
        );
        let severe = severe(df.clone().lazy()).unwrap();
        let ids: Vec<&str> = severe.records().filter_map(|r| r.text("id")).collect();
        assert_eq!(ids, vec!["B", "A"]);
        let repeat = repeat_customers(df.lazy()).unwrap();
        let r = repeat.first().unwrap();
        assert_eq!(
            (r.text("customer"), r.num("complaints")),
            (Some("甲"), Some(3.0))
        );
        assert_eq!(repeat.rows.len(), 1);
    }
}

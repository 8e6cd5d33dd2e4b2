//! Assistance requests and department feedback (SPEC §5.1 item 10; 4-1 四.4): per company
//! department, the requests made in the period, how many were replied to by the period end,
//! how fast, how many are overdue and disputed; the requests still unreplied at the period
//! end; and the requests whose 投诉编号 matches no complaint, listed as data problems.

use crate::stats::Id;
use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use polars::prelude::*;

use super::query::{date_col, origins, text_col, within};
use super::ranking::median;
use super::{BLANK, Column, Measure, Table, Val, ordered_labels};
use crate::issues::{DataIssue, Reason};
use crate::period::Period;
use crate::taxonomy::{Dimension, YES};

/// One request, as the statistics need it.
#[derive(Debug, Clone)]
struct Request {
    complaint_id: Option<String>,
    dept: Option<String>,
    request: NaiveDate,
    reply: Option<NaiveDate>,
    disputed: bool,
}

impl Request {
    /// Replied by day `t`.
    fn replied_by(&self, t: NaiveDate) -> Option<NaiveDate> {
        self.reply.filter(|r| *r <= t)
    }

    /// Not replied within `limit` days: replied later, or unreplied and older than that at `t`.
    fn overdue(&self, t: NaiveDate, limit: i64) -> bool {
        match self.replied_by(t) {
            Some(r) => (r - self.request).num_days() > limit,
            None => (t - self.request).num_days() > limit,
        }
    }
}

/// The assistance tables, and one data problem per request in the period matching no
/// complaint.
#[derive(Debug, Clone)]
pub struct AssistStats {
    pub by_dept: Table,
    pub open: Table,
    pub issues: Vec<DataIssue>,
    /// The days within which a reply is due (the template's `assist_reply_days`).
    pub reply_days: u32,
}

fn requests(df: &DataFrame) -> PolarsResult<Vec<Request>> {
    let (ids, depts) = (text_col(df, "complaint_id")?, text_col(df, "dept")?);
    let (asked, replies) = (date_col(df, "request_date")?, date_col(df, "reply_date")?);
    let disputed = text_col(df, "disputed")?;
    Ok((0..df.height())
        .filter_map(|i| {
            Some(Request {
                complaint_id: ids[i].clone(),
                dept: depts[i].clone(),
                request: asked[i]?,
                reply: replies[i],
                disputed: disputed[i].as_deref() == Some(YES),
            })
        })
        .collect())
}

/// Computes the assistance statistics for period `p`; `reply_days` is the template's
/// `assist_reply_days`.
///
/// # Errors
/// A polars error.
pub fn compute(
    assist: &DataFrame,
    complaints: &DataFrame,
    p: &Period,
    reply_days: u32,
) -> PolarsResult<AssistStats> {
    let in_period = assist
        .clone()
        .lazy()
        .filter(within("request_date", p))
        .sort_by_exprs(
            [col(crate::frames::SOURCE), col(crate::frames::ROW)],
            SortMultipleOptions::default(),
        )
        .collect()?;
    let requests_in_period = requests(&in_period)?;
    let issues = unlinked(&in_period, &requests_in_period, complaints)?;
    Ok(AssistStats {
        by_dept: by_dept(&requests_in_period, p, reply_days),
        open: open(&requests(assist)?, p),
        issues,
        reply_days,
    })
}

/// A data problem for each request whose 投诉编号 matches no complaint.
fn unlinked(
    df: &DataFrame,
    requests: &[Request],
    complaints: &DataFrame,
) -> PolarsResult<Vec<DataIssue>> {
    if requests.is_empty() {
        return Ok(Vec::new());
    }
    // The ids asked about, looked up in one pass over the register's ids (never copied).
    let asked: HashSet<&str> = requests
        .iter()
        .filter_map(|r| r.complaint_id.as_deref())
        .collect();
    let known: HashSet<&str> = complaints
        .column("id")?
        .str()?
        .iter()
        .flatten()
        .filter(|id| asked.contains(id))
        .collect();
    Ok(origins(df)?
        .into_iter()
        .zip(requests)
        .filter(|(_, r)| {
            !r.complaint_id
                .as_deref()
                .is_some_and(|id| known.contains(id))
        })
        .map(|(origin, r)| {
            let raw = r.complaint_id.clone().unwrap_or_default();
            DataIssue::kept(origin, raw, Reason::UnlinkedRequest)
        })
        .collect())
}

/// Per company department (blank → 未填写): requests, replied by the period end, reply rate,
/// median days to reply, overdue, disputed.
fn by_dept(requests: &[Request], p: &Period, reply_days: u32) -> Table {
    let mut t = Table::new(
        Id::AssistByDept,
        format!("业务协查与部门回馈(申请日期在本期;{reply_days} 天内应回馈)"),
        format!("Assistance requests and department feedback (reply due within {reply_days} days)"),
        vec![
            Column::text("dept", "协查部门", "department"),
            Column::of(Measure::Count, "requests", "协查申请(件)", "requests"),
            Column::of(Measure::Count, "replied", "已回馈(件)", "replied"),
            Column::of(Measure::Share, "reply_rate", "回馈率", "reply rate"),
            Column::of(
                Measure::Median,
                "median_days_to_reply",
                "回馈天数中位数",
                "median days to reply",
            ),
            Column::of(Measure::Count, "overdue", "超期(件)", "overdue"),
            Column::of(Measure::Count, "disputed", "质询(件)", "disputed"),
        ],
    );
    let mut by: BTreeMap<String, Vec<&Request>> = BTreeMap::new();
    for r in requests {
        let dept = r.dept.clone().unwrap_or_else(|| BLANK.to_string());
        by.entry(dept).or_default().push(r);
    }
    let present: Vec<Option<String>> = requests.iter().map(|r| r.dept.clone()).collect();
    // The departments asked, in SPEC §3.4's order.
    for dept in ordered_labels(Dimension::Dept, &present) {
        let Some(list) = by.get(&dept).map(Vec::as_slice) else {
            continue;
        };
        let n = list.len() as i64;
        let mut days: Vec<f64> = list
            .iter()
            .filter_map(|r| {
                r.replied_by(p.end)
                    .map(|d| (d - r.request).num_days() as f64)
            })
            .collect();
        let replied = days.len() as i64;
        let overdue = list
            .iter()
            .filter(|r| r.overdue(p.end, i64::from(reply_days)))
            .count();
        let disputed = list.iter().filter(|r| r.disputed).count();
        t.rows.push(vec![
            Val::text(dept),
            Val::Int(n),
            Val::Int(replied),
            Val::share(replied, n),
            Val::num(median(&mut days)),
            Val::Int(overdue as i64),
            Val::Int(disputed as i64),
        ]);
    }
    t
}

/// Every request made by the period end and not replied to by then, oldest first, with its
/// age in days at the period end.
fn open(all: &[Request], p: &Period) -> Table {
    let mut t = Table::new(
        Id::AssistOpen,
        "未回馈的协查申请(截至期末,最早在前)",
        "Unreplied assistance requests at the period end, oldest first",
        vec![
            Column::text("complaint_id", "投诉编号", "complaint id"),
            Column::text("dept", "协查部门", "department"),
            Column::of(Measure::Date, "request_date", "申请日期", "request date"),
            Column::of(Measure::Days, "age_days", "至期末天数", "age (days)"),
        ],
    );
    let mut open: Vec<&Request> = all
        .iter()
        .filter(|r| r.request <= p.end && r.replied_by(p.end).is_none())
        .collect();
    open.sort_by(|a, b| (a.request, &a.complaint_id).cmp(&(b.request, &b.complaint_id)));
    for r in open {
        t.rows.push(vec![
            r.complaint_id.clone().map_or(Val::Null, Val::text),
            Val::text(r.dept.as_deref().unwrap_or(BLANK)),
            Val::Date(r.request),
            Val::Int((p.end - r.request).num_days()),
        ]);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Kind;
    use crate::stats::fixtures::{F::*, frame};

    #[test]
    fn replies_overdue_and_unreplied_requests_by_department() {
        // Limit 7 days; October. 品管: R1 replied on day 7 (on the deadline: not overdue),
        // R2 replied after 9 days (overdue, disputed), R3 unreplied since 10-20 (11 days at
        // 10-31: overdue). 生产: R4 unreplied since 10-28 (3 days: not overdue), R5 replied
        // in November (not replied at the period end). R6 from September, unreplied: not in
        // the October table, but on the open list. R7's complaint does not exist.
        #[rustfmt::skip]
        let assist = frame(
            Kind::Assist,
            &[
                &[("complaint_id", T("C1")), ("dept", T("品管")), ("request_date", D("2026-10-01")), ("reply_date", D("2026-10-08"))],
                &[("complaint_id", T("C2")), ("dept", T("品管")), ("request_date", D("2026-10-02")), ("reply_date", D("2026-10-11")), ("disputed", T("是"))],
                &[("complaint_id", T("C3")), ("dept", T("品管")), ("request_date", D("2026-10-20"))],
                &[("complaint_id", T("C4")), ("dept", T("生产")), ("request_date", D("2026-10-28"))],
                &[("complaint_id", T("C5")), ("dept", T("生产")), ("request_date", D("2026-10-25")), ("reply_date", D("2026-11-03"))],
                &[("complaint_id", T("C6")), ("dept", T("生产")), ("request_date", D("2026-09-15"))],
                &[("complaint_id", T("X9")), ("request_date", D("2026-10-05")), ("reply_date", D("2026-10-06"))],
            ],
        );
        #[rustfmt::skip]
        let complaints = frame(
            Kind::Complaint,
            &[
                &[("id", T("C1")), ("received_date", D("2026-09-30"))],
                &[("id", T("C2")), ("received_date", D("2026-09-30"))],
                &[("id", T("C3")), ("received_date", D("2026-09-30"))],
                &[("id", T("C4")), ("received_date", D("2026-09-30"))],
                &[("id", T("C5")), ("received_date", D("2026-09-30"))],
                &[("id", T("C6")), ("received_date", D("2026-09-01"))],
            ],
        );
        let s = compute(&assist, &complaints, &Period::parse("2026-10").unwrap(), 7).unwrap();
        let dept = |d: &str| s.by_dept.records_where("dept", d).next().unwrap();
        let qc = dept("品管");
        assert_eq!(
            [
                qc.num("requests"),
                qc.num("replied"),
                qc.num("overdue"),
                qc.num("disputed")
            ],
            [Some(3.0), Some(2.0), Some(2.0), Some(1.0)]
        );
        assert!((qc.num("reply_rate").unwrap() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(qc.num("median_days_to_reply"), Some(8.0));
        let production = dept("生产");
        assert_eq!(
            [
                production.num("requests"),
                production.num("replied"),
                production.num("overdue")
            ],
            [Some(2.0), Some(0.0), Some(0.0)]
        );
        assert_eq!(dept(BLANK).num("replied"), Some(1.0));
        let open: Vec<(&str, f64)> = s
            .open
            .records()
            .map(|r| (r.text("complaint_id").unwrap(), r.num("age_days").unwrap()))
            .collect();
        assert_eq!(
            open,
            vec![("C6", 46.0), ("C3", 11.0), ("C5", 6.0), ("C4", 3.0)]
        );
        assert_eq!(s.issues.len(), 1);
        assert_eq!(s.issues[0].raw, "X9");
    }
}

//! 我的客诉 (4-3 二) for the complaints the person took as 接诉人 or was given as 负责技术员:
//! as receiver, received per channel × first action and by category; as the technician
//! assigned, assigned, closed, close rate, days to the first site visit, the open ones with
//! their age, the severe ones not escalated — beside the department's.

use polars::prelude::*;

use super::{Reviews, record_table};
use crate::schema::Kind;
use crate::stats::complaints::{breakdown, kpis, lists};
use crate::stats::query::within;
use crate::stats::{Column, Id, Measure, Table, Val};

/// The complaints whose `who` (`receiver` or `technician`) is `name`.
fn theirs(r: &Reviews<'_>, who: &str, name: &str) -> PolarsResult<DataFrame> {
    r.loaded
        .frames
        .get(Kind::Complaint)
        .lazy()
        .filter(col(who).eq(lit(name)).fill_null(lit(false)))
        .collect()
}

/// A table of the department's statistics made for the person: its id and titles replaced.
fn retitled(mut t: Table, id: Id, (zh, en): (&str, &str)) -> Table {
    t.id = id;
    t.zh = zh.to_string();
    t.en = en.to_string();
    t
}

/// Every table of 我的客诉.
///
/// # Errors
/// A polars error.
pub fn tables(r: &Reviews<'_>, name: &str) -> PolarsResult<Vec<Table>> {
    let p = &r.period;
    let received = theirs(r, "receiver", name)?
        .lazy()
        .filter(within("received_date", p));
    let by_channel = retitled(
        breakdown::by_channel(received.clone())?,
        Id::MyComplaintsReceived,
        (
            "二.1–2 本人接待的投诉:按受理方式与首次处置",
            "2.1–2 Complaints I received: by channel and first action",
        ),
    );
    let by_category = retitled(
        breakdown::by_category(received)?,
        Id::MyComplaintsByCategory,
        (
            "二.3 本人接待的投诉:按投诉类别",
            "2.3 Complaints I received: by category",
        ),
    );
    let assigned_df = theirs(r, "technician", name)?;
    let visits = r.loaded.frames.get(Kind::SiteVisit);
    let mine = kpis::kpis(&assigned_df, &visits, p)?;
    let dept = &r.report.complaints.kpis;
    let open = retitled(
        lists::open(&assigned_df, p)?,
        Id::MyOpenComplaints,
        (
            "本人负责的未结案投诉(截至期末,最早在前)",
            "My open complaints at the period end, oldest first",
        ),
    );
    Ok(vec![
        by_channel,
        by_category,
        assigned(name, &mine, dept),
        open,
    ])
}

/// The assigned complaints' figures, beside the department's.
fn assigned(name: &str, mine: &Table, dept: &Table) -> Table {
    let (m, d) = (mine.first(), dept.first());
    let num = |r: &Option<crate::stats::Record<'_>>, k: &str| r.as_ref().and_then(|x| x.num(k));
    let whole = |x: Option<f64>| Val::of(Measure::Count, Some(x.unwrap_or(0.0)));
    let severe_not_escalated =
        num(&m, "severe").unwrap_or(0.0) - num(&m, "severe_escalated").unwrap_or(0.0);
    record_table(
        Id::MyComplaintsAssigned,
        (
            format!("二 本人负责的投诉:{name} 的结案与现场访问(与全部门对比)"),
            format!(
                "2 Complaints assigned to {name}: closing and site visits, against the department"
            ),
        ),
        vec![
            Column::of(Measure::Count, "assigned", "本期负责(件)", "assigned"),
            Column::of(Measure::Count, "closed", "其中已结案(件)", "closed"),
            Column::of(Measure::Share, "close_rate", "结案率", "close rate"),
            Column::of(
                Measure::Share,
                "dept_close_rate",
                "全部门结案率",
                "department close rate",
            ),
            Column::of(
                Measure::Median,
                "median_days_to_visit",
                "现场访问天数中位数",
                "median days to visit",
            ),
            Column::of(
                Measure::Median,
                "dept_median_days_to_visit",
                "全部门现场访问天数中位数",
                "department median days to visit",
            ),
            Column::of(
                Measure::Count,
                "open",
                "期末未结案(件)",
                "open at the period end",
            ),
            Column::of(
                Measure::Count,
                "severe_not_escalated",
                "严重投诉未呈报主管(件)",
                "severe, not escalated",
            ),
        ],
        vec![
            whole(num(&m, "received")),
            whole(num(&m, "received_and_closed")),
            Val::of(Measure::Share, num(&m, "close_rate")),
            Val::of(Measure::Share, num(&d, "close_rate")),
            Val::num(num(&m, "median_days_to_visit")),
            Val::num(num(&d, "median_days_to_visit")),
            whole(num(&m, "backlog_end")),
            whole(Some(severe_not_escalated)),
        ],
    )
}

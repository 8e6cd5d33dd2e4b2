//! Complaint site visits (SPEC §5.1 item 8): visits in the period, signed-confirmation rate,
//! evidence kept, and visits whose 投诉编号 matches no complaint (listed as data problems).

use crate::stats::Id;
use polars::prelude::*;

use super::query::{count, field_columns, field_values, origins, transpose, within};
use super::{Column, Layout, Measure, Table, Val};
use crate::issues::{DataIssue, Reason};
use crate::period::Period;
use crate::schema::Kind;
use crate::taxonomy::{NO, YES};

/// The site-visit figures, the visits where the customer refused to sign and no evidence
/// was kept, and one data problem per unlinked visit in the period.
#[derive(Debug, Clone)]
pub struct SiteVisitStats {
    pub kpis: Table,
    pub refused: Table,
    pub issues: Vec<DataIssue>,
}

/// Computes the site-visit statistics for period `p`.
///
/// # Errors
/// A polars error.
pub fn compute(
    visits: &DataFrame,
    complaints: &DataFrame,
    p: &Period,
) -> PolarsResult<SiteVisitStats> {
    let in_period = visits.clone().lazy().filter(within("visit_date", p));
    let total = count(in_period.clone())?;
    let yes = |field: &str| col(field).eq(lit(YES)).fill_null(lit(false));
    let signed = count(in_period.clone().filter(yes("signed")))?;
    let evidence = count(in_period.clone().filter(yes("evidence_kept")))?;
    // 4-1 三.5: when the customer will not sign, evidence must be kept.
    let refused_lf = in_period.clone().filter(
        col("signed")
            .eq(lit(NO))
            .fill_null(lit(false))
            .and(yes("evidence_kept").not()),
    );
    let refused = refused_list(refused_lf)?;
    let issues = unlinked(in_period, complaints)?;
    let mut t = Table::new(
        Id::SiteVisitsKpis,
        "投诉现场访问",
        "Complaint site visits",
        vec![
            Column::of(Measure::Count, "visits", "现场访问(次)", "visits"),
            Column::of(
                Measure::Count,
                "signed",
                "客户签字确认(次)",
                "signed by customer",
            ),
            Column::of(Measure::Share, "signed_rate", "签字确认率", "signed rate"),
            Column::of(
                Measure::Count,
                "evidence_kept",
                "证据保全(次)",
                "evidence kept",
            ),
            Column::of(
                Measure::Count,
                "unlinked",
                "投诉编号未匹配(次)",
                "not matching a complaint",
            ),
            Column::of(
                Measure::Count,
                "refused_without_evidence",
                "客户拒签且未保全证据(次)",
                "refused to sign, no evidence kept",
            ),
        ],
    );
    t.layout = Layout::Record;
    t.rows.push(vec![
        Val::Int(total),
        Val::Int(signed),
        Val::share(signed, total),
        Val::Int(evidence),
        Val::Int(issues.len() as i64),
        Val::Int(refused.rows.len() as i64),
    ]);
    Ok(SiteVisitStats {
        kpis: t,
        refused,
        issues,
    })
}

/// The visits where the customer did not sign and no evidence was kept, by date.
fn refused_list(refused: LazyFrame) -> PolarsResult<Table> {
    let df = refused
        .sort_by_exprs(
            [
                col("visit_date"),
                col(crate::frames::SOURCE),
                col(crate::frames::ROW),
            ],
            SortMultipleOptions::default(),
        )
        .collect()?;
    let fields = [
        "visit_date",
        "technician",
        "complaint_id",
        "customer",
        "signed",
        "evidence_kept",
    ];
    let mut t = Table::new(
        Id::SiteVisitsRefused,
        "客户拒签且未保全证据的现场访问",
        "Site visits where the customer refused to sign and no evidence was kept",
        field_columns(Kind::SiteVisit, &fields),
    );
    t.rows = transpose(field_values(&df, Kind::SiteVisit, &fields)?);
    Ok(t)
}

/// A data problem for each visit whose 投诉编号 is blank or matches no complaint, in sheet
/// order.
fn unlinked(in_period: LazyFrame, complaints: &DataFrame) -> PolarsResult<Vec<DataIssue>> {
    let df = in_period
        .sort_by_exprs(
            [col(crate::frames::SOURCE), col(crate::frames::ROW)],
            SortMultipleOptions::default(),
        )
        .collect()?;
    if df.height() == 0 {
        return Ok(Vec::new());
    }
    // Which of these visits' ids are complaints: join the few visit ids against the
    // complaint ids (the hash table is built on the small side).
    let visit_ids = df
        .clone()
        .lazy()
        .select([col("complaint_id")])
        .filter(col("complaint_id").is_not_null());
    let matched = complaints
        .clone()
        .lazy()
        .select([col("id")])
        .join(
            visit_ids,
            [col("id")],
            [col("complaint_id")],
            JoinArgs::new(JoinType::Inner),
        )
        .collect()?;
    let known: std::collections::HashSet<&str> =
        matched.column("id")?.str()?.iter().flatten().collect();
    let ids = df.column("complaint_id")?.str()?;
    Ok(origins(&df)?
        .into_iter()
        .zip(ids.iter())
        .filter(|(_, id)| !id.is_some_and(|id| known.contains(id)))
        .map(|(origin, id)| {
            DataIssue::kept(
                origin,
                id.unwrap_or_default().to_string(),
                Reason::UnlinkedVisit,
            )
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Kind;
    use crate::stats::fixtures::{F::*, frame};

    #[test]
    fn signed_rate_evidence_and_unlinked_visits() {
        let complaints = frame(
            Kind::Complaint,
            &[&[("id", T("C1")), ("received_date", D("2026-10-01"))]],
        );
        #[rustfmt::skip]
        let visits = frame(
            Kind::SiteVisit,
            &[
                &[("visit_date", D("2026-10-02")), ("technician", T("张")), ("complaint_id", T("C1")), ("signed", T("是")), ("evidence_kept", T("是"))],
                &[("visit_date", D("2026-10-03")), ("technician", T("张")), ("complaint_id", T("C9")), ("signed", T("否"))],
                &[("visit_date", D("2026-10-04")), ("technician", T("李"))],
                &[("visit_date", D("2026-09-04")), ("technician", T("李"))],
            ],
        );
        let s = compute(&visits, &complaints, &Period::parse("2026-10").unwrap()).unwrap();
        let (t, issues) = (&s.kpis, &s.issues);
        let r = t.first().unwrap();
        // C9's visit: refused to sign, no evidence kept.
        assert_eq!(r.num("refused_without_evidence"), Some(1.0));
        assert_eq!(s.refused.first().unwrap().text("complaint_id"), Some("C9"));
        assert_eq!(
            [
                r.num("visits"),
                r.num("signed"),
                r.num("evidence_kept"),
                r.num("unlinked")
            ],
            [Some(3.0), Some(1.0), Some(1.0), Some(2.0)]
        );
        assert!((r.num("signed_rate").unwrap() - 1.0 / 3.0).abs() < 1e-12);
        let rows: Vec<(Option<u32>, &str)> =
            issues.iter().map(|i| (i.row, i.raw.as_str())).collect();
        assert_eq!(rows, vec![(Some(3), "C9"), (Some(4), "")]);
    }
}

//! Field visits (SPEC §5.2 item 5): visits in the period, distinct customers, demonstration
//! farm visits, and counts by customer type and by problem class with how many were solved.

use crate::stats::Id;
use std::collections::HashMap;

use polars::prelude::*;

use super::query::{count, count_by2, within};
use super::{BLANK, Column, Layout, Measure, Table, Val, ordered_labels};
use crate::taxonomy::{DEMO_FARM, Dimension, RESOLVED};

/// The field-visit figures and the breakdowns.
///
/// # Errors
/// A polars error.
pub fn compute(visits: &DataFrame, p: &crate::period::Period) -> PolarsResult<(Table, Table)> {
    let lf = visits.clone().lazy().filter(within("visit_date", p));
    Ok((kpis(lf.clone())?, breakdowns(lf)?))
}

fn kpis(lf: LazyFrame) -> PolarsResult<Table> {
    let is = |field: &str, label: &str| col(field).eq(lit(label)).fill_null(lit(false));
    let total = count(lf.clone())?;
    let resolved = count(lf.clone().filter(is("resolution", RESOLVED)))?;
    let demo = count(lf.clone().filter(is("customer_type", DEMO_FARM)))?;
    let customers = lf
        .select([col("customer")
            .drop_nulls()
            .n_unique()
            .cast(DataType::Int64)
            .alias("n")])
        .collect()?;
    let customers = customers.column("n")?.i64()?.get(0).unwrap_or(0);
    let mut kpis = Table::new(
        Id::FieldVisitsKpis,
        "现场拜访概况",
        "Field visits",
        vec![
            Column::of(Measure::Count, "visits", "拜访次数", "visits"),
            Column::of(Measure::Count, "customers", "拜访客户数", "customers"),
            Column::of(
                Measure::Count,
                "demo_visits",
                "示范户拜访",
                "demonstration-farm visits",
            ),
            Column::of(
                Measure::Count,
                "resolved",
                "问题已解决",
                "problems resolved",
            ),
            Column::of(Measure::Share, "resolved_rate", "解决率", "resolved rate"),
        ],
    );
    kpis.layout = Layout::Record;
    kpis.rows.push(vec![
        Val::Int(total),
        Val::Int(customers),
        Val::Int(demo),
        Val::Int(resolved),
        Val::share(resolved, total),
    ]);
    Ok(kpis)
}

/// Visits and how many were resolved, by customer type and by problem class.
fn breakdowns(lf: LazyFrame) -> PolarsResult<Table> {
    let mut t = Table::new(
        Id::FieldVisits,
        "现场拜访:按客户类型和问题分类",
        "Field visits by customer type and problem class",
        Column::labels("dimension_label", "dimension_label_en", "维度", "dimension")
            .into_iter()
            .chain([
                Column::text("value", "类别", "value"),
                Column::of(Measure::Count, "count", "拜访次数", "visits"),
                Column::of(Measure::Count, "resolved", "已解决", "resolved"),
                Column::of(Measure::Share, "resolved_share", "解决率", "resolved share"),
                Column::of(Measure::Key, "dimension", "维度代码", "dimension key"),
            ])
            .collect(),
    );
    for (field, dim) in [
        ("customer_type", Dimension::CustomerType),
        ("problem_class", Dimension::ProblemClass),
    ] {
        let pairs = count_by2(lf.clone(), field, "resolution")?;
        let present: Vec<Option<String>> = pairs.iter().map(|(k, _, _)| k.clone()).collect();
        let mut n: HashMap<String, (i64, i64)> = HashMap::new();
        for (k, r, c) in pairs {
            let e = n.entry(k.unwrap_or_else(|| BLANK.to_string())).or_default();
            e.0 += c;
            if r.as_deref() == Some(RESOLVED) {
                e.1 += c;
            }
        }
        for label in ordered_labels(dim, &present) {
            let (c, r) = n.get(&label).copied().unwrap_or_default();
            t.rows.push(vec![
                Val::text(dim.zh()),
                Val::text(dim.en()),
                Val::text(label),
                Val::Int(c),
                Val::Int(r),
                Val::share(r, c),
                Val::text(field),
            ]);
        }
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Kind;
    use crate::stats::fixtures::{F::*, frame};

    #[test]
    fn visits_customers_demo_farms_and_resolved() {
        #[rustfmt::skip]
        let df = frame(
            Kind::FieldVisit,
            &[
                &[("visit_date", D("2026-10-01")), ("technician", T("张")), ("customer", T("甲")), ("customer_type", T("示范户")), ("problem_class", T("品质")), ("resolution", T("已解决"))],
                &[("visit_date", D("2026-10-02")), ("technician", T("张")), ("customer", T("甲")), ("customer_type", T("养殖户")), ("problem_class", T("品质")), ("resolution", T("跟踪中"))],
                &[("visit_date", D("2026-10-03")), ("technician", T("李")), ("customer", T("乙")), ("customer_type", T("养殖户"))],
            ],
        );
        let (kpis, by) = compute(&df, &crate::period::Period::parse("2026-10").unwrap()).unwrap();
        let k = kpis.first().unwrap();
        assert_eq!(
            [
                k.num("visits"),
                k.num("customers"),
                k.num("demo_visits"),
                k.num("resolved")
            ],
            [Some(3.0), Some(2.0), Some(1.0), Some(1.0)]
        );
        let quality = by
            .records()
            .find(|r| {
                r.text("dimension") == Some("problem_class") && r.text("value") == Some("品质")
            })
            .unwrap();
        assert_eq!(
            (quality.num("count"), quality.num("resolved_share")),
            (Some(2.0), Some(0.5))
        );
        let blank = by
            .records()
            .find(|r| r.text("value") == Some(BLANK))
            .unwrap();
        assert_eq!(blank.num("count"), Some(1.0));
    }
}

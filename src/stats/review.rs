//! A technician's self-review (SPEC §5.3, `tsreport review`): each figure beside the
//! department median and the technician's rank, his own 环比, the lists of his visits and
//! complaints in the period, and his monthly visits against the department median.

use crate::stats::Id;
use std::collections::BTreeMap;

use polars::prelude::*;

use super::query::{field_columns, field_values, transpose, within, year_month, year_month_of};
use super::ranking::{median, rank};
use super::technicians::{FIGURES, Figures, figures};
use super::{Column, Measure, Table, Val};
use crate::lang::Lang;
use crate::normalize::Loaded;
use crate::period::Period;
use crate::schema::Kind;
use crate::template::Template;

/// One technician's review tables.
#[derive(Debug, Clone)]
pub struct Review {
    pub technician: String,
    pub figures: Table,
    pub monthly: Table,
    pub field_visits: Table,
    pub site_visits: Table,
    pub complaints: Table,
}

/// Whether someone did technician work in the period (clerks who only received complaints
/// are left out of the department medians and ranks).
fn does_field_work(f: &Figures) -> bool {
    f.field_visits + f.complaint_visits + f.complaints_assigned + f.demo_batches + f.trips > 0
}

/// Every name that appears as a technician, receiver or traveller in any record.
pub fn all_names(loaded: &Loaded) -> Vec<String> {
    let mut names = std::collections::BTreeSet::new();
    for (kind, cols) in [
        (Kind::FieldVisit, &["technician"][..]),
        (Kind::SiteVisit, &["technician"][..]),
        (Kind::Complaint, &["technician", "receiver"][..]),
        (Kind::Trip, &["technician"][..]),
        (Kind::Batch, &["technician"][..]),
    ] {
        let df = loaded.frames.get(kind);
        for c in cols {
            if let Ok(col) = df.column(c)
                && let Ok(s) = col.str()
            {
                names.extend(s.iter().flatten().map(str::to_string));
            }
        }
    }
    names.into_iter().collect()
}

/// A list of one technician's records of `kind` dated in the period: the fields named,
/// labelled as the schema labels them.
fn list(
    loaded: &Loaded,
    p: &Period,
    (kind, who): (Kind, &str),
    name: &str,
    (id, zh, en): (Id, &str, &str),
    fields: &[&str],
) -> PolarsResult<Table> {
    let date = kind.date_field();
    let df = loaded
        .frames
        .get(kind)
        .lazy()
        .filter(within(date, p).and(col(who).eq(lit(name)).fill_null(lit(false))))
        .sort_by_exprs([col(date)], SortMultipleOptions::default())
        .collect()?;
    let mut t = Table::new(id, zh, en, field_columns(kind, fields));
    t.rows = transpose(field_values(&df, kind, fields)?);
    Ok(t)
}

/// Field visits per (technician, yyyymm).
type VisitsByMonth = BTreeMap<(String, i32), i64>;

/// Field visits per technician and month over the 12 months to the period end.
fn monthly_visits(
    loaded: &Loaded,
    p: &Period,
) -> PolarsResult<(Vec<chrono::NaiveDate>, VisitsByMonth)> {
    let (window, months) = p.trailing_year();
    let df = loaded
        .frames
        .get(Kind::FieldVisit)
        .lazy()
        .filter(within("visit_date", &window).and(col("technician").is_not_null()))
        .group_by([col("technician"), year_month("visit_date")])
        .agg([len().cast(DataType::Int64).alias("n")])
        .collect()?;
    let names = df.column("technician")?.str()?;
    let ym = df.column("ym")?.cast(&DataType::Int32)?;
    let ym = ym.i32()?;
    let n = df.column("n")?.i64()?;
    let mut out = BTreeMap::new();
    for i in 0..df.height() {
        if let (Some(t), Some(k), Some(c)) = (names.get(i), ym.get(i), n.get(i)) {
            out.insert((t.to_string(), k), c);
        }
    }
    Ok((months, out))
}

/// Everything the reviews of one period compare against, computed once.
pub struct Reviews<'a> {
    loaded: &'a Loaded,
    period: Period,
    current: BTreeMap<String, Figures>,
    previous: BTreeMap<String, Figures>,
    /// The people with field work in the period, who make up the department's medians and
    /// ranks.
    workers: Vec<String>,
    months: Vec<chrono::NaiveDate>,
    visits: VisitsByMonth,
}

impl<'a> Reviews<'a> {
    /// The department's figures for period `p` and the one before.
    ///
    /// # Errors
    /// A polars error.
    pub fn compute(loaded: &'a Loaded, p: &Period, template: &Template) -> PolarsResult<Self> {
        let current = figures(loaded, p, template)?;
        let previous = figures(loaded, &p.previous(), template)?;
        let workers = current
            .iter()
            .filter(|(_, f)| does_field_work(f))
            .map(|(n, _)| n.clone())
            .collect();
        let (months, visits) = monthly_visits(loaded, p)?;
        Ok(Reviews {
            loaded,
            period: *p,
            current,
            previous,
            workers,
            months,
            visits,
        })
    }

    /// Everyone with records in the period, by name.
    pub fn people(&self) -> Vec<String> {
        self.current.keys().cloned().collect()
    }

    /// The review of `name`.
    ///
    /// # Errors
    /// A polars error.
    pub fn review(&self, name: &str) -> PolarsResult<Review> {
        let (loaded, p) = (self.loaded, &self.period);
        Ok(Review {
            technician: name.to_string(),
            figures: self.figures_table(name),
            monthly: self.monthly_table(name),
            field_visits: list(
                loaded,
                p,
                (Kind::FieldVisit, "technician"),
                name,
                (
                    Id::ReviewFieldVisits,
                    "本期现场拜访",
                    "Field visits in the period",
                ),
                &[
                    "visit_date",
                    "customer",
                    "customer_type",
                    "purpose",
                    "problem_class",
                    "resolution",
                ],
            )?,
            site_visits: list(
                loaded,
                p,
                (Kind::SiteVisit, "technician"),
                name,
                (
                    Id::ReviewSiteVisits,
                    "本期投诉现场访问",
                    "Complaint site visits in the period",
                ),
                &[
                    "visit_date",
                    "complaint_id",
                    "customer",
                    "problem",
                    "signed",
                ],
            )?,
            complaints: list(
                loaded,
                p,
                (Kind::Complaint, "technician"),
                name,
                (
                    Id::ReviewComplaints,
                    "本期负责的投诉",
                    "Complaints assigned in the period",
                ),
                &[
                    "id",
                    "received_date",
                    "customer",
                    "category",
                    "status",
                    "closed_date",
                ],
            )?,
        })
    }

    /// Each figure of `name` beside the department median, his rank and his previous period.
    fn figures_table(&self, name: &str) -> Table {
        let me = self.current.get(name).cloned().unwrap_or_default();
        let before = self.previous.get(name).cloned().unwrap_or_default();
        let ranked = self.workers.iter().any(|w| w == name);
        let mut t = Table::new(
            Id::ReviewFigures,
            format!("{name} 本期工作与部门对比"),
            format!("{name}: this period against the department"),
            vec![
                Column::label_in(Lang::Zh, "figure", "指标", "figure (Chinese)"),
                Column::label_in(Lang::En, "figure_en", "指标(英文)", "figure"),
                Column::of(Measure::OfRow, "value", "本人", "mine"),
                Column::of(
                    Measure::MedianOfRow,
                    "department_median",
                    "部门中位数",
                    "department median",
                ),
                Column::of(Measure::Ordinal, "rank", "排名", "rank"),
                Column::of(Measure::Count, "of", "参与排名人数", "ranked"),
                Column::of(
                    Measure::OfRow,
                    "previous",
                    "本人上期",
                    "mine, previous period",
                ),
                Column::of(Measure::OfRow, "mom_change", "环比变化", "change"),
            ],
        );
        t.dash_for_null = true;
        for fig in &FIGURES {
            let mut values: Vec<f64> = self
                .workers
                .iter()
                .filter_map(|w| self.current.get(w)?.get(fig.key))
                .collect();
            let value = me.get(fig.key);
            let prev = before.get(fig.key);
            let rank = value
                .filter(|_| ranked)
                .map(|v| rank(v, &values, fig.lower_is_better) as f64);
            let of = values.len() as i64;
            let change = value.zip(prev).map(|(a, b)| a - b);
            t.rows.push(vec![
                Val::text(fig.zh),
                Val::text(fig.en),
                Val::of(fig.measure, value),
                Val::of(fig.measure.median(), median(&mut values)),
                Val::of(Measure::Ordinal, rank),
                Val::Int(of),
                Val::of(fig.measure, prev),
                Val::of(fig.measure.difference(), change),
            ]);
            t.row_measures.push(fig.measure);
        }
        t
    }

    /// `name`'s field visits per month against the department median, over 12 months.
    fn monthly_table(&self, name: &str) -> Table {
        let mut monthly = Table::new(
            Id::ReviewMonthlyVisits,
            format!("{name} 每月现场拜访与部门中位数(近12个月)"),
            format!("{name}: field visits per month against the department median"),
            vec![
                Column::text("month", "月份", "month"),
                Column::of(Measure::Count, "mine", name, name),
                Column::of(
                    Measure::Median,
                    "department_median",
                    "部门中位数",
                    "department median",
                ),
            ],
        );
        let visits = |who: &str, key: i32| {
            self.visits
                .get(&(who.to_string(), key))
                .copied()
                .unwrap_or(0)
        };
        for m in &self.months {
            let key = year_month_of(*m);
            let mut all: Vec<f64> = self.workers.iter().map(|w| visits(w, key) as f64).collect();
            monthly.rows.push(vec![
                Val::text(m.format("%Y-%m").to_string()),
                Val::Int(visits(name, key)),
                Val::num(median(&mut all)),
            ]);
        }
        monthly
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_figure_beside_the_department_median_and_rank() {
        use crate::stats::fixtures::{F::*, frame, loaded};
        // October field visits: 张 3, 李 1, 王 2 → median 2; 张 ranks 1, 李 3. September: 张 1.
        #[rustfmt::skip]
        let visits = frame(
            Kind::FieldVisit,
            &[
                &[("visit_date", D("2026-10-01")), ("technician", T("张"))],
                &[("visit_date", D("2026-10-02")), ("technician", T("张"))],
                &[("visit_date", D("2026-10-03")), ("technician", T("张"))],
                &[("visit_date", D("2026-10-03")), ("technician", T("李"))],
                &[("visit_date", D("2026-10-04")), ("technician", T("王"))],
                &[("visit_date", D("2026-10-05")), ("technician", T("王"))],
                &[("visit_date", D("2026-09-05")), ("technician", T("张"))],
            ],
        );
        let l = loaded(vec![(Kind::FieldVisit, visits)]);
        let p = Period::parse("2026-10").unwrap();
        let reviews = Reviews::compute(&l, &p, &Template::builtin()).unwrap();
        assert_eq!(reviews.people(), vec!["张", "李", "王"]);
        let zhang = reviews.review("张").unwrap();
        let visits = zhang
            .figures
            .records_where("figure", "现场拜访(次)")
            .next()
            .unwrap();
        assert_eq!(
            [
                visits.num("value"),
                visits.num("department_median"),
                visits.num("rank"),
                visits.num("of"),
                visits.num("previous"),
                visits.num("mom_change")
            ],
            [
                Some(3.0),
                Some(2.0),
                Some(1.0),
                Some(3.0),
                Some(1.0),
                Some(2.0)
            ]
        );
        let li = reviews.review("李").unwrap();
        let visits = li
            .figures
            .records_where("figure", "现场拜访(次)")
            .next()
            .unwrap();
        assert_eq!(visits.num("rank"), Some(3.0));
        assert_eq!(li.field_visits.rows.len(), 1);
        let october = zhang
            .monthly
            .records_where("month", "2026-10")
            .next()
            .unwrap();
        assert_eq!(
            (october.num("mine"), october.num("department_median")),
            (Some(3.0), Some(2.0))
        );
    }
}

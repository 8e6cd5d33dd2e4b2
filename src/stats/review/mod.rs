//! A technician's self-review (SPEC §5.3, `tsreport review`): the manual's 4-3 checklist
//! answered for one person from the records — 我的工作 (every §5.3 figure beside the
//! department's median and his rank), 我的市场 (4-3 一 for the regions of his market), 我的客诉
//! (4-3 二 for the complaints he took or was given) and 我的出差 (4-2) — each figure beside
//! the department's. The department's figures are the report's own tables.

mod complaints;
mod farming;
mod market;
mod surveys;
#[cfg(test)]
mod tests;
mod work;

use std::collections::BTreeMap;

use chrono::Months;
use polars::prelude::*;

use super::report::Report;
use super::technicians::{Figures, figures};
use super::{Column, Id, Table, Val};
use crate::normalize::Loaded;
use crate::period::{Period, Span};
use crate::schema::Kind;
use crate::template::Template;

pub use market::MarketSource;

/// Share of a person's field visits and batches a region must hold to be his market.
pub const MARKET_SHARE: f64 = 0.2;

/// One person's review tables, by sheet.
#[derive(Debug, Clone)]
pub struct Review {
    pub person: String,
    /// Whether the person did technician work (field visits, site visits, batches, trips,
    /// complaints assigned); a clerk who only takes calls gets 我的工作 and 我的客诉.
    pub works: bool,
    pub work: Vec<Table>,
    pub market: Vec<Table>,
    pub complaints: Vec<Table>,
    pub trips: Vec<Table>,
}

impl Review {
    /// Every table, in sheet order (for `review/<name>.json`).
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.work
            .iter()
            .chain(&self.market)
            .chain(&self.complaints)
            .chain(&self.trips)
    }

    /// The table with `id`, if the review has it.
    pub fn table(&self, id: Id) -> Option<&Table> {
        self.tables().find(|t| t.id == id)
    }
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
        (Kind::Disease, &["technician"][..]),
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

/// Everything the reviews of one period compare against, computed once: the department's
/// report, every person's §5.3 figures now and the period before.
pub struct Reviews<'a> {
    loaded: &'a Loaded,
    template: &'a Template,
    period: Period,
    report: Report,
    current: BTreeMap<String, Figures>,
    previous: BTreeMap<String, Figures>,
    /// The people with field work in the period, who make up the medians and ranks.
    workers: Vec<String>,
}

impl<'a> Reviews<'a> {
    /// The department's figures for period `p` and the one before.
    ///
    /// # Errors
    /// A polars error.
    pub fn compute(loaded: &'a Loaded, p: &Period, template: &'a Template) -> PolarsResult<Self> {
        let current = figures(loaded, p, template)?;
        let previous = figures(loaded, &p.previous(), template)?;
        let workers = current
            .iter()
            .filter(|(_, f)| does_field_work(f))
            .map(|(n, _)| n.clone())
            .collect();
        Ok(Reviews {
            loaded,
            template,
            period: *p,
            report: Report::build(loaded, *p, template)?,
            current,
            previous,
            workers,
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
        let works = self.has_work_records(name)?;
        let mut work = vec![work::my_work(self, name)];
        if works {
            work.push(work::monthly_visits(self, name)?);
        }
        let (market, trips) = if works {
            let regions = market::market_of(self, name)?;
            (
                market::tables(self, name, &regions)?,
                work::trips(self, name),
            )
        } else {
            (Vec::new(), Vec::new())
        };
        Ok(Review {
            person: name.to_string(),
            works,
            work,
            market,
            complaints: complaints::tables(self, name)?,
            trips,
        })
    }

    /// Whether `name` is a technician anywhere in the records — the technician of a visit, a
    /// trip, a batch, a disease report or a complaint — whatever the period: such a person
    /// gets the market and trip sheets, a clerk who only takes calls does not.
    fn has_work_records(&self, name: &str) -> PolarsResult<bool> {
        for kind in [
            Kind::FieldVisit,
            Kind::SiteVisit,
            Kind::Trip,
            Kind::Batch,
            Kind::Disease,
            Kind::Complaint,
        ] {
            let df = self.loaded.frames.get(kind);
            let n = df
                .lazy()
                .filter(col("technician").eq(lit(name)).fill_null(lit(false)))
                .collect()?
                .height();
            if n > 0 {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// The 12 months before the period end (its end included): where a market is looked for
    /// when the period holds none of the person's records.
    fn last_12_months(&self) -> Period {
        let end = self.period.end;
        Period {
            start: end - Months::new(12) + chrono::Duration::days(1),
            end,
            span: Span::Range,
        }
    }
}

/// A one-record table of `(figure, measure, value)` lines beside the department's.
fn record_table(id: Id, (zh, en): (String, String), columns: Vec<Column>, row: Vec<Val>) -> Table {
    let mut t = Table::new(id, zh, en, columns);
    t.layout = super::Layout::Record;
    t.rows.push(row);
    t
}

/// A table that says in one line why it is empty.
fn empty_with_note(id: Id, (zh, en): (&str, &str), note: (String, String)) -> Table {
    let mut t = Table::new(id, zh, en, vec![Column::text("note", "说明", "note")]);
    t.note = Some(note);
    t
}

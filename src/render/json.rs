//! `summary.json` (SPEC §6.1): the report's tables as records under their stable ids.
//! Dimension values stay the canonical Chinese labels; shares are fractions; missing is null.
//! Records are serialised straight from the tables, never built as a JSON tree first.

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use crate::stats::report::Report;
use crate::stats::{Layout, Table, Val};

impl Serialize for Val {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Val::Null => s.serialize_none(),
            Val::Text(t) => s.serialize_str(t),
            Val::Int(i) => s.serialize_i64(*i),
            Val::Num(x) | Val::Pct(x) if x.is_finite() => s.serialize_f64(*x),
            Val::Num(_) | Val::Pct(_) => s.serialize_none(),
            Val::Date(d) => s.collect_str(&d.format("%Y-%m-%d")),
            Val::Bool(b) => s.serialize_bool(*b),
            Val::Dates(dates) => {
                let mut seq = s.serialize_seq(Some(dates.len()))?;
                for d in dates.iter() {
                    seq.serialize_element(&d.format("%Y-%m-%d").to_string())?;
                }
                seq.end()
            }
        }
    }
}

/// A table as a list of records (cross-tables as `(row, column, count)` records).
pub struct Records<'a>(pub &'a Table);

struct Record<'a>(&'a Table, &'a [Val]);

struct CrossCell<'a> {
    row_key: &'static str,
    col_key: &'static str,
    value_key: &'static str,
    row: &'a Val,
    col: &'a str,
    count: &'a Val,
}

impl Serialize for Record<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.1.len()))?;
        for (c, v) in self.0.columns.iter().zip(self.1) {
            m.serialize_entry(&c.key, v)?;
        }
        m.end()
    }
}

impl Serialize for CrossCell<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry(self.row_key, self.row)?;
        m.serialize_entry(self.col_key, self.col)?;
        m.serialize_entry(self.value_key, self.count)?;
        m.end()
    }
}

impl Serialize for Records<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = self.0;
        let mut seq = s.serialize_seq(None)?;
        match t.layout {
            Layout::Records | Layout::Record => {
                for row in &t.rows {
                    seq.serialize_element(&Record(t, row))?;
                }
            }
            Layout::Cross {
                row_key,
                col_key,
                value_key,
            } => {
                for row in &t.rows {
                    for (c, v) in t.columns.iter().zip(row).skip(1) {
                        seq.serialize_element(&CrossCell {
                            row_key,
                            col_key,
                            value_key,
                            row: &row[0],
                            col: &c.key,
                            count: v,
                        })?;
                    }
                }
            }
        }
        seq.end()
    }
}

struct Tables<'a>(Vec<&'a Table>);

impl Serialize for Tables<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for t in &self.0 {
            m.serialize_entry(t.id.key(), &Records(t))?;
        }
        m.end()
    }
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct PeriodOut {
    label: String,
    start: String,
    end: String,
}

#[derive(Serialize)]
struct Summary<'a> {
    tool: Tool,
    period: PeriodOut,
    inputs: Records<'a>,
    tables: Tables<'a>,
}

#[derive(Serialize)]
struct ReviewOut<'a> {
    tool: Tool,
    person: &'a str,
    period: PeriodOut,
    tables: Tables<'a>,
}

impl PeriodOut {
    fn of(p: &crate::period::Period) -> PeriodOut {
        PeriodOut {
            label: p.label(),
            start: p.start.format("%Y-%m-%d").to_string(),
            end: p.end.format("%Y-%m-%d").to_string(),
        }
    }
}

fn tool() -> Tool {
    Tool {
        name: env!("CARGO_PKG_NAME"),
        version: env!("CARGO_PKG_VERSION"),
    }
}

/// `review/<name>.json` as bytes: the review's tables under their ids (SPEC §6.1), with the
/// person and the period at the top.
pub fn review_bytes(
    review: &crate::stats::review::Review,
    period: &crate::period::Period,
) -> Vec<u8> {
    let out = ReviewOut {
        tool: tool(),
        person: &review.person,
        period: PeriodOut::of(period),
        tables: Tables(review.tables().collect()),
    };
    let mut bytes = serde_json::to_vec_pretty(&out).expect("tables always serialise");
    bytes.push(b'\n');
    bytes
}

/// Writes `summary.json` to `w`, pretty-printed, with a final newline — streamed, never held
/// whole (a backlog of 300,000 open complaints is some 60 MB of JSON).
///
/// # Errors
/// Writing failed.
pub fn write(report: &Report, w: &mut impl std::io::Write) -> std::io::Result<()> {
    let summary = Summary {
        tool: tool(),
        period: PeriodOut::of(&report.period),
        inputs: Records(&report.inputs),
        tables: Tables(report.tables().collect()),
    };
    serde_json::to_writer_pretty(&mut *w, &summary).map_err(std::io::Error::other)?;
    w.write_all(b"\n")
}

/// `summary.json` as bytes: pretty-printed, with a final newline.
pub fn to_bytes(report: &Report) -> Vec<u8> {
    let mut out = Vec::new();
    write(report, &mut out).expect("writing to memory does not fail");
    out
}

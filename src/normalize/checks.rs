//! Checks across the fields of one record that a single cell cannot show (SPEC §2.2, §5.1.4):
//! a complaint 完成 without 结案日期, dates in the wrong order, trip days computed when absent,
//! a price's unit taken from the price cell when the unit column is blank.

use super::record::RowIssue;
use crate::frames::Value;
use crate::issues::{Action, Reason};
use crate::schema::Kind;
use crate::taxonomy::STATUS_DONE;
use crate::template::{Lookup, Template};

fn field(kind: Kind, id: &str) -> usize {
    kind.field_index(id).expect("field exists in schema")
}

fn date(values: &[Value<'_>], i: usize) -> Option<chrono::NaiveDate> {
    match values[i] {
        Value::Date(d) => Some(d),
        _ => None,
    }
}

/// A field's cell as it was written in the input (for the data-problem list: raw is raw).
pub type RawCell<'a> = &'a dyn Fn(usize) -> String;

/// Applies the record-level rules, adding to `issues`; a record is usable when none of its
/// issues rejects it. `raw` gives a field's cell as written.
pub fn check_record(
    template: &Template,
    kind: Kind,
    values: &mut [Value<'_>],
    suffix_units: &[Option<&'static str>],
    raw: RawCell<'_>,
    issues: &mut Vec<RowIssue>,
) {
    match kind {
        Kind::Complaint => complaint(values, raw, issues),
        Kind::Trip => trip(values, raw, issues),
        Kind::Batch => batch(values, raw, issues),
        Kind::Price => price(template, values, suffix_units, raw, issues),
        Kind::FeedUsage => feed_usage(values, raw, issues),
        _ => {}
    }
}

/// 完成 without 结案日期; closed before received.
fn complaint(values: &[Value<'_>], raw: RawCell<'_>, issues: &mut Vec<RowIssue>) {
    let kind = Kind::Complaint;
    let (received, closed, status) = (
        field(kind, "received_date"),
        field(kind, "closed_date"),
        field(kind, "status"),
    );
    if values[status] == Value::Label(STATUS_DONE) && values[closed] == Value::Null {
        issues.push(kept(status, raw(status), Reason::DoneWithoutClosedDate));
    }
    if let (Some(r), Some(c)) = (date(values, received), date(values, closed))
        && c < r
    {
        issues.push(kept(closed, raw(closed), Reason::ClosedBeforeReceived));
    }
}

/// Return before departure rejects the trip; 天数 computed when absent.
fn trip(values: &mut [Value<'_>], raw: RawCell<'_>, issues: &mut Vec<RowIssue>) {
    let kind = Kind::Trip;
    let (depart, ret, days) = (
        field(kind, "depart_date"),
        field(kind, "return_date"),
        field(kind, "days"),
    );
    let (Some(d), Some(r)) = (date(values, depart), date(values, ret)) else {
        return;
    };
    if r < d {
        issues.push(rejected(ret, raw(ret), Reason::ReturnBeforeDepart));
    } else if values[days] == Value::Null {
        values[days] = Value::Number(((r - d).num_days() + 1) as f64);
    }
}

/// 出栏 before 入栏 rejects the batch.
fn batch(values: &[Value<'_>], raw: RawCell<'_>, issues: &mut Vec<RowIssue>) {
    let kind = Kind::Batch;
    let (start, end) = (field(kind, "start_date"), field(kind, "end_date"));
    if let (Some(s), Some(e)) = (date(values, start), date(values, end))
        && e < s
    {
        issues.push(rejected(end, raw(end), Reason::EndBeforeStart));
    }
}

/// A unit written after the price fills a blank unit column, and must agree with a filled one.
fn price(
    template: &Template,
    values: &mut [Value<'_>],
    suffix_units: &[Option<&'static str>],
    raw: RawCell<'_>,
    issues: &mut Vec<RowIssue>,
) {
    let kind = Kind::Price;
    let (price, unit) = (field(kind, "price"), field(kind, "unit"));
    let Some(written) = suffix_units[price] else {
        return;
    };
    let label = match template.lookup(crate::taxonomy::Dimension::Unit, written) {
        Lookup::Label(l) => Value::Label(l),
        Lookup::Unknown => Value::Text(written.into()),
    };
    if values[unit] == Value::Null {
        values[unit] = label;
        // The row was rejected for the blank unit column only; it is usable now.
        issues.retain(|i| !(i.field == Some(unit) && i.reason == Reason::MissingRequired));
    } else if values[unit] != label {
        issues.push(rejected(
            price,
            raw(price),
            Reason::UnexpectedUnit(written.to_string()),
        ));
    }
}

/// How far a farm's commercial and self-mixed tonnes may be from its total (SPEC §2.2 E5).
const USAGE_TOLERANCE: f64 = 0.05;

/// A blank 饲料总用量 is the sum of its two parts, when both are given; parts that differ from a
/// given total by more than 5% keep the total and are listed.
fn feed_usage(values: &mut [Value<'_>], raw: RawCell<'_>, issues: &mut Vec<RowIssue>) {
    let kind = Kind::FeedUsage;
    let (total, commercial, self_mixed) = (
        field(kind, "total_t"),
        field(kind, "commercial_t"),
        field(kind, "self_mixed_t"),
    );
    let number = |v: &Value<'_>| match v {
        Value::Number(x) => Some(*x),
        _ => None,
    };
    let parts = number(&values[commercial]).zip(number(&values[self_mixed]));
    match (number(&values[total]), parts) {
        (None, Some((c, m))) if values[total] == Value::Null => {
            values[total] = Value::Number(c + m);
            // The row was rejected for the blank total only; it is usable now.
            issues.retain(|i| !(i.field == Some(total) && i.reason == Reason::MissingRequired));
        }
        (Some(t), Some((c, m))) if (c + m - t).abs() > USAGE_TOLERANCE * t.abs() => {
            issues.push(kept(
                total,
                raw(total),
                Reason::UsageMismatch { parts: c + m },
            ));
        }
        _ => {}
    }
}

fn rejected(field: usize, raw: String, reason: Reason) -> RowIssue {
    RowIssue {
        field: Some(field),
        raw,
        reason,
        action: Action::Rejected,
    }
}

fn kept(field: usize, raw: String, reason: Reason) -> RowIssue {
    RowIssue {
        field: Some(field),
        raw,
        reason,
        action: Action::Kept,
    }
}

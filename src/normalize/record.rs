//! Turning one data row into the typed values of its kind's fields, with every problem
//! recorded: a required field blank or unreadable rejects the row; an optional one is kept
//! as missing; an unknown category value is kept as `其他/未识别`.

use foldhash::{HashMap, HashMapExt};

use super::units::foreign_unit;
use super::value::{parse_date, parse_number, text_value};
use crate::frames::Value;
use crate::ingest::Cell;
use crate::issues::{Action, ColumnUse, Reason};
use crate::schema::{FieldType, Kind};
use crate::taxonomy::{Dimension, UNRECOGNISED};
use crate::template::{Lookup, Template};

/// A problem found in a row, before it is placed in a sheet.
#[derive(Debug, Clone)]
pub struct RowIssue {
    /// The field's index, or `None` for the row as a whole.
    pub field: Option<usize>,
    pub raw: String,
    pub reason: Reason,
    pub action: Action,
}

/// Reads the rows of one sheet of a known kind.
pub struct RowParser {
    pub kind: Kind,
    /// For each field, the 0-based column it is read from.
    pub field_cols: Vec<Option<u32>>,
    /// Per field: raw category text → label (`None` = unrecognised); looked up once per
    /// category cell, so hashed with foldhash rather than SipHash.
    label_cache: Vec<HashMap<String, Option<&'static str>>>,
    /// The unit written after the number in a numeric cell, per field.
    pub suffix_units: Vec<Option<&'static str>>,
    /// Per field: the unit its column's header names when that is not the field's own (its
    /// plain numbers are then refused).
    header_units: Vec<Option<String>>,
}

impl RowParser {
    /// The parser of a sheet whose column `c` fills field `col_fields[c]`, under the
    /// headers `columns`.
    pub fn new(kind: Kind, col_fields: &[Option<usize>], columns: &[ColumnUse]) -> RowParser {
        let n = kind.fields().len();
        let mut field_cols = vec![None; n];
        let mut header_units = vec![None; n];
        for (col, f) in col_fields.iter().enumerate() {
            let Some(f) = *f else { continue };
            field_cols[f] = Some(col as u32);
            if let FieldType::Number(units) = kind.fields()[f].ty {
                header_units[f] = columns
                    .iter()
                    .find(|c| c.col == col as u32)
                    .and_then(|c| foreign_unit(&c.header, units));
            }
        }
        RowParser {
            kind,
            field_cols,
            label_cache: vec![HashMap::new(); n],
            suffix_units: vec![None; n],
            header_units,
        }
    }

    /// Fills `values` (one per field) from `cells`; every problem goes to `issues`, and the
    /// row is usable when none of them rejects it.
    pub fn parse<'c>(
        &mut self,
        template: &Template,
        cells: &'c [Cell<'_>],
        values: &mut Vec<Value<'c>>,
        issues: &mut Vec<RowIssue>,
    ) {
        values.clear();
        for (i, field) in self.kind.fields().iter().enumerate() {
            self.suffix_units[i] = None;
            let cell = self.field_cols[i]
                .and_then(|c| cells.get(c as usize))
                .unwrap_or(&Cell::Empty);
            let parsed = match field.ty {
                FieldType::Text => text_value(cell).map(|t| t.map_or(Value::Null, Value::Text)),
                FieldType::Date => parse_date(cell).map(|d| d.map_or(Value::Null, Value::Date)),
                FieldType::Number(units) => match parse_number(cell, units) {
                    // A plain number under a header naming another unit.
                    Ok(Some((_, None))) if self.header_units[i].is_some() => {
                        Err(Reason::HeaderUnit {
                            unit: self.header_units[i].clone().unwrap_or_default(),
                            expected: units.first().copied().unwrap_or_default(),
                        })
                    }
                    Ok(Some((x, unit))) => {
                        self.suffix_units[i] = unit;
                        Ok(Value::Number(x))
                    }
                    Ok(None) => Ok(Value::Null),
                    Err(reason) => Err(reason),
                },
                FieldType::Category(dim) => self.category(template, i, dim, cell, issues),
            };
            let value = match parsed {
                Ok(Value::Null) if field.required && !field.blank_kept => {
                    issues.push(RowIssue {
                        field: Some(i),
                        raw: cell.display(),
                        reason: Reason::MissingRequired,
                        action: Action::Rejected,
                    });
                    Value::Null
                }
                Ok(v) => v,
                Err(reason) => {
                    let action = if field.required {
                        Action::Rejected
                    } else {
                        Action::Kept
                    };
                    issues.push(RowIssue {
                        field: Some(i),
                        raw: cell.display(),
                        reason,
                        action,
                    });
                    Value::Null
                }
            };
            values.push(value);
        }
    }

    fn category(
        &mut self,
        template: &Template,
        i: usize,
        dim: Dimension,
        cell: &Cell<'_>,
        issues: &mut Vec<RowIssue>,
    ) -> Result<Value<'static>, Reason> {
        let raw = match text_value(cell)? {
            Some(t) => t,
            None => return Ok(dim.blank_label().map_or(Value::Null, Value::Label)),
        };
        let cache = &mut self.label_cache[i];
        let label = match cache.get(raw.as_ref()) {
            Some(l) => *l,
            None => {
                let l = match template.lookup(dim, &raw) {
                    Lookup::Label(l) => Some(l),
                    Lookup::Unknown => None,
                };
                cache.insert(raw.to_string(), l);
                l
            }
        };
        match label {
            Some(l) => Ok(Value::Label(l)),
            None if dim.is_open() => Ok(Value::Text(std::borrow::Cow::Owned(raw.into_owned()))),
            None => {
                issues.push(RowIssue {
                    field: Some(i),
                    raw: cell.display(),
                    reason: Reason::Unrecognised,
                    action: Action::Kept,
                });
                Ok(Value::Label(UNRECOGNISED))
            }
        }
    }
}

//! One spreadsheet cell as every reader hands it on, whatever the file format.

use std::borrow::Cow;

use chrono::NaiveDateTime;

/// A cell value. Text borrows from the workbook where the format allows (shared strings).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Cell<'a> {
    #[default]
    Empty,
    Text(Cow<'a, str>),
    Number(f64),
    /// A cell formatted as a date or time; 1900/1904 systems already resolved.
    DateTime(NaiveDateTime),
    Bool(bool),
    /// An error value such as `#N/A`, as Excel shows it.
    Error(Cow<'static, str>),
}

impl Cell<'_> {
    /// Whether the cell holds nothing but spaces.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => {
                t.trim().is_empty() || t.chars().all(|c| c.is_whitespace() || c == '\u{3000}')
            }
            _ => false,
        }
    }

    /// A copy that owns its text, for rows held back while the header is searched for.
    pub fn into_owned(self) -> Cell<'static> {
        match self {
            Cell::Empty => Cell::Empty,
            Cell::Text(t) => Cell::Text(Cow::Owned(t.into_owned())),
            Cell::Number(n) => Cell::Number(n),
            Cell::DateTime(d) => Cell::DateTime(d),
            Cell::Bool(b) => Cell::Bool(b),
            Cell::Error(e) => Cell::Error(e),
        }
    }

    /// The cell as the user would read it, for the data-problem list.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.to_string(),
            Cell::Number(n) => format_number(*n),
            Cell::DateTime(d) => {
                if d.time() == chrono::NaiveTime::MIN {
                    d.format("%Y-%m-%d").to_string()
                } else {
                    d.format("%Y-%m-%d %H:%M:%S").to_string()
                }
            }
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Error(e) => e.to_string(),
        }
    }
}

/// A number as text without a spurious `.0` (phone numbers and ids stored as numbers).
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A calamine cell value as a [`Cell`]: the arms calamine's two value types share (their
/// variants have the same names), after the `extra` arms of one of them.
macro_rules! cell_of {
    ($v:expr, $D:ident { $($extra:tt)* }) => {
        match $v {
            $($extra)*
            $D::Empty => Cell::Empty,
            $D::String(s) | $D::DateTimeIso(s) | $D::DurationIso(s) => {
                Cell::Text(Cow::Borrowed(s))
            }
            $D::Float(f) => Cell::Number(*f),
            $D::Int(i) => Cell::Number(*i as f64),
            $D::Bool(b) => Cell::Bool(*b),
            $D::DateTime(d) => match d.as_datetime() {
                Some(dt) => Cell::DateTime(dt),
                None => Cell::Number(d.as_f64()),
            },
            $D::Error(e) => Cell::Error(Cow::Owned(e.to_string())),
        }
    };
}

/// Views calamine's cell value (xlsx streaming) without copying its text.
pub fn borrow<'a>(v: &'a calamine::DataRef<'_>) -> Cell<'a> {
    use calamine::DataRef as D;
    cell_of!(v, D {
        D::SharedString(s) => Cell::Text(Cow::Borrowed(s)),
    })
}

/// Converts calamine's owned cell value (xls, ods).
pub fn from_data(v: &calamine::Data) -> Cell<'_> {
    use calamine::Data as D;
    cell_of!(v, D {})
}

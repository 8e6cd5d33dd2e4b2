//! Reporting periods (SPEC §4): `2026-10`, `2026-Q3`, `2026-H1`, `2026`,
//! `2026-01-01..2026-03-15`; the default period; the previous period of the same length
//! (环比) and the same period a year earlier (同比).

use std::fmt;

use chrono::{Datelike, Duration, Months, NaiveDate};

/// How a period was written, which decides its label and its comparisons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    Month,
    Quarter,
    Half,
    Year,
    Range,
}

/// A closed range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub span: Span,
}

/// The forms `--period` accepts, for the usage error.
pub const FORMS: &str = "2026-10 (month), 2026-Q3 (quarter), 2026-H1 (half year), 2026 (year), 2026-01-01..2026-03-15 (days)";

/// Why a `--period` value was not understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodError(pub String);

impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid period \"{}\"; accepted forms: {FORMS}", self.0)
    }
}

impl std::error::Error for PeriodError {}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn last_day(start: NaiveDate, months: u32) -> NaiveDate {
    start + Months::new(months) - Duration::days(1)
}

impl Period {
    /// A calendar month.
    pub fn month(year: i32, month: u32) -> Option<Period> {
        let start = ymd(year, month, 1)?;
        Some(Period {
            start,
            end: last_day(start, 1),
            span: Span::Month,
        })
    }

    fn months(start: NaiveDate, n: u32, span: Span) -> Period {
        Period {
            start,
            end: last_day(start, n),
            span,
        }
    }

    /// Parses the `--period` forms.
    ///
    /// # Errors
    /// The text is none of the accepted forms, or names an impossible date.
    pub fn parse(text: &str) -> Result<Period, PeriodError> {
        let err = || PeriodError(text.to_string());
        let t = text.trim();
        if let Some((a, b)) = t.split_once("..") {
            let a = NaiveDate::parse_from_str(a.trim(), "%Y-%m-%d").map_err(|_| err())?;
            let b = NaiveDate::parse_from_str(b.trim(), "%Y-%m-%d").map_err(|_| err())?;
            if b < a {
                return Err(err());
            }
            return Ok(Period {
                start: a,
                end: b,
                span: Span::Range,
            });
        }
        let year = |s: &str| -> Result<i32, PeriodError> {
            if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().map_err(|_| err())
            } else {
                Err(err())
            }
        };
        match t.split_once('-') {
            None => {
                let y = year(t)?;
                Ok(Period::months(
                    ymd(y, 1, 1).ok_or_else(err)?,
                    12,
                    Span::Year,
                ))
            }
            Some((y, rest)) => {
                let y = year(y)?;
                let rest = rest.to_ascii_uppercase();
                let (start_month, n, span) = match rest.as_str() {
                    "Q1" => (1, 3, Span::Quarter),
                    "Q2" => (4, 3, Span::Quarter),
                    "Q3" => (7, 3, Span::Quarter),
                    "Q4" => (10, 3, Span::Quarter),
                    "H1" => (1, 6, Span::Half),
                    "H2" => (7, 6, Span::Half),
                    m if (1..=2).contains(&m.len()) && m.bytes().all(|b| b.is_ascii_digit()) => {
                        let m: u32 = m.parse().map_err(|_| err())?;
                        (m, 1, Span::Month)
                    }
                    _ => return Err(err()),
                };
                let start = ymd(y, start_month, 1).ok_or_else(err)?;
                Ok(Period::months(start, n, span))
            }
        }
    }

    /// The default period: the latest month with records, unless that is the current
    /// calendar month (still running), then the month before.
    pub fn default_for(latest_record: NaiveDate, today: NaiveDate) -> Period {
        let latest =
            Period::month(latest_record.year(), latest_record.month()).expect("valid month");
        let current = Period::month(today.year(), today.month()).expect("valid month");
        if latest == current {
            latest.previous()
        } else {
            latest
        }
    }

    /// Whether `d` falls in the period.
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }

    /// Days in the period.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    fn calendar_months(&self) -> Option<u32> {
        match self.span {
            Span::Month => Some(1),
            Span::Quarter => Some(3),
            Span::Half => Some(6),
            Span::Year => Some(12),
            Span::Range => None,
        }
    }

    /// The previous period of the same length (环比).
    pub fn previous(&self) -> Period {
        match self.calendar_months() {
            Some(n) => Period::months(self.start - Months::new(n), n, self.span),
            None => Period {
                start: self.start - Duration::days(self.days()),
                end: self.start - Duration::days(1),
                span: Span::Range,
            },
        }
    }

    /// The same period a year earlier (同比).
    pub fn last_year(&self) -> Period {
        match self.calendar_months() {
            Some(n) => Period::months(self.start - Months::new(12), n, self.span),
            None => Period {
                start: self.start - Months::new(12),
                end: self.end - Months::new(12),
                span: Span::Range,
            },
        }
    }

    /// Year to date (累计): from 1 January of the period's year to its end, for monthly and
    /// quarterly reports.
    pub fn year_to_date(&self) -> Option<Period> {
        matches!(self.span, Span::Month | Span::Quarter).then(|| Period {
            start: ymd(self.start.year(), 1, 1).expect("valid date"),
            end: self.end,
            span: Span::Range,
        })
    }

    /// The 12 calendar months ending with the period's last month (first days, oldest
    /// first), and that span as a period, for the monthly trends.
    pub fn trailing_year(&self) -> (Period, Vec<NaiveDate>) {
        let last = ymd(self.end.year(), self.end.month(), 1).expect("valid date");
        let months: Vec<NaiveDate> = (0..12).rev().map(|i| last - Months::new(i)).collect();
        let window = Period {
            start: months[0],
            end: self.end,
            span: Span::Range,
        };
        (window, months)
    }

    /// The label used in file names and titles: `2026-10`, `2026-Q3`, `2026-H1`, `2026`,
    /// `2026-01-01..2026-03-15`.
    pub fn label(&self) -> String {
        let y = self.start.year();
        match self.span {
            Span::Month => format!("{y}-{:02}", self.start.month()),
            Span::Quarter => format!("{y}-Q{}", (self.start.month() - 1) / 3 + 1),
            Span::Half => format!("{y}-H{}", (self.start.month() - 1) / 6 + 1),
            Span::Year => format!("{y}"),
            Span::Range => format!("{}..{}", self.start, self.end),
        }
    }

    /// The label as a file name part (no `..` or `/`).
    pub fn file_label(&self) -> String {
        self.label().replace("..", "_")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parses_every_form() {
        let p = Period::parse("2026-10").unwrap();
        assert_eq!(
            (p.start, p.end, p.label()),
            (d(2026, 10, 1), d(2026, 10, 31), "2026-10".into())
        );
        let p = Period::parse("2026-02").unwrap();
        assert_eq!(p.end, d(2026, 2, 28));
        let p = Period::parse("2026-q3").unwrap();
        assert_eq!(
            (p.start, p.end, p.label()),
            (d(2026, 7, 1), d(2026, 9, 30), "2026-Q3".into())
        );
        let p = Period::parse("2026-H1").unwrap();
        assert_eq!((p.start, p.end), (d(2026, 1, 1), d(2026, 6, 30)));
        let p = Period::parse("2026").unwrap();
        assert_eq!(
            (p.start, p.end, p.label()),
            (d(2026, 1, 1), d(2026, 12, 31), "2026".into())
        );
        let p = Period::parse("2026-01-01..2026-03-15").unwrap();
        assert_eq!(
            (p.start, p.end, p.days()),
            (d(2026, 1, 1), d(2026, 3, 15), 74)
        );
        assert_eq!(p.file_label(), "2026-01-01_2026-03-15");
    }

    #[test]
    fn rejects_other_text_with_the_accepted_forms() {
        for bad in [
            "2026-13",
            "26-10",
            "2026-Q5",
            "October",
            "2026-03-15..2026-01-01",
            "2026-1-1..x",
            "",
        ] {
            let e = Period::parse(bad).unwrap_err();
            assert!(
                e.to_string().contains("accepted forms: 2026-10 (month)"),
                "{bad}: {e}"
            );
        }
    }

    #[test]
    fn previous_last_year_and_year_to_date() {
        let m = Period::parse("2026-03").unwrap();
        assert_eq!(m.previous().label(), "2026-02");
        assert_eq!(m.last_year().label(), "2025-03");
        assert_eq!(
            m.year_to_date().map(|p| (p.start, p.end)),
            Some((d(2026, 1, 1), d(2026, 3, 31)))
        );
        let q = Period::parse("2026-Q1").unwrap();
        assert_eq!(q.previous().label(), "2025-Q4");
        let h = Period::parse("2026-H1").unwrap();
        assert_eq!(h.previous().label(), "2025-H2");
        assert_eq!(h.year_to_date(), None);
        let r = Period::parse("2026-01-11..2026-01-20").unwrap();
        assert_eq!(
            (r.previous().start, r.previous().end),
            (d(2026, 1, 1), d(2026, 1, 10))
        );
        assert_eq!(
            (r.last_year().start, r.last_year().end),
            (d(2025, 1, 11), d(2025, 1, 20))
        );
    }

    mod props {
        use super::super::*;
        use proptest::prelude::*;

        fn period() -> impl Strategy<Value = Period> {
            prop_oneof![
                (1990i32..2100, 1u32..=12).prop_map(|(y, m)| Period::month(y, m).unwrap()),
                (1990i32..2100, 1u32..=4)
                    .prop_map(|(y, q)| Period::parse(&format!("{y}-Q{q}")).unwrap()),
                (1990i32..2100, 1u32..=2)
                    .prop_map(|(y, h)| Period::parse(&format!("{y}-H{h}")).unwrap()),
                (1990i32..2100).prop_map(|y| Period::parse(&y.to_string()).unwrap()),
                (0i64..40_000, 0i64..800).prop_map(|(a, n)| {
                    let start = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + Duration::days(a);
                    Period {
                        start,
                        end: start + Duration::days(n),
                        span: Span::Range,
                    }
                }),
            ]
        }

        proptest! {
            #[test]
            fn a_label_parses_back_to_its_period(p in period()) {
                prop_assert_eq!(Period::parse(&p.label()), Ok(p));
            }

            #[test]
            fn the_previous_period_ends_the_day_before_and_lasts_as_long(p in period()) {
                let prev = p.previous();
                prop_assert_eq!(prev.end + Duration::days(1), p.start);
                if p.span == Span::Range {
                    prop_assert_eq!(prev.days(), p.days());
                } else {
                    prop_assert_eq!(prev.span, p.span);
                }
                prop_assert_eq!(p.last_year().start.year(), p.start.year() - 1);
            }

            #[test]
            fn no_text_makes_the_period_parser_panic(s in ".{0,30}") {
                let _ = Period::parse(&s);
            }
        }
    }

    #[test]
    fn default_is_latest_month_unless_it_is_still_running() {
        assert_eq!(
            Period::default_for(d(2026, 10, 28), d(2026, 11, 27)).label(),
            "2026-10"
        );
        assert_eq!(
            Period::default_for(d(2026, 11, 3), d(2026, 11, 27)).label(),
            "2026-10"
        );
        assert_eq!(
            Period::default_for(d(2026, 9, 3), d(2026, 11, 27)).label(),
            "2026-09"
        );
    }
}

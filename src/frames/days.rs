//! Dates as polars stores them: a `Date` column holds days since 1970-01-01 as `i32`. The one
//! place that encodes and decodes that day number.

use chrono::NaiveDate;

/// 1970-01-01, day 0.
fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date")
}

/// Days since 1970-01-01: the physical value of a polars `Date`.
pub fn day(d: NaiveDate) -> i32 {
    (d - epoch()).num_days() as i32
}

/// The date of a day number.
pub fn date_of(days: i32) -> NaiveDate {
    epoch() + chrono::Duration::days(days.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        let d = NaiveDate::from_ymd_opt(2026, 10, 3).unwrap();
        assert_eq!(day(NaiveDate::from_ymd_opt(1970, 1, 2).unwrap()), 1);
        assert_eq!(date_of(day(d)), d);
        assert_eq!(date_of(-1), NaiveDate::from_ymd_opt(1969, 12, 31).unwrap());
    }
}

//! Medians and ranks, as the department compares its people and its replies.

/// The median of some values (mean of the middle two for an even count).
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

/// Competition rank of `value` among `values` (1 = best; ties share a rank).
pub fn rank(value: f64, values: &[f64], lower_is_better: bool) -> i64 {
    1 + values
        .iter()
        .filter(|v| {
            if lower_is_better {
                **v < value
            } else {
                **v > value
            }
        })
        .count() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_competition_rank() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&mut [4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&mut []), None);
        assert_eq!(rank(5.0, &[5.0, 7.0, 5.0, 1.0], false), 2);
        assert_eq!(rank(1.0, &[5.0, 7.0, 5.0, 1.0], false), 4);
        assert_eq!(rank(2.0, &[2.5, 2.0, 3.0], true), 1);
    }
}

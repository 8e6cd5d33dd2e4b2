use super::*;

#[test]
fn a_straight_line_forecasts_its_next_term() {
    // 10, 12, …, 36 (14 months): the next term is 38.
    let y: Vec<f64> = (0..14).map(|i| 10.0 + 2.0 * i as f64).collect();
    let s = next(&y, true).unwrap();
    assert!((s.forecast - 38.0).abs() / 38.0 < 0.005, "{s:?}");
    assert!(s.lo <= s.forecast && s.forecast <= s.hi);
    assert!(s.model.starts_with("ETS(A,A"), "{}", s.model);
}

#[test]
fn a_flat_series_forecasts_itself() {
    let y = vec![50.0; 15];
    let s = next(&y, true).unwrap();
    assert!((s.forecast - 50.0).abs() < 1e-6, "{s:?}");
}

#[test]
fn steady_growth_of_twelve_percent_a_month_forecasts_at_least_five_percent_more() {
    // 100 × 1.12^i for 14 months: an additive trend lags the growth, but stays above +5 %.
    let y: Vec<f64> = (0..14).map(|i| 100.0 * 1.12f64.powi(i)).collect();
    let s = next(&y, true).unwrap();
    assert!(
        s.forecast >= 1.05 * y[13],
        "{} against {}",
        s.forecast,
        y[13]
    );
}

#[test]
fn a_seasonal_series_of_three_years_takes_its_season_out_first() {
    // 36 months: 200 + 2 per month + a yearly swing of ±40 (cosine). Month 36 is the same
    // point of the year as month 0: its value is 200 + 72 + 40 = 312.
    let season = |i: usize| 40.0 * (2.0 * std::f64::consts::PI * i as f64 / 12.0).cos();
    let y: Vec<f64> = (0..36)
        .map(|i| 200.0 + 2.0 * i as f64 + season(i))
        .collect();
    let s = next(&y, true).unwrap();
    assert!(s.model.starts_with("MSTL(12) + ETS("), "{}", s.model);
    assert!((s.forecast - 312.0).abs() / 312.0 < 0.03, "{s:?}");
    // Without the season the swing is missed (the plain ETS forecasts near the last value).
    let plain = next(&y, false).unwrap();
    assert!(!plain.model.starts_with("MSTL"));
    assert!((plain.forecast - 312.0).abs() > (s.forecast - 312.0).abs());
}

#[test]
fn too_few_points_give_no_model() {
    assert_eq!(next(&[1.0, 2.0, 3.0], false), None);
}

#[test]
fn the_naive_mape_is_the_mean_error_of_last_periods_value() {
    // The last three periods 20, 10, 20 after nine 10s: the naive forecasts are 10, 20, 10,
    // off by 10/20, 10/10, 10/20 → (0.5 + 1.0 + 0.5) / 3.
    let mut y = vec![10.0; 9];
    y.extend([20.0, 10.0, 20.0]);
    let real = vec![true; y.len()];
    let b = backtest(&y, &real, 3, false).unwrap();
    assert_eq!(b.scored, 3);
    assert!((b.naive_mape - 2.0 / 3.0).abs() < 1e-12, "{b:?}");
    // An interpolated period is not scored.
    let mut real = real;
    real[10] = false;
    let b = backtest(&y, &real, 3, false).unwrap();
    assert_eq!(b.scored, 2);
    assert!((b.naive_mape - 0.5).abs() < 1e-12, "{b:?}");
}

#[test]
fn inner_gaps_are_filled_on_a_straight_line() {
    assert_eq!(
        interpolate(&[(0, 10.0), (1, 12.0), (4, 18.0)]),
        vec![10.0, 12.0, 14.0, 16.0, 18.0]
    );
    assert_eq!(interpolate(&[(0, 5.0)]), vec![5.0]);
}

//! The forecasting model and its honesty check (SPEC §5.6 items 3–4): automatic exponential
//! smoothing — ETS with additive errors and no, additive or damped trend, chosen by AICc
//! (augurs-ets' AutoETS, a port of statsforecast's) — with MSTL taking a yearly season out of
//! a monthly series of two years or more (augurs-mstl, ETS forecasting the rest); and a
//! rolling-origin backtest against the naive forecast.

use augurs_core::{Fit, Predict};
use augurs_ets::AutoETS;
use augurs_ets::model::Model;
use augurs_mstl::MSTLModel;

/// The interval the forecast gives.
pub const LEVEL: f64 = 0.8;

/// A monthly series this long or longer has its yearly season taken out first.
pub const SEASONAL_MONTHS: usize = 24;

/// One step ahead: the forecast, its 80 % interval and the model chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub forecast: f64,
    pub lo: f64,
    pub hi: f64,
    pub model: String,
}

/// The search: additive errors, trend none / additive / damped, no season of its own.
fn search() -> AutoETS {
    AutoETS::new(1, "AZN").expect("AZN is a valid model specification")
}

/// `ETS(A,Ad,N)`: the model's error, trend (d when damped) and season.
fn name(m: &Model) -> String {
    let t = m.model_type();
    let damped = if m.damped() { "d" } else { "" };
    format!("ETS({},{}{damped},{})", t.error, t.trend, t.season)
}

/// The next value of `y` (no gaps), with its interval; `seasonal` for a monthly series,
/// whose yearly season is modelled when it has [`SEASONAL_MONTHS`] values. `None` when no
/// model can be fitted (too few points for the optimiser).
pub fn next(y: &[f64], seasonal: bool) -> Option<Step> {
    if seasonal && y.len() >= SEASONAL_MONTHS {
        let fitted = MSTLModel::new(vec![12], search().into_trend_model())
            .fit(y)
            .ok()?;
        let f = fitted.predict(1, LEVEL).ok()?;
        // The ETS chosen for the series without its season, for the model's name.
        let mstl = fitted.fit();
        let rest: Vec<f64> = mstl
            .trend()
            .iter()
            .zip(mstl.remainder())
            .map(|(t, r)| f64::from(t + r))
            .collect();
        let ets = search().fit(&rest).ok()?;
        return step(&f, format!("MSTL(12) + {}", name(ets.model())));
    }
    let fitted = search().fit(y).ok()?;
    let f = fitted.predict(1, LEVEL).ok()?;
    step(&f, name(fitted.model()))
}

fn step(f: &augurs_core::Forecast, model: String) -> Option<Step> {
    let intervals = f.intervals.as_ref()?;
    let (forecast, lo, hi) = (
        *f.point.first()?,
        *intervals.lower.first()?,
        *intervals.upper.first()?,
    );
    [forecast, lo, hi]
        .iter()
        .all(|x| x.is_finite())
        .then_some(Step {
            forecast,
            lo,
            hi,
            model,
        })
}

/// The backtest's score: the model's and the naive forecast's MAPE (fractions) over the
/// periods scored.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Backtest {
    pub mape: f64,
    pub naive_mape: f64,
    pub scored: usize,
}

impl Backtest {
    /// Whether the model does no better than the naive forecast.
    pub fn naive_better(&self) -> bool {
        self.mape >= self.naive_mape
    }
}

/// A rolling-origin backtest over the last `periods` of `y`: each is forecast from the points
/// before it and scored against its value, where it is a real value (`real[i]`) and not 0;
/// the naive forecast is the value before. `None` when no period could be scored.
pub fn backtest(y: &[f64], real: &[bool], periods: usize, seasonal: bool) -> Option<Backtest> {
    let (mut model, mut naive, mut scored) = (0.0, 0.0, 0);
    for t in y.len().saturating_sub(periods).max(1)..y.len() {
        let actual = y[t];
        if !real[t] || actual == 0.0 {
            continue;
        }
        let Some(f) = next(&y[..t], seasonal) else {
            continue;
        };
        model += ((actual - f.forecast) / actual).abs();
        naive += ((actual - y[t - 1]) / actual).abs();
        scored += 1;
    }
    (scored > 0).then(|| Backtest {
        mape: model / scored as f64,
        naive_mape: naive / scored as f64,
        scored,
    })
}

/// The series with its inner gaps filled by linear interpolation between the real values on
/// either side; `values` holds `(position, value)` in order, positions from 0.
pub fn interpolate(values: &[(usize, f64)]) -> Vec<f64> {
    let Some(&(last, _)) = values.last() else {
        return Vec::new();
    };
    let mut out = vec![0.0; last + 1];
    for pair in values.windows(2) {
        let ((a, va), (b, vb)) = (pair[0], pair[1]);
        for (i, slot) in out.iter_mut().enumerate().take(b).skip(a) {
            *slot = va + (vb - va) * (i - a) as f64 / (b - a) as f64;
        }
    }
    out[last] = values[values.len() - 1].1;
    out
}

#[cfg(test)]
mod tests;

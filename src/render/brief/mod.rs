//! The supervisor's brief, `brief.md` and `brief.html`: two layouts of one [`page::Page`]
//! (its content chosen in `stats::brief`), every number a value of the report's tables,
//! rounded by what it is.

mod forecast;
pub mod html;
pub mod markdown;
pub mod page;

use crate::lang::Lang;
use crate::measure::Measure;
use crate::render::charts::{
    COMPLAINTS_BY_CATEGORY, COMPLAINTS_MONTHLY, ChartDef, FCR_SPECIES_BRAND, MARKET_SHARE_OVERALL,
};
use crate::stats::Val;

/// The charts the brief shows inline (`brief.html`), where the report has them.
pub const BRIEF_CHARTS: [&ChartDef; 4] = [
    &COMPLAINTS_MONTHLY,
    &COMPLAINTS_BY_CATEGORY,
    &MARKET_SHARE_OVERALL,
    &FCR_SPECIES_BRAND,
];

/// Thousands separators for a whole number.
fn grouped(i: i64) -> String {
    let digits = i.unsigned_abs().to_string();
    let mut out = String::new();
    for (n, c) in digits.chars().enumerate() {
        if n > 0 && (digits.len() - n) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if i < 0 { format!("-{out}") } else { out }
}

/// A value as the brief shows it, rounded by its measure: counts whole with separators,
/// shares and changes in % to one decimal, ratios, money and prices to two decimals, medians
/// to one, days whole.
pub fn show(v: &Val, measure: Measure) -> String {
    match (v, measure) {
        (Val::Null, _) => "—".to_string(),
        (Val::Text(t), _) => t.to_string(),
        (Val::Date(d), _) => d.format("%Y-%m-%d").to_string(),
        (Val::Bool(b), _) => if *b { "是" } else { "否" }.to_string(),
        (Val::Dates(d), _) => Val::dates_text(d),
        (Val::Pct(x), _) => format!("{:.1}%", x * 100.0),
        (v, Measure::Count) => grouped(v.as_f64().unwrap_or(0.0).round() as i64),
        (v, Measure::Days | Measure::Ordinal) => format!("{:.0}", v.as_f64().unwrap_or(0.0)),
        (v, Measure::Median) => format!("{:.1}", v.as_f64().unwrap_or(0.0)),
        (Val::Int(i), _) => grouped(*i),
        (Val::Num(x), _) => format!("{x:.2}"),
    }
}

/// A change, signed: relative changes in %, a share's change in percentage points, others
/// rounded as their figure.
pub fn signed(v: &Val, measure: Measure, lang: Lang) -> String {
    let plus = |s: String| {
        if s.starts_with('-') || s == "—" {
            s
        } else {
            format!("+{s}")
        }
    };
    match (v, measure) {
        (Val::Pct(x), Measure::Share) => {
            format!("{:+.1} {}", x * 100.0, lang.pick("个百分点", "pp"))
        }
        (v, m) => plus(show(v, m)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_rounded_by_what_they_are() {
        assert_eq!(show(&Val::Int(12345), Measure::Count), "12,345");
        assert_eq!(show(&Val::Num(2.0), Measure::Count), "2");
        assert_eq!(show(&Val::Pct(0.2956), Measure::Share), "29.6%");
        assert_eq!(show(&Val::Num(2.8333), Measure::Ratio), "2.83");
        assert_eq!(show(&Val::Num(5.0), Measure::Median), "5.0");
        assert_eq!(show(&Val::Null, Measure::Price), "—");
        assert_eq!(
            signed(&Val::Pct(0.019), Measure::Share, Lang::Zh),
            "+1.9 个百分点"
        );
        assert_eq!(
            signed(&Val::Pct(-0.25), Measure::Change, Lang::En),
            "-25.0%"
        );
        assert_eq!(signed(&Val::Int(3), Measure::Count, Lang::En), "+3");
        assert_eq!(signed(&Val::Int(-1234), Measure::Count, Lang::En), "-1,234");
    }
}

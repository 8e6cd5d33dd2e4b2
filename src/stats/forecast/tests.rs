use super::*;
use crate::stats::fixtures::{F::*, frame, loaded};

/// Monthly E1 rows: region 东, from January 2025 on, one row per month and feed type with the
/// volumes given (none where the volume is `None`).
fn feed_rows(kinds: &[(&'static str, Vec<Option<f64>>)]) -> DataFrame {
    let mut rows: Vec<Vec<(&str, crate::stats::fixtures::F)>> = Vec::new();
    for (kind, volumes) in kinds {
        for (i, v) in volumes.iter().enumerate() {
            let Some(v) = v else { continue };
            let date: &'static str =
                Box::leak(format!("{}-{:02}-15", 2025 + i / 12, i % 12 + 1).into_boxed_str());
            rows.push(vec![
                ("survey_date", D(date)),
                ("region", T("东")),
                ("brand", T("甲")),
                ("volume_t", N(*v)),
                ("feed_type", T(kind)),
            ]);
        }
    }
    let rows: Vec<&[(&str, crate::stats::fixtures::F)]> = rows.iter().map(Vec::as_slice).collect();
    frame(Kind::FeedMarket, &rows)
}

fn stats(feed: DataFrame, period: &str) -> ForecastStats {
    let l = loaded(vec![(Kind::FeedMarket, feed)]);
    compute(&l, &Period::parse(period).unwrap(), &Template::builtin()).unwrap()
}

/// The `forecast` row of a series: region, kind, item.
fn row<'a>(
    f: &'a ForecastStats,
    region: &str,
    kind: &str,
    item: Option<&str>,
) -> crate::stats::Record<'a> {
    f.series
        .records()
        .find(|r| {
            r.text("region") == Some(region)
                && r.text("series") == Some(kind)
                && r.text("item") == item
        })
        .unwrap_or_else(|| panic!("no {kind} {item:?} row for {region}"))
}

#[test]
fn a_crossing_changes_the_dominant_feed_type() {
    // 16 months to April 2026: 猪料 falls from 300 by 10 a month (April 150, May 140), 禽料
    // rises from 59.5 by 6 (April 149.5, May 155.5).
    let pig: Vec<Option<f64>> = (0..16).map(|i| Some(300.0 - 10.0 * i as f64)).collect();
    let poultry: Vec<Option<f64>> = (0..16).map(|i| Some(60.0 + 6.0 * i as f64 - 0.5)).collect();
    let f = stats(feed_rows(&[("猪料", pig), ("禽料", poultry)]), "2026-04");
    let east = f.feed_type.records_where("region", "东").next().unwrap();
    // April: 猪料 150 against 禽料 149.5: 猪料 leads with 150 / 299.5.
    assert_eq!(east.text("dominant_now"), Some("猪料"));
    assert!((east.num("share_now").unwrap() - 150.0 / 299.5).abs() < 1e-9);
    // The straight lines go on: 140 against 155.5 next month.
    assert_eq!(east.text("dominant_next"), Some("禽料"));
    assert_eq!(*east.get("changed"), Val::Bool(true));
    let next_share = east.num("share_next").unwrap();
    assert!((next_share - 155.5 / 295.5).abs() < 0.01, "{next_share}");
    // The volume of 东 falls by 4 a month: 299.5 → 295.5 is within 5 %: 持平.
    let volume = row(&f, "东", "feed_volume", None);
    assert_eq!(volume.text("direction"), Some("持平"));
    assert_eq!(volume.num("points"), Some(16.0));
}

#[test]
fn eleven_months_are_too_few_and_say_so() {
    let v: Vec<Option<f64>> = (0..11).map(|i| Some(100.0 + i as f64)).collect();
    let f = stats(feed_rows(&[("猪料", v)]), "2025-11");
    let r = row(&f, "全部", "feed_volume", None);
    assert_eq!(r.get("forecast"), &Val::Null);
    assert_eq!(r.num("points"), Some(11.0));
    assert!(
        r.text("note").unwrap().starts_with("历史不足 12 个月"),
        "{:?}",
        r.text("note")
    );
    // No forecast per type either: no dominant type next period.
    let all = f.feed_type.records_where("region", "全部").next().unwrap();
    assert_eq!(all.text("dominant_now"), Some("猪料"));
    assert_eq!(all.get("dominant_next"), &Val::Null);
    assert_eq!(all.get("changed"), &Val::Null);
}

#[test]
fn a_gap_inside_is_interpolated_and_not_counted() {
    // 14 months growing by 10 with March 2025 missing: 13 points, still forecast; a straight
    // line forecasts its next term (100 + 10 × 14 = 240) within 0.5 %.
    let mut v: Vec<Option<f64>> = (0..14).map(|i| Some(100.0 + 10.0 * i as f64)).collect();
    v[2] = None;
    let f = stats(feed_rows(&[("猪料", v)]), "2026-02");
    let r = row(&f, "东", "feed_volume", None);
    assert_eq!(r.num("points"), Some(13.0));
    let forecast = r.num("forecast").unwrap();
    assert!((forecast - 240.0).abs() / 240.0 < 0.005, "{forecast}");
    assert!(r.num("lo80").unwrap() <= forecast && forecast <= r.num("hi80").unwrap());
    assert!(f.series.note.is_some());
}

#[test]
fn steady_growth_is_up_and_the_trend_table_ends_with_the_forecast() {
    // 12 % a month for 15 months: 上升.
    let v: Vec<Option<f64>> = (0..15).map(|i| Some(100.0 * 1.12f64.powi(i))).collect();
    let f = stats(feed_rows(&[("猪料", v)]), "2026-03");
    assert_eq!(
        row(&f, "全部", "feed_volume", None).text("direction"),
        Some("上升")
    );
    // 12 months to March 2026, then April's forecast.
    let periods: Vec<&str> = f.trend.records().filter_map(|r| r.text("period")).collect();
    assert_eq!(periods.first(), Some(&"2025-04"));
    assert_eq!(periods.last(), Some(&"2026-04"));
    assert_eq!(periods.len(), 13);
}

#[test]
fn a_quarterly_report_forecasts_the_next_quarter_from_eight_quarters() {
    // 27 months of a straight line → 9 quarters of sums; a quarter needs 8.
    let v: Vec<Option<f64>> = (0..27).map(|i| Some(100.0 + i as f64)).collect();
    let f = stats(feed_rows(&[("猪料", v)]), "2027-Q1");
    let r = row(&f, "全部", "feed_volume", None);
    assert_eq!(r.num("points"), Some(9.0));
    // Q1 2027 is months 24–26: 124 + 125 + 126 = 375; each quarter adds 9: 384 next.
    assert_eq!(r.num("current"), Some(375.0));
    let forecast = r.num("forecast").unwrap();
    assert!((forecast - 384.0).abs() / 384.0 < 0.005, "{forecast}");
    let last = f.trend.records().last().unwrap();
    assert_eq!(last.text("period"), Some("2027-Q2"));
}

#[test]
fn a_half_year_makes_no_forecast_and_says_so() {
    let v: Vec<Option<f64>> = (0..18).map(|i| Some(100.0 + i as f64)).collect();
    let f = stats(feed_rows(&[("猪料", v)]), "2026-H1");
    assert!(f.series.rows.is_empty() && f.feed_type.rows.is_empty());
    let (zh, _) = f.feed_type.note.clone().unwrap();
    assert!(zh.contains("不做预测"), "{zh}");
}

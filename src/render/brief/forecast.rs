//! The brief's 下期预测 section (SPEC §5.6 item 6): the dominant feed type per region (the
//! changed ones first), then the overall feed volume and the main price items — each with its
//! forecast, 80 % interval, direction and backtest MAPE; no direction where the model does no
//! better than the naive forecast.

use super::page::{Body, Section};
use super::show;
use crate::lang::Lang;
use crate::stats::brief::Brief;
use crate::stats::market::ALL_REGIONS;
use crate::stats::{Record, Val};

/// A value of `r` under `key`, rounded by its measure.
fn cell(r: &Record<'_>, key: &str) -> String {
    show(r.get(key), r.measure(key))
}

/// The section.
pub fn section(b: &Brief<'_>, lang: Lang) -> Section {
    let heading = lang.pick("下期预测", "Next period").to_string();
    let t = b.feed_type;
    if let (Some((zh, en)), true) = (&t.note, t.rows.is_empty()) {
        return Section {
            heading,
            body: Body::Bullets {
                items: vec![lang.pick(zh, en).to_string()],
                none: None,
            },
        };
    }
    let mut items = feed_types(b, lang);
    items.extend(b.volume_forecast.iter().map(|r| series_line(r, lang)));
    items.extend(b.price_forecasts.iter().map(|r| series_line(r, lang)));
    Section {
        heading,
        body: Body::Bullets {
            items,
            none: Some(
                lang.pick("无可预测的序列。", "No series to forecast.")
                    .to_string(),
            ),
        },
    }
}

/// The dominant feed type: each region where it changes, the overall one, then the others
/// in one line.
fn feed_types(b: &Brief<'_>, lang: Lang) -> Vec<String> {
    let changed = |r: &Record<'_>| *r.get("changed") == Val::Bool(true);
    let has_next = |r: &Record<'_>| r.text("dominant_next").is_some();
    let mut lines: Vec<String> = b
        .feed_type
        .records()
        .filter(changed)
        .map(|r| match lang {
            Lang::Zh => format!(
                "主导料型 {}:由 {}({})转为 {}(下期预测占 {})",
                cell(&r, "region"),
                cell(&r, "dominant_now"),
                cell(&r, "share_now"),
                cell(&r, "dominant_next"),
                cell(&r, "share_next")
            ),
            Lang::En => format!(
                "Dominant feed type, {}: from {} ({}) to {} ({} of next period's forecast)",
                cell(&r, "region"),
                cell(&r, "dominant_now"),
                cell(&r, "share_now"),
                cell(&r, "dominant_next"),
                cell(&r, "share_next")
            ),
        })
        .collect();
    let steady: Vec<Record<'_>> = b
        .feed_type
        .records()
        .filter(|r| !changed(r) && has_next(r))
        .collect();
    if let Some(all) = steady
        .iter()
        .find(|r| r.text("region") == Some(ALL_REGIONS))
    {
        lines.push(match lang {
            Lang::Zh => format!(
                "主导料型 全部地区:下期仍为 {}(预测占 {},本期 {})",
                cell(all, "dominant_next"),
                cell(all, "share_next"),
                cell(all, "share_now")
            ),
            Lang::En => format!(
                "Dominant feed type, all regions: still {} ({} of the forecast, {} now)",
                cell(all, "dominant_next"),
                cell(all, "share_next"),
                cell(all, "share_now")
            ),
        });
    }
    let others: Vec<String> = steady
        .iter()
        .filter(|r| r.text("region") != Some(ALL_REGIONS))
        .map(|r| format!("{} {}", cell(r, "region"), cell(r, "dominant_next")))
        .collect();
    if !others.is_empty() {
        lines.push(match lang {
            Lang::Zh => format!("主导料型不变:{}", others.join("、")),
            Lang::En => format!("Dominant feed type unchanged: {}", others.join(", ")),
        });
    }
    lines
}

/// One series: its forecast, interval and direction with the backtest's MAPE, or no
/// direction where the naive forecast does as well; or why there is no forecast.
fn series_line(r: &Record<'_>, lang: Lang) -> String {
    let name = match r.text("series") {
        Some("price") => format!(
            "{}·{}·{}",
            cell(r, "item"),
            cell(r, "price_type"),
            cell(r, "unit")
        ),
        _ => lang.pick("饲料总销量(吨)", "Feed volume (t)").to_string(),
    };
    if r.get("forecast") == &Val::Null {
        let note = cell(r, lang.pick("note", "note_en"));
        return format!("{name}:{note}");
    }
    let (now, next, lo, hi) = (
        cell(r, "current"),
        cell(r, "forecast"),
        cell(r, "lo80"),
        cell(r, "hi80"),
    );
    let (mape, naive) = (cell(r, "mape"), cell(r, "naive_mape"));
    let naive_better = *r.get("naive_better") == Val::Bool(true);
    match (lang, naive_better) {
        (Lang::Zh, false) => format!(
            "{name}:本期 {now},下期预测 {next}(80% 区间 {lo}–{hi}),{};回测 MAPE {mape}(朴素预测 {naive})",
            cell(r, "direction")
        ),
        (Lang::Zh, true) => format!(
            "{name}:本期 {now},下期预测 {next}(80% 区间 {lo}–{hi});模型不优于朴素预测(MAPE {mape},朴素 {naive}),不判断走势"
        ),
        (Lang::En, false) => format!(
            "{name}: now {now}, next {next} (80% interval {lo}–{hi}), {}; backtest MAPE {mape} (naive {naive})",
            cell(r, "direction_en")
        ),
        (Lang::En, true) => format!(
            "{name}: now {now}, next {next} (80% interval {lo}–{hi}); the model does no better than the naive forecast (MAPE {mape}, naive {naive}): no direction"
        ),
    }
}

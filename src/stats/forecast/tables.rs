//! The forecast's tables: `forecast_feed_type`, `forecast` and the overall volume's trend.

use std::collections::BTreeMap;

use super::series::{Series, SeriesKind, Step};
use super::{Outcome, direction, dominant, val};
use crate::measure::Measure;
use crate::stats::market::ALL_REGIONS;
use crate::stats::{Column, Id, Table, Val};

/// Per region (`全部` last): this period's largest feed type and next period's, with their
/// shares, and whether it changes.
pub fn feed_type(assessed: &[(Series, Outcome)]) -> Table {
    let mut t = Table::new(
        Id::ForecastFeedType,
        "下期主导料型",
        "The dominant feed type next period",
        vec![
            Column::text("region", "地区", "region"),
            Column::text("dominant_now", "本期主导料型", "dominant now"),
            Column::of(Measure::Share, "share_now", "本期占比", "share now"),
            Column::text("dominant_next", "下期主导料型", "dominant next"),
            Column::of(Measure::Share, "share_next", "下期占比(预测)", "share next"),
            Column::of(Measure::Flag, "changed", "是否变化", "changed"),
        ],
    );
    // Per region: each type's value now, and its forecast where there is one.
    let mut now: BTreeMap<(bool, &str), BTreeMap<String, f64>> = BTreeMap::new();
    let mut next: BTreeMap<(bool, &str), BTreeMap<String, f64>> = BTreeMap::new();
    for (s, o) in assessed {
        if s.kind != SeriesKind::FeedTypeVolume {
            continue;
        }
        let region = (s.region == ALL_REGIONS, s.region.as_str());
        let item = s.item.clone().unwrap_or_default();
        now.entry(region)
            .or_default()
            .insert(item.clone(), o.current);
        if let Some(step) = &o.next {
            next.entry(region).or_default().insert(item, step.forecast);
        }
    }
    for (region, values) in &now {
        let here = dominant(values);
        let there = next.get(region).and_then(dominant);
        let changed = match (&here, &there) {
            (Some((a, _)), Some((b, _))) => Val::Bool(a != b),
            _ => Val::Null,
        };
        let split = |d: Option<(String, f64)>| match d {
            Some((name, share)) => (Val::text(name), Val::Pct(share)),
            None => (Val::Null, Val::Null),
        };
        let ((now_type, now_share), (next_type, next_share)) = (split(here), split(there));
        t.rows.push(vec![
            Val::text(region.1),
            now_type,
            now_share,
            next_type,
            next_share,
            changed,
        ]);
    }
    t
}

/// The `forecast` table's columns.
fn series_columns() -> Vec<Column> {
    let m = Measure::OfRow;
    let mut columns = vec![Column::of(Measure::Key, "series", "序列代码", "series")];
    columns.extend(Column::labels(
        "series_label",
        "series_label_en",
        "序列",
        "series",
    ));
    columns.extend([
        Column::text("region", "地区", "region"),
        Column::text("item", "料型/品项/品种", "item"),
        Column::text("price_type", "价格类型", "price type"),
        Column::text("unit", "单位", "unit"),
        Column::of(m, "current", "本期", "this period"),
        Column::of(m, "forecast", "下期预测", "forecast"),
        Column::of(m, "lo80", "80%区间下限", "80% low"),
        Column::of(m, "hi80", "80%区间上限", "80% high"),
    ]);
    columns.extend(Column::labels(
        "direction",
        "direction_en",
        "走势",
        "direction",
    ));
    columns.extend([
        Column::text("model", "模型", "model"),
        Column::of(Measure::Count, "points", "有数据期数", "points"),
        Column::of(Measure::Share, "mape", "回测MAPE", "backtest MAPE"),
        Column::of(Measure::Share, "naive_mape", "朴素预测MAPE", "naive MAPE"),
        Column::of(
            Measure::Flag,
            "naive_better",
            "朴素预测不差",
            "naive no worse",
        ),
    ]);
    columns.extend(Column::labels("note", "note_en", "说明", "note"));
    columns.push(Column::of(Measure::Count, "rows", "记录数", "rows").hidden());
    columns
}

/// How the `forecast` table's figures were made, by month or by quarter.
fn series_note(step: Step) -> (String, String) {
    let (zh_unit, zh_gap, en_unit) = match step {
        Step::Month => ("月", "月份", "month"),
        Step::Quarter => ("季度", "季度", "quarter"),
    };
    (
        format!(
            "按{zh_unit}汇总;中间缺值的{zh_gap}按线性插补(不计入有数据期数,不参与回测);预测区间为 80%;回测 MAPE 为最近各期逐期滚动预测的平均绝对百分比误差,朴素预测即“下期 = 本期”;模型不优于朴素预测时,简报不判断走势。"
        ),
        format!(
            "By {en_unit}; a {en_unit} without a value inside a series is filled by linear interpolation (not counted as a point, not scored); 80% intervals; the backtest MAPE is the mean absolute percentage error of one-step forecasts over the last periods, against the naive forecast (next = this one); where the model is no better, the brief states no direction."
        ),
    )
}

/// Every series: current value, forecast and interval, direction, model, points, backtest.
pub fn series(assessed: &[(Series, Outcome)], step: Step) -> Table {
    let mut t = Table::new(
        Id::Forecast,
        "下期预测:各序列的预测值、80%区间与回测",
        "Next period: each series' forecast, 80% interval and backtest",
        series_columns(),
    );
    t.note = Some(series_note(step));
    for (s, o) in assessed {
        let measure = s.kind.measure();
        let text = |x: &Option<String>| x.clone().map_or(Val::Null, Val::text);
        let (dir_zh, dir_en) = o
            .next
            .as_ref()
            .map(|n| direction(o.current, n.forecast))
            .map_or((Val::Null, Val::Null), |(z, e)| {
                (Val::text(z), Val::text(e))
            });
        let (note_zh, note_en) = o.note.clone().map_or((Val::Null, Val::Null), |(z, e)| {
            (Val::text(z), Val::text(e))
        });
        let (kind_zh, kind_en) = s.kind.labels();
        let b = o.backtest;
        t.rows.push(vec![
            Val::text(s.kind.key()),
            Val::text(kind_zh),
            Val::text(kind_en),
            Val::text(&s.region),
            text(&s.item),
            text(&s.price_type),
            text(&s.unit),
            val(measure, Some(o.current)),
            val(measure, o.next.as_ref().map(|n| n.forecast)),
            val(measure, o.next.as_ref().map(|n| n.lo)),
            val(measure, o.next.as_ref().map(|n| n.hi)),
            dir_zh,
            dir_en,
            o.next.as_ref().map_or(Val::Null, |n| Val::text(&n.model)),
            Val::Int(o.points as i64),
            b.map_or(Val::Null, |b| Val::Pct(b.mape)),
            b.map_or(Val::Null, |b| Val::Pct(b.naive_mape)),
            b.map_or(Val::Null, |b| Val::Bool(b.naive_better())),
            note_zh,
            note_en,
            Val::Int(s.rows as i64),
        ]);
        t.row_measures.push(measure);
    }
    t
}

/// The overall feed volume of the 12 periods to `current` and the forecast after them: the
/// forecast line and its interval start from the current value, so the chart draws a fan.
pub fn trend(assessed: &[(Series, Outcome)], current: i32, step: Step) -> Table {
    let q = Measure::Quantity;
    let mut t = Table::new(
        Id::ForecastVolumeTrend,
        "饲料总销量:近12期与下期预测(吨)",
        "Feed volume: the last 12 periods and the forecast (t)",
        vec![
            Column::text("period", "期间", "period"),
            Column::of(q, "volume", "销量", "volume"),
            Column::of(q, "forecast", "预测", "forecast"),
            Column::of(q, "lo80", "80%下限", "80% low"),
            Column::of(q, "hi80", "80%上限", "80% high"),
        ],
    );
    let Some((s, o)) = assessed
        .iter()
        .find(|(s, _)| s.kind == SeriesKind::FeedVolume && s.region == ALL_REGIONS)
    else {
        return t;
    };
    for b in current - 11..=current {
        let here = s.values.get(&b).copied();
        let at_current = (b == current)
            .then_some(o.current)
            .filter(|_| o.next.is_some());
        t.rows.push(vec![
            Val::text(step.label(b)),
            val(q, here),
            val(q, at_current),
            val(q, at_current),
            val(q, at_current),
        ]);
    }
    if let Some(n) = &o.next {
        t.rows.push(vec![
            Val::text(step.label(current + 1)),
            Val::Null,
            val(q, Some(n.forecast)),
            val(q, Some(n.lo)),
            val(q, Some(n.hi)),
        ]);
    }
    t
}

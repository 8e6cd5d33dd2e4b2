//! The best and worst batches by FCR, per species (4-3 一.9: examples that went well and
//! badly).

use crate::stats::Id;
use std::collections::BTreeMap;

use super::{Batch, metric_name};
use crate::stats::{Column, Measure, Table, Val};
use crate::template::Template;

/// Per species, the best (lowest FCR) and worst batches: up to three each, the better half
/// counted as best when there are fewer than six.
pub(super) fn extremes(kept: &[Batch], template: &Template) -> Table {
    let mut t = Table::new(
        Id::FcrBestWorst,
        "各品种料肉比最好与最差的批次",
        "Best and worst batches by FCR, per species",
        vec![
            Column::text("species", "养殖品种", "species"),
            Column::of(Measure::Ordinal, "rank", "排名", "rank"),
            Column::text("farm", "户名", "farm"),
            Column::text("brand", "饲料品牌", "brand"),
            Column::text("region", "地区", "region"),
            Column::text("technician", "技术员", "technician"),
            Column::of(Measure::Date, "end_date", "出栏日期", "end date"),
            Column::of(Measure::Quantity, "gain_kg", "增重(kg)", "gain (kg)"),
            Column::of(Measure::Ratio, "fcr", "料肉比/饵料系数", "FCR"),
            Column::text("metric", "指标", "metric"),
        ],
    );
    let mut by: BTreeMap<&str, Vec<&Batch>> = BTreeMap::new();
    for b in kept {
        by.entry(&b.species).or_default().push(b);
    }
    for (species, mut list) in by {
        list.sort_by(|a, b| {
            a.fcr()
                .total_cmp(&b.fcr())
                .then(a.farm.cmp(&b.farm))
                .then(a.end.cmp(&b.end))
        });
        let n = list.len();
        let best = n.div_ceil(2).min(3);
        let worst = (n - best).min(3);
        let picks = list[..best]
            .iter()
            .enumerate()
            .map(|(i, b)| (format!("最好 {}", i + 1), *b))
            .chain(
                list[n - worst..]
                    .iter()
                    .rev()
                    .enumerate()
                    .map(|(i, b)| (format!("最差 {}", i + 1), *b)),
            );
        for (rank, b) in picks {
            t.rows.push(vec![
                Val::text(species),
                Val::text(rank),
                Val::text(&b.farm),
                Val::text(&b.brand),
                Val::text(&b.region),
                Val::text(&b.technician),
                Val::Date(b.end),
                Val::Num(b.gain),
                Val::Num(b.fcr()),
                Val::text(metric_name(template.is_aquatic(&b.species))),
            ]);
        }
    }
    t
}

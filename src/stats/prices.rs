//! Prices (SPEC §5.2 item 3): per 品项 × 价格类型 × 单位 × region and overall — n, mean, min,
//! max, median of 单价 — with 元/斤 converted to 元/kg (×2) and other units never mixed; and
//! the monthly mean of the main items over the 12 months to the period end.

use crate::stats::Id;
use std::collections::{BTreeMap, HashMap};

use polars::prelude::*;

use super::market::ALL_REGIONS;
use super::query::{text_col, within, year_month, year_month_of};
use super::table::relative;
use super::{Column, Layout, Measure, Table, Val};
use crate::period::Period;

/// How many item series the monthly chart shows (the most surveyed).
const MAIN_ITEMS: usize = 8;

/// Prices with 元/斤 turned into 元/kg.
fn per_kg(prices: &DataFrame) -> LazyFrame {
    let jin = col("unit").eq(lit("元/斤")).fill_null(lit(false));
    prices.clone().lazy().with_columns([
        when(jin.clone())
            .then(col("price") * lit(2.0))
            .otherwise(col("price"))
            .alias("price"),
        when(jin)
            .then(lit("元/kg"))
            .otherwise(col("unit"))
            .alias("unit"),
    ])
}

fn stats(lf: LazyFrame, keys: &[&str]) -> PolarsResult<DataFrame> {
    lf.group_by(keys.iter().map(|k| col(*k)).collect::<Vec<_>>())
        .agg([
            len().cast(DataType::Int64).alias("n"),
            col("price").mean().alias("mean"),
            col("price").min().alias("min"),
            col("price").max().alias("max"),
            col("price").median().alias("median"),
        ])
        .collect()
}

/// Per item × price type × unit × region, then the same over all regions (`全部`).
///
/// # Errors
/// A polars error.
pub fn prices(prices: &DataFrame, p: &Period) -> PolarsResult<Table> {
    let lf = per_kg(prices).filter(within("survey_date", p));
    let by_region = stats(lf.clone(), &["item", "price_type", "unit", "region"])?;
    let overall = stats(lf, &["item", "price_type", "unit"])?;
    let mut rows: Vec<(Vec<String>, Vec<Val>)> = Vec::new();
    for (df, all) in [(&by_region, false), (&overall, true)] {
        let text = |name: &str| -> PolarsResult<Vec<String>> {
            Ok(text_col(df, name)?
                .into_iter()
                .map(Option::unwrap_or_default)
                .collect())
        };
        let (item, kind, unit) = (text("item")?, text("price_type")?, text("unit")?);
        let region = if all {
            vec![ALL_REGIONS.to_string(); df.height()]
        } else {
            text("region")?
        };
        let n = df.column("n")?.i64()?;
        let f =
            |name: &str| -> PolarsResult<Float64Chunked> { Ok(df.column(name)?.f64()?.clone()) };
        let (mean, min, max, median) = (f("mean")?, f("min")?, f("max")?, f("median")?);
        for i in 0..df.height() {
            let key = vec![
                item[i].clone(),
                kind[i].clone(),
                unit[i].clone(),
                // 全部 first within each item × type × unit.
                if all {
                    String::new()
                } else {
                    region[i].clone()
                },
            ];
            rows.push((
                key,
                vec![
                    Val::text(&item[i]),
                    Val::text(&kind[i]),
                    Val::text(&unit[i]),
                    Val::text(&region[i]),
                    n.get(i).map_or(Val::Null, Val::Int),
                    Val::num(mean.get(i)),
                    Val::num(min.get(i)),
                    Val::num(max.get(i)),
                    Val::num(median.get(i)),
                ],
            ));
        }
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    let mut t = Table::new(
        Id::Prices,
        "畜禽产品价格(元/斤已折算为元/kg)",
        "Prices (元/斤 converted to 元/kg)",
        vec![
            Column::text("item", "品项", "item"),
            Column::text("price_type", "价格类型", "price type"),
            Column::text("unit", "单位", "unit"),
            Column::text("region", "地区", "region"),
            Column::of(Measure::Count, "n", "调查次数", "n"),
            Column::of(Measure::Price, "mean", "均价", "mean"),
            Column::of(Measure::Price, "min", "最低", "min"),
            Column::of(Measure::Price, "max", "最高", "max"),
            Column::of(Measure::Price, "median", "中位数", "median"),
        ],
    );
    t.rows = rows.into_iter().map(|(_, r)| r).collect();
    Ok(t)
}

/// Prices as [`prices`], each mean beside its % change against the previous period and a
/// year earlier.
///
/// # Errors
/// A polars error.
pub fn with_changes(price_df: &DataFrame, p: &Period) -> PolarsResult<Table> {
    let mut t = prices(price_df, p)?;
    let keys = ["item", "price_type", "unit", "region"];
    let previous = prices(price_df, &p.previous())?;
    let last_year = prices(price_df, &p.last_year())?;
    t.add_from_base(
        &previous,
        &keys,
        "mean",
        Column::of(
            Measure::Change,
            "mom_pct",
            "均价环比%",
            "mean vs previous %",
        ),
        relative,
    );
    t.add_from_base(
        &last_year,
        &keys,
        "mean",
        Column::of(
            Measure::Change,
            "yoy_pct",
            "均价同比%",
            "mean vs a year earlier %",
        ),
        relative,
    );
    Ok(t)
}

/// A series name per row of `df`: item·type·unit (猪肉·零售·元/kg).
fn series_names(df: &DataFrame) -> PolarsResult<Vec<String>> {
    let parts = [
        text_col(df, "item")?,
        text_col(df, "price_type")?,
        text_col(df, "unit")?,
    ];
    Ok((0..df.height())
        .map(|i| {
            parts
                .iter()
                .map(|p| p[i].clone().unwrap_or_default())
                .collect::<Vec<_>>()
                .join("·")
        })
        .collect())
}

/// The unit most prices of the period are given in, and the most surveyed series in it.
fn main_series(prices: &DataFrame, p: &Period) -> PolarsResult<(String, Vec<String>)> {
    let counted = per_kg(prices)
        .filter(within("survey_date", p))
        .group_by([col("item"), col("price_type"), col("unit")])
        .agg([len().cast(DataType::Int64).alias("n")])
        .collect()?;
    let n = counted.column("n")?.i64()?;
    let units = counted.column("unit")?.str()?;
    let mut per_unit: BTreeMap<String, i64> = BTreeMap::new();
    for i in 0..counted.height() {
        *per_unit
            .entry(units.get(i).unwrap_or_default().to_string())
            .or_default() += n.get(i).unwrap_or(0);
    }
    let unit = per_unit
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(u, _)| u.clone())
        .unwrap_or_default();
    let mut main: Vec<(i64, String)> = series_names(&counted)?
        .into_iter()
        .enumerate()
        .filter(|(i, _)| units.get(*i).unwrap_or_default() == unit)
        .map(|(i, label)| (n.get(i).unwrap_or(0), label))
        .collect();
    main.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    Ok((
        unit,
        main.into_iter().take(MAIN_ITEMS).map(|(_, s)| s).collect(),
    ))
}

/// The monthly mean price of the main items over the 12 months to the period end, one column
/// per item: the most surveyed item × type in the unit most prices are given in (one unit,
/// so the chart's lines share an axis; the other units are in the `prices` table).
///
/// # Errors
/// A polars error.
pub fn monthly(prices: &DataFrame, p: &Period) -> PolarsResult<Table> {
    let (unit, series) = main_series(prices, p)?;
    let (window, months) = p.trailing_year();
    let df = per_kg(prices)
        .filter(within("survey_date", &window))
        .group_by([
            col("item"),
            col("price_type"),
            col("unit"),
            year_month("survey_date"),
        ])
        .agg([col("price").mean().alias("mean")])
        .collect()?;
    let ym = df.column("ym")?.cast(&DataType::Int32)?;
    let ym = ym.i32()?;
    let means = df.column("mean")?.f64()?;
    let mut cells: HashMap<(String, i32), f64> = HashMap::new();
    for (i, label) in series_names(&df)?.into_iter().enumerate() {
        if let (Some(k), Some(m)) = (ym.get(i), means.get(i)) {
            cells.insert((label, k), m);
        }
    }
    let mut columns = vec![Column::text("month", "月份", "month")];
    columns.extend(
        series
            .iter()
            .map(|s| Column::of(Measure::Price, s.clone(), s.clone(), s.clone())),
    );
    let mut t = Table::new(
        Id::PricesMonthly,
        format!("主要品项月均价({unit},近12个月)"),
        format!("Monthly mean price of the main items ({unit}), last 12 months"),
        columns,
    );
    t.layout = Layout::Cross {
        row_key: "month",
        col_key: "series",
        value_key: "mean",
    };
    for month in months {
        let key = year_month_of(month);
        let mut row = vec![Val::text(month.format("%Y-%m").to_string())];
        row.extend(
            series
                .iter()
                .map(|s| Val::num(cells.get(&(s.clone(), key)).copied())),
        );
        t.rows.push(row);
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Kind;
    use crate::stats::Record;
    use crate::stats::fixtures::{F::*, frame};

    #[test]
    fn jin_becomes_kg_and_other_units_stay_apart() {
        // 猪肉 零售: 10 元/斤 = 20 元/kg and 18 元/kg → n 2, mean 19; 仔猪 in 元/头 alone.
        #[rustfmt::skip]
        let df = frame(
            Kind::Price,
            &[
                &[("survey_date", D("2026-10-15")), ("region", T("东")), ("item", T("猪肉")), ("price_type", T("零售")), ("price", N(10.0)), ("unit", T("元/斤"))],
                &[("survey_date", D("2026-10-15")), ("region", T("西")), ("item", T("猪肉")), ("price_type", T("零售")), ("price", N(18.0)), ("unit", T("元/kg"))],
                &[("survey_date", D("2026-10-15")), ("region", T("西")), ("item", T("仔猪")), ("price_type", T("幼畜苗禽")), ("price", N(500.0)), ("unit", T("元/头"))],
            ],
        );
        let t = prices(&df, &Period::parse("2026-10").unwrap()).unwrap();
        let overall: Vec<Record<'_>> = t.records_where("region", ALL_REGIONS).collect();
        assert_eq!(overall.len(), 2);
        let pork = overall
            .iter()
            .find(|r| r.text("item") == Some("猪肉"))
            .unwrap();
        assert_eq!(pork.text("unit"), Some("元/kg"));
        assert_eq!((pork.num("n"), pork.num("mean")), (Some(2.0), Some(19.0)));
        assert_eq!((pork.num("min"), pork.num("max")), (Some(18.0), Some(20.0)));
    }
}

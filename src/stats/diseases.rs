//! Diseases (SPEC §5.2 item 7; 4-3 一.8, 疫情测报): the reports dated in the period — per
//! disease × species the reports, farms, cases, deaths, case fatality and confirmed reports;
//! per region × disease the reports; and the new outbreaks, the region × disease pairs
//! reported in the period but not in the previous period of the same length.

use crate::stats::Id;
use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use polars::prelude::*;

use super::query::{date_col, num_col, text_col, within};
use super::{BLANK, Column, Layout, Measure, Table, Val};
use crate::period::Period;
use crate::taxonomy::YES;

/// One disease report.
#[derive(Debug, Clone)]
struct Report {
    date: NaiveDate,
    region: String,
    species: String,
    disease: String,
    farm: Option<String>,
    cases: Option<f64>,
    deaths: Option<f64>,
    confirmed: bool,
}

fn reports(diseases: &DataFrame, p: &Period) -> PolarsResult<Vec<Report>> {
    let df = diseases
        .clone()
        .lazy()
        .filter(within("report_date", p))
        .collect()?;
    let text = |name| text_col(&df, name);
    let (region, species, disease) = (text("region")?, text("species")?, text("disease")?);
    let (farm, confirmed) = (text("customer")?, text("confirmed")?);
    let (cases, deaths) = (num_col(&df, "cases")?, num_col(&df, "deaths")?);
    let date = date_col(&df, "report_date")?;
    Ok((0..df.height())
        .filter_map(|i| {
            let or_blank = |v: &Option<String>| v.clone().unwrap_or_else(|| BLANK.to_string());
            Some(Report {
                date: date[i]?,
                region: or_blank(&region[i]),
                species: or_blank(&species[i]),
                disease: or_blank(&disease[i]),
                farm: farm[i].clone(),
                cases: cases[i],
                deaths: deaths[i],
                confirmed: confirmed[i].as_deref() == Some(YES),
            })
        })
        .collect())
}

/// The disease tables of a period.
#[derive(Debug, Clone)]
pub struct DiseaseStats {
    pub by_species: Table,
    pub by_region: Table,
    pub new: Table,
}

/// Computes the disease statistics for period `p` (new outbreaks against the previous
/// period).
///
/// # Errors
/// A polars error.
pub fn compute(diseases: &DataFrame, p: &Period) -> PolarsResult<DiseaseStats> {
    let now = reports(diseases, p)?;
    let before = reports(diseases, &p.previous())?;
    Ok(DiseaseStats {
        by_species: by_species(&now),
        by_region: by_region(&now),
        new: new_outbreaks(&now, &before, p),
    })
}

/// The number of disease reports in period `p` (for 环比/同比).
///
/// # Errors
/// A polars error.
pub fn report_count(diseases: &DataFrame, p: &Period) -> PolarsResult<usize> {
    Ok(reports(diseases, p)?.len())
}

/// The number of new outbreaks in period `p`.
///
/// # Errors
/// A polars error.
pub fn new_count(diseases: &DataFrame, p: &Period) -> PolarsResult<usize> {
    Ok(compute(diseases, p)?.new.rows.len())
}

fn by_species(reports: &[Report]) -> Table {
    let mut t = Table::new(
        Id::Diseases,
        "疫病报告:按疾病和养殖品种",
        "Disease reports by disease and species",
        vec![
            Column::text("disease", "疾病名称", "disease"),
            Column::text("species", "养殖品种", "species"),
            Column::of(Measure::Count, "reports", "报告(次)", "reports"),
            Column::of(Measure::Count, "farms", "涉及养殖户", "farms"),
            Column::of(Measure::Count, "cases", "发病数", "cases"),
            Column::of(Measure::Count, "deaths", "死亡数", "deaths"),
            Column::of(Measure::Share, "case_fatality", "病死率", "case fatality"),
            Column::of(Measure::Count, "confirmed", "确诊(次)", "confirmed reports"),
        ],
    );
    let mut by: BTreeMap<(&str, &str), Vec<&Report>> = BTreeMap::new();
    for r in reports {
        by.entry((&r.disease, &r.species)).or_default().push(r);
    }
    let mut groups: Vec<((&str, &str), Vec<&Report>)> = by.into_iter().collect();
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    for ((disease, species), list) in groups {
        // A report without a farm counts as a farm of its own.
        let named: BTreeSet<&str> = list.iter().filter_map(|r| r.farm.as_deref()).collect();
        let farms = named.len() + list.iter().filter(|r| r.farm.is_none()).count();
        let cases: f64 = list.iter().filter_map(|r| r.cases).sum();
        let deaths: f64 = list.iter().filter_map(|r| r.deaths).sum();
        t.rows.push(vec![
            Val::text(disease),
            Val::text(species),
            Val::Int(list.len() as i64),
            Val::Int(farms as i64),
            Val::Int(cases.round() as i64),
            Val::Int(deaths.round() as i64),
            if cases > 0.0 {
                Val::Pct(deaths / cases)
            } else {
                Val::Null
            },
            Val::Int(list.iter().filter(|r| r.confirmed).count() as i64),
        ]);
    }
    t
}

/// Reports per region (rows) and disease (columns, most reported first).
fn by_region(reports: &[Report]) -> Table {
    let mut per_disease: BTreeMap<&str, i64> = BTreeMap::new();
    let mut cells: BTreeMap<(&str, &str), i64> = BTreeMap::new();
    for r in reports {
        *per_disease.entry(&r.disease).or_default() += 1;
        *cells.entry((&r.region, &r.disease)).or_default() += 1;
    }
    let mut diseases: Vec<&str> = per_disease.keys().copied().collect();
    diseases.sort_by(|a, b| per_disease[b].cmp(&per_disease[a]).then(a.cmp(b)));
    let regions: BTreeSet<&str> = reports.iter().map(|r| r.region.as_str()).collect();
    let mut columns = vec![Column::text("region", "地区", "region")];
    columns.extend(
        diseases
            .iter()
            .map(|d| Column::of(Measure::Count, *d, *d, *d)),
    );
    let mut t = Table::new(
        Id::DiseasesByRegion,
        "各地区疫病报告(次)",
        "Disease reports by region",
        columns,
    );
    t.layout = Layout::Cross {
        row_key: "region",
        col_key: "disease",
        value_key: "reports",
    };
    for region in regions {
        let mut row = vec![Val::text(region)];
        row.extend(
            diseases
                .iter()
                .map(|d| Val::Int(cells.get(&(region, *d)).copied().unwrap_or(0))),
        );
        t.rows.push(row);
    }
    t
}

/// The region × disease pairs reported in the period and not in the one before, with their
/// first report date, earliest first.
fn new_outbreaks(now: &[Report], before: &[Report], p: &Period) -> Table {
    let previous = p.previous();
    let mut t = Table::new(
        Id::DiseaseNew,
        format!("新发疫情(上期 {} 未报告的地区 × 疾病)", previous.label()),
        format!(
            "New outbreaks (region × disease not reported in {})",
            previous.label()
        ),
        vec![
            Column::text("region", "地区", "region"),
            Column::text("disease", "疾病名称", "disease"),
            Column::of(
                Measure::Date,
                "first_report_date",
                "首次报告日期",
                "first report",
            ),
            Column::of(Measure::Count, "reports", "本期报告(次)", "reports"),
        ],
    );
    let seen: BTreeSet<(&str, &str)> = before
        .iter()
        .map(|r| (r.region.as_str(), r.disease.as_str()))
        .collect();
    let mut first: BTreeMap<(&str, &str), (NaiveDate, i64)> = BTreeMap::new();
    for r in now {
        let key = (r.region.as_str(), r.disease.as_str());
        if seen.contains(&key) {
            continue;
        }
        let e = first.entry(key).or_insert((r.date, 0));
        e.0 = e.0.min(r.date);
        e.1 += 1;
    }
    let mut list: Vec<_> = first.into_iter().collect();
    list.sort_by(|a, b| (a.1.0, a.0).cmp(&(b.1.0, b.0)));
    for ((region, disease), (date, n)) in list {
        t.rows.push(vec![
            Val::text(region),
            Val::text(disease),
            Val::Date(date),
            Val::Int(n),
        ]);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Kind;
    use crate::stats::fixtures::{F::*, frame};

    #[test]
    fn reports_farms_cases_and_new_outbreaks() {
        // October: 东 非洲猪瘟 ×2 (甲 twice: one farm; 10 cases 4 deaths, 5 cases 1 death,
        // one confirmed), 东 蓝耳病 ×1 (no farm: a farm of its own; no cases), 西 非洲猪瘟 ×1
        // (乙). September: 东 非洲猪瘟 — so in October only 东 蓝耳病 and 西 非洲猪瘟 are new.
        #[rustfmt::skip]
        let df = frame(
            Kind::Disease,
            &[
                &[("report_date", D("2026-10-03")), ("region", T("东")), ("species", T("生猪")), ("disease", T("非洲猪瘟")), ("customer", T("甲")), ("cases", N(10.0)), ("deaths", N(4.0)), ("confirmed", T("是"))],
                &[("report_date", D("2026-10-09")), ("region", T("东")), ("species", T("生猪")), ("disease", T("非洲猪瘟")), ("customer", T("甲")), ("cases", N(5.0)), ("deaths", N(1.0))],
                &[("report_date", D("2026-10-12")), ("region", T("东")), ("species", T("生猪")), ("disease", T("蓝耳病"))],
                &[("report_date", D("2026-10-20")), ("region", T("西")), ("species", T("生猪")), ("disease", T("非洲猪瘟")), ("customer", T("乙"))],
                &[("report_date", D("2026-10-18")), ("region", T("西")), ("species", T("生猪")), ("disease", T("非洲猪瘟")), ("customer", T("乙"))],
                &[("report_date", D("2026-09-25")), ("region", T("东")), ("species", T("生猪")), ("disease", T("非洲猪瘟"))],
            ],
        );
        let s = compute(&df, &Period::parse("2026-10").unwrap()).unwrap();
        let asf = s.by_species.first().unwrap();
        assert_eq!(asf.text("disease"), Some("非洲猪瘟"));
        assert_eq!(
            [
                asf.num("reports"),
                asf.num("farms"),
                asf.num("cases"),
                asf.num("deaths"),
                asf.num("confirmed")
            ],
            [Some(4.0), Some(2.0), Some(15.0), Some(5.0), Some(1.0)]
        );
        assert!((asf.num("case_fatality").unwrap() - 5.0 / 15.0).abs() < 1e-12);
        let prrs = s
            .by_species
            .records_where("disease", "蓝耳病")
            .next()
            .unwrap();
        assert_eq!(
            (prrs.num("farms"), prrs.get("case_fatality")),
            (Some(1.0), &Val::Null)
        );
        let east = s.by_region.records_where("region", "东").next().unwrap();
        assert_eq!(
            (east.num("非洲猪瘟"), east.num("蓝耳病")),
            (Some(2.0), Some(1.0))
        );
        let new: Vec<(&str, &str)> = s
            .new
            .records()
            .map(|r| (r.text("region").unwrap(), r.text("disease").unwrap()))
            .collect();
        assert_eq!(new, vec![("东", "蓝耳病"), ("西", "非洲猪瘟")]);
        assert_eq!(
            *s.new.records().nth(1).unwrap().get("first_report_date"),
            Val::Date(NaiveDate::from_ymd_opt(2026, 10, 18).unwrap())
        );
        assert_eq!(
            report_count(&df, &Period::parse("2026-09").unwrap()).unwrap(),
            1
        );
    }
}

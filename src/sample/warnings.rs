//! The early warnings the shipped report shows (SPEC §5.5), planted in the last month: one
//! quality cluster (three farms complaining about one broiler feed within five days) and
//! one surge (a carrier's bad month: 运输 complaints well above the six months before). The
//! price move is planted with the prices (`market`). Everything else in the last month is
//! spread so that no other warning of these kinds appears by chance.

use chrono::{Duration, NaiveDate};

use super::complaints::{Complaint, PRODUCTS};

const QUALITY: [&str; 2] = ["品质", "质量"];
const TRANSPORT: [&str; 2] = ["运输", "物流"];
/// The product of the planted cluster.
const CLUSTER_PRODUCT: &str = PRODUCTS[2];
/// The product of the register's bad rows (three from one farm: no cluster on their own).
const BAD_ROWS_PRODUCT: &str = PRODUCTS[1];
/// How many months before make the surge's baseline (the template's default).
const BASELINE_MONTHS: usize = 6;

fn is(c: &Complaint, spellings: &[&str]) -> bool {
    spellings.contains(&c.category.as_str())
}

/// Plants the cluster and the surge in the last month of `all` (complaints in month order).
pub(super) fn plant(all: &mut [Complaint], months: &[NaiveDate]) {
    let Some(&last) = months.last() else { return };
    let start = all.partition_point(|c| c.received < last);
    let end = last + chrono::Months::new(1) - Duration::days(1);
    // The first two of the month carry the brief's severe cases; leave them be.
    let pool: Vec<usize> = (start + 2..all.len()).collect();
    if pool.len() < 4 {
        return;
    }
    let (cluster, rest) = pool.split_at(3);
    for (&i, offset) in cluster.iter().zip([9, 11, 14]) {
        let c = &mut all[i];
        c.received = last + Duration::days(offset);
        c.closed = c
            .closed
            .map(|d| d.max(c.received + Duration::days(2)).min(end));
        c.category = "品质".into();
        c.product = CLUSTER_PRODUCT.into();
        c.description = "饲料结块发霉".into();
    }
    surge(all, months, rest);
    spread_quality_products(all, rest);
    all[start..].sort_by_key(|c| c.received);
}

/// Turns enough of `rest` into 运输 complaints that the month stands out against the
/// baseline: at least mean + max(2 SD, 3) + 1.
fn surge(all: &mut [Complaint], months: &[NaiveDate], rest: &[usize]) {
    let n = months.len();
    if n <= BASELINE_MONTHS {
        return;
    }
    let counts: Vec<f64> = months[n - 1 - BASELINE_MONTHS..n - 1]
        .iter()
        .zip(&months[n - BASELINE_MONTHS..])
        .map(|(&from, &to)| {
            all.iter()
                .filter(|c| c.received >= from && c.received < to && is(c, &TRANSPORT))
                .count() as f64
        })
        .collect();
    let mean = counts.iter().sum::<f64>() / counts.len() as f64;
    let sd = (counts.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / counts.len() as f64).sqrt();
    let target = (mean + (2.0 * sd).max(3.0)).ceil() as usize + 1;
    let mut have = rest.iter().filter(|&&i| is(&all[i], &TRANSPORT)).count();
    for &i in rest {
        if have >= target {
            break;
        }
        let c = &mut all[i];
        if !is(c, &TRANSPORT) {
            c.category = "运输".into();
            c.responsibility = "公司".into();
            c.dept = "运输调度".into();
            c.description = "到货延迟三天".into();
            have += 1;
        }
    }
}

/// The month's other quality complaints take the other products in turn, so no product
/// gathers three of them by chance.
fn spread_quality_products(all: &mut [Complaint], rest: &[usize]) {
    let others: Vec<&str> = PRODUCTS
        .iter()
        .copied()
        .filter(|p| *p != CLUSTER_PRODUCT && *p != BAD_ROWS_PRODUCT)
        .collect();
    let quality: Vec<usize> = rest
        .iter()
        .copied()
        .filter(|&i| is(&all[i], &QUALITY))
        .collect();
    for (n, i) in quality.into_iter().enumerate() {
        all[i].product = others[n % others.len()].to_string();
    }
}

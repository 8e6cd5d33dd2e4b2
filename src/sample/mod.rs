//! The seeded sample data set (`tsreport sample`): every input kind over 2025-01..2026-10,
//! with the messiness real exports have — title rows, a merged two-row header, footer rows,
//! a GBK CSV, synonyms, a few bad rows and one overlapping export.

mod assist;
mod big;
mod complaints;
mod farms;
mod market;
mod registers;
mod sheet;
mod site_visits;
mod warnings;
mod work;

use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::{Datelike, Months, NaiveDate};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// What to generate.
#[derive(Debug, Clone)]
pub struct SampleConfig {
    pub out: PathBuf,
    pub seed: u64,
    /// Months of records, ending with `last_month`.
    pub months: u32,
    pub rows_per_month: u32,
    pub last_month: NaiveDate,
    /// Only one large complaint register (for benchmarks).
    pub complaints_only: bool,
    /// The large register with a shared-string table, as Excel re-saves it.
    pub shared_strings: bool,
    /// The large register as one file per month.
    pub one_file_per_month: bool,
    /// The large register with this share of its complaints still open (a backlog), instead
    /// of the share its dates make.
    pub open_share: Option<f64>,
}

/// The generator's random source and shared pools.
pub(crate) struct Gen {
    rng: ChaCha8Rng,
}

pub(crate) const TECHNICIANS: [&str; 6] = ["张伟", "李娜", "王强", "刘洋", "陈静", "杨帆"];
pub(crate) const CLERKS: [&str; 2] = ["王芳", "赵敏"];
pub(crate) const REGIONS: [&str; 5] = ["东湖区", "西山县", "南岭镇", "北河县", "中原区"];
const SURNAMES: [&str; 12] = [
    "赵", "钱", "孙", "李", "周", "吴", "郑", "王", "冯", "陈", "褚", "卫",
];
const GIVEN: [&str; 10] = [
    "建国", "秀英", "志强", "桂兰", "德明", "春生", "海燕", "永福", "金花", "国庆",
];
const SUFFIX: [&str; 4] = ["养殖场", "猪场", "家庭农场", "养殖合作社"];

impl Gen {
    fn new(seed: u64) -> Gen {
        Gen {
            rng: ChaCha8Rng::seed_from_u64(seed),
        }
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.rng.random_range(0..n)
    }

    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.rng.random_bool(p)
    }

    pub(crate) fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        self.rng.random_range(lo..hi)
    }

    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Picks by weights.
    pub(crate) fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut x = self.rng.random_range(0..total);
        for (item, w) in items {
            if x < *w {
                return item;
            }
            x -= w;
        }
        &items[items.len() - 1].0
    }

    /// A customer name; a small pool so that repeat complainants occur.
    pub(crate) fn customer(&mut self) -> String {
        let s = self.below(SURNAMES.len());
        let g = self.below(GIVEN.len());
        let x = (s + g) % SUFFIX.len();
        format!("{}{}{}", SURNAMES[s], GIVEN[g], SUFFIX[x])
    }

    /// A day in the month starting at `month`.
    pub(crate) fn day_in(&mut self, month: NaiveDate) -> NaiveDate {
        let days = days_in_month(month);
        month + chrono::Duration::days(self.below(days as usize) as i64)
    }
}

pub(crate) fn days_in_month(month: NaiveDate) -> u32 {
    let next = month + Months::new(1);
    (next - month).num_days() as u32
}

/// The first day of each month covered, oldest first.
pub(crate) fn month_starts(cfg: &SampleConfig) -> Vec<NaiveDate> {
    let last = cfg.last_month.with_day(1).expect("day 1 exists");
    (0..cfg.months)
        .rev()
        .map(|i| last - Months::new(i))
        .collect()
}

/// Writes the sample data set; returns the files written.
///
/// # Errors
/// The folder cannot be written.
pub fn generate(cfg: &SampleConfig) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(&cfg.out)?;
    let mut g = Gen::new(cfg.seed);
    let months = month_starts(cfg);
    if cfg.complaints_only {
        return big::write_big_register(&mut g, cfg, &months);
    }
    let mut written = Vec::new();
    let complaints = complaints::generate(&mut g, cfg, &months);
    written.extend(registers::write(&mut g, cfg, &months, &complaints)?);
    let (site_visits, visited) = site_visits::write(&mut g, cfg, &complaints)?;
    written.push(site_visits);
    written.extend(work::write(&mut g, cfg, &months, &visited)?);
    written.extend(market::write(&mut g, cfg, &months)?);
    written.extend(farms::write(&mut g, cfg, &months)?);
    written.push(assist::write(&mut g, cfg, &complaints)?);
    Ok(written)
}

pub(crate) fn out(cfg: &SampleConfig, name: &str) -> PathBuf {
    Path::new(&cfg.out).join(name)
}

//! The on-disk shape of a template file (`report-templates/default.toml` or a user's
//! `--template`), exactly as TOML gives it: every key optional, unknown keys rejected.

use std::collections::BTreeMap;

use serde::Deserialize;

/// `kind or dimension key` → `field or label` → strings.
pub type NestedLists = BTreeMap<String, BTreeMap<String, Vec<String>>>;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateFile {
    pub own_brands: Option<Vec<String>>,
    pub header_search_rows: Option<usize>,
    pub footer_markers: Option<Vec<String>>,
    pub subtotal_markers: Option<Vec<String>>,
    pub limits: Option<LimitsFile>,
    pub aliases: Option<NestedLists>,
    pub synonyms: Option<NestedLists>,
    pub fcr_range: Option<BTreeMap<String, Vec<f64>>>,
    pub aquatic_species: Option<Vec<String>>,
    pub gm_approvers: Option<Vec<String>>,
    pub assist_reply_days: Option<u32>,
    pub demo_visit_days: Option<u32>,
    pub forecast_min_points: Option<u32>,
    pub forecast_backtest: Option<u32>,
    pub warnings: Option<WarningsFile>,
    /// `[markets]`: a person's market, `"张伟" = ["华东", "苏北"]` (SPEC §5.3).
    pub markets: Option<BTreeMap<String, Vec<String>>>,
}

/// `[warnings]`: the early-warning settings (SPEC §5.5).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WarningsFile {
    pub cluster_days: Option<u32>,
    pub cluster_min: Option<u32>,
    pub baseline_periods: Option<u32>,
    pub surge_sd: Option<f64>,
    pub surge_min_excess: Option<f64>,
    pub price_pct: Option<f64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitsFile {
    pub max_cells: Option<u64>,
    pub max_columns: Option<u32>,
    pub max_part_bytes: Option<u64>,
    pub max_csv_bytes: Option<u64>,
}

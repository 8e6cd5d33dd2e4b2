//! The report template: column aliases, value synonyms, own brands and limits (SPEC §2.1).
//!
//! The built-in template is `report-templates/default.toml`, compiled in. A user's file is
//! laid over it: lists of aliases, synonyms and footer markers extend the built-in ones,
//! settings replace them. Every key is checked; an unknown one is an error naming it.

mod file;
mod layers;

use std::collections::HashMap;
use std::path::Path;

use crate::lang::Lang;
use crate::messages::TemplateProblem;
use crate::schema::Kind;
use crate::taxonomy::Dimension;
use crate::text::{header_key, value_key};
use file::TemplateFile;

/// The built-in template's text.
pub const DEFAULT_TOML: &str = include_str!("../../report-templates/default.toml");

/// Size limits past which an input is refused before it can exhaust memory. Their values are
/// data: the built-in template sets every one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Limits {
    pub max_cells: u64,
    pub max_columns: u32,
    pub max_part_bytes: u64,
    pub max_csv_bytes: u64,
}

/// The early-warning settings (SPEC §5.5, the template's `[warnings]`).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Warnings {
    /// Two quality complaints about one product at most this many days apart run together.
    pub cluster_days: u32,
    /// A run with at least this many complaints (from two or more customers) is a cluster.
    pub cluster_min: u32,
    /// How many periods of the same length before the period make the baseline.
    pub baseline_periods: u32,
    /// A surge is at least the baseline mean plus this many standard deviations …
    pub surge_sd: f64,
    /// … and at least this many complaints more than the mean.
    pub surge_min_excess: f64,
    /// A price move is a change of the mean of at least this fraction.
    pub price_pct: f64,
}

/// The forecast's settings (SPEC §5.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ForecastSettings {
    /// A series is forecast when it has values in at least this many months (two thirds as
    /// many quarters) up to the report's period.
    pub min_points: u32,
    /// How many of the last periods the rolling-origin backtest scores.
    pub backtest: u32,
}

/// A resolved template, ready for matching.
#[derive(Debug, Clone)]
pub struct Template {
    pub own_brands: Vec<String>,
    pub header_search_rows: usize,
    /// Normalised footer markers (a row's first cell starts with one).
    pub footer_markers: Vec<String>,
    /// Normalised subtotal markers (a row's first cell ends with one).
    pub subtotal_markers: Vec<String>,
    pub limits: Limits,
    /// Per kind, per field (in schema order): the normalised header keys that name it.
    aliases: HashMap<Kind, Vec<Vec<String>>>,
    /// Per dimension: normalised spelling → canonical label.
    synonyms: HashMap<Dimension, HashMap<String, &'static str>>,
    /// Plausible FCR per species key (matched as part of the species name): key, low, high.
    fcr_ranges: Vec<(String, f64, f64)>,
    /// Species keys whose FCR is called 饵料系数 (matched as part of the species name).
    aquatic: Vec<String>,
    /// Approvers whose signature a trip of more than one day needs (normalised; a match is
    /// a part of the 审批人 cell).
    gm_approvers: Vec<String>,
    /// Days within which a department should reply to an assistance request.
    pub assist_reply_days: u32,
    /// A demonstration farm not visited for more than this many days is unvisited.
    pub demo_visit_days: u32,
    pub forecast: ForecastSettings,
    pub warnings: Warnings,
    /// `[markets]`: each person's regions, by the person's normalised name.
    markets: HashMap<String, Vec<String>>,
}

/// The name the built-in layer goes by.
const BUILT_IN: &str = "built-in template";

/// A template that is not valid: which layer (`None` for the built-in one) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub layer: Option<String>,
    pub problem: TemplateProblem,
}

impl TemplateError {
    /// The error in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let name = match &self.layer {
            Some(path) => path.clone(),
            None => lang.pick("内置模板", "built-in template").to_string(),
        };
        self.problem.text(&name, lang)
    }
}

/// An unknown key and the keys that would have been valid there.
fn unknown<'a>(key: String, valid: impl Iterator<Item = &'a str>) -> TemplateProblem {
    TemplateProblem::UnknownKey {
        key,
        valid: valid.map(str::to_string).collect(),
    }
}

/// What a categorical cell's text maps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    Label(&'static str),
    Unknown,
}

impl Template {
    /// The built-in template.
    pub fn builtin() -> Template {
        Template::from_layers(&[("built-in template", DEFAULT_TOML)])
            .expect("the built-in template is valid (checked by a unit test)")
    }

    /// The built-in template with the user's file, if any, laid over it.
    ///
    /// # Errors
    /// The file cannot be read, is not valid TOML, or has an unknown key or label.
    pub fn load(user: Option<&Path>) -> Result<Template, TemplateError> {
        let Some(path) = user else {
            return Ok(Template::builtin());
        };
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| TemplateError {
            layer: Some(name.clone()),
            problem: TemplateProblem::CannotRead(e.to_string()),
        })?;
        // Notepad saves UTF-8 (with or without a BOM) or, when older, GBK.
        let text = crate::text::decode(&bytes);
        Template::from_layers(&[(BUILT_IN, DEFAULT_TOML), (&name, &text)])
    }

    fn from_layers(layers: &[(&str, &str)]) -> Result<Template, TemplateError> {
        let mut t = Template {
            own_brands: Vec::new(),
            // Set by the built-in template (checked below).
            header_search_rows: 0,
            footer_markers: Vec::new(),
            subtotal_markers: Vec::new(),
            limits: Limits::default(),
            aliases: Kind::ALL
                .into_iter()
                .map(|k| {
                    let lists = k.fields().iter().map(|f| vec![header_key(f.zh)]).collect();
                    (k, lists)
                })
                .collect(),
            synonyms: Dimension::ALL
                .into_iter()
                .map(|d| {
                    let map = d
                        .labels()
                        .iter()
                        .flat_map(|l| [(value_key(l.zh), l.zh), (value_key(l.en), l.zh)])
                        .collect();
                    (d, map)
                })
                .collect(),
            fcr_ranges: Vec::new(),
            aquatic: Vec::new(),
            gm_approvers: Vec::new(),
            assist_reply_days: 0,
            demo_visit_days: 0,
            forecast: ForecastSettings::default(),
            warnings: Warnings::default(),
            markets: HashMap::new(),
        };
        for (name, text) in layers {
            let layer = (*name != BUILT_IN).then(|| name.to_string());
            let fail = |problem| TemplateError {
                layer: layer.clone(),
                problem,
            };
            let file: TemplateFile = toml::from_str(text)
                .map_err(|e| fail(TemplateProblem::Toml(e.to_string().trim().to_string())))?;
            t.apply(file).map_err(fail)?;
        }
        t.check_ambiguity().map_err(|problem| TemplateError {
            layer: layers
                .last()
                .map(|(n, _)| n.to_string())
                .filter(|n| n != BUILT_IN),
            problem,
        })?;
        let bad = t.bad_settings();
        if !bad.is_empty() {
            // The built-in values are in range: a bad one comes from the user's file.
            let user = layers
                .iter()
                .rev()
                .map(|(n, _)| *n)
                .find(|n| *n != BUILT_IN);
            return Err(TemplateError {
                layer: user.map(str::to_string),
                problem: TemplateProblem::BadSettings(bad),
            });
        }
        Ok(t)
    }

    /// The settings out of their range, each as `key ≥ least` (`key > 0` for a fraction).
    fn bad_settings(&self) -> Vec<String> {
        let (l, w) = (self.limits, self.warnings);
        let whole: [(&str, u64, u64); 11] = [
            ("header_search_rows", self.header_search_rows as u64, 1),
            ("limits.max_cells", l.max_cells, 1),
            ("limits.max_columns", l.max_columns.into(), 1),
            ("limits.max_part_bytes", l.max_part_bytes, 1),
            ("limits.max_csv_bytes", l.max_csv_bytes, 1),
            ("assist_reply_days", self.assist_reply_days.into(), 1),
            ("demo_visit_days", self.demo_visit_days.into(), 1),
            ("forecast_min_points", self.forecast.min_points.into(), 3),
            ("warnings.cluster_days", w.cluster_days.into(), 1),
            ("warnings.cluster_min", w.cluster_min.into(), 1),
            ("warnings.baseline_periods", w.baseline_periods.into(), 1),
        ];
        let fractions = [
            ("warnings.surge_sd", w.surge_sd),
            ("warnings.surge_min_excess", w.surge_min_excess),
            ("warnings.price_pct", w.price_pct),
        ];
        whole
            .iter()
            .filter(|(_, v, least)| v < least)
            .map(|(k, _, least)| format!("{k} ≥ {least}"))
            .chain(
                fractions
                    .iter()
                    .filter(|(_, v)| v.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater))
                    .map(|(k, _)| format!("{k} > 0")),
            )
            .collect()
    }

    /// The field of `kind` a header cell names, by its normalised key.
    pub fn match_header(&self, kind: Kind, key: &str) -> Option<usize> {
        self.aliases[&kind]
            .iter()
            .position(|keys| keys.iter().any(|k| k == key))
    }

    /// Maps a categorical cell's text to its canonical label.
    pub fn lookup(&self, dim: Dimension, raw: &str) -> Lookup {
        match self.synonyms[&dim].get(&value_key(raw)) {
            Some(label) => Lookup::Label(label),
            None => Lookup::Unknown,
        }
    }

    /// Whether the text of a row's first non-blank cell marks a total/footer row (it starts
    /// with a footer marker) or a subtotal row (it ends with a subtotal marker, a colon after
    /// it aside: `城东小计`, `10月合计:`).
    pub fn is_footer(&self, first_cell: &str) -> bool {
        let t = first_cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
        let (Some(first), Some(last)) = (
            t.chars().next(),
            t.trim_end_matches([':', '：']).chars().next_back(),
        ) else {
            return false;
        };
        // Cheap tests first: most cells neither start nor end with a marker's first or last
        // character.
        let first = first.to_ascii_lowercase();
        let starts = self.footer_markers.iter().any(|m| m.starts_with(first));
        let ends = self.subtotal_markers.iter().any(|m| m.ends_with(last));
        if !starts && !ends {
            return false;
        }
        let key = value_key(t);
        let key = key.trim_end_matches(':');
        self.footer_markers
            .iter()
            .any(|m| key.starts_with(m.as_str()))
            || self
                .subtotal_markers
                .iter()
                .any(|m| key.ends_with(m.as_str()))
    }

    /// The plausible FCR range for a species: the range whose key is the longest part of the
    /// species name (`生猪` before `猪`), if any.
    pub fn fcr_range(&self, species: &str) -> Option<(f64, f64)> {
        let name = value_key(species);
        self.fcr_ranges
            .iter()
            .filter(|(k, _, _)| name.contains(k.as_str()))
            .max_by_key(|(k, _, _)| k.chars().count())
            .map(|(_, lo, hi)| (*lo, *hi))
    }

    /// Whether the species is aquatic (its FCR is called 饵料系数).
    pub fn is_aquatic(&self, species: &str) -> bool {
        let name = value_key(species);
        self.aquatic.iter().any(|k| name.contains(k.as_str()))
    }

    /// Whether an approver's cell names one of the `gm_approvers` (SPEC §5.4: a trip of more
    /// than one day needs the general manager's approval; `王总经理` matches `总经理`).
    pub fn is_gm_approver(&self, approver: &str) -> bool {
        let key = value_key(approver);
        self.gm_approvers.iter().any(|a| key.contains(a.as_str()))
    }

    /// The regions the template's `[markets]` gives `person`, if it names them.
    pub fn market_of(&self, person: &str) -> Option<&[String]> {
        self.markets.get(&value_key(person)).map(Vec::as_slice)
    }

    /// Whether a brand is one of the company's own.
    pub fn is_own_brand(&self, brand: &str) -> bool {
        let key = value_key(brand);
        self.own_brands.iter().any(|b| value_key(b) == key)
    }
}

#[cfg(test)]
mod tests;

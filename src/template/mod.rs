//! The report template: column aliases, value synonyms, own brands and limits (SPEC §2.1).
//!
//! The built-in template is `report-templates/default.toml`, compiled in. A user's file is
//! laid over it: lists of aliases, synonyms and footer markers extend the built-in ones,
//! settings replace them. Every key is checked; an unknown one is an error naming it.

mod file;

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::schema::Kind;
use crate::taxonomy::Dimension;
use crate::text::{header_key, value_key};
use file::{NestedLists, TemplateFile};

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

/// A resolved template, ready for matching.
#[derive(Debug, Clone)]
pub struct Template {
    pub own_brands: Vec<String>,
    pub header_search_rows: usize,
    /// Normalised footer markers.
    pub footer_markers: Vec<String>,
    pub limits: Limits,
    /// Per kind, per field (in schema order): the normalised header keys that name it.
    aliases: HashMap<Kind, Vec<Vec<String>>>,
    /// Per dimension: normalised spelling → canonical label.
    synonyms: HashMap<Dimension, HashMap<String, &'static str>>,
    /// Plausible FCR per species key (matched as part of the species name): key, low, high.
    fcr_ranges: Vec<(String, f64, f64)>,
    /// Species keys whose FCR is called 饵料系数 (matched as part of the species name).
    aquatic: Vec<String>,
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
    pub fn load(user: Option<&Path>) -> Result<Template> {
        let Some(path) = user else {
            return Ok(Template::builtin());
        };
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read template {}", path.display()))?;
        Template::from_layers(&[
            ("built-in template", DEFAULT_TOML),
            (&path.display().to_string(), &text),
        ])
    }

    fn from_layers(layers: &[(&str, &str)]) -> Result<Template> {
        let mut t = Template {
            own_brands: Vec::new(),
            // Set by the built-in template (checked below).
            header_search_rows: 0,
            footer_markers: Vec::new(),
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
        };
        for (name, text) in layers {
            let file: TemplateFile = toml::from_str(text)
                .map_err(|e| anyhow::anyhow!("template {name}: {}", e.to_string().trim()))?;
            t.apply(name, file)?;
        }
        t.check_ambiguity()?;
        let l = t.limits;
        if t.header_search_rows == 0
            || [l.max_cells, l.max_part_bytes, l.max_csv_bytes].contains(&0)
            || l.max_columns == 0
        {
            bail!("template: header_search_rows and every [limits] value must be set and above 0");
        }
        Ok(t)
    }

    fn apply(&mut self, name: &str, file: TemplateFile) -> Result<()> {
        if let Some(brands) = file.own_brands {
            self.own_brands = brands.iter().map(|b| b.trim().to_string()).collect();
        }
        if let Some(rows) = file.header_search_rows {
            if rows == 0 {
                bail!("template {name}: header_search_rows must be at least 1");
            }
            self.header_search_rows = rows;
        }
        if let Some(markers) = file.footer_markers {
            self.footer_markers
                .extend(markers.iter().map(|m| value_key(m)));
        }
        if let Some(l) = file.limits {
            let lim = &mut self.limits;
            lim.max_cells = l.max_cells.unwrap_or(lim.max_cells);
            lim.max_columns = l.max_columns.unwrap_or(lim.max_columns);
            lim.max_part_bytes = l.max_part_bytes.unwrap_or(lim.max_part_bytes);
            lim.max_csv_bytes = l.max_csv_bytes.unwrap_or(lim.max_csv_bytes);
        }
        if let Some(aliases) = file.aliases {
            self.apply_aliases(name, aliases)?;
        }
        if let Some(synonyms) = file.synonyms {
            self.apply_synonyms(name, synonyms)?;
        }
        for (species, range) in file.fcr_range.unwrap_or_default() {
            let [lo, hi] = range[..] else {
                bail!("template {name}: fcr_range.{species} must be [low, high]");
            };
            if !(lo > 0.0 && lo < hi) {
                bail!("template {name}: fcr_range.{species} must have 0 < low < high");
            }
            let key = value_key(&species);
            self.fcr_ranges.retain(|(k, _, _)| *k != key);
            self.fcr_ranges.push((key, lo, hi));
        }
        for species in file.aquatic_species.unwrap_or_default() {
            let key = value_key(&species);
            if !key.is_empty() && !self.aquatic.contains(&key) {
                self.aquatic.push(key);
            }
        }
        Ok(())
    }

    fn apply_aliases(&mut self, name: &str, aliases: NestedLists) -> Result<()> {
        for (kind_key, fields) in aliases {
            let Some(kind) = Kind::from_key(&kind_key) else {
                let valid: Vec<_> = Kind::ALL.iter().map(|k| k.key()).collect();
                bail!(
                    "template {name}: unknown key `aliases.{kind_key}` (kinds: {})",
                    valid.join(", ")
                );
            };
            let lists = self.aliases.get_mut(&kind).expect("every kind has a list");
            for (field_key, names) in fields {
                let Some(i) = kind.field_index(&field_key) else {
                    let valid: Vec<_> = kind.fields().iter().map(|f| f.id).collect();
                    bail!(
                        "template {name}: unknown key `aliases.{kind_key}.{field_key}` (fields: {})",
                        valid.join(", ")
                    );
                };
                for n in names {
                    let key = header_key(&n);
                    if !key.is_empty() && !lists[i].contains(&key) {
                        lists[i].push(key);
                    }
                }
            }
        }
        Ok(())
    }

    fn apply_synonyms(&mut self, name: &str, synonyms: NestedLists) -> Result<()> {
        for (dim_key, labels) in synonyms {
            let Some(dim) = Dimension::from_key(&dim_key) else {
                let valid: Vec<_> = Dimension::ALL.iter().map(|d| d.key()).collect();
                bail!(
                    "template {name}: unknown key `synonyms.{dim_key}` (dimensions: {})",
                    valid.join(", ")
                );
            };
            let map = self
                .synonyms
                .get_mut(&dim)
                .expect("every dimension has a map");
            for (label, spellings) in labels {
                let Some(canon) = dim.labels().iter().find(|l| l.zh == label) else {
                    let valid: Vec<_> = dim.labels().iter().map(|l| l.zh).collect();
                    bail!(
                        "template {name}: unknown key `synonyms.{dim_key}.{label}` (labels: {})",
                        valid.join(", ")
                    );
                };
                for s in spellings {
                    let key = value_key(&s);
                    match map.get(&key) {
                        Some(existing) if *existing != canon.zh => bail!(
                            "template {name}: `{s}` in synonyms.{dim_key} maps to both {existing} and {}",
                            canon.zh
                        ),
                        _ => {
                            map.insert(key, canon.zh);
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// A header that names two fields of one kind would make matching depend on order.
    fn check_ambiguity(&self) -> Result<()> {
        for kind in Kind::ALL {
            let lists = &self.aliases[&kind];
            let mut seen: HashMap<&str, usize> = HashMap::new();
            for (i, keys) in lists.iter().enumerate() {
                for k in keys {
                    if let Some(&j) = seen.get(k.as_str())
                        && j != i
                    {
                        bail!(
                            "template: header `{k}` is an alias of both {}.{} and {}.{}",
                            kind.key(),
                            kind.fields()[j].id,
                            kind.key(),
                            kind.fields()[i].id
                        );
                    }
                    seen.insert(k, i);
                }
            }
        }
        Ok(())
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

    /// Whether the text of a row's first non-blank cell marks a total/footer row.
    pub fn is_footer(&self, first_cell: &str) -> bool {
        let t = first_cell.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
        let Some(c) = t.chars().next() else {
            return false;
        };
        // Cheap test first: most rows start with nothing a marker starts with.
        let c = c.to_ascii_lowercase();
        if !self.footer_markers.iter().any(|m| m.starts_with(c)) {
            return false;
        }
        let key = value_key(t);
        self.footer_markers
            .iter()
            .any(|m| key.starts_with(m.as_str()))
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

    /// Whether a brand is one of the company's own.
    pub fn is_own_brand(&self, brand: &str) -> bool {
        let key = value_key(brand);
        self.own_brands.iter().any(|b| value_key(b) == key)
    }
}

#[cfg(test)]
mod tests;

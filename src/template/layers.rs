//! Laying one template file over the template built so far: settings replace, lists of
//! aliases, synonyms and footer markers extend, every key checked.

use std::collections::HashMap;

use super::file::{NestedLists, TemplateFile};
use super::{Template, unknown};
use crate::messages::TemplateProblem;
use crate::schema::Kind;
use crate::taxonomy::Dimension;
use crate::text::{header_key, value_key};

impl Template {
    pub(super) fn apply(&mut self, file: TemplateFile) -> Result<(), TemplateProblem> {
        if let Some(brands) = &file.own_brands {
            self.own_brands = brands.iter().map(|b| b.trim().to_string()).collect();
        }
        if let Some(rows) = file.header_search_rows {
            if rows == 0 {
                return Err(TemplateProblem::HeaderSearchRows);
            }
            self.header_search_rows = rows;
        }
        if let Some(markers) = &file.footer_markers {
            self.footer_markers
                .extend(markers.iter().map(|m| value_key(m)));
        }
        if let Some(markers) = &file.subtotal_markers {
            self.subtotal_markers
                .extend(markers.iter().map(|m| value_key(m)));
        }
        if let Some(l) = &file.limits {
            let lim = &mut self.limits;
            lim.max_cells = l.max_cells.unwrap_or(lim.max_cells);
            lim.max_columns = l.max_columns.unwrap_or(lim.max_columns);
            lim.max_part_bytes = l.max_part_bytes.unwrap_or(lim.max_part_bytes);
            lim.max_csv_bytes = l.max_csv_bytes.unwrap_or(lim.max_csv_bytes);
        }
        if let Some(aliases) = file.aliases.clone() {
            self.apply_aliases(aliases)?;
        }
        if let Some(synonyms) = file.synonyms.clone() {
            self.apply_synonyms(synonyms)?;
        }
        for (species, range) in file.fcr_range.clone().unwrap_or_default() {
            let [lo, hi] = range[..] else {
                return Err(TemplateProblem::FcrRangeShape { species });
            };
            if !(lo > 0.0 && lo < hi) {
                return Err(TemplateProblem::FcrRangeOrder { species });
            }
            let key = value_key(&species);
            self.fcr_ranges.retain(|(k, _, _)| *k != key);
            self.fcr_ranges.push((key, lo, hi));
        }
        for species in file.aquatic_species.iter().flatten() {
            let key = value_key(species);
            if !key.is_empty() && !self.aquatic.contains(&key) {
                self.aquatic.push(key);
            }
        }
        self.apply_settings(&file);
        Ok(())
    }

    /// The people's markets and the settings of the rules: trips, feedback, demonstration
    /// farms, the forecast and the warnings.
    fn apply_settings(&mut self, file: &TemplateFile) {
        if let Some(approvers) = &file.gm_approvers {
            self.gm_approvers = approvers
                .iter()
                .map(|a| value_key(a))
                .filter(|a| !a.is_empty())
                .collect();
        }
        if let Some(days) = file.assist_reply_days {
            self.assist_reply_days = days;
        }
        for (person, regions) in file.markets.iter().flatten() {
            let regions: Vec<String> = regions
                .iter()
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty())
                .collect();
            self.markets.insert(value_key(person), regions);
        }
        if let Some(days) = file.demo_visit_days {
            self.demo_visit_days = days;
        }
        if let Some(n) = file.forecast_min_points {
            self.forecast.min_points = n;
        }
        if let Some(n) = file.forecast_backtest {
            self.forecast.backtest = n;
        }
        if let Some(w) = &file.warnings {
            let t = &mut self.warnings;
            t.cluster_days = w.cluster_days.unwrap_or(t.cluster_days);
            t.cluster_min = w.cluster_min.unwrap_or(t.cluster_min);
            t.baseline_periods = w.baseline_periods.unwrap_or(t.baseline_periods);
            t.surge_sd = w.surge_sd.unwrap_or(t.surge_sd);
            t.surge_min_excess = w.surge_min_excess.unwrap_or(t.surge_min_excess);
            t.price_pct = w.price_pct.unwrap_or(t.price_pct);
        }
    }

    fn apply_aliases(&mut self, aliases: NestedLists) -> Result<(), TemplateProblem> {
        for (kind_key, fields) in aliases {
            let Some(kind) = Kind::from_key(&kind_key) else {
                return Err(unknown(
                    format!("aliases.{kind_key}"),
                    Kind::ALL.iter().map(|k| k.key()),
                ));
            };
            let lists = self.aliases.get_mut(&kind).expect("every kind has a list");
            for (field_key, names) in fields {
                let Some(i) = kind.field_index(&field_key) else {
                    return Err(unknown(
                        format!("aliases.{kind_key}.{field_key}"),
                        kind.fields().iter().map(|f| f.id),
                    ));
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

    fn apply_synonyms(&mut self, synonyms: NestedLists) -> Result<(), TemplateProblem> {
        for (dim_key, labels) in synonyms {
            let Some(dim) = Dimension::from_key(&dim_key) else {
                return Err(unknown(
                    format!("synonyms.{dim_key}"),
                    Dimension::ALL.iter().map(|d| d.key()),
                ));
            };
            let map = self
                .synonyms
                .get_mut(&dim)
                .expect("every dimension has a map");
            for (label, spellings) in labels {
                let canon = match dim.labels().iter().find(|l| l.zh == label) {
                    Some(l) => l.zh,
                    // An open vocabulary takes new labels (a disease the built-in list lacks);
                    // a template is read once per run, so its labels live as long as the run.
                    None if dim.is_open() => {
                        let label: &'static str = Box::leak(label.clone().into_boxed_str());
                        map.insert(value_key(label), label);
                        label
                    }
                    None => {
                        return Err(unknown(
                            format!("synonyms.{dim_key}.{label}"),
                            dim.labels().iter().map(|l| l.zh),
                        ));
                    }
                };
                for s in spellings {
                    let key = value_key(&s);
                    match map.get(&key) {
                        Some(existing) if *existing != canon => {
                            return Err(TemplateProblem::SynonymTwice {
                                spelling: s,
                                dimension: dim_key.clone(),
                                first: existing.to_string(),
                                second: canon.to_string(),
                            });
                        }
                        _ => {
                            map.insert(key, canon);
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// A header that names two fields of one kind would make matching depend on order.
    pub(super) fn check_ambiguity(&self) -> Result<(), TemplateProblem> {
        for kind in Kind::ALL {
            let lists = &self.aliases[&kind];
            let mut seen: HashMap<&str, usize> = HashMap::new();
            for (i, keys) in lists.iter().enumerate() {
                for k in keys {
                    if let Some(&j) = seen.get(k.as_str())
                        && j != i
                    {
                        return Err(TemplateProblem::AliasTwice {
                            header: k.clone(),
                            first: format!("{}.{}", kind.key(), kind.fields()[j].id),
                            second: format!("{}.{}", kind.key(), kind.fields()[i].id),
                        });
                    }
                    seen.insert(k, i);
                }
            }
        }
        Ok(())
    }
}

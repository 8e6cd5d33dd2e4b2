//! What can be wrong with a template — as data, worded in Chinese and English here, once.

use super::pick;
use crate::lang::Lang;

/// Why a template is not valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateProblem {
    CannotRead(String),
    /// The TOML parser's reason (it names the key and the line).
    Toml(String),
    /// A key the template does not have, with the valid ones.
    UnknownKey {
        key: String,
        valid: Vec<String>,
    },
    HeaderSearchRows,
    FcrRangeShape {
        species: String,
    },
    FcrRangeOrder {
        species: String,
    },
    /// One spelling mapped to two labels.
    SynonymTwice {
        spelling: String,
        dimension: String,
        first: String,
        second: String,
    },
    /// One header naming two fields of a kind.
    AliasTwice {
        header: String,
        first: String,
        second: String,
    },
    /// Settings out of their range, each as `key ≥ least`.
    BadSettings(Vec<String>),
}

impl TemplateProblem {
    /// The problem in `lang`, for the template named `name`.
    pub fn text(&self, name: &str, lang: Lang) -> String {
        use TemplateProblem as P;
        let detail = match self {
            P::CannotRead(e) => pick(
                lang,
                format!("无法读取:{e}"),
                format!("cannot read it: {e}"),
            ),
            // toml's own words; a name in Chinese written as a bare key is the usual slip.
            P::Toml(e) if e.contains("invalid unquoted key") => pick(
                lang,
                format!("{e}\n中文等非英文字母的键要加英文双引号,例如 \"张伟\" = [\"东湖区\"]"),
                format!("{e}\na key in Chinese needs double quotes, e.g. \"张伟\" = [\"东湖区\"]"),
            ),
            P::Toml(e) => e.clone(),
            P::UnknownKey { key, valid } => pick(
                lang,
                format!("未知的键 `{key}`(可用:{})", valid.join(", ")),
                format!("unknown key `{key}` (valid: {})", valid.join(", ")),
            ),
            P::HeaderSearchRows => pick(
                lang,
                "header_search_rows 至少为 1".into(),
                "header_search_rows must be at least 1".into(),
            ),
            P::FcrRangeShape { species } => pick(
                lang,
                format!("fcr_range.{species} 应写成 [下限, 上限]"),
                format!("fcr_range.{species} must be [low, high]"),
            ),
            P::FcrRangeOrder { species } => pick(
                lang,
                format!("fcr_range.{species} 须满足 0 < 下限 < 上限"),
                format!("fcr_range.{species} must have 0 < low < high"),
            ),
            P::SynonymTwice {
                spelling,
                dimension,
                first,
                second,
            } => pick(
                lang,
                format!("synonyms.{dimension} 中的 `{spelling}` 同时对应 {first} 和 {second}"),
                format!("`{spelling}` in synonyms.{dimension} maps to both {first} and {second}"),
            ),
            P::AliasTwice {
                header,
                first,
                second,
            } => pick(
                lang,
                format!("表头 `{header}` 同时是 {first} 和 {second} 的别名"),
                format!("header `{header}` is an alias of both {first} and {second}"),
            ),
            P::BadSettings(settings) => pick(
                lang,
                format!("这些设置超出范围,应为:{}", settings.join(", ")),
                format!(
                    "settings out of range, they must be: {}",
                    settings.join(", ")
                ),
            ),
        };
        pick(
            lang,
            format!("模板 {name}:{detail}"),
            format!("template {name}: {detail}"),
        )
    }
}

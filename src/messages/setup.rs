//! What `template`, `sample` and the chart font say.

use std::fmt::Display;

use super::pick;
use crate::lang::Lang;

/// What `template`, `sample` and the chart font say.
#[derive(Clone, Copy)]
pub enum Setup<'a> {
    AlreadyExists {
        path: &'a dyn Display,
    },
    TemplateWritten {
        path: &'a dyn Display,
    },
    FontUnreadable {
        path: &'a dyn Display,
        error: &'a str,
    },
    NotAFont {
        path: &'a dyn Display,
    },
    FontDamaged,
}

impl Setup<'_> {
    /// The sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Setup as M;

        match self {
            M::AlreadyExists { path } => pick(
                lang,
                format!("{path} 已存在;请换一个名字,或先删除它"),
                format!("{path} already exists; choose another name or delete it first"),
            ),
            M::TemplateWritten { path } => pick(
                lang,
                format!("已写出 {path} — 编辑后用 --template {path} 传入"),
                format!("wrote {path} — edit it, then pass it with --template {path}"),
            ),
            M::FontUnreadable { path, error } => pick(
                lang,
                format!("无法读取字体 {path}:{error}"),
                format!("cannot read font {path}: {error}"),
            ),
            M::NotAFont { path } => pick(
                lang,
                format!(
                    "{path} 不是 TrueType/OpenType 字体(不支持 .ttc 字体集,请先提取其中一个字体)"
                ),
                format!(
                    "{path} is not a TrueType/OpenType font (a .ttc collection is not supported; extract one face)"
                ),
            ),
            M::FontDamaged => pick(
                lang,
                "内置图表字体已损坏".into(),
                "the embedded chart font is damaged".into(),
            ),
        }
    }
}

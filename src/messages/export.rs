//! What `export` says: the registers written and how many records each holds.

use std::fmt::Display;

use super::pick;
use crate::lang::Lang;

/// What `export` says.
#[derive(Clone, Copy)]
pub enum Export<'a> {
    /// Before the list of registers.
    Heading,
    /// One register: its name and its records.
    Register { name: &'a str, records: usize },
    /// The folder the files went to.
    Wrote { count: usize, dir: &'a dyn Display },
}

impl Export<'_> {
    /// The sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Export::Heading => pick(
                lang,
                "台账(所有输入中规范化、去重后的记录,不分期间):".into(),
                "Registers (every input's normalised, de-duplicated records, any period):".into(),
            ),
            Export::Register { name, records } => pick(
                lang,
                format!("  {name}:{records} 条"),
                format!("  {name}: {records} record(s)"),
            ),
            Export::Wrote { count, dir } => pick(
                lang,
                format!("已写出 {count} 个文件到 {dir}"),
                format!("Wrote {count} file(s) in {dir}"),
            ),
        }
    }
}

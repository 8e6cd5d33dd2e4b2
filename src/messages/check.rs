//! How `check` describes one sheet.

use super::pick;
use crate::lang::Lang;

/// How `check` describes one sheet.
#[derive(Clone, Copy)]
pub enum Check<'a> {
    SheetKind {
        code: &'a str,
        zh: &'a str,
        en: &'a str,
    },
    HeaderRow {
        row: u32,
    },
    HeaderRows {
        first: u32,
        last: u32,
    },
    /// Other kinds the header qualified for.
    AlsoQualified {
        kinds: &'a str,
    },
    Columns {
        list: &'a str,
    },
    Ignored {
        list: &'a str,
    },
    MergedFilled {
        cells: u64,
    },
    Note {
        note: &'a str,
    },
    RowsUsed {
        read: u64,
        used: u64,
        skipped: u64,
        rejected: u64,
    },
    RowsSkipped {
        read: u64,
        skipped: u64,
    },
    NotADataSheet,
    EmptySheet,
}

impl Check<'_> {
    /// The sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Check as M;
        let s = |zh: &str, en: &str| pick(lang, zh.to_string(), en.to_string());
        match self {
            M::SheetKind { code, zh, en } => pick(
                lang,
                format!("类型:{code} {zh}"),
                format!("kind:    {code} {zh} ({en})"),
            ),
            M::HeaderRow { row } => pick(
                lang,
                format!("表头:第 {row} 行"),
                format!("header:  row {row}"),
            ),
            M::HeaderRows { first, last } => pick(
                lang,
                format!("表头:第 {first}–{last} 行(两行表头)"),
                format!("header:  rows {first}–{last} (two-row header)"),
            ),
            M::AlsoQualified { kinds } => pick(
                lang,
                format!("也符合:{kinds}(按能对上列数更多的类型识别)"),
                format!("also:    {kinds} (the kind matching more columns wins)"),
            ),
            M::Columns { list } => pick(lang, format!("列:{list}"), format!("columns: {list}")),
            M::Ignored { list } => {
                pick(lang, format!("忽略的列:{list}"), format!("ignored: {list}"))
            }
            M::MergedFilled { cells } => pick(
                lang,
                format!("合并单元格:{cells} 格取了合并在其上的单元格的值"),
                format!("merged:  {cells} cells took the value of a cell merged down over them"),
            ),
            M::Note { note } => pick(lang, format!("备注:{note}"), format!("note:    {note}")),
            M::RowsUsed {
                read,
                used,
                skipped,
                rejected,
            } => pick(
                lang,
                format!("行:读取 {read} = 使用 {used} + 跳过 {skipped} + 拒收 {rejected}"),
                format!(
                    "rows:    read {read} = used {used} + skipped {skipped} + rejected {rejected}"
                ),
            ),
            M::RowsSkipped { read, skipped } => pick(
                lang,
                format!("行:读取 {read} = 跳过 {skipped}"),
                format!("rows:    read {read} = skipped {skipped}"),
            ),
            M::NotADataSheet => s(
                "不是数据表(说明或备注页),已跳过",
                "not a data sheet (instructions or notes), skipped",
            ),
            M::EmptySheet => s("空工作表,已跳过", "empty sheet, skipped"),
        }
    }
}

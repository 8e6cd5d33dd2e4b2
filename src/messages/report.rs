//! What `report` says at its end: the data problems and where the outputs went.

use std::fmt::Display;

use super::pick;
use crate::lang::Lang;

/// What `report` says at its end: the data problems and where the outputs went.
#[derive(Clone, Copy)]
pub enum Report<'a> {
    /// The data problems of a report, before the groups.
    ReportProblems {
        listed: usize,
        rejected: usize,
    },
    /// Routine skips a report does not list one by one.
    RoutineSkips {
        rows: usize,
    },
    NoProblems,
    FullListInWorkbook,
    /// How many warnings of each kind (label, count) the report holds; none: 无预警.
    Warnings {
        total: usize,
        kinds: &'a [(&'a str, usize)],
    },
    Wrote {
        path: &'a dyn Display,
    },
    WroteCharts {
        count: usize,
        dir: &'a dyn Display,
    },
    OutputIsInput {
        path: &'a dyn Display,
    },
    /// An output could not be written: where, and why (in the clerk's words where known).
    WriteFailed {
        path: &'a dyn Display,
        error: &'a std::io::Error,
    },
}

/// Why a file could not be written, in `lang`; the system's own words when unusual.
fn write_reason(error: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let (zh, en) = match error.kind() {
        K::StorageFull => ("磁盘已满", "the disk is full"),
        K::PermissionDenied => ("没有写入权限", "permission denied"),
        K::ReadOnlyFilesystem => (
            "所在磁盘或文件夹是只读的",
            "the disk or folder is read-only",
        ),
        K::NotADirectory | K::AlreadyExists => (
            "路径中有同名的文件,不是文件夹",
            "a file stands where a folder is needed",
        ),
        _ => return error.to_string(),
    };
    pick(lang, zh.to_string(), en.to_string())
}

impl Report<'_> {
    /// The sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Report as M;
        let s = |zh: &str, en: &str| pick(lang, zh.to_string(), en.to_string());
        match self {
            M::ReportProblems { listed, rejected } => pick(
                lang,
                format!("数据问题 {listed} 条(其中拒收 {rejected} 行),按工作表和原因归类:"),
                format!(
                    "{listed} data problem(s) ({rejected} row(s) rejected), by sheet and reason:"
                ),
            ),
            M::RoutineSkips { rows } => pick(
                lang,
                format!("另有 {rows} 处空行、合计/页脚行、重复表头或重复导出的行,按惯例跳过。"),
                format!(
                    "Besides, {rows} blank, total/footer, repeated-header or duplicate row(s) were skipped as usual."
                ),
            ),
            M::NoProblems => s("没有数据问题。", "No data problems."),
            M::FullListInWorkbook => s(
                "完整清单见工作簿的“数据问题”表。",
                "The full list is on the workbook's Data problems sheet.",
            ),
            M::Warnings { total: 0, .. } => s("无预警。", "No warnings."),
            M::Warnings { total, kinds } => {
                let parts: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
                pick(
                    lang,
                    format!(
                        "预警 {total} 条({}),见 brief.html 第一节和“概览”表。",
                        parts.join("、")
                    ),
                    format!(
                        "{total} warning(s) ({}): see the top of brief.html and the Overview sheet.",
                        parts.join(", ")
                    ),
                )
            }
            M::Wrote { path } => pick(lang, format!("已写出 {path}"), format!("Wrote {path}")),
            M::WroteCharts { count, dir } => pick(
                lang,
                format!("已写出 {count} 张图表(PNG 和 SVG)到 {dir}"),
                format!("Wrote {count} chart(s) as PNG and SVG in {dir}"),
            ),
            M::OutputIsInput { path } => pick(
                lang,
                format!("{path} 是输入文件之一;请另选 --out 文件夹"),
                format!("{path} is one of the inputs; choose another --out folder"),
            ),
            M::WriteFailed { path, error } => pick(
                lang,
                format!(
                    "无法写入 {path}:{};之前的输出保持不变",
                    write_reason(error, lang)
                ),
                format!(
                    "cannot write {path}: {}; the earlier outputs are as they were",
                    write_reason(error, lang)
                ),
            ),
        }
    }
}

//! The reconciliation table, the problem groups and the verdict every command prints.

use super::pick;
use crate::lang::Lang;

/// The reconciliation table, the problem groups and the verdict every command prints.
#[derive(Clone, Copy)]
pub enum Listing<'a> {
    ReconciliationHeading,
    SheetColumn,
    KindColumn,
    ReadColumn,
    UsedColumn,
    SkippedColumn,
    RejectedColumn,
    Total,
    /// One group of problems: where, which column, why, what was done, how many.
    Group {
        location: &'a str,
        column: Option<&'a str>,
        reason: &'a str,
        action: &'a str,
        count: usize,
    },
    /// One example of a group: the row and the raw value.
    Example {
        row: Option<u32>,
        raw: &'a str,
    },
    FullListWithAll,
    PassedOver,
    SkippedRowsHeading {
        count: usize,
    },
    ProblemsHeading {
        count: usize,
    },
    UnreadableHeading {
        count: usize,
    },
    Clean,
    ProblemsFound {
        count: usize,
    },
}

impl Listing<'_> {
    /// The sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Listing as M;
        let s = |zh: &str, en: &str| pick(lang, zh.to_string(), en.to_string());
        match self {
            M::ReconciliationHeading => s(
                "数据核对(读取行数 = 使用 + 跳过 + 拒收)",
                "Reconciliation (rows read = used + skipped + rejected)",
            ),
            M::SheetColumn => s("工作表", "sheet"),
            M::KindColumn => s("类型", "kind"),
            M::ReadColumn => s("读取", "read"),
            M::UsedColumn => s("使用", "used"),
            M::SkippedColumn => s("跳过", "skipped"),
            M::RejectedColumn => s("拒收", "rejected"),
            M::Total => s("合计", "total"),
            M::Group {
                location,
                column,
                reason,
                action,
                count,
            } => {
                let column = column.map(|c| format!(" · {c}")).unwrap_or_default();
                pick(
                    lang,
                    format!("{location}{column}:{reason} [{action}] {count} 处"),
                    format!("{location}{column}: {reason} [{action}] × {count}"),
                )
            }
            M::Example { row, raw } => {
                let raw = if raw.is_empty() {
                    String::new()
                } else {
                    format!(" \"{raw}\"")
                };
                match row {
                    Some(r) => pick(lang, format!("第 {r} 行{raw}"), format!("row {r}{raw}")),
                    None => raw.trim().to_string(),
                }
            }
            M::FullListWithAll => s(
                "每一条见 `tsreport check --all`。",
                "Every line: `tsreport check --all`.",
            ),
            M::PassedOver => s(
                "不是输入(不是电子表格,或是 tsreport 写出的文件),已略过:",
                "Not inputs (not spreadsheets, or files tsreport wrote), passed over:",
            ),
            M::SkippedRowsHeading { count } => pick(
                lang,
                format!("按惯例跳过的行({count} 处):空行、合计/页脚行、重复表头、重复导出"),
                format!(
                    "Skipped rows ({count}): blank, total/footer, repeated header, identical duplicate"
                ),
            ),
            M::ProblemsHeading { count } => pick(
                lang,
                format!("数据问题({count} 处)"),
                format!("Data problems ({count})"),
            ),
            M::UnreadableHeading { count } => pick(
                lang,
                format!("无法读取的文件({count} 个)"),
                format!("Files that could not be read ({count})"),
            ),
            M::Clean => s(
                "数据干净:每一行都有着落,没有发现问题。",
                "Clean: every row is accounted for and no problems were found.",
            ),
            M::ProblemsFound { count } => pick(
                lang,
                format!("发现 {count} 个问题。"),
                format!("{count} problem(s) found."),
            ),
        }
    }
}

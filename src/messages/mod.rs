//! Every sentence tsreport prints on the console — summaries, headings, the reconciliation,
//! problems, errors — in Chinese (the default) and English (`--lang en`), side by side in one
//! table. A row problem's own wording lives with it in `issues.rs`; what can be wrong with a
//! file, a sheet or a template is in [`problems`].

mod problems;

use std::fmt::Display;

pub use problems::{FileProblem, SheetProblem, TemplateProblem};

use crate::lang::Lang;

/// What `report` and `review` say.
#[derive(Clone, Copy)]
pub enum Report<'a> {
    /// The period the user asked for.
    PeriodAsked {
        label: &'a str,
        start: &'a dyn Display,
        end: &'a dyn Display,
    },
    /// The period chosen by default.
    PeriodChosen {
        label: &'a str,
        start: &'a dyn Display,
        end: &'a dyn Display,
    },
    InvalidPeriod {
        text: &'a str,
    },
    /// The progress bar's text (indicatif's placeholders kept).
    Reading,
    ReadFiles {
        files: usize,
        sheets: usize,
    },
    NoUsableRecords,
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
    Wrote {
        path: &'a dyn Display,
    },
    WroteCharts {
        count: usize,
        dir: &'a dyn Display,
    },
    StrictRejected {
        rows: usize,
    },
    OutputIsInput {
        path: &'a dyn Display,
    },
    CannotWrite {
        path: &'a dyn Display,
    },
    Computing,
    NoTechnician {
        name: &'a str,
        names: &'a str,
    },
    NobodyInPeriod {
        period: &'a str,
    },
}

/// What `check` says, and the tables and problem groups every command prints.
#[derive(Clone, Copy)]
pub enum Check<'a> {
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
    Total,
    RejectedColumn,
    SkippedColumn,
    UsedColumn,
    ReadColumn,
    KindColumn,
    SheetColumn,
    ReconciliationHeading,
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
    Columns {
        list: &'a str,
    },
    Ignored {
        list: &'a str,
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

fn pick(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

impl Report<'_> {
    /// The sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Report as M;
        let s = |zh: &str, en: &str| pick(lang, zh.to_string(), en.to_string());
        match self {
            M::PeriodAsked { label, start, end } => pick(
                lang,
                format!("期间:{label}({start} 至 {end})"),
                format!("Period: {label} ({start} – {end})"),
            ),
            M::PeriodChosen { label, start, end } => pick(
                lang,
                format!(
                    "期间:{label}({start} 至 {end}),有记录的最近一个完整月份;如需其他期间,请用 --period"
                ),
                format!(
                    "Period: {label} ({start} – {end}), the latest complete month with records; choose another with --period"
                ),
            ),
            M::InvalidPeriod { text } => pick(
                lang,
                format!(
                    "无法识别的期间 \"{text}\";可用的写法:2026-10(月)、2026-Q3(季度)、2026-H1(半年)、2026(年)、2026-01-01..2026-03-15(日期范围)"
                ),
                format!(
                    "invalid period \"{text}\"; accepted forms: {}",
                    crate::period::FORMS
                ),
            ),
            M::Reading => s(
                "读取文件 {pos}/{len} {wide_bar} {elapsed}",
                "reading {pos}/{len} files {wide_bar} {elapsed}",
            ),
            M::ReadFiles { files, sheets } => pick(
                lang,
                format!("读取了 {files} 个文件、{sheets} 个工作表。"),
                format!("Read {files} file(s), {sheets} sheet(s)."),
            ),
            M::NoUsableRecords => s(
                "输入中没有可用的记录,无法出报表(用 `tsreport check` 检查原因)",
                "no usable records in the inputs; nothing to report (run `tsreport check` on them to see why)",
            ),
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
            M::Wrote { path } => pick(lang, format!("已写出 {path}"), format!("Wrote {path}")),
            M::WroteCharts { count, dir } => pick(
                lang,
                format!("已写出 {count} 张图表(PNG 和 SVG)到 {dir}"),
                format!("Wrote {count} chart(s) as PNG and SVG in {dir}"),
            ),
            M::StrictRejected { rows } => pick(
                lang,
                format!("--strict:有 {rows} 行被拒收"),
                format!("--strict: {rows} row(s) were rejected"),
            ),
            M::OutputIsInput { path } => pick(
                lang,
                format!("{path} 是输入文件之一;请另选 --out 文件夹"),
                format!("{path} is one of the inputs; choose another --out folder"),
            ),
            M::CannotWrite { path } => pick(
                lang,
                format!("无法写入 {path}"),
                format!("cannot write {path}"),
            ),
            M::Computing => s("统计计算出错", "computing the statistics"),
            M::NoTechnician { name, names } => pick(
                lang,
                format!("输入中没有名为 \"{name}\" 的技术员;现有的名字:{names}"),
                format!("no technician named \"{name}\" in the inputs; names found: {names}"),
            ),
            M::NobodyInPeriod { period } => pick(
                lang,
                format!("{period} 期间没有任何人的记录;请用 --period 另选期间"),
                format!("nobody has records in {period}; choose another --period"),
            ),
        }
    }
}

impl Check<'_> {
    /// The sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Check as M;
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
            M::Columns { list } => pick(lang, format!("列:{list}"), format!("columns: {list}")),
            M::Ignored { list } => {
                pick(lang, format!("忽略的列:{list}"), format!("ignored: {list}"))
            }
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
            M::PassedOver => s("不是电子表格,已略过:", "Not spreadsheets, passed over:"),
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

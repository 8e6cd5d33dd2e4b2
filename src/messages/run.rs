//! What `report` and `review` say while they run: the period, the reading, failures.

use std::fmt::Display;

use super::pick;
use crate::lang::Lang;

/// What `report` and `review` say while they run: the period, the reading, failures.
#[derive(Clone, Copy)]
pub enum Run<'a> {
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
    /// Records dated after today, left out of choosing the period.
    DatedAfterToday {
        records: usize,
        last: &'a dyn Display,
    },
    /// No record is dated within the period asked for.
    PeriodEmpty {
        label: &'a str,
        first: &'a dyn Display,
        last: &'a dyn Display,
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
    Computing,
    StrictRejected {
        rows: usize,
    },
    NoTechnician {
        name: &'a str,
        names: &'a str,
    },
    NobodyInPeriod {
        period: &'a str,
    },
}

impl Run<'_> {
    /// The sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Run as M;
        let s = |zh: &str, en: &str| pick(lang, zh.to_string(), en.to_string());
        match self {
            M::PeriodAsked { label, start, end } => pick(
                lang,
                format!("期间:{label}({start} 至 {end})"),
                format!("Period: {label} ({start} – {end})"),
            ),
            M::DatedAfterToday { records, last } => pick(
                lang,
                format!(
                    "{records} 条记录的日期晚于今天(最晚 {last}),选择期间时不计它们;请核对这些日期"
                ),
                format!(
                    "{records} record(s) are dated after today (the latest {last}) and were left out of choosing the period; check those dates"
                ),
            ),
            M::PeriodEmpty { label, first, last } => pick(
                lang,
                format!(
                    "期间 {label} 内没有任何记录(记录的日期从 {first} 到 {last}),报表中的数字都将为 0;请检查 --period"
                ),
                format!(
                    "no record is dated within {label} (records run from {first} to {last}): every figure of the report will be 0; check --period"
                ),
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
            M::Computing => s("统计计算出错", "computing the statistics"),
            M::StrictRejected { rows } => pick(
                lang,
                format!("--strict:有 {rows} 行被拒收"),
                format!("--strict: {rows} row(s) were rejected"),
            ),
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

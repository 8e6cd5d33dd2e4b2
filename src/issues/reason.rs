//! Why a row or value is on the data-problem list, and what was done with it: every row
//! problem's wording in Chinese and English, in one place.

use serde::Serialize;

use super::Unrecognised;
use crate::lang::Lang;
use crate::messages::SheetProblem;

/// What happened to the row or value a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Not used, and that is expected (blank, total/footer row, duplicate).
    Skipped,
    /// Not used because it could not be read (a required field missing or invalid).
    Rejected,
    /// Used, with the problem value counted as missing or `其他/未识别`.
    Kept,
}

impl Action {
    pub fn zh(self) -> &'static str {
        match self {
            Action::Skipped => "跳过",
            Action::Rejected => "拒收",
            Action::Kept => "保留",
        }
    }

    /// The action in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Action::Skipped => lang.pick("跳过", "skipped"),
            Action::Rejected => lang.pick("拒收", "rejected"),
            Action::Kept => lang.pick("保留", "kept"),
        }
    }

    /// The stable English key (`summary.json`).
    pub fn key(self) -> &'static str {
        match self {
            Action::Skipped => "skipped",
            Action::Rejected => "rejected",
            Action::Kept => "kept",
        }
    }
}

/// Why a row or value is listed. Each reason has its Chinese and English wording.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    BlankRow,
    /// A run of blank rows, from the row to this 1-based row.
    BlankRows(u32),
    FooterRow,
    RepeatedHeader,
    /// The title of a table stacked below another on the sheet, over its repeated header.
    TitleRow,
    MissingRequired,
    BadDate,
    DateOutOfRange,
    BadNumber,
    UnexpectedUnit(String),
    /// The column's header names a unit (`销量(公斤)`) that is not the field's (`expected`).
    HeaderUnit {
        unit: String,
        expected: &'static str,
    },
    ErrorCell,
    Unrecognised,
    DuplicateIdentical {
        id: String,
        kept_at: String,
    },
    DuplicateConflict {
        id: String,
        kept_at: String,
    },
    /// A record of a kind without an id found again, identical, in another file (an
    /// overlapping re-export, a copy of the file).
    DuplicateExport {
        kept_at: String,
    },
    DoneWithoutClosedDate,
    ClosedBeforeReceived,
    ReturnBeforeDepart,
    EndBeforeStart,
    /// A farm's commercial and self-mixed tonnes differ from its total by more than 5%.
    UsageMismatch {
        parts: f64,
    },
    /// An assistance request whose 投诉编号 matches no complaint.
    UnlinkedRequest,
    /// A trip that overlaps another trip of the same technician.
    OverlappingTrip {
        other_row: u32,
    },
    /// A complaint site visit whose 投诉编号 is blank or matches no complaint.
    UnlinkedVisit,
    /// A feeding batch that gained no weight: left out of the FCR statistics.
    NoGain,
    /// A feeding batch whose FCR is outside the template's range for its species.
    ImplausibleFcr {
        species: String,
        lo: f64,
        hi: f64,
    },
    UnrecognisedSheet(Unrecognised),
    /// A sheet holding no table (instructions, notes): skipped, as expected.
    NotADataSheet,
    /// A sheet with nothing in it.
    EmptySheet,
    /// A chart sheet: a chart, no cells.
    ChartSheet,
    /// A hidden sheet whose header is no kind's: the lists behind a register's drop-downs
    /// and the like.
    HiddenNotData,
    SheetError(SheetProblem),
}

impl Reason {
    pub fn zh(&self) -> String {
        match self {
            Reason::BlankRow => "空行".into(),
            Reason::BlankRows(last) => format!("空行(连续至第 {last} 行)"),
            Reason::FooterRow => "合计/页脚行".into(),
            Reason::RepeatedHeader => "重复的表头行".into(),
            Reason::TitleRow => "标题行(其下的表头重复)".into(),
            Reason::MissingRequired => "必填字段为空".into(),
            Reason::BadDate => "无法识别的日期".into(),
            Reason::DateOutOfRange => "日期超出合理范围(1990–2100)".into(),
            Reason::BadNumber => "无法识别的数字".into(),
            Reason::UnexpectedUnit(u) => format!("单位“{u}”与该字段不符"),
            Reason::HeaderUnit { unit, expected } => {
                format!(
                    "表头注明的单位“{unit}”与该字段不符(应为“{expected}”):请换算成“{expected}”并改写表头"
                )
            }
            Reason::ErrorCell => "Excel 错误值,按缺失处理".into(),
            Reason::Unrecognised => "未识别的取值,计入“其他/未识别”".into(),
            Reason::DuplicateIdentical { id, kept_at } => {
                format!("投诉编号 {id} 重复(内容相同),保留 {kept_at}")
            }
            Reason::DuplicateConflict { id, kept_at } => {
                format!("投诉编号 {id} 重复且内容不同,以最后修改的文件为准,保留 {kept_at}")
            }
            Reason::DuplicateExport { kept_at } => {
                format!("与另一文件中的记录完全相同(重复导出),保留 {kept_at}")
            }
            Reason::DoneWithoutClosedDate => "状态为完成但没有结案日期".into(),
            Reason::ClosedBeforeReceived => "结案日期早于受理日期".into(),
            Reason::ReturnBeforeDepart => "返回日期早于出发日期".into(),
            Reason::EndBeforeStart => "出栏日期早于入栏日期".into(),
            Reason::UsageMismatch { parts } => format!(
                "用量不一致:商品饲料与自配料合计 {} 吨,与饲料总用量相差超过 5%,以总用量为准",
                crate::ingest::cell::format_number(*parts)
            ),
            Reason::UnlinkedRequest => "协查申请的投诉编号不在客诉登记中".into(),
            Reason::OverlappingTrip { other_row } => {
                format!("与同一技术员第 {other_row} 行的出差日期重叠,重叠的天数只计一次")
            }
            Reason::UnlinkedVisit => "现场访问的投诉编号为空或不在客诉登记中".into(),
            Reason::NoGain => "出栏重量不大于入栏重量(增重 ≤ 0),不计入料肉比统计".into(),
            Reason::ImplausibleFcr { species, lo, hi } => {
                format!("料肉比超出{species}的合理范围 {lo}–{hi},不计入料肉比统计")
            }
            Reason::UnrecognisedSheet(u) => match &u.closest {
                Some((kind, missing)) => format!(
                    "无法识别的工作表:最接近 {} {},但缺少必需列 {}(表头在前 {} 个非空行中查找)",
                    kind.code(),
                    kind.zh(),
                    missing.join("、"),
                    u.searched_rows
                ),
                None => format!(
                    "无法识别的工作表:前 {} 个非空行中没有任何已知类型的表头",
                    u.searched_rows
                ),
            },
            Reason::NotADataSheet => "不是数据表(说明或备注页),已跳过".into(),
            Reason::EmptySheet => "空工作表,已跳过".into(),
            Reason::ChartSheet => "图表页(只有图表,没有表格),已跳过".into(),
            Reason::HiddenNotData => "隐藏的工作表,不是可识别的数据表(下拉选项之类),已跳过".into(),
            Reason::SheetError(s) => s.text(Lang::Zh),
        }
    }

    pub fn en(&self) -> String {
        match self {
            Reason::BlankRow => "blank row".into(),
            Reason::BlankRows(last) => format!("blank rows (through row {last})"),
            Reason::FooterRow => "total/footer row".into(),
            Reason::RepeatedHeader => "repeated header row".into(),
            Reason::TitleRow => "title row (over a repeated header)".into(),
            Reason::MissingRequired => "required field is blank".into(),
            Reason::BadDate => "not a date".into(),
            Reason::DateOutOfRange => "date outside 1990–2100".into(),
            Reason::BadNumber => "not a number".into(),
            Reason::UnexpectedUnit(u) => format!("unit \"{u}\" does not fit this field"),
            Reason::HeaderUnit { unit, expected } => format!(
                "the header's unit \"{unit}\" does not fit this field (it takes \"{expected}\"): convert the values to \"{expected}\" and change the header"
            ),
            Reason::ErrorCell => "Excel error value, counted as missing".into(),
            Reason::Unrecognised => "unrecognised value, counted as 其他/未识别".into(),
            Reason::DuplicateIdentical { id, kept_at } => {
                format!("complaint {id} exported twice (identical); kept {kept_at}")
            }
            Reason::DuplicateExport { kept_at } => {
                format!("the same record in another file (exported twice); kept {kept_at}")
            }
            Reason::DuplicateConflict { id, kept_at } => {
                format!(
                    "complaint {id} exported twice with different content; the file modified last wins: kept {kept_at}"
                )
            }
            Reason::DoneWithoutClosedDate => "status 完成 without 结案日期".into(),
            Reason::ClosedBeforeReceived => "closed before it was received".into(),
            Reason::ReturnBeforeDepart => "return date before departure date".into(),
            Reason::EndBeforeStart => "出栏日期 before 入栏日期".into(),
            Reason::UsageMismatch { parts } => format!(
                "usage mismatch: commercial and self-mixed feed add up to {} t, more than 5% from the total; the total is used",
                crate::ingest::cell::format_number(*parts)
            ),
            Reason::UnlinkedRequest => {
                "assistance request whose 投诉编号 matches no complaint".into()
            }
            Reason::OverlappingTrip { other_row } => format!(
                "overlaps the same technician's trip on row {other_row}; the shared days count once"
            ),
            Reason::UnlinkedVisit => {
                "site visit whose 投诉编号 is blank or matches no complaint".into()
            }
            Reason::NoGain => {
                "no weight gain (出栏重量 ≤ 入栏重量); left out of the FCR statistics".into()
            }
            Reason::ImplausibleFcr { species, lo, hi } => format!(
                "FCR outside the plausible range {lo}–{hi} for {species}; left out of the FCR statistics"
            ),
            Reason::UnrecognisedSheet(u) => match &u.closest {
                Some((kind, missing)) => format!(
                    "unrecognised sheet: closest to {} {} ({}), but the required column(s) {} are missing (header searched in the first {} non-blank rows)",
                    kind.code(),
                    kind.zh(),
                    kind.en(),
                    missing.join(", "),
                    u.searched_rows
                ),
                None => format!(
                    "unrecognised sheet: no header of any known kind in the first {} non-blank rows",
                    u.searched_rows
                ),
            },
            Reason::NotADataSheet => "not a data sheet (instructions or notes), skipped".into(),
            Reason::EmptySheet => "empty sheet, skipped".into(),
            Reason::ChartSheet => "chart sheet (a chart, no cells), skipped".into(),
            Reason::HiddenNotData => {
                "hidden sheet holding no recognisable table (drop-down lists and the like), skipped"
                    .into()
            }
            Reason::SheetError(s) => s.text(Lang::En),
        }
    }

    /// The reason in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.zh(),
            Lang::En => self.en(),
        }
    }

    /// The reason without what is particular to one row (an id, how many blank rows), so
    /// that rows with the same problem group under one line.
    pub fn summary(&self, lang: Lang) -> String {
        match self {
            Reason::BlankRows(_) => Reason::BlankRow.text(lang),
            Reason::DuplicateIdentical { .. } => lang
                .pick(
                    "投诉编号重复(内容相同)",
                    "complaint exported twice (identical)",
                )
                .into(),
            Reason::DuplicateExport { .. } => lang
                .pick(
                    "与另一文件中的记录完全相同(重复导出)",
                    "the same record in another file (exported twice)",
                )
                .into(),
            Reason::UsageMismatch { .. } => lang
                .pick(
                    "用量不一致:商品饲料与自配料合计与总用量相差超过 5%",
                    "usage mismatch: the parts differ from the total by more than 5%",
                )
                .into(),
            Reason::OverlappingTrip { .. } => lang
                .pick(
                    "与同一技术员的另一次出差重叠",
                    "overlaps another trip of the same technician",
                )
                .into(),
            Reason::DuplicateConflict { .. } => lang
                .pick(
                    "投诉编号重复且内容不同,以最后修改的文件为准",
                    "complaint exported twice with different content; the file modified last wins",
                )
                .into(),
            other => other.text(lang),
        }
    }

    /// Whether the reason is an expected part of a normal export (not a problem for `check`).
    pub fn is_routine(&self) -> bool {
        matches!(
            self,
            Reason::BlankRow
                | Reason::BlankRows(_)
                | Reason::FooterRow
                | Reason::RepeatedHeader
                | Reason::TitleRow
                | Reason::DuplicateIdentical { .. }
                | Reason::DuplicateExport { .. }
                | Reason::NotADataSheet
                | Reason::EmptySheet
                | Reason::ChartSheet
                | Reason::HiddenNotData
        )
    }
}

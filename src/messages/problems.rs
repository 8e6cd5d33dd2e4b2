//! What can be wrong with a whole file or a whole sheet — as data, worded in Chinese and
//! English here, once. (A template's problems are in `template_problems.rs`, a row's are
//! worded in `issues/reason.rs`.)

use super::pick;
use crate::lang::Lang;

/// Why a file could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    NotFound,
    /// Usually: the workbook is open in Excel.
    PermissionDenied,
    /// The operating system's reason.
    CannotOpen(String),
    CannotRead(String),
    CannotReadFolder(String),
    Empty,
    UnsupportedType,
    /// A spreadsheet in a format not read here (WPS's own, Excel's binary, Apple Numbers):
    /// saved again as `.xlsx`, it is.
    OtherSpreadsheet {
        ext: String,
    },
    /// An HTML page with a spreadsheet's extension.
    Html {
        ext: String,
    },
    /// Plain text with a workbook's extension.
    PlainText {
        ext: String,
    },
    NotSpreadsheet {
        ext: String,
    },
    Password,
    /// The zip container (xlsx, ods) cannot be read.
    Corrupt {
        ext: &'static str,
    },
    /// calamine's reason.
    Unreadable(String),
    /// A part read whole (the shared strings) decompressed past its declared size.
    LargerThanDeclared,
    /// The reader failed outright on the file's structure (a damaged file).
    ReaderFailed,
    PartTooLarge {
        part: String,
        size: u64,
        limit: u64,
    },
    CsvTooLarge {
        size: u64,
        limit: u64,
    },
    CsvBinary,
    /// An `.xls` sheet whose cells (or declared range) span more than the cell budget; the
    /// reader would have to allocate all of them at once.
    XlsSheetTooLarge {
        cells: u64,
        limit: u64,
    },
}

/// Why a sheet could not be read (the file's other sheets still are).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetProblem {
    /// The sheet's declared range is past the cell budget.
    RangeTooLarge {
        range: String,
        cells: u64,
        limit: u64,
    },
    /// A cell lies past the column budget.
    ColumnTooFar { cell: String, limit: u32 },
    /// The sheet's XML is damaged (calamine's reason).
    Corrupt(String),
    /// The sheet decompressed past the size its zip directory declares (a corrupt or
    /// crafted file); reading stopped there.
    LargerThanDeclared,
    /// calamine could not open the sheet.
    Unreadable(String),
    /// A CSV file's quoting is broken after a row.
    MalformedCsv { after_row: u32, detail: String },
    /// A bug: the reading thread failed.
    Internal,
    /// The file's reader failed outright while reading this sheet (a damaged file).
    ReaderFailed,
}

impl FileProblem {
    /// The problem in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use FileProblem as P;
        match self {
            P::NotFound => pick(lang, "找不到文件".into(), "file not found".into()),
            P::PermissionDenied => pick(
                lang,
                "无法打开文件:没有权限(是否正在 Excel 中打开?)".into(),
                "cannot open the file: permission denied (is it open in Excel?)".into(),
            ),
            P::CannotOpen(e) => pick(
                lang,
                format!("无法打开文件:{e}"),
                format!("cannot open the file: {e}"),
            ),
            P::CannotRead(e) => pick(
                lang,
                format!("无法读取文件:{e}"),
                format!("cannot read the file: {e}"),
            ),
            P::CannotReadFolder(e) => pick(
                lang,
                format!("无法读取文件夹:{e}"),
                format!("cannot read folder: {e}"),
            ),
            P::Empty => pick(
                lang,
                "文件是空的(0 字节)".into(),
                "the file is empty (0 bytes)".into(),
            ),
            P::Password => pick(
                lang,
                "工作簿设有密码;请另存一份不带密码的副本再试".into(),
                "the workbook is password-protected; save a copy without a password and try again"
                    .into(),
            ),
            P::Corrupt { ext } => pick(
                lang,
                format!("工作簿已损坏或不完整:无法读取 .{ext} 文件(请重新导出或重新保存)"),
                format!(
                    "corrupt or truncated workbook: the .{ext} container cannot be read (re-export or re-save the file)"
                ),
            ),
            P::Unreadable(e) => pick(
                lang,
                format!("无法读取工作簿:{e}"),
                format!("cannot read the workbook: {e}"),
            ),
            P::XlsSheetTooLarge { cells, limit } => pick(
                lang,
                format!(
                    "有一张工作表的范围达 {cells} 个单元格,超过上限 {limit}(.xls 最多 65536 行 × 256 列),文件可能已损坏;拒收(请在 Excel/WPS 中另存为 .xlsx 再试)"
                ),
                format!(
                    "a sheet spans {cells} cells, past the limit of {limit} (an .xls holds at most 65,536 rows × 256 columns); the file may be damaged and is refused (re-save it as .xlsx in Excel/WPS and try again)"
                ),
            ),
            P::ReaderFailed => pick(
                lang,
                "工作簿的结构已损坏,无法读取(请重新导出或用 Excel/WPS 另存一份)".into(),
                "the workbook's structure is damaged and cannot be read (export it again, or re-save it in Excel/WPS)".into(),
            ),
            P::LargerThanDeclared => pick(
                lang,
                "工作簿的某一部分解压后比压缩包目录中声明的大小更大(文件已损坏或被篡改),已停止读取;拒收".into(),
                "a part of the workbook decompresses to more than its zip directory declares (corrupt or crafted file); reading stopped, refused".into(),
            ),
            P::Html { .. }
            | P::PlainText { .. }
            | P::NotSpreadsheet { .. }
            | P::UnsupportedType
            | P::OtherSpreadsheet { .. }
            | P::CsvBinary
            | P::PartTooLarge { .. }
            | P::CsvTooLarge { .. } => self.content_text(lang),
        }
    }

    /// What is wrong with the file's content (its kind or its size).
    fn content_text(&self, lang: Lang) -> String {
        use FileProblem as P;
        match self {
            P::Html { ext } => pick(
                lang,
                format!(
                    "不是电子表格:这个 .{ext} 文件是网页(有些系统这样导出表格);请在 Excel 或 WPS 中打开并另存为 .xlsx"
                ),
                format!(
                    "not a spreadsheet: this .{ext} file is an HTML page (some systems export tables this way); open it in Excel or WPS and save it as .xlsx"
                ),
            ),
            P::PlainText { ext } => pick(
                lang,
                format!(
                    "不是电子表格:这个 .{ext} 文件是纯文本;如果是逗号或制表符分隔的,请把扩展名改为 .csv"
                ),
                format!(
                    "not a spreadsheet: this .{ext} file holds plain text; if it is comma- or tab-separated, rename it to .csv"
                ),
            ),
            P::NotSpreadsheet { ext } => pick(
                lang,
                format!("不是电子表格:这个 .{ext} 文件既不是 Excel 也不是 OpenDocument 工作簿"),
                format!(
                    "not a spreadsheet: this .{ext} file is neither an Excel nor an OpenDocument workbook"
                ),
            ),
            P::UnsupportedType => pick(
                lang,
                "不支持的文件类型(应为 .xlsx、.xlsm、.xls、.ods 或 .csv)".into(),
                "unsupported file type (expected .xlsx, .xlsm, .xls, .ods or .csv)".into(),
            ),
            P::OtherSpreadsheet { ext } => {
                let (zh, en) = match ext.as_str() {
                    "et" | "ett" => ("WPS 表格", "WPS Spreadsheets"),
                    "numbers" => ("Numbers", "Numbers"),
                    _ => ("Excel", "Excel"),
                };
                pick(
                    lang,
                    format!("读不了 .{ext} 格式的表格:请在 {zh} 中打开,另存为 .xlsx 后再运行"),
                    format!(
                        "a .{ext} spreadsheet cannot be read: open it in {en}, save it as .xlsx and run again"
                    ),
                )
            }
            P::CsvBinary => pick(
                lang,
                "不是 CSV 文件:其中含有二进制数据(是否是改错了扩展名的工作簿?)".into(),
                "not a CSV file: it holds binary data (is it a workbook with the wrong extension?)"
                    .into(),
            ),
            P::PartTooLarge { part, size, limit } => pick(
                lang,
                format!("其中的 {part} 解压后有 {size} 字节,超过上限 {limit} 字节;拒收"),
                format!(
                    "part {part} would decompress to {size} bytes, more than the limit of {limit} bytes; refused"
                ),
            ),
            P::CsvTooLarge { size, limit } => pick(
                lang,
                format!("文件有 {size} 字节,超过 CSV 文件的上限 {limit} 字节;拒收"),
                format!(
                    "the file has {size} bytes, more than the limit of {limit} bytes for a CSV file; refused"
                ),
            ),
            _ => unreachable!("worded in `text`"),
        }
    }
}

impl SheetProblem {
    /// The problem in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use SheetProblem as P;
        match self {
            P::RangeTooLarge {
                range,
                cells,
                limit,
            } => pick(
                lang,
                format!(
                    "工作表声明的范围是 {range}({cells} 个单元格),超过上限 {limit};拒收(按 Ctrl+End 找到并删除表格外的内容后保存)"
                ),
                format!(
                    "the sheet claims the range {range} ({cells} cells), more than the limit of {limit} cells; refused"
                ),
            ),
            P::ColumnTooFar { cell, limit } => pick(
                lang,
                format!("单元格 {cell} 超出 {limit} 列的上限;拒收"),
                format!("cell {cell} lies beyond the limit of {limit} columns; refused"),
            ),
            P::LargerThanDeclared => pick(
                lang,
                "工作表解压后比压缩包目录中声明的大小更大(文件已损坏或被篡改),已停止读取;拒收".into(),
                "the sheet decompresses to more than its zip directory declares (corrupt or crafted file); reading stopped, refused".into(),
            ),
            P::Corrupt(e) => pick(
                lang,
                format!("工作表已损坏:{e}"),
                format!("the sheet is corrupt: {e}"),
            ),
            P::Unreadable(e) => pick(
                lang,
                format!("无法读取工作表:{e}"),
                format!("cannot read the sheet: {e}"),
            ),
            P::MalformedCsv { after_row, detail } => pick(
                lang,
                format!("CSV 格式错误(第 {after_row} 行之后):{detail}"),
                format!("malformed CSV after row {after_row}: {detail}"),
            ),
            P::Internal => pick(
                lang,
                "读取工作表时发生内部错误".into(),
                "internal error while reading the sheet".into(),
            ),
            P::ReaderFailed => pick(
                lang,
                "读取到此处时文件的结构已损坏,本表其余部分无法读取;拒收".into(),
                "the file's structure is damaged here; the rest of the sheet cannot be read; refused".into(),
            ),
        }
    }
}

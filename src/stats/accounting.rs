//! "Nothing lost" as tables: the reconciliation per input sheet (`inputs`) and the data
//! problems (`data_issues`), in the same shape as every other table.

use super::{Column, Measure, Table, Val};
use crate::issues::{DataIssue, SheetReport};
use crate::lang::Lang;
use crate::stats::Id;

/// The input's path as given, written the same on every system (`/` between folders, as
/// Windows accepts too), so a report is the same bytes wherever it is made.
fn file_name(s: &SheetReport) -> String {
    let path = s.file.display().to_string();
    if cfg!(windows) {
        path.replace('\\', "/")
    } else {
        path
    }
}

/// The file's name without its folder, as a clerk recognises it.
fn base_name(s: &SheetReport) -> String {
    s.file
        .file_name()
        .map_or_else(|| file_name(s), |n| n.to_string_lossy().into_owned())
}

/// One row per input sheet: rows read = used + skipped + rejected.
pub fn reconciliation(sheets: &[SheetReport]) -> Table {
    let mut t = Table::new(
        Id::Inputs,
        "数据核对(读取 = 使用 + 跳过 + 拒收)",
        "Reconciliation (read = used + skipped + rejected)",
        vec![
            Column::text("file_name", "文件", "file"),
            Column::text("sheet", "工作表", "sheet"),
            Column::text("kind", "类型", "kind"),
            Column::of(Measure::Count, "rows_read", "读取行数", "rows read"),
            Column::of(Measure::Count, "used", "使用", "used"),
            Column::of(Measure::Count, "skipped", "跳过", "skipped"),
            Column::of(Measure::Count, "rejected", "拒收", "rejected"),
            Column::text("file", "路径", "path"),
        ],
    );
    for s in sheets {
        t.rows.push(vec![
            Val::text(base_name(s)),
            Val::text(&s.sheet),
            s.kind
                .map_or(Val::Null, |k| Val::text(format!("{} {}", k.code(), k.zh()))),
            Val::Int(s.rows_read as i64),
            Val::Int(s.used as i64),
            Val::Int(s.skipped as i64),
            Val::Int(s.rejected as i64),
            Val::text(file_name(s)),
        ]);
    }
    t
}

/// Every skipped or rejected row and every problem value kept.
pub fn data_issues(issues: &[DataIssue], sheets: &[SheetReport]) -> Table {
    let mut t = Table::new(
        Id::DataIssues,
        "数据问题(跳过、拒收的行和未识别的取值)",
        "Data problems (skipped and rejected rows, unrecognised values)",
        [
            Column::text("file_name", "文件", "file"),
            Column::text("sheet", "工作表", "sheet"),
            Column::of(Measure::Ordinal, "row", "行", "row"),
            Column::text("column", "列", "column"),
            Column::text("raw", "原始值", "raw value"),
        ]
        .into_iter()
        .chain(Column::labels("reason", "reason_en", "原因", "reason"))
        .chain(Column::labels("action_label", "action", "处理", "action"))
        .chain([Column::text("file", "路径", "path")])
        .collect(),
    );
    for i in issues {
        let s = &sheets[i.sheet];
        t.rows.push(vec![
            Val::text(base_name(s)),
            Val::text(&s.sheet),
            i.row.map_or(Val::Null, |r| Val::Int(r.into())),
            i.column.clone().map_or(Val::Null, Val::text),
            Val::text(&i.raw),
            Val::text(i.reason.zh()),
            Val::text(i.reason.en()),
            Val::text(i.action.text(Lang::Zh)),
            Val::text(i.action.key()),
            Val::text(file_name(s)),
        ]);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reconciliation_and_problem_rows_name_their_sheet() {
        let mut s = SheetReport::new("in/a.xlsx".into(), "Sheet1", None);
        s.kind = Some(crate::schema::Kind::Complaint);
        (s.rows_read, s.used, s.skipped, s.rejected) = (10, 7, 2, 1);
        let t = reconciliation(std::slice::from_ref(&s));
        let r = t.first().unwrap();
        assert_eq!(r.text("kind"), Some("A 客诉登记"));
        assert_eq!(
            [
                r.num("rows_read"),
                r.num("used"),
                r.num("skipped"),
                r.num("rejected")
            ],
            [Some(10.0), Some(7.0), Some(2.0), Some(1.0)]
        );
        let issue = DataIssue {
            sheet: 0,
            row: Some(5),
            column: Some("受理日期 (B)".into()),
            raw: "2026-13-05".into(),
            reason: crate::issues::Reason::BadDate,
            action: crate::issues::Action::Rejected,
        };
        let d = data_issues(&[issue], &[s]);
        let r = d.first().unwrap();
        assert_eq!(
            (r.text("sheet"), r.num("row"), r.text("action")),
            (Some("Sheet1"), Some(5.0), Some("rejected"))
        );
    }
}

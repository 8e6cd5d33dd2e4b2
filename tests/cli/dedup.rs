//! A complaint exported twice counts once: identical copies skipped, differing copies listed,
//! and the row from the file modified last wins (SPEC §8).

use std::time::{Duration, SystemTime};

use tsreport::issues::{Action, Reason};
use tsreport::schema::Kind;

use crate::frames::{load_all, some, strings};
use crate::workdir::*;

fn set_mtime(path: &std::path::Path, secs_after_epoch: u64) {
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(secs_after_epoch))
        .unwrap();
}

/// `a.xlsx`: X1, X2 (正在完成), X3. `b.xlsx`: X1 (same), X2 (完成, closed 10-05).
fn two_exports(w: &Workdir) -> (std::path::PathBuf, std::path::PathBuf) {
    let a = w.xlsx(
        "a.xlsx",
        &[(
            "Sheet1",
            vec![
                complaint_header(),
                vec![
                    S("X1"),
                    D(2026, 10, 1),
                    S("电话"),
                    S("甲"),
                    S("完成"),
                    D(2026, 10, 2),
                ],
                vec![
                    S("X2"),
                    D(2026, 10, 3),
                    S("来访"),
                    S("乙"),
                    S("正在完成"),
                    B,
                ],
                vec![S("X3"), D(2026, 10, 4), S("电话"), S("丙"), S("未处理"), B],
            ],
        )],
    );
    let b = w.xlsx(
        "b.xlsx",
        &[(
            "Sheet1",
            vec![
                complaint_header(),
                vec![
                    S("X1"),
                    S("2026/10/1"),
                    S("来电"),
                    S("甲"),
                    S("已结案"),
                    S("2026-10-02"),
                ],
                vec![
                    S("X2"),
                    D(2026, 10, 3),
                    S("来访"),
                    S("乙"),
                    S("完成"),
                    D(2026, 10, 5),
                ],
            ],
        )],
    );
    (a, b)
}

#[test]
fn the_file_modified_last_wins_and_every_copy_is_listed() {
    let w = Workdir::new();
    let (a, b) = two_exports(&w);
    set_mtime(&a, 1_000);
    set_mtime(&b, 2_000);
    let loaded = load_all(&[a, b]);
    let df = loaded.frames.get(Kind::Complaint);
    assert_eq!(strings(&df, "id"), some(&["X3", "X1", "X2"]));
    assert_eq!(strings(&df, "status"), some(&["未处理", "完成", "完成"]));
    // a.xlsx: X1 and X2 skipped in favour of b.xlsx; the identity still holds.
    let (sa, sb) = (&loaded.sheets[0], &loaded.sheets[1]);
    assert_eq!(
        (sa.rows_read, sa.used, sa.skipped, sa.rejected),
        (3, 1, 2, 0)
    );
    assert_eq!(
        (sb.rows_read, sb.used, sb.skipped, sb.rejected),
        (2, 2, 0, 0)
    );
    let dups: Vec<(Option<u32>, &Reason, Action)> = loaded
        .issues
        .iter()
        .map(|i| (i.row, &i.reason, i.action))
        .collect();
    // The kept row is named by its file's name, without the folder.
    let kept_x1 = "b.xlsx [Sheet1] 第 2 行".to_string();
    let kept_x2 = "b.xlsx [Sheet1] 第 3 行".to_string();
    assert_eq!(
        dups,
        vec![
            (
                Some(2),
                &Reason::DuplicateIdentical {
                    id: "X1".into(),
                    kept_at: kept_x1
                },
                Action::Skipped
            ),
            (
                Some(3),
                &Reason::DuplicateConflict {
                    id: "X2".into(),
                    kept_at: kept_x2
                },
                Action::Skipped
            ),
        ]
    );
}

#[test]
fn modification_time_not_file_name_decides() {
    let w = Workdir::new();
    let (a, b) = two_exports(&w);
    set_mtime(&a, 2_000);
    set_mtime(&b, 1_000);
    let loaded = load_all(&[a, b]);
    let df = loaded.frames.get(Kind::Complaint);
    assert_eq!(strings(&df, "id"), some(&["X1", "X2", "X3"]));
    assert_eq!(
        strings(&df, "status"),
        some(&["完成", "正在完成", "未处理"])
    );
    assert_eq!(loaded.sheets[1].skipped, 2);
}

#[test]
fn rows_without_an_id_are_never_merged() {
    let w = Workdir::new();
    let row = vec![
        B,
        D(2026, 10, 1),
        S("电话"),
        S("甲"),
        S("完成"),
        D(2026, 10, 2),
    ];
    let p = w.xlsx(
        "n.xlsx",
        &[("Sheet1", vec![complaint_header(), row.clone(), row])],
    );
    let loaded = load_all(&[p]);
    assert_eq!(loaded.frames.get(Kind::Complaint).height(), 2);
    assert!(loaded.issues.is_empty());
}

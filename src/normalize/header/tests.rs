use std::borrow::Cow;

use super::*;

fn row(cells: &[&str]) -> Vec<Cell<'static>> {
    cells
        .iter()
        .map(|s| {
            if s.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(Cow::Owned(s.to_string()))
            }
        })
        .collect()
}

#[test]
fn finds_header_below_title_rows() {
    let t = Template::builtin();
    let rows = vec![
        (0, row(&["XX饲料有限公司技术服务部 客诉登记表 2026年10月"])),
        (
            2,
            row(&[
                "投诉编号",
                "受理\n日期",
                "受理方式（渠道）",
                "客户名称",
                "备注",
            ]),
        ),
        (3, row(&["TS1", "2026-10-01", "电话", "张三", ""])),
    ];
    let h = detect(&t, &rows).unwrap();
    assert_eq!(h.kind, Kind::Complaint);
    assert_eq!((h.first_row, h.last_row), (2, 2));
    assert_eq!(h.fields, vec![Some(0), Some(1), Some(2), Some(3), None]);
    assert_eq!(h.columns[4].header, "备注");
    assert_eq!(h.columns[4].field, None);
}

#[test]
fn two_row_header_with_merged_parent() {
    let t = Template::builtin();
    let rows = vec![
        (
            0,
            row(&["受理日期", "受理方式", "处理情况", "", "客户名称"]),
        ),
        (1, row(&["", "", "状态", "结案日期", ""])),
        (
            2,
            row(&["2026-10-01", "电话", "完成", "2026-10-02", "张三"]),
        ),
    ];
    let h = detect(&t, &rows).unwrap();
    assert_eq!((h.first_row, h.last_row), (0, 1));
    let status = Kind::Complaint.field_index("status");
    let closed = Kind::Complaint.field_index("closed_date");
    assert_eq!(h.fields[2], status);
    assert_eq!(h.fields[3], closed);
    assert_eq!(h.columns[3].header, "处理情况/结案日期");
}

#[test]
fn recognises_each_kind_by_its_required_columns() {
    let t = Template::builtin();
    let cases: [(&[&str], Kind); 8] = [
        (&["日期", "渠道"], Kind::Complaint),
        (&["访问日期", "调查人", "投诉编号"], Kind::SiteVisit),
        (&["拜访日期", "技术员", "客户类型"], Kind::FieldVisit),
        (&["技术员", "出发日期", "返回日期"], Kind::Trip),
        (&["调查日期", "地区", "品牌", "销量(吨)"], Kind::FeedMarket),
        (
            &["调查日期", "地区", "养殖品种", "存栏/规模"],
            Kind::Livestock,
        ),
        (
            &["调查日期", "地区", "品项", "价格类型", "单价", "单位"],
            Kind::Price,
        ),
        (
            &[
                "户名",
                "养殖品种",
                "入栏日期",
                "出栏日期",
                "入栏重量(kg)",
                "出栏重量(kg)",
                "饲料用量(kg)",
            ],
            Kind::Batch,
        ),
    ];
    for (header, kind) in cases {
        let h = detect(&t, &[(0, row(header))]).unwrap();
        assert_eq!(h.kind, kind, "{header:?}");
    }
}

#[test]
fn unrecognised_header_names_closest_kind_and_missing_columns() {
    let t = Template::builtin();
    let err = detect(&t, &[(0, row(&["受理日期", "客户名称", "金额"]))])
        .unwrap_err()
        .unwrap();
    assert_eq!(err.kind, Kind::Complaint);
    assert_eq!(err.missing, vec!["受理方式"]);
    assert!(
        detect(&t, &[(0, row(&["甲", "乙"]))])
            .unwrap_err()
            .is_none()
    );
}

//! Sample assistance requests (G, 表1.3 业务协查申请): for complaints the company is
//! responsible for, a request to the department named; most replied within the week, some
//! late, some still open, a few disputed; one naming a complaint that does not exist.

use std::path::PathBuf;

use anyhow::Result;
use chrono::{Duration, NaiveDate};

use super::complaints::{Complaint, export_end};
use super::sheet::{HeaderSpec, SampleCell, SheetSpec, names, write_xlsx};
use super::{Gen, SampleConfig, out};

pub fn write(g: &mut Gen, cfg: &SampleConfig, all: &[Complaint]) -> Result<PathBuf> {
    let end = export_end(cfg);
    let mut rows: Vec<(NaiveDate, Vec<SampleCell>)> = Vec::new();
    for c in all.iter().filter(|c| !c.dept.is_empty()) {
        if !g.chance(0.6) {
            continue;
        }
        let asked = c.received + Duration::days(g.below(3) as i64);
        if asked > end {
            continue;
        }
        let reply = match g.below(20) {
            0..=14 => Some(asked + Duration::days(1 + g.below(7) as i64)),
            15..=17 => Some(asked + Duration::days(8 + g.below(7) as i64)),
            _ => None,
        };
        // Old requests were answered long ago; only recent ones are still open.
        let reply = reply
            .or_else(|| ((end - asked).num_days() > 40).then(|| asked + Duration::days(5)))
            .filter(|r| *r <= end);
        rows.push((asked, request_row(g, &c.id, &c.dept, asked, reply)));
    }
    if let Some((d, _)) = rows.last() {
        let d = *d;
        rows.push((d, request_row(g, "KS-未登记-01", "品管", d, None)));
    }
    rows.sort_by_key(|(d, _)| *d);
    let header = [
        "投诉编号",
        "被投诉部门",
        "提交日期",
        "协查内容",
        "回馈日期",
        "是否质询",
        "处理结果",
    ];
    let p = out(cfg, "业务协查申请登记.xlsx");
    write_xlsx(
        &p,
        &[SheetSpec {
            name: "协查登记".into(),
            title: vec!["技术服务部业务协查申请报告 登记".into()],
            header: HeaderSpec::Single(names(&header)),
            rows: rows.into_iter().map(|(_, r)| r).collect(),
            footer: vec![],
        }],
    )?;
    Ok(p)
}

fn request_row(
    g: &mut Gen,
    id: &str,
    dept: &str,
    asked: NaiveDate,
    reply: Option<NaiveDate>,
) -> Vec<SampleCell> {
    let dept = match dept {
        "品管" if g.chance(0.3) => "质检",
        "运输调度" if g.chance(0.3) => "物流",
        other => other,
    };
    vec![
        SampleCell::text(id),
        SampleCell::text(dept),
        SampleCell::Date(asked),
        SampleCell::text(*g.pick(&[
            "核实批次留样",
            "核查发货记录",
            "说明调价依据",
            "核实服务过程",
        ])),
        reply.map_or(SampleCell::Blank, SampleCell::Date),
        if reply.is_some() && g.chance(0.1) {
            SampleCell::text("是")
        } else {
            SampleCell::text("否")
        },
        if reply.is_some() {
            SampleCell::text(*g.pick(&["情况属实,已整改", "已说明原因", "不属实,已回复"]))
        } else {
            SampleCell::Blank
        },
    ]
}

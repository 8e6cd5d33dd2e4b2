//! Sample farm-side surveys: the main farms' feed use (E5: commercial against self-mixed,
//! with a blank total now and then, a total its parts disagree with, tonnes written `12吨`)
//! and disease reports (F: names spelled several ways, one the built-in list lacks, and a new
//! outbreak in the last month).

use std::path::PathBuf;

use anyhow::Result;
use chrono::{Duration, NaiveDate};

use super::sheet::{HeaderSpec, SampleCell, SheetSpec, names, write_xlsx};
use super::{Gen, SampleConfig, TECHNICIANS, out};

/// The main farms: name, region, species, herd.
const FARMS: [(&str, &str, &str, f64); 12] = [
    ("周建国猪场", "东湖区", "生猪", 800.0),
    ("吴秀英养殖场", "东湖区", "肉鸡", 20000.0),
    ("郑志强家庭农场", "西山县", "生猪", 1200.0),
    ("王桂兰猪场", "西山县", "生猪", 450.0),
    ("冯德明养殖合作社", "南岭镇", "草鱼", 60.0),
    ("陈春生猪场", "南岭镇", "生猪", 650.0),
    ("褚海燕养殖场", "北河县", "肉鸡", 35000.0),
    ("卫永福猪场", "北河县", "生猪", 900.0),
    ("赵金花家庭农场", "中原区", "生猪", 300.0),
    ("钱国庆养殖场", "中原区", "肉鸡", 15000.0),
    ("孙建国渔场", "东湖区", "草鱼", 80.0),
    ("李秀英猪场", "中原区", "生猪", 1500.0),
];

const BRANDS: [&str; 6] = ["金穗", "丰农", "正大", "新希望", "海大", "通威"];

pub fn write(g: &mut Gen, cfg: &SampleConfig, months: &[NaiveDate]) -> Result<Vec<PathBuf>> {
    Ok(vec![feed_usage(g, cfg, months)?, diseases(g, cfg, months)?])
}

/// Tonnes of feed a farm uses in a month, from its herd.
fn monthly_tonnes(species: &str, herd: f64) -> f64 {
    match species {
        "生猪" => herd * 0.075,
        "肉鸡" => herd * 0.0045,
        _ => herd * 0.35,
    }
}

fn tonnes(g: &mut Gen, t: f64) -> SampleCell {
    if g.chance(0.1) {
        SampleCell::text(format!("{t}吨"))
    } else {
        SampleCell::Number(t)
    }
}

fn feed_usage(g: &mut Gen, cfg: &SampleConfig, months: &[NaiveDate]) -> Result<PathBuf> {
    let mut rows = Vec::new();
    for (mi, &m) in months.iter().enumerate() {
        let last = mi + 1 == months.len();
        for (fi, (farm, region, species, herd)) in FARMS.iter().enumerate() {
            if g.chance(0.2) {
                continue; // not surveyed this month
            }
            let total =
                (monthly_tonnes(species, *herd) * g.uniform(0.85, 1.15) * 10.0).round() / 10.0;
            let commercial_share = [0.95, 0.6, 0.8, 0.3, 0.5, 1.0][fi % 6] * g.uniform(0.9, 1.0);
            let commercial = (total * commercial_share * 10.0).round() / 10.0;
            let mut self_mixed = ((total - commercial) * 10.0).round() / 10.0;
            // One farm's parts disagree with its total in the last month; now and then the
            // total is left blank, for the parts to add up.
            if last && fi == 2 {
                self_mixed = (self_mixed + total * 0.12 * 10.0).round() / 10.0;
            }
            let total_cell = if g.chance(0.12) {
                SampleCell::Blank
            } else {
                tonnes(g, total)
            };
            let brand = *g.pick(&BRANDS);
            rows.push(vec![
                SampleCell::Date(m + Duration::days(19)),
                SampleCell::text(*region),
                SampleCell::text(*farm),
                SampleCell::text(*species),
                SampleCell::Number(*herd),
                total_cell,
                tonnes(g, commercial),
                SampleCell::Number(self_mixed),
                if commercial > 0.0 {
                    SampleCell::text(brand)
                } else {
                    SampleCell::Blank
                },
                SampleCell::text(*g.pick(&["玉米豆粕", "玉米麸皮", "自配浓缩"])),
                SampleCell::text(*g.pick(&["全程", "育肥期", "小猪阶段", "前期"])),
            ]);
        }
    }
    let header = [
        "调查日期",
        "区域",
        "养殖户",
        "养殖品种",
        "存栏",
        "饲料总用量(吨)",
        "商品饲料用量(吨)",
        "自配料用量(吨)",
        "使用品牌",
        "自配料种类",
        "商品料使用阶段",
    ];
    let p = out(cfg, "主流养殖户用料调查.xlsx");
    write_xlsx(
        &p,
        &[SheetSpec {
            name: "用料调查".into(),
            title: vec!["主流养殖户用料调查表".into()],
            header: HeaderSpec::Single(names(&header)),
            rows,
            footer: vec![],
        }],
    )?;
    Ok(p)
}

/// Diseases per species, with the spellings reports use (猪丹毒, 草鱼出血病 and 烂鳃病 are
/// not in the built-in list: they are kept as written).
fn disease_for(g: &mut Gen, species: &str) -> &'static str {
    let table: &[(&'static str, u32)] = match species {
        "生猪" => &[
            ("非洲猪瘟", 3),
            ("非瘟", 2),
            ("ASF", 1),
            ("蓝耳病", 3),
            ("蓝耳", 2),
            ("猪流行性腹泻", 3),
            ("猪丹毒", 2),
        ],
        "肉鸡" => &[("新城疫", 3), ("禽流感", 2), ("ND", 1)],
        _ => &[("草鱼出血病", 3), ("烂鳃病", 2)],
    };
    let pick: &&'static str = g.weighted(table);
    pick
}

fn diseases(g: &mut Gen, cfg: &SampleConfig, months: &[NaiveDate]) -> Result<PathBuf> {
    let mut rows: Vec<(NaiveDate, Vec<SampleCell>)> = Vec::new();
    for (mi, &m) in months.iter().enumerate() {
        let last = mi + 1 == months.len();
        for _ in 0..2 + g.below(4) {
            let (farm, region, species, herd) = *g.pick(&FARMS);
            let disease = disease_for(g, species);
            // The last month's new outbreak (中原区 非洲猪瘟) is not reported the month before.
            let planted = region == "中原区" && disease.contains("瘟") && species == "生猪";
            if planted && mi + 2 == months.len() {
                continue;
            }
            rows.push((
                g.day_in(m),
                report_row(g, (farm, region, species, herd), disease),
            ));
        }
        if last {
            let d = m + Duration::days(11);
            rows.push((
                d,
                report_row(g, ("赵金花家庭农场", "中原区", "生猪", 300.0), "非洲猪瘟"),
            ));
        }
    }
    rows.sort_by_key(|(d, _)| *d);
    let rows = rows
        .into_iter()
        .map(|(d, mut r)| {
            r[0] = if g.chance(0.2) {
                SampleCell::text(d.format("%Y年%-m月%-d日").to_string())
            } else {
                SampleCell::Date(d)
            };
            r
        })
        .collect();
    let header = [
        "报告日期",
        "技术员",
        "地区",
        "养殖户",
        "养殖品种",
        "疾病名称",
        "存栏",
        "发病头数",
        "死亡数",
        "是否确诊",
        "处置建议",
    ];
    let p = out(cfg, "疫情测报表.xlsx");
    write_xlsx(
        &p,
        &[SheetSpec {
            name: "疫情测报".into(),
            title: vec!["技术服务部 疫情测报表".into()],
            header: HeaderSpec::Single(names(&header)),
            rows,
            footer: vec![vec![SampleCell::text("填报人:内勤")]],
        }],
    )?;
    Ok(p)
}

/// One report (its date cell is filled in later).
fn report_row(
    g: &mut Gen,
    (farm, region, species, herd): (&str, &str, &str, f64),
    disease: &str,
) -> Vec<SampleCell> {
    let cases = (herd * g.uniform(0.02, 0.15)).round();
    let deaths = (cases * g.uniform(0.0, 0.6)).round();
    vec![
        SampleCell::Blank,
        SampleCell::text(*g.pick(&TECHNICIANS)),
        SampleCell::text(region),
        SampleCell::text(farm),
        SampleCell::text(species),
        SampleCell::text(disease),
        SampleCell::Number(herd),
        SampleCell::Number(cases),
        SampleCell::Number(deaths),
        SampleCell::text(if g.chance(0.6) { "是" } else { "否" }),
        SampleCell::text(*g.pick(&[
            "隔离观察,加强消毒",
            "建议送检确诊",
            "紧急免疫",
            "调整饲喂,控制饮水",
        ])),
    ]
}

//! The brief as one list of sections — heading and body, every number a value of the
//! report's tables rounded by what it is — which `brief.md` and `brief.html` only lay out.

use super::{show, signed};
use crate::lang::Lang;
use crate::stats::Record;
use crate::stats::brief::{BIGGEST_CHANGES, Brief, brief};
use crate::stats::fcr::{OTHER, OWN};
use crate::stats::report::Report;

/// The brief: its title, the period line under it, and its sections in order.
pub struct Page {
    pub title: String,
    pub period: String,
    pub sections: Vec<Section>,
}

/// One section: a heading over a body.
pub struct Section {
    pub heading: String,
    pub body: Body,
}

/// What a section holds.
pub enum Body {
    /// A bulleted list; `none` is the line shown instead when there is no item (no line at
    /// all when `none` is `None`).
    Bullets {
        items: Vec<String>,
        none: Option<String>,
    },
    /// A numbered list, or the line `none`.
    Numbered { items: Vec<String>, none: String },
    /// A table: a text column, then columns of numbers.
    Table {
        heads: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// The chart pictures (each layout shows those it can).
    Charts,
}

/// A headline figure's label in the brief's language.
fn label(r: &Record<'_>, lang: Lang) -> String {
    let key = lang.pick("label", "label_en");
    show(r.get(key), r.measure(key))
}

/// A value of record `r` under `key`, rounded by its measure.
fn cell(r: &Record<'_>, key: &str) -> String {
    show(r.get(key), r.measure(key))
}

/// A change of record `r` under `key`, signed.
fn change(r: &Record<'_>, key: &str, lang: Lang) -> String {
    signed(r.get(key), r.measure(key), lang)
}

/// The brief of `report` in `lang`.
pub fn page(report: &Report, lang: Lang) -> Page {
    let b = brief(report);
    let (title, period) = heading(report, lang);
    Page {
        title,
        period,
        sections: vec![
            warnings(&b, lang),
            headline(&b, lang),
            biggest_changes(&b, lang),
            own_brands(&b, lang),
            super::forecast::section(&b, lang),
            Section {
                heading: lang.pick("图表", "Charts").to_string(),
                body: Body::Charts,
            },
        ],
    }
}

/// The brief's title and its period line.
fn heading(report: &Report, lang: Lang) -> (String, String) {
    let p = &report.period;
    let files = report
        .sheets
        .iter()
        .map(|s| &s.file)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    (
        format!(
            "{} {}",
            lang.pick("技术服务部简报", "Technical service brief"),
            p.label()
        ),
        format!(
            "{} {} – {} · {} {files} · tsreport {}",
            lang.pick("期间", "Period"),
            p.start,
            p.end,
            lang.pick("输入文件", "input files"),
            env!("CARGO_PKG_VERSION")
        ),
    )
}

fn warnings(b: &Brief<'_>, lang: Lang) -> Section {
    let n = b.warnings_total;
    let (kind, message) = match lang {
        Lang::Zh => ("kind_label", "message"),
        Lang::En => ("kind_en", "message_en"),
    };
    let mut items: Vec<String> = b
        .warnings
        .iter()
        .map(|r| format!("[{}] {}", cell(r, kind), cell(r, message)))
        .collect();
    let more = n - b.warnings.len();
    if more > 0 {
        let (zh, en) = crate::stats::Sheet::Overview.names();
        items.push(match lang {
            Lang::Zh => format!("另有 {more} 条,见“{zh}”表"),
            Lang::En => format!("{more} more on the {en} sheet"),
        });
    }
    Section {
        heading: lang
            .pick(&format!("预警 ({n})"), &format!("Warnings ({n})"))
            .to_string(),
        body: Body::Bullets {
            items,
            none: Some(lang.pick("无预警。", "No warnings.").to_string()),
        },
    }
}

/// A change of a headline figure: a rate's or share's in percentage points, any other's in
/// % (`which` is `mom` or `yoy`).
fn headline_change(r: &Record<'_>, which: &str, lang: Lang) -> String {
    if r.measure("value") == crate::measure::Measure::Share {
        change(r, &format!("{which}_change"), lang)
    } else {
        change(r, &format!("{which}_pct"), lang)
    }
}

fn headline(b: &Brief<'_>, lang: Lang) -> Section {
    let heads = [
        lang.pick("指标", "Figure"),
        lang.pick("本期", "This period"),
        lang.pick("上期", "Previous"),
        lang.pick("环比", "vs previous"),
        lang.pick("去年同期", "A year earlier"),
        lang.pick("同比", "vs a year earlier"),
    ];
    let rows = b
        .headline
        .records()
        .map(|r| {
            vec![
                label(&r, lang),
                cell(&r, "value"),
                cell(&r, "previous"),
                headline_change(&r, "mom", lang),
                cell(&r, "last_year"),
                headline_change(&r, "yoy", lang),
            ]
        })
        .collect();
    Section {
        heading: lang.pick("主要指标", "Headline figures").to_string(),
        body: Body::Table {
            heads: heads.iter().map(|h| h.to_string()).collect(),
            rows,
        },
    }
}

/// How many, in words where the brief says it in words.
fn how_many(n: usize, lang: Lang) -> String {
    const ZH: [&str; 10] = ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九"];
    const EN: [&str; 10] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    match lang {
        Lang::Zh => ZH.get(n).map_or_else(|| n.to_string(), |w| w.to_string()),
        Lang::En => EN.get(n).map_or_else(|| n.to_string(), |w| w.to_string()),
    }
}

fn biggest_changes(b: &Brief<'_>, lang: Lang) -> Section {
    let n = how_many(BIGGEST_CHANGES, lang);
    Section {
        heading: match lang {
            Lang::Zh => format!("变化最大的{n}项(环比)"),
            Lang::En => format!("The {n} biggest changes (vs previous)"),
        },
        body: Body::Numbered {
            items: b
                .biggest_changes
                .iter()
                .map(|r| {
                    let (value, previous) = (cell(r, "value"), cell(r, "previous"));
                    let changed = change(r, "mom_change", lang);
                    // A rate's change is in points only: its relative % reads as a collapse.
                    match r.measure("value") {
                        crate::measure::Measure::Share => {
                            format!("{}: {previous} → {value} ({changed})", label(r, lang))
                        }
                        _ => format!(
                            "{}: {previous} → {value} ({changed}, {})",
                            label(r, lang),
                            change(r, "mom_pct", lang)
                        ),
                    }
                })
                .collect(),
            none: lang
                .pick("无可比数据。", "Nothing to compare with.")
                .to_string(),
        },
    }
}

/// The own-brand lines: the share with its change, then FCR own against others per species.
fn own_brands(b: &Brief<'_>, lang: Lang) -> Section {
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let mut items = Vec::new();
    if let Some(r) = &b.own_share {
        items.push(format!(
            "{}: {} ({} {}, {} {})",
            l("本公司品牌占有率", "Own-brand market share"),
            cell(r, "value"),
            l("上期", "previous"),
            cell(r, "previous"),
            l("环比", "change"),
            change(r, "mom_change", lang)
        ));
    }
    for r in b.fcr_own_other.records() {
        items.push(format!(
            "{} {}: {} {} · {} {}",
            cell(&r, "species"),
            l("料肉比", "FCR"),
            lang.pick(OWN, "own brands"),
            cell(&r, OWN),
            lang.pick(OTHER, "other brands"),
            cell(&r, OTHER)
        ));
    }
    Section {
        heading: l("本公司品牌", "Own brands").to_string(),
        body: Body::Bullets { items, none: None },
    }
}

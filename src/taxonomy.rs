//! The department's closed vocabularies (SPEC §3): every dimension, its canonical labels
//! in Chinese and English, and the one label used for values that match nothing.
//!
//! Synonyms are data (`report-templates/default.toml`); the canonical labels live here, once,
//! so statistics can refer to them by constant instead of repeating Chinese literals.

/// Label counted for a categorical value that matches no canonical label or synonym.
pub const UNRECOGNISED: &str = "其他/未识别";

/// A closed (or, for units, open) vocabulary that a categorical field's values map into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dimension {
    Channel,
    Category,
    Responsibility,
    Dept,
    Status,
    FirstAction,
    Severity,
    CustomerType,
    ProblemClass,
    Resolution,
    FeedType,
    PriceType,
    Unit,
    YesNo,
    Disease,
}

/// One canonical value: its Chinese label (used in data and `summary.json`) and English label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    pub zh: &'static str,
    pub en: &'static str,
}

const fn label(zh: &'static str, en: &'static str) -> Label {
    Label { zh, en }
}

impl Dimension {
    /// Every dimension, in the order the template lists them.
    pub const ALL: [Dimension; 15] = [
        Dimension::Channel,
        Dimension::Category,
        Dimension::Responsibility,
        Dimension::Dept,
        Dimension::Status,
        Dimension::FirstAction,
        Dimension::Severity,
        Dimension::CustomerType,
        Dimension::ProblemClass,
        Dimension::Resolution,
        Dimension::FeedType,
        Dimension::PriceType,
        Dimension::Unit,
        Dimension::YesNo,
        Dimension::Disease,
    ];

    /// The key naming this dimension in a template's `[synonyms.<key>]` table.
    pub fn key(self) -> &'static str {
        match self {
            Dimension::Channel => "channel",
            Dimension::Category => "category",
            Dimension::Responsibility => "responsibility",
            Dimension::Dept => "dept",
            Dimension::Status => "status",
            Dimension::FirstAction => "first_action",
            Dimension::Severity => "severity",
            Dimension::CustomerType => "customer_type",
            Dimension::ProblemClass => "problem_class",
            Dimension::Resolution => "resolution",
            Dimension::FeedType => "feed_type",
            Dimension::PriceType => "price_type",
            Dimension::Unit => "unit",
            Dimension::YesNo => "yes_no",
            Dimension::Disease => "disease",
        }
    }

    /// The dimension's Chinese name, as a column header.
    pub fn zh(self) -> &'static str {
        match self {
            Dimension::Channel => "受理方式",
            Dimension::Category => "投诉类别",
            Dimension::Responsibility => "责任归属",
            Dimension::Dept => "责任部门",
            Dimension::Status => "处理状态",
            Dimension::FirstAction => "处置方式",
            Dimension::Severity => "严重程度",
            Dimension::CustomerType => "客户类型",
            Dimension::ProblemClass => "问题分类",
            Dimension::Resolution => "解决情况",
            Dimension::FeedType => "饲料类型",
            Dimension::PriceType => "价格类型",
            Dimension::Unit => "单位",
            Dimension::YesNo => "是/否",
            Dimension::Disease => "疾病名称",
        }
    }

    /// The dimension's English name.
    pub fn en(self) -> &'static str {
        match self {
            Dimension::Channel => "channel",
            Dimension::Category => "category",
            Dimension::Responsibility => "responsibility",
            Dimension::Dept => "department",
            Dimension::Status => "status",
            Dimension::FirstAction => "first action",
            Dimension::Severity => "severity",
            Dimension::CustomerType => "customer type",
            Dimension::ProblemClass => "problem class",
            Dimension::Resolution => "resolution",
            Dimension::FeedType => "feed type",
            Dimension::PriceType => "price type",
            Dimension::Unit => "unit",
            Dimension::YesNo => "yes/no",
            Dimension::Disease => "disease",
        }
    }

    /// Looks a dimension up by its template key.
    pub fn from_key(key: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.key() == key)
    }

    /// The canonical labels, in report order.
    pub fn labels(self) -> &'static [Label] {
        match self {
            Dimension::Channel => &CHANNELS,
            Dimension::Category => &CATEGORIES,
            Dimension::Responsibility => &RESPONSIBILITIES,
            Dimension::Dept => &DEPTS,
            Dimension::Status => &STATUSES,
            Dimension::FirstAction => &FIRST_ACTIONS,
            Dimension::Severity => &SEVERITIES,
            Dimension::CustomerType => &CUSTOMER_TYPES,
            Dimension::ProblemClass => &PROBLEM_CLASSES,
            Dimension::Resolution => &RESOLUTIONS,
            Dimension::FeedType => &FEED_TYPES,
            Dimension::PriceType => &PRICE_TYPES,
            Dimension::Unit => &UNITS,
            Dimension::YesNo => &YES_NO,
            Dimension::Disease => &DISEASES,
        }
    }

    /// Whether a value outside the labels is kept as written (units, diseases) rather than
    /// counted as [`UNRECOGNISED`] and reported; a template may name new labels of it.
    pub fn is_open(self) -> bool {
        matches!(self, Dimension::Unit | Dimension::Disease)
    }

    /// The label a blank cell maps to, where SPEC gives one (blank responsibility → 未判定).
    pub fn blank_label(self) -> Option<&'static str> {
        match self {
            Dimension::Responsibility => Some(RESPONSIBILITY_UNDETERMINED),
            _ => None,
        }
    }
}

/// Responsibility given to a complaint whose 责任归属 is blank.
pub const RESPONSIBILITY_UNDETERMINED: &str = "未判定";
/// Responsibility value after which 责任部门 is counted.
pub const RESPONSIBILITY_COMPANY: &str = "公司";
/// The status that closes a complaint.
pub const STATUS_DONE: &str = "完成";
/// `是` of a yes/no field.
pub const YES: &str = "是";
/// The resolution of a field visit whose problem was solved.
pub const RESOLVED: &str = "已解决";
/// The customer type of demonstration farms.
pub const DEMO_FARM: &str = "示范户";
/// The severities of a severe complaint.
pub const SEVERE: [&str; 2] = ["严重", "重大"];
/// The first action of a complaint escalated to the supervisor (4-1 二.4).
pub const ESCALATED: &str = "呈报主管";
/// `否` of a yes/no field.
pub const NO: &str = "否";
/// The complaint category of product-quality problems (the quality clusters of SPEC §5.5).
pub const CATEGORY_QUALITY: &str = "品质";
/// The statuses of a complaint still open.
pub const OPEN_STATUSES: [&str; 3] = ["未处理", "正在跟踪", "正在完成"];

const CHANNELS: [Label; 7] = [
    label("信函", "letter"),
    label("电话", "phone"),
    label("来访", "walk-in"),
    label("行销代表转达", "sales-rep relay"),
    label("相关部门转办", "dept transfer"),
    label("质量/公证机构告知", "regulator notice"),
    label("其他", "other"),
];
const CATEGORIES: [Label; 6] = [
    label("品质", "quality"),
    label("价格", "price"),
    label("销售", "sales"),
    label("运输", "transport"),
    label("人员", "personnel"),
    label("服务", "service"),
];
const RESPONSIBILITIES: [Label; 4] = [
    label("经销商", "dealer"),
    label("用户", "user"),
    label(RESPONSIBILITY_COMPANY, "company"),
    label(RESPONSIBILITY_UNDETERMINED, "undetermined"),
];
const DEPTS: [Label; 6] = [
    label("生产", "production"),
    label("品管", "QC"),
    label("销售", "sales"),
    label("运输调度", "dispatch"),
    label("服务", "service"),
    label("其它", "other"),
];
const STATUSES: [Label; 4] = [
    label(STATUS_DONE, "done"),
    label(OPEN_STATUSES[2], "in progress"),
    label(OPEN_STATUSES[0], "unhandled"),
    label(OPEN_STATUSES[1], "tracking"),
];
const FIRST_ACTIONS: [Label; 4] = [
    label("即时处置", "answered on the spot"),
    label("通知市场科", "notified market section"),
    label("现场访问", "site visit"),
    label(ESCALATED, "escalated"),
];
const SEVERITIES: [Label; 3] = [
    label("一般", "minor"),
    label(SEVERE[0], "severe"),
    label(SEVERE[1], "major"),
];
const CUSTOMER_TYPES: [Label; 4] = [
    label("养殖户", "farmer"),
    label("经销商", "dealer"),
    label(DEMO_FARM, "demo farm"),
    label("其他", "other"),
];
const PROBLEM_CLASSES: [Label; 4] = [
    label("品质", "quality"),
    label("销售", "sales"),
    label("使用不当", "misuse"),
    label("其他", "other"),
];
const RESOLUTIONS: [Label; 3] = [
    label(RESOLVED, "resolved"),
    label("未解决", "unresolved"),
    label("跟踪中", "tracking"),
];
const FEED_TYPES: [Label; 5] = [
    label("猪料", "pig feed"),
    label("禽料", "poultry feed"),
    label("水产料", "aquafeed"),
    label("反刍料", "ruminant feed"),
    label("其他", "other"),
];
const PRICE_TYPES: [Label; 4] = [
    label("种畜禽", "breeding stock"),
    label("幼畜苗禽", "young stock"),
    label("出栏", "market animal"),
    label("零售", "retail"),
];
const UNITS: [Label; 5] = [
    label("元/kg", "CNY/kg"),
    label("元/斤", "CNY/jin"),
    label("元/头", "CNY/head"),
    label("元/只", "CNY/bird"),
    label("元/尾", "CNY/fish"),
];
const YES_NO: [Label; 2] = [label(YES, "yes"), label(NO, "no")];
/// The diseases SPEC §2.2 names, with their common abbreviations as English labels (so that
/// `ASF` reads as 非洲猪瘟); others are kept as written.
const DISEASES: [Label; 6] = [
    label("非洲猪瘟", "ASF"),
    label("蓝耳病", "PRRS"),
    label("新城疫", "ND"),
    label("禽流感", "AI"),
    label("口蹄疫", "FMD"),
    label("猪流行性腹泻", "PED"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_labels_are_unique() {
        for d in Dimension::ALL {
            assert_eq!(Dimension::from_key(d.key()), Some(d));
            let labels = d.labels();
            for (i, a) in labels.iter().enumerate() {
                assert!(labels[i + 1..].iter().all(|b| b.zh != a.zh), "{a:?} twice");
            }
        }
    }
}

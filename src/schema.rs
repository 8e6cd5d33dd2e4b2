//! The input kinds of SPEC §2.2 and their fields: identifier, canonical header, value type,
//! whether it is required. Aliases for the headers are data in the template; what a field
//! *is* (its type and whether the statistics need it) is fixed here.

use crate::taxonomy::Dimension;

/// The kind of an input sheet (SPEC §2.2); E is split into its four sub-tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Complaint,
    SiteVisit,
    FieldVisit,
    Trip,
    FeedMarket,
    Livestock,
    Price,
    Batch,
}

/// How a field's cells are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    Text,
    Date,
    /// A number; the listed unit suffixes may follow it in a text cell (`35吨`).
    Number(&'static [&'static str]),
    Category(Dimension),
}

/// One column of a kind.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// Stable snake_case id: the template key and the DataFrame column name.
    pub id: &'static str,
    /// The canonical Chinese header.
    pub zh: &'static str,
    pub ty: FieldType,
    pub required: bool,
}

const fn f(id: &'static str, zh: &'static str, ty: FieldType, required: bool) -> Field {
    Field {
        id,
        zh,
        ty,
        required,
    }
}

use FieldType::{Category as C, Date as D, Number as N, Text as T};

const PRICE_UNITS: &[&str] = &[
    "元/kg",
    "元/公斤",
    "元/千克",
    "元/斤",
    "元/头",
    "元/只",
    "元/尾",
    "元/羽",
    "元",
];

const COMPLAINT: [Field; 18] = [
    f("id", "投诉编号", T, false),
    f("received_date", "受理日期", D, true),
    f("channel", "受理方式", C(Dimension::Channel), true),
    f("customer", "客户名称", T, false),
    f("phone", "联系电话", T, false),
    f("region", "地区", T, false),
    f("product", "产品", T, false),
    f("description", "投诉内容", T, false),
    f("receiver", "接诉人", T, false),
    f("category", "投诉类别", C(Dimension::Category), false),
    f(
        "responsibility",
        "责任归属",
        C(Dimension::Responsibility),
        false,
    ),
    f("dept", "责任部门", C(Dimension::Dept), false),
    f("status", "处理状态", C(Dimension::Status), false),
    f("first_action", "处置方式", C(Dimension::FirstAction), false),
    f("severity", "严重程度", C(Dimension::Severity), false),
    f("closed_date", "结案日期", D, false),
    f("outcome", "处理结果", T, false),
    f("technician", "负责技术员", T, false),
];
const SITE_VISIT: [Field; 12] = [
    f("visit_date", "访问日期", D, true),
    f("technician", "技术员", T, true),
    f("complaint_id", "投诉编号", T, false),
    f("customer", "客户名称", T, false),
    f("region", "地区", T, false),
    f("species", "养殖品种", T, false),
    f(
        "herd_size",
        "存栏",
        N(&["头", "只", "羽", "尾", "亩"]),
        false,
    ),
    f("problem", "问题描述", T, false),
    f("cause", "原因分析", T, false),
    f("advice", "措施建议", T, false),
    f("signed", "客户签字确认", C(Dimension::YesNo), false),
    f("evidence_kept", "证据保全", C(Dimension::YesNo), false),
];
const FIELD_VISIT: [Field; 11] = [
    f("visit_date", "拜访日期", D, true),
    f("technician", "技术员", T, true),
    f("customer", "客户名称", T, false),
    f(
        "customer_type",
        "客户类型",
        C(Dimension::CustomerType),
        false,
    ),
    f("region", "地区", T, false),
    f("species", "养殖品种", T, false),
    f(
        "herd_size",
        "存栏",
        N(&["头", "只", "羽", "尾", "亩"]),
        false,
    ),
    f("feed_brand", "使用饲料品牌", T, false),
    f("purpose", "拜访目的", T, false),
    f(
        "problem_class",
        "问题分类",
        C(Dimension::ProblemClass),
        false,
    ),
    f("resolution", "解决情况", C(Dimension::Resolution), false),
];
const TRIP: [Field; 7] = [
    f("technician", "技术员", T, true),
    f("depart_date", "出发日期", D, true),
    f("return_date", "返回日期", D, true),
    f("region", "地区", T, false),
    f("days", "天数", N(&["天", "日"]), false),
    f(
        "customers_visited",
        "拜访客户数",
        N(&["户", "个", "家"]),
        false,
    ),
    f("approver", "审批人", T, false),
];
const FEED_MARKET: [Field; 6] = [
    f("survey_date", "调查日期", D, true),
    f("region", "地区", T, true),
    f("brand", "品牌", T, true),
    f("volume_t", "销量", N(&["吨", "t"]), true),
    f("maker", "厂商", T, false),
    f("feed_type", "饲料类型", C(Dimension::FeedType), false),
];
const LIVESTOCK: [Field; 5] = [
    f("survey_date", "调查日期", D, true),
    f("region", "地区", T, true),
    f("species", "养殖品种", T, true),
    f(
        "scale",
        "存栏/规模",
        N(&["头", "只", "羽", "尾", "亩"]),
        true,
    ),
    f("farms", "养殖户数", N(&["户", "家"]), false),
];
const PRICE: [Field; 6] = [
    f("survey_date", "调查日期", D, true),
    f("region", "地区", T, true),
    f("item", "品项", T, true),
    f("price_type", "价格类型", C(Dimension::PriceType), true),
    f("price", "单价", N(PRICE_UNITS), true),
    f("unit", "单位", C(Dimension::Unit), true),
];
const BATCH: [Field; 16] = [
    f("farm", "户名", T, true),
    f("species", "养殖品种", T, true),
    f("start_date", "入栏日期", D, true),
    f("end_date", "出栏日期", D, true),
    f(
        "start_weight_kg",
        "入栏重量",
        N(&["kg", "公斤", "千克"]),
        true,
    ),
    f(
        "end_weight_kg",
        "出栏重量",
        N(&["kg", "公斤", "千克"]),
        true,
    ),
    f("feed_kg", "饲料用量", N(&["kg", "公斤", "千克"]), true),
    f("region", "地区", T, false),
    f("technician", "技术员", T, false),
    f("feed_brand", "饲料品牌", T, false),
    f("head_in", "入栏数", N(&["头", "只", "羽", "尾"]), false),
    f("head_out", "出栏数", N(&["头", "只", "羽", "尾"]), false),
    f("deaths", "死亡数", N(&["头", "只", "羽", "尾"]), false),
    f("feed_cost", "饲料成本", N(&["元"]), false),
    f("other_cost", "其他成本", N(&["元"]), false),
    f("demo", "是否示范户", C(Dimension::YesNo), false),
];

impl Kind {
    /// Every kind, in the order sheets are reported.
    pub const ALL: [Kind; 8] = [
        Kind::Complaint,
        Kind::SiteVisit,
        Kind::FieldVisit,
        Kind::Trip,
        Kind::FeedMarket,
        Kind::Livestock,
        Kind::Price,
        Kind::Batch,
    ];

    /// The key naming this kind in a template's `[aliases.<key>]` table.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Complaint => "complaint",
            Kind::SiteVisit => "site_visit",
            Kind::FieldVisit => "field_visit",
            Kind::Trip => "trip",
            Kind::FeedMarket => "feed_market",
            Kind::Livestock => "livestock",
            Kind::Price => "price",
            Kind::Batch => "batch",
        }
    }

    /// Looks a kind up by its template key.
    pub fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// SPEC's letter for the kind: A, B, C, D, E1–E4.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Complaint => "A",
            Kind::SiteVisit => "B",
            Kind::FieldVisit => "C",
            Kind::Trip => "D",
            Kind::FeedMarket => "E1",
            Kind::Livestock => "E2",
            Kind::Price => "E3",
            Kind::Batch => "E4",
        }
    }

    /// The kind's Chinese name, as the department calls the form.
    pub fn zh(self) -> &'static str {
        match self {
            Kind::Complaint => "客诉登记",
            Kind::SiteVisit => "投诉现场访问",
            Kind::FieldVisit => "现场拜访",
            Kind::Trip => "出差行程",
            Kind::FeedMarket => "饲料市场",
            Kind::Livestock => "养殖规模",
            Kind::Price => "价格",
            Kind::Batch => "饲养效果",
        }
    }

    /// The kind's English name.
    pub fn en(self) -> &'static str {
        match self {
            Kind::Complaint => "complaint register",
            Kind::SiteVisit => "complaint site visits",
            Kind::FieldVisit => "field visits",
            Kind::Trip => "trips",
            Kind::FeedMarket => "feed market survey",
            Kind::Livestock => "livestock scale survey",
            Kind::Price => "price survey",
            Kind::Batch => "feeding batches",
        }
    }

    /// The kind's fields, required ones included.
    pub fn fields(self) -> &'static [Field] {
        match self {
            Kind::Complaint => &COMPLAINT,
            Kind::SiteVisit => &SITE_VISIT,
            Kind::FieldVisit => &FIELD_VISIT,
            Kind::Trip => &TRIP,
            Kind::FeedMarket => &FEED_MARKET,
            Kind::Livestock => &LIVESTOCK,
            Kind::Price => &PRICE,
            Kind::Batch => &BATCH,
        }
    }

    /// Index of the field with this id.
    pub fn field_index(self, id: &str) -> Option<usize> {
        self.fields().iter().position(|f| f.id == id)
    }

    /// The field that dates a record into a period (SPEC §4).
    pub fn date_field(self) -> &'static str {
        match self {
            Kind::Complaint => "received_date",
            Kind::SiteVisit | Kind::FieldVisit => "visit_date",
            Kind::Trip => "depart_date",
            Kind::FeedMarket | Kind::Livestock | Kind::Price => "survey_date",
            Kind::Batch => "end_date",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_ids_are_unique_per_kind_and_dates_exist() {
        for k in Kind::ALL {
            let fields = k.fields();
            for (i, a) in fields.iter().enumerate() {
                assert!(
                    fields[i + 1..].iter().all(|b| b.id != a.id),
                    "{k:?}.{}",
                    a.id
                );
            }
            assert!(k.field_index(k.date_field()).is_some());
            assert_eq!(Kind::from_key(k.key()), Some(k));
        }
    }
}

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

const fn field(id: &'static str, zh: &'static str, ty: FieldType, required: bool) -> Field {
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
    field("id", "投诉编号", T, false),
    field("received_date", "受理日期", D, true),
    field("channel", "受理方式", C(Dimension::Channel), true),
    field("customer", "客户名称", T, false),
    field("phone", "联系电话", T, false),
    field("region", "地区", T, false),
    field("product", "产品", T, false),
    field("description", "投诉内容", T, false),
    field("receiver", "接诉人", T, false),
    field("category", "投诉类别", C(Dimension::Category), false),
    field(
        "responsibility",
        "责任归属",
        C(Dimension::Responsibility),
        false,
    ),
    field("dept", "责任部门", C(Dimension::Dept), false),
    field("status", "处理状态", C(Dimension::Status), false),
    field("first_action", "处置方式", C(Dimension::FirstAction), false),
    field("severity", "严重程度", C(Dimension::Severity), false),
    field("closed_date", "结案日期", D, false),
    field("outcome", "处理结果", T, false),
    field("technician", "负责技术员", T, false),
];
const SITE_VISIT: [Field; 12] = [
    field("visit_date", "访问日期", D, true),
    field("technician", "技术员", T, true),
    field("complaint_id", "投诉编号", T, false),
    field("customer", "客户名称", T, false),
    field("region", "地区", T, false),
    field("species", "养殖品种", T, false),
    field(
        "herd_size",
        "存栏",
        N(&["头", "只", "羽", "尾", "亩"]),
        false,
    ),
    field("problem", "问题描述", T, false),
    field("cause", "原因分析", T, false),
    field("advice", "措施建议", T, false),
    field("signed", "客户签字确认", C(Dimension::YesNo), false),
    field("evidence_kept", "证据保全", C(Dimension::YesNo), false),
];
const FIELD_VISIT: [Field; 11] = [
    field("visit_date", "拜访日期", D, true),
    field("technician", "技术员", T, true),
    field("customer", "客户名称", T, false),
    field(
        "customer_type",
        "客户类型",
        C(Dimension::CustomerType),
        false,
    ),
    field("region", "地区", T, false),
    field("species", "养殖品种", T, false),
    field(
        "herd_size",
        "存栏",
        N(&["头", "只", "羽", "尾", "亩"]),
        false,
    ),
    field("feed_brand", "使用饲料品牌", T, false),
    field("purpose", "拜访目的", T, false),
    field(
        "problem_class",
        "问题分类",
        C(Dimension::ProblemClass),
        false,
    ),
    field("resolution", "解决情况", C(Dimension::Resolution), false),
];
const TRIP: [Field; 7] = [
    field("technician", "技术员", T, true),
    field("depart_date", "出发日期", D, true),
    field("return_date", "返回日期", D, true),
    field("region", "地区", T, false),
    field("days", "天数", N(&["天", "日"]), false),
    field(
        "customers_visited",
        "拜访客户数",
        N(&["户", "个", "家"]),
        false,
    ),
    field("approver", "审批人", T, false),
];
const FEED_MARKET: [Field; 6] = [
    field("survey_date", "调查日期", D, true),
    field("region", "地区", T, true),
    field("brand", "品牌", T, true),
    field("volume_t", "销量", N(&["吨", "t"]), true),
    field("maker", "厂商", T, false),
    field("feed_type", "饲料类型", C(Dimension::FeedType), false),
];
const LIVESTOCK: [Field; 5] = [
    field("survey_date", "调查日期", D, true),
    field("region", "地区", T, true),
    field("species", "养殖品种", T, true),
    field(
        "scale",
        "存栏/规模",
        N(&["头", "只", "羽", "尾", "亩"]),
        true,
    ),
    field("farms", "养殖户数", N(&["户", "家"]), false),
];
const PRICE: [Field; 6] = [
    field("survey_date", "调查日期", D, true),
    field("region", "地区", T, true),
    field("item", "品项", T, true),
    field("price_type", "价格类型", C(Dimension::PriceType), true),
    field("price", "单价", N(PRICE_UNITS), true),
    field("unit", "单位", C(Dimension::Unit), true),
];
const BATCH: [Field; 16] = [
    field("farm", "户名", T, true),
    field("species", "养殖品种", T, true),
    field("start_date", "入栏日期", D, true),
    field("end_date", "出栏日期", D, true),
    field(
        "start_weight_kg",
        "入栏重量",
        N(&["kg", "公斤", "千克"]),
        true,
    ),
    field(
        "end_weight_kg",
        "出栏重量",
        N(&["kg", "公斤", "千克"]),
        true,
    ),
    field("feed_kg", "饲料用量", N(&["kg", "公斤", "千克"]), true),
    field("region", "地区", T, false),
    field("technician", "技术员", T, false),
    field("feed_brand", "饲料品牌", T, false),
    field("head_in", "入栏数", N(&["头", "只", "羽", "尾"]), false),
    field("head_out", "出栏数", N(&["头", "只", "羽", "尾"]), false),
    field("deaths", "死亡数", N(&["头", "只", "羽", "尾"]), false),
    field("feed_cost", "饲料成本", N(&["元"]), false),
    field("other_cost", "其他成本", N(&["元"]), false),
    field("demo", "是否示范户", C(Dimension::YesNo), false),
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

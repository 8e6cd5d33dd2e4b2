//! The fields of every kind (SPEC §2.2): id, canonical Chinese header, English label, how its
//! cells are read, and whether the kind requires it.

use super::{Field, FieldType};
use crate::taxonomy::Dimension;

const fn field(
    id: &'static str,
    zh: &'static str,
    en: &'static str,
    ty: FieldType,
    required: bool,
) -> Field {
    Field {
        id,
        zh,
        en,
        ty,
        required,
        blank_kept: false,
    }
}

use FieldType::{Category as C, Date as D, Number as N, Text as T};

impl Field {
    /// The same field, required by its kind.
    const fn required(self) -> Field {
        Field {
            required: true,
            ..self
        }
    }

    /// The same field, whose blank cell keeps the row (counted as `未填写`).
    const fn blank_kept(self) -> Field {
        Field {
            blank_kept: true,
            ..self
        }
    }
}

/// The fields several kinds share (each kind says whether it requires them).
const REGION: Field = field("region", "地区", "region", T, false);
const SPECIES: Field = field("species", "养殖品种", "species", T, false);
const TECHNICIAN: Field = field("technician", "技术员", "technician", T, false);
const CUSTOMER: Field = field("customer", "客户名称", "customer", T, false);
const HERD_SIZE: Field = field(
    "herd_size",
    "存栏",
    "herd size",
    N(&["头", "只", "羽", "尾", "亩"]),
    false,
);

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

pub(super) const COMPLAINT: [Field; 18] = [
    field("id", "投诉编号", "id", T, false),
    field("received_date", "受理日期", "received", D, true),
    field(
        "channel",
        "受理方式",
        "channel",
        C(Dimension::Channel),
        true,
    ),
    CUSTOMER,
    field("phone", "联系电话", "phone", T, false),
    REGION,
    field("product", "产品", "product", T, false),
    field("description", "投诉内容", "description", T, false),
    field("receiver", "接诉人", "receiver", T, false),
    field(
        "category",
        "投诉类别",
        "category",
        C(Dimension::Category),
        false,
    ),
    field(
        "responsibility",
        "责任归属",
        "responsibility",
        C(Dimension::Responsibility),
        false,
    ),
    field("dept", "责任部门", "department", C(Dimension::Dept), false),
    field("status", "处理状态", "status", C(Dimension::Status), false),
    field(
        "first_action",
        "处置方式",
        "first action",
        C(Dimension::FirstAction),
        false,
    ),
    field(
        "severity",
        "严重程度",
        "severity",
        C(Dimension::Severity),
        false,
    ),
    field("closed_date", "结案日期", "closed", D, false),
    field("outcome", "处理结果", "outcome", T, false),
    field("technician", "负责技术员", "technician", T, false),
];

pub(super) const SITE_VISIT: [Field; 12] = [
    field("visit_date", "访问日期", "visit date", D, true),
    TECHNICIAN.required(),
    field("complaint_id", "投诉编号", "complaint id", T, false),
    CUSTOMER,
    REGION,
    SPECIES,
    HERD_SIZE,
    field("problem", "问题描述", "problem", T, false),
    field("cause", "原因分析", "cause", T, false),
    field("advice", "措施建议", "advice", T, false),
    field(
        "signed",
        "客户签字确认",
        "signed by customer",
        C(Dimension::YesNo),
        false,
    ),
    field(
        "evidence_kept",
        "证据保全",
        "evidence kept",
        C(Dimension::YesNo),
        false,
    ),
];

pub(super) const FIELD_VISIT: [Field; 11] = [
    field("visit_date", "拜访日期", "visit date", D, true),
    TECHNICIAN.required(),
    CUSTOMER,
    field(
        "customer_type",
        "客户类型",
        "customer type",
        C(Dimension::CustomerType),
        false,
    ),
    REGION,
    SPECIES,
    HERD_SIZE,
    field("feed_brand", "使用饲料品牌", "feed brand", T, false),
    field("purpose", "拜访目的", "purpose", T, false),
    field(
        "problem_class",
        "问题分类",
        "problem class",
        C(Dimension::ProblemClass),
        false,
    ),
    field(
        "resolution",
        "解决情况",
        "resolved",
        C(Dimension::Resolution),
        false,
    ),
];

pub(super) const TRIP: [Field; 7] = [
    TECHNICIAN.required(),
    field("depart_date", "出发日期", "departure", D, true),
    field("return_date", "返回日期", "return", D, true),
    REGION,
    field("days", "天数", "days", N(&["天", "日"]), false),
    field(
        "customers_visited",
        "拜访客户数",
        "customers visited",
        N(&["户", "个", "家"]),
        false,
    ),
    field("approver", "审批人", "approver", T, false),
];

pub(super) const FEED_MARKET: [Field; 6] = [
    field("survey_date", "调查日期", "survey date", D, true),
    REGION.required(),
    field("brand", "品牌", "brand", T, true),
    field("volume_t", "销量", "volume (t)", N(&["吨", "t"]), true),
    field("maker", "厂商", "maker", T, false),
    field(
        "feed_type",
        "饲料类型",
        "feed type",
        C(Dimension::FeedType),
        false,
    ),
];

pub(super) const LIVESTOCK: [Field; 5] = [
    field("survey_date", "调查日期", "survey date", D, true),
    REGION.required(),
    SPECIES.required(),
    field(
        "scale",
        "存栏/规模",
        "scale",
        N(&["头", "只", "羽", "尾", "亩"]),
        true,
    ),
    field("farms", "养殖户数", "farms", N(&["户", "家"]), false),
];

pub(super) const PRICE: [Field; 6] = [
    field("survey_date", "调查日期", "survey date", D, true),
    REGION.required(),
    field("item", "品项", "item", T, true),
    field(
        "price_type",
        "价格类型",
        "price type",
        C(Dimension::PriceType),
        true,
    ),
    field("price", "单价", "price", N(PRICE_UNITS), true),
    field("unit", "单位", "unit", C(Dimension::Unit), true),
];

pub(super) const BATCH: [Field; 16] = [
    field("farm", "户名", "farm", T, true),
    SPECIES.required(),
    field("start_date", "入栏日期", "start date", D, true),
    field("end_date", "出栏日期", "end date", D, true),
    field(
        "start_weight_kg",
        "入栏重量",
        "start weight (kg)",
        N(&["kg", "公斤", "千克"]),
        true,
    ),
    field(
        "end_weight_kg",
        "出栏重量",
        "end weight (kg)",
        N(&["kg", "公斤", "千克"]),
        true,
    ),
    field(
        "feed_kg",
        "饲料用量",
        "feed (kg)",
        N(&["kg", "公斤", "千克"]),
        true,
    ),
    REGION,
    TECHNICIAN,
    field("feed_brand", "饲料品牌", "feed brand", T, false),
    field(
        "head_in",
        "入栏数",
        "head in",
        N(&["头", "只", "羽", "尾"]),
        false,
    ),
    field(
        "head_out",
        "出栏数",
        "head out",
        N(&["头", "只", "羽", "尾"]),
        false,
    ),
    field(
        "deaths",
        "死亡数",
        "deaths",
        N(&["头", "只", "羽", "尾"]),
        false,
    ),
    field("feed_cost", "饲料成本", "feed cost (元)", N(&["元"]), false),
    field(
        "other_cost",
        "其他成本",
        "other cost (元)",
        N(&["元"]),
        false,
    ),
    field(
        "demo",
        "是否示范户",
        "demonstration farm",
        C(Dimension::YesNo),
        false,
    ),
];

const TONNES: &[&str] = &["吨", "t"];

pub(super) const FEED_USAGE: [Field; 11] = [
    field("survey_date", "调查日期", "survey date", D, true),
    field("farm", "户名", "farm", T, true),
    SPECIES.required(),
    field("total_t", "饲料总用量", "total feed (t)", N(TONNES), true),
    REGION,
    HERD_SIZE,
    field(
        "commercial_t",
        "商品饲料用量",
        "commercial feed (t)",
        N(TONNES),
        false,
    ),
    field(
        "self_mixed_t",
        "自配料用量",
        "self-mixed feed (t)",
        N(TONNES),
        false,
    ),
    field("brand", "使用品牌", "commercial brand", T, false),
    field("self_mix_kind", "自配料种类", "self-mixed kind", T, false),
    field(
        "commercial_stage",
        "商品料使用阶段",
        "commercial feed stage",
        T,
        false,
    ),
];

pub(super) const DISEASE: [Field; 11] = [
    field("report_date", "报告日期", "report date", D, true),
    REGION.required(),
    SPECIES.required(),
    field(
        "disease",
        "疾病名称",
        "disease",
        C(Dimension::Disease),
        true,
    ),
    TECHNICIAN,
    field("customer", "客户名称", "farm", T, false),
    HERD_SIZE,
    field(
        "cases",
        "发病数",
        "cases",
        N(&["头", "只", "羽", "尾"]),
        false,
    ),
    field(
        "deaths",
        "死亡数",
        "deaths",
        N(&["头", "只", "羽", "尾"]),
        false,
    ),
    field(
        "confirmed",
        "是否确诊",
        "confirmed",
        C(Dimension::YesNo),
        false,
    ),
    field("advice", "处置建议", "advice", T, false),
];

pub(super) const ASSIST: [Field; 7] = [
    field("complaint_id", "投诉编号", "complaint id", T, true),
    // SPEC §2.2 G: a request with a blank 协查部门 still awaits a reply (§5.1.10).
    field("dept", "协查部门", "department", C(Dimension::Dept), true).blank_kept(),
    field("request_date", "申请日期", "request date", D, true),
    field("content", "协查内容", "request", T, false),
    field("reply_date", "回馈日期", "reply date", D, false),
    field(
        "disputed",
        "是否质询",
        "disputed",
        C(Dimension::YesNo),
        false,
    ),
    field("outcome", "处理结果", "outcome", T, false),
];

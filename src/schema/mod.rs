//! The input kinds of SPEC §2.2 and their fields: identifier, canonical header, value type,
//! whether it is required. Aliases for the headers are data in the template; what a field
//! *is* (its type and whether the statistics need it) is fixed here.

mod fields;

use crate::taxonomy::Dimension;
use fields::{
    ASSIST, BATCH, COMPLAINT, DISEASE, FEED_MARKET, FEED_USAGE, FIELD_VISIT, LIVESTOCK, PRICE,
    SITE_VISIT, TRIP,
};

/// The kind of an input sheet (SPEC §2.2); E is split into its five sub-tables.
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
    FeedUsage,
    Disease,
    Assist,
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
    /// Its English label.
    pub en: &'static str,
    pub ty: FieldType,
    /// The kind's header must have it (SPEC §2.2, in bold); a row whose cell is blank or
    /// unreadable is then rejected, unless `blank_kept`.
    pub required: bool,
    /// A required field whose blank cell keeps the row (counted as `未填写`): G's 协查部门.
    pub blank_kept: bool,
}

/// What the program knows of a kind: its template key, SPEC's letter, its names, its fields
/// and the field that dates a record into a period (SPEC §4).
struct KindInfo {
    kind: Kind,
    key: &'static str,
    code: &'static str,
    zh: &'static str,
    en: &'static str,
    fields: &'static [Field],
    date_field: &'static str,
}

const KINDS: [KindInfo; 11] = [
    KindInfo {
        kind: Kind::Complaint,
        key: "complaint",
        code: "A",
        zh: "客诉登记",
        en: "complaint register",
        fields: &COMPLAINT,
        date_field: "received_date",
    },
    KindInfo {
        kind: Kind::SiteVisit,
        key: "site_visit",
        code: "B",
        zh: "投诉现场访问",
        en: "complaint site visits",
        fields: &SITE_VISIT,
        date_field: "visit_date",
    },
    KindInfo {
        kind: Kind::FieldVisit,
        key: "field_visit",
        code: "C",
        zh: "现场拜访",
        en: "field visits",
        fields: &FIELD_VISIT,
        date_field: "visit_date",
    },
    KindInfo {
        kind: Kind::Trip,
        key: "trip",
        code: "D",
        zh: "出差行程",
        en: "trips",
        fields: &TRIP,
        date_field: "depart_date",
    },
    KindInfo {
        kind: Kind::FeedMarket,
        key: "feed_market",
        code: "E1",
        zh: "饲料市场",
        en: "feed market survey",
        fields: &FEED_MARKET,
        date_field: "survey_date",
    },
    KindInfo {
        kind: Kind::Livestock,
        key: "livestock",
        code: "E2",
        zh: "养殖规模",
        en: "livestock scale survey",
        fields: &LIVESTOCK,
        date_field: "survey_date",
    },
    KindInfo {
        kind: Kind::Price,
        key: "price",
        code: "E3",
        zh: "价格",
        en: "price survey",
        fields: &PRICE,
        date_field: "survey_date",
    },
    KindInfo {
        kind: Kind::Batch,
        key: "batch",
        code: "E4",
        zh: "饲养效果",
        en: "feeding batches",
        fields: &BATCH,
        date_field: "end_date",
    },
    KindInfo {
        kind: Kind::FeedUsage,
        key: "feed_usage",
        code: "E5",
        zh: "主流养殖户用料",
        en: "farm feed usage",
        fields: &FEED_USAGE,
        date_field: "survey_date",
    },
    KindInfo {
        kind: Kind::Disease,
        key: "disease",
        code: "F",
        zh: "疫病报告",
        en: "disease reports",
        fields: &DISEASE,
        date_field: "report_date",
    },
    KindInfo {
        kind: Kind::Assist,
        key: "assist",
        code: "G",
        zh: "业务协查",
        en: "assistance requests",
        fields: &ASSIST,
        date_field: "request_date",
    },
];

impl Kind {
    /// Every kind, in the order sheets are reported.
    pub const ALL: [Kind; 11] = [
        Kind::Complaint,
        Kind::SiteVisit,
        Kind::FieldVisit,
        Kind::Trip,
        Kind::FeedMarket,
        Kind::Livestock,
        Kind::Price,
        Kind::Batch,
        Kind::FeedUsage,
        Kind::Disease,
        Kind::Assist,
    ];

    fn info(self) -> &'static KindInfo {
        KINDS
            .iter()
            .find(|i| i.kind == self)
            .expect("every kind is in KINDS")
    }

    /// The key naming this kind in a template's `[aliases.<key>]` table.
    pub fn key(self) -> &'static str {
        self.info().key
    }

    /// Looks a kind up by its template key.
    pub fn from_key(key: &str) -> Option<Kind> {
        KINDS.iter().find(|i| i.key == key).map(|i| i.kind)
    }

    /// SPEC's letter for the kind: A, B, C, D, E1–E5, F, G.
    pub fn code(self) -> &'static str {
        self.info().code
    }

    /// The kind's Chinese name, as the department calls the form.
    pub fn zh(self) -> &'static str {
        self.info().zh
    }

    /// The kind's English name.
    pub fn en(self) -> &'static str {
        self.info().en
    }

    /// The kind's fields, required ones included.
    pub fn fields(self) -> &'static [Field] {
        self.info().fields
    }

    /// The field with this id (a bug when there is none: ids are fixed here).
    pub fn field(self, id: &str) -> &'static Field {
        let i = self.field_index(id);
        &self.fields()[i.unwrap_or_else(|| panic!("{self:?} has no field {id}"))]
    }

    /// Index of the field with this id.
    pub fn field_index(self, id: &str) -> Option<usize> {
        self.fields().iter().position(|f| f.id == id)
    }

    /// The field that dates a record into a period (SPEC §4).
    pub fn date_field(self) -> &'static str {
        self.info().date_field
    }
}

/// Every unit a numeric field of any kind accepts.
pub fn all_units() -> impl Iterator<Item = &'static str> {
    Kind::ALL.into_iter().flat_map(|k| {
        k.fields().iter().flat_map(|f| match f.ty {
            FieldType::Number(units) => units.iter().copied(),
            _ => [].iter().copied(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_described_once() {
        assert_eq!(KINDS.len(), Kind::ALL.len());
        for (info, kind) in KINDS.iter().zip(Kind::ALL) {
            assert_eq!(info.kind, kind);
        }
    }

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

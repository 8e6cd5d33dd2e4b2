//! The input kinds of SPEC §2.2 and their fields: identifier, canonical header, value type,
//! whether it is required. Aliases for the headers are data in the template; what a field
//! *is* (its type and whether the statistics need it) is fixed here.

mod fields;

use crate::taxonomy::Dimension;
use fields::{BATCH, COMPLAINT, FEED_MARKET, FIELD_VISIT, LIVESTOCK, PRICE, SITE_VISIT, TRIP};

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
    /// Its English label.
    pub en: &'static str,
    pub ty: FieldType,
    pub required: bool,
}

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

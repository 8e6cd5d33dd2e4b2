//! The cell formats of the workbook: number formats by what a figure is (SPEC §6), borders,
//! the own-brand highlight, and wrapped text for long columns.

use rust_xlsxwriter::{Color, Format, FormatBorder};

use crate::measure::Measure;

/// How a data cell is dressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dress {
    /// Thin grey borders.
    Bordered,
    /// Borders, bold, a light yellow fill (own brands).
    Highlighted,
    /// No borders (long lists: a format lookup per cell is most of their writing time; a
    /// list's number columns take their format from the column, see
    /// [`Formats::column_format`]).
    Plain,
}

/// The number formats, by what a figure is (SPEC §6).
const NUMBER_FORMATS: [&str; 8] = [
    "General",
    "#,##0",
    "0.0%",
    "0.00",
    "#,##0.00",
    "0",
    "0.0",
    "yyyy-mm-dd",
];

/// The number format (index into [`NUMBER_FORMATS`]) of a measure.
fn number_format(m: Measure) -> usize {
    match m {
        Measure::Count => 1,
        Measure::Share | Measure::Change => 2,
        Measure::Ratio | Measure::Money | Measure::Price => 3,
        Measure::Quantity => 4,
        Measure::Days | Measure::Ordinal => 5,
        Measure::Median => 6,
        Measure::Date => 7,
        Measure::Text | Measure::Key | Measure::Flag | Measure::OfRow | Measure::MedianOfRow => 0,
    }
}

/// The formats every sheet uses.
pub struct Formats {
    pub sheet_title: Format,
    pub title: Format,
    pub header: Format,
    pub note: Format,
    /// Long text, wrapped within its column: bordered, highlighted, plain.
    wrapped: [Format; 3],
    /// Per dress, per number format.
    bordered: [Format; 8],
    highlighted: [Format; 8],
    plain: [Format; 8],
    /// General, written out: a cell that must not take its column's number format.
    general: Format,
}

impl Formats {
    pub fn new() -> Formats {
        let border = |f: Format| {
            f.set_border(FormatBorder::Thin)
                .set_border_color(Color::RGB(0xBFBFBF))
        };
        let numbered = |i: usize| Format::new().set_num_format(NUMBER_FORMATS[i]);
        Formats {
            sheet_title: Format::new().set_bold().set_font_size(14),
            title: Format::new()
                .set_bold()
                .set_font_color(Color::RGB(0x1F4E79)),
            header: border(Format::new())
                .set_bold()
                .set_background_color(Color::RGB(0xDDEBF7))
                .set_text_wrap(),
            note: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x7F6000)),
            wrapped: [
                border(Format::new()).set_text_wrap(),
                border(Format::new())
                    .set_text_wrap()
                    .set_bold()
                    .set_background_color(Color::RGB(0xFFF2CC)),
                Format::new().set_text_wrap(),
            ],
            bordered: std::array::from_fn(|i| border(numbered(i))),
            highlighted: std::array::from_fn(|i| {
                border(numbered(i))
                    .set_bold()
                    .set_background_color(Color::RGB(0xFFF2CC))
            }),
            plain: std::array::from_fn(numbered),
            // Not the default format (an unformatted cell takes its column's), but it looks
            // the same.
            general: numbered(0),
        }
    }

    /// The format of a `measure` value dressed as `dress`; `None` to write it unformatted.
    /// Text in a column too narrow for it wraps.
    pub fn pick(&self, measure: Measure, dress: Dress, wrap: bool) -> Option<&Format> {
        let i = number_format(measure);
        if wrap && i == 0 {
            return Some(match dress {
                Dress::Bordered => &self.wrapped[0],
                Dress::Highlighted => &self.wrapped[1],
                Dress::Plain => &self.wrapped[2],
            });
        }
        match dress {
            Dress::Bordered => Some(&self.bordered[i]),
            Dress::Highlighted => Some(&self.highlighted[i]),
            Dress::Plain if i == 0 => None,
            Dress::Plain => Some(&self.plain[i]),
        }
    }

    /// The format a long list's column of `measure` can carry, so that its plain cells are
    /// written unformatted: looking a format up costs about as much as writing the cell.
    /// `None` for text and for columns whose measure varies by row. Returns the number format
    /// (for [`Formats::pick_in`]) and the format.
    pub fn column_format(&self, measure: Measure) -> Option<(usize, &Format)> {
        let i = number_format(measure);
        (i != 0).then(|| (i, &self.plain[i]))
    }

    /// As [`Formats::pick`], for a cell in a column whose format is number format `column`
    /// (set from [`Formats::column_format`]), if any: a plain cell of that format is left
    /// unformatted, taking it from the column, and a cell that would be unformatted is
    /// written as General, so that it does not.
    pub fn pick_in(
        &self,
        measure: Measure,
        dress: Dress,
        wrap: bool,
        column: Option<usize>,
    ) -> Option<&Format> {
        let picked = self.pick(measure, dress, wrap);
        let Some(i) = column else {
            return picked;
        };
        match picked {
            None => Some(&self.general),
            Some(f) if std::ptr::eq(f, &self.plain[i]) => None,
            f => f,
        }
    }
}

//! The shapes of rows below a header: one that repeats the header, rows that look like a
//! table, a row's text as the problem list shows it.

use crate::ingest::Cell;
use crate::schema::Kind;
use crate::template::Template;
use crate::text::header_key;

/// Whether a data row repeats the header: every field's cell is text naming that field.
/// The cheap half first — a row with a date, a number or a blank where the header has
/// text is data, with no header key made.
pub fn repeats_header(
    template: &Template,
    kind: Kind,
    cols: &[Option<u32>],
    cells: &[Cell<'_>],
) -> bool {
    let text = |col: u32| match cells.get(col as usize) {
        Some(Cell::Text(t)) => Some(&**t),
        _ => None,
    };
    let names = |f: usize, t: &str| template.match_header(kind, &header_key(t)) == Some(f);
    cols.iter().flatten().all(|&c| text(c).is_some())
        && cols
            .iter()
            .enumerate()
            .all(|(f, col)| col.is_none_or(|c| text(c).is_some_and(|t| names(f, t))))
}

/// Whether some rows hold three or more filled cells, as a table's header and data do.
pub fn looks_like_a_table(rows: &[(u32, Vec<Cell<'static>>)]) -> bool {
    let wide = |cells: &Vec<Cell<'static>>| cells.iter().filter(|c| !c.is_blank()).count() >= 3;
    rows.iter().filter(|(_, cells)| wide(cells)).count() >= 2
}

/// A row's non-blank cells joined, to show a skipped row on the problem list.
pub fn row_text(cells: &[Cell<'_>]) -> String {
    let parts: Vec<String> = cells
        .iter()
        .filter(|c| !c.is_blank())
        .take(6)
        .map(Cell::display)
        .collect();
    parts.join(" | ")
}

//! The unit a numeric column's header names (`销量(吨)`, `存栏（万头）`). A header naming the
//! field's own unit changes nothing. One naming another unit — 公斤 over a field kept in 吨,
//! 万头 over one counted in 头 — would put every number of the column off by that factor
//! without a word, so those numbers are refused instead, the unit named.

use crate::schema::all_units;
use crate::text::value_key;

/// Multipliers written before a unit (`万头`, `千吨`).
const MULTIPLIERS: [char; 5] = ['十', '百', '千', '万', '亿'];

/// The unit `header` names in a trailing parenthesised note when it is not one of `units`
/// (the field's): a unit some numeric field accepts, possibly after a multiplier, or any
/// amount of 元. `None` when the note names the field's own unit, or no unit known here, or
/// the field is a price (its units all amounts of 元).
pub fn foreign_unit(header: &str, units: &[&str]) -> Option<String> {
    // A price's unit is data of its own (the 单位 column, 元/吨 as well as 元/kg), not a
    // scale its numbers are kept in.
    if !units.is_empty() && units.iter().all(|u| u.starts_with('元')) {
        return None;
    }
    let note = trailing_note(header)?;
    let key = value_key(note);
    if key.is_empty() || units.iter().any(|u| value_key(u) == key) {
        return None;
    }
    let bare = key.trim_start_matches(MULTIPLIERS);
    let known = all_units().any(|u| value_key(u) == bare) || bare.starts_with('元');
    known.then(|| note.trim().to_string())
}

/// The text of the parenthesised note that ends `header`, half- or full-width.
fn trailing_note(header: &str) -> Option<&str> {
    let h = header.trim_end();
    let body = h.strip_suffix(')').or_else(|| h.strip_suffix('）'))?;
    let open = body.rfind(['(', '（'])?;
    let paren = body[open..].chars().next()?.len_utf8();
    Some(&body[open + paren..])
}

#[cfg(test)]
mod tests {
    use super::*;

    const TONNES: &[&str] = &["吨", "t"];
    const HEAD: &[&str] = &["头", "只", "羽", "尾", "亩"];

    #[test]
    fn a_header_naming_another_unit_is_caught() {
        assert_eq!(foreign_unit("销量(公斤)", TONNES), Some("公斤".into()));
        assert_eq!(foreign_unit("销量（kg）", TONNES), Some("kg".into()));
        assert_eq!(foreign_unit("存栏(万头)", HEAD), Some("万头".into()));
        assert_eq!(foreign_unit("销量(万元)", TONNES), Some("万元".into()));
    }

    #[test]
    fn the_fields_own_unit_or_no_unit_changes_nothing() {
        assert_eq!(foreign_unit("销量(吨)", TONNES), None);
        assert_eq!(foreign_unit("销量（T）", TONNES), None);
        assert_eq!(foreign_unit("存栏(头)", HEAD), None);
        assert_eq!(foreign_unit("销量", TONNES), None);
        assert_eq!(foreign_unit("销量(含自配料)", TONNES), None);
        assert_eq!(foreign_unit("销量(吨/年)", TONNES), None);
        assert_eq!(foreign_unit("销量()", TONNES), None);
    }

    #[test]
    fn a_price_takes_any_unit_its_header_names() {
        let price: &[&str] = &["元/kg", "元/斤", "元"];
        assert_eq!(foreign_unit("单价(元/吨)", price), None);
        assert_eq!(foreign_unit("单价(万元)", price), None);
    }
}

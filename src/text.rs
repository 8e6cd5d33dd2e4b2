//! Text normalisation shared by header matching and value matching (SPEC §2.1): trim,
//! full-width → half-width, case-fold, inner spaces and line breaks removed, and (for
//! headers) a trailing `(...)` / `（...）` unit note removed.

/// A text file's bytes as text: UTF-16 when they start with its byte-order mark (Excel's
/// "Unicode text" and some systems' exports), UTF-8 when they are valid UTF-8 (a BOM is
/// dropped), GB18030 (a superset of GBK, what Chinese Excel and an older Notepad save)
/// otherwise.
pub fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    if let Some((utf16, bom)) = encoding_rs::Encoding::for_bom(bytes)
        .filter(|(e, _)| *e == encoding_rs::UTF_16LE || *e == encoding_rs::UTF_16BE)
    {
        return utf16.decode_without_bom_handling(&bytes[bom..]).0;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => encoding_rs::GB18030.decode_without_bom_handling(bytes).0,
    }
}

/// One character full-width → half-width: the full-width ASCII forms (U+FF01–U+FF5E) and
/// the ideographic space; any other character as it is.
fn half_width_char(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Folds one character: half-width, ASCII letters to lower case.
fn fold_char(c: char) -> char {
    half_width_char(c).to_ascii_lowercase()
}

/// Whether the character is invisible: the zero-width ones text copied from a web page or a
/// chat brings along (zero-width space, non-joiner, joiner, word joiner, byte-order mark).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Whether the character is whitespace to drop, including full-width and no-break spaces
/// and the invisible ones.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{00A0}' || is_invisible(c)
}

/// Full-width → half-width only, keeping case and spaces; for values written back out.
pub fn half_width(s: &str) -> String {
    s.chars().map(half_width_char).collect()
}

/// The comparison key of a value: folded, with every space and line break removed.
pub fn value_key(s: &str) -> String {
    s.chars().filter(|c| !is_space(*c)).map(fold_char).collect()
}

/// The comparison key of a header cell: as [`value_key`], then a trailing parenthesised
/// note such as `(吨)` or `（元/kg）` removed, unless that would leave nothing.
pub fn header_key(s: &str) -> String {
    let key = value_key(s);
    if key.ends_with(')')
        && let Some(open) = key.rfind('(')
        && open > 0
    {
        return key[..open].to_string();
    }
    key
}

/// A cell's text cleaned for storage: full-width → half-width, trimmed, inner line breaks
/// turned into spaces, invisible characters dropped. `None` when nothing is left. One pass over the bytes, copying the
/// runs that need nothing: a register's descriptions (a full-width comma in most) all come
/// through here.
pub fn clean_text(s: &str) -> Option<String> {
    let t = s.trim_matches(is_space);
    if t.is_empty() {
        return None;
    }
    let bytes = t.as_bytes();
    let mut out = String::with_capacity(t.len());
    let (mut copied, mut i) = (0, 0);
    while i < bytes.len() {
        // Every character that changes is a line break or led by 0xE2 (U+200B–U+2060),
        // 0xE3 (U+3000) or 0xEF (U+FEFF, U+FF01–U+FF5E); `i` is always at a character
        // boundary there. An invisible character is dropped (swapped for nothing).
        let swap = match bytes[i] {
            b'\n' | b'\r' => Some((1, Some(' '))),
            0xE2 | 0xE3 | 0xEF => t[i..].chars().next().and_then(|c| {
                let len = c.len_utf8();
                if is_invisible(c) {
                    return Some((len, None));
                }
                let h = half_width_char(c);
                (h.len_utf8() < len).then_some((len, Some(h)))
            }),
            _ => None,
        };
        match swap {
            Some((len, with)) => {
                out.push_str(&t[copied..i]);
                out.extend(with);
                i += len;
                copied = i;
            }
            None => i += 1,
        }
    }
    out.push_str(&t[copied..]);
    // Folding cannot make a new outer space: `t` is trimmed, and a full-width form never
    // becomes a space (U+3000 is one already).
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_keys_ignore_width_case_spaces_and_unit_notes() {
        assert_eq!(header_key(" 受理\n日期 "), "受理日期");
        assert_eq!(header_key("销量（吨）"), "销量");
        assert_eq!(header_key("销量(吨)"), "销量");
        assert_eq!(header_key("Ｄａｔｅ Received"), "datereceived");
        assert_eq!(header_key("(备注)"), "(备注)");
    }

    #[test]
    fn clean_text_trims_and_folds_width() {
        assert_eq!(clean_text("  张三　"), Some("张三".to_string()));
        assert_eq!(clean_text("ＡＢＣ１２３"), Some("ABC123".to_string()));
        assert_eq!(
            clean_text("第一行\n第二行"),
            Some("第一行 第二行".to_string())
        );
        assert_eq!(clean_text(" \u{3000} "), None);
    }

    #[test]
    fn invisible_characters_from_a_web_page_count_as_spaces() {
        // A value pasted from a web page or a chat: a zero-width space after it, a word
        // joiner before it, a zero-width joiner inside.
        assert_eq!(clean_text("KS001\u{200B}"), Some("KS001".to_string()));
        assert_eq!(clean_text("\u{2060}已结案"), Some("已结案".to_string()));
        assert_eq!(value_key("已\u{200D}结案\u{200C}"), value_key("已结案"));
        assert_eq!(clean_text("\u{200B}\u{FEFF}"), None);
    }
}

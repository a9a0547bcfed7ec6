//! HTML character references: every name HTML5 defines (web_atoms' table, the one html5ever
//! uses, so it costs no extra build), decimal and hex.
//!
//! XML only predefines five entities, so feeds that paste HTML carry `&nbsp;`, `&eacute;` and
//! the rest; we decode them when making plain text, by the rules a browser follows.

use web_atoms::NAMED_ENTITIES;

/// Longest name in the table (`CounterClockwiseContourIntegral`, 31 letters), plus its `;`.
const MAX_NAME: usize = 32;

/// Longest numeric reference we read: `#x10FFFF` with leading zeros to spare.
const MAX_NUMBER: usize = 10;

/// What one reference stands for: a character, or two for the few names that combine one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expansion(pub char, pub Option<char>);

impl Expansion {
    pub fn push_to(self, out: &mut String) {
        out.push(self.0);
        if let Some(second) = self.1 {
            out.push(second);
        }
    }
}

fn lookup(key: &str) -> Option<Expansion> {
    let &(first, second) = NAMED_ENTITIES.get(key)?;
    let first = char::from_u32(first).filter(|&c| c != '\0')?;
    Some(Expansion(
        first,
        char::from_u32(second).filter(|&c| c != '\0'),
    ))
}

/// Decodes the character reference at the start of `rest`, which begins just after an `&`, as
/// HTML does in text: `&name;`, the legacy names allowed without their `;` (`&copy 2025`,
/// `&amp`), `&#233;` and `&#xE9;`. Returns the expansion and the bytes consumed after the `&`,
/// or `None` when it is not a reference (the caller keeps the `&` literally).
pub(crate) fn decode_at(rest: &str) -> Option<(Expansion, usize)> {
    if let Some(number) = rest.strip_prefix('#') {
        let end = number
            .bytes()
            .take(MAX_NUMBER + 1)
            .position(|b| b == b';')?;
        return Some((Expansion(decode_number(&number[..end])?, None), end + 2));
    }
    let name_length = rest
        .bytes()
        .take(MAX_NAME)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    if name_length == 0 {
        return None;
    }
    if rest.as_bytes().get(name_length) == Some(&b';')
        && let Some(expansion) = lookup(&rest[..=name_length])
    {
        return Some((expansion, name_length + 1));
    }
    // The longest legacy name that starts the run, as a browser reads `&notit;` as `¬it;`.
    (1..=name_length)
        .rev()
        .find_map(|length| lookup(&rest[..length]).map(|expansion| (expansion, length)))
}

/// `233`, `xE9` or `XE9` as a character; NUL, surrogates and values past Unicode become
/// U+FFFD ("something was here").
pub(crate) fn decode_number(number: &str) -> Option<char> {
    let value = match number.strip_prefix(['x', 'X']) {
        Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
            u32::from_str_radix(hex, 16).unwrap_or(u32::MAX)
        }
        None if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) => {
            number.parse::<u32>().unwrap_or(u32::MAX)
        }
        _ => return None,
    };
    match value {
        0 => Some('\u{fffd}'),
        _ => Some(char::from_u32(value).unwrap_or('\u{fffd}')),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(c: char) -> Expansion {
        Expansion(c, None)
    }

    #[test]
    fn decodes_named_decimal_and_hex() {
        assert_eq!(decode_at("eacute; rest"), Some((one('é'), 7)));
        assert_eq!(decode_at("#233;"), Some((one('é'), 5)));
        assert_eq!(decode_at("#xE9;"), Some((one('é'), 5)));
        assert_eq!(decode_at("#X1F600;"), Some((one('😀'), 8)));
        assert_eq!(decode_at("micro;"), Some((one('µ'), 6)));
        assert_eq!(decode_at("bigstar;"), Some((one('★'), 8)));
        assert_eq!(
            decode_at("NotNestedGreaterGreater;"),
            Some((Expansion('⪢', Some('\u{338}')), 24))
        );
    }

    #[test]
    fn legacy_names_work_without_their_semicolon() {
        assert_eq!(decode_at("copy 2025"), Some((one('©'), 4)));
        assert_eq!(decode_at("amp and more"), Some((one('&'), 3)));
        assert_eq!(decode_at("notit;"), Some((one('¬'), 3)));
        assert_eq!(
            decode_at("hellip and"),
            None,
            "only legacy names may drop the ;"
        );
    }

    #[test]
    fn unknown_or_unterminated_references_are_not_decoded() {
        assert_eq!(decode_at("bogus;"), None);
        assert_eq!(decode_at("T; is a company"), None);
        assert_eq!(decode_at("#xZZ;"), None);
        assert_eq!(decode_at("#;"), None);
        assert_eq!(decode_at(" space"), None);
    }

    #[test]
    fn the_whole_html5_table_is_known() {
        let with_semicolon = NAMED_ENTITIES
            .entries()
            .filter(|(name, (first, _))| name.ends_with(';') && *first != 0)
            .count();
        let without = NAMED_ENTITIES
            .entries()
            .filter(|(name, (first, _))| !name.ends_with(';') && *first != 0)
            .count();
        assert_eq!((with_semicolon, without), (2125, 106));
        assert_eq!(decode_at("hellip;"), Some((one('…'), 7)));
        assert_eq!(decode_at("doctor;"), None);
    }

    #[test]
    fn invalid_code_points_become_replacement_characters() {
        assert_eq!(decode_at("#0;"), Some((one('\u{fffd}'), 3)));
        assert_eq!(decode_at("#xD800;"), Some((one('\u{fffd}'), 7)));
        assert_eq!(decode_at("#99999999;"), Some((one('\u{fffd}'), 10)));
    }
}

//! HTML character references: the named ones feeds actually use, plus decimal and hex.
//!
//! XML only predefines five entities, so feeds that paste HTML leave `&nbsp;`, `&eacute;` and
//! friends undecoded (feed-rs keeps them literally). We decode them when making plain text.

/// Named entities, sorted by name for binary search.
const NAMED: &[(&str, char)] = &[
    ("AElig", 'Æ'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Agrave", 'À'),
    ("Alpha", 'Α'),
    ("Aring", 'Å'),
    ("Atilde", 'Ã'),
    ("Auml", 'Ä'),
    ("Beta", 'Β'),
    ("Ccedil", 'Ç'),
    ("Delta", 'Δ'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Egrave", 'È'),
    ("Euml", 'Ë'),
    ("Gamma", 'Γ'),
    ("Iacute", 'Í'),
    ("Icirc", 'Î'),
    ("Iuml", 'Ï'),
    ("Lambda", 'Λ'),
    ("Ntilde", 'Ñ'),
    ("Oacute", 'Ó'),
    ("Ocirc", 'Ô'),
    ("Omega", 'Ω'),
    ("Oslash", 'Ø'),
    ("Otilde", 'Õ'),
    ("Ouml", 'Ö'),
    ("Sigma", 'Σ'),
    ("Uacute", 'Ú'),
    ("Ucirc", 'Û'),
    ("Ugrave", 'Ù'),
    ("Uuml", 'Ü'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("acute", '´'),
    ("aelig", 'æ'),
    ("agrave", 'à'),
    ("alpha", 'α'),
    ("amp", '&'),
    ("apos", '\''),
    ("aring", 'å'),
    ("asymp", '≈'),
    ("atilde", 'ã'),
    ("auml", 'ä'),
    ("bdquo", '„'),
    ("beta", 'β'),
    ("brvbar", '¦'),
    ("bull", '•'),
    ("ccedil", 'ç'),
    ("cedil", '¸'),
    ("cent", '¢'),
    ("chi", 'χ'),
    ("copy", '©'),
    ("curren", '¤'),
    ("dagger", '†'),
    ("darr", '↓'),
    ("deg", '°'),
    ("delta", 'δ'),
    ("divide", '÷'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("egrave", 'è'),
    ("emsp", '\u{2003}'),
    ("ensp", '\u{2002}'),
    ("epsilon", 'ε'),
    ("eta", 'η'),
    ("euml", 'ë'),
    ("euro", '€'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("gamma", 'γ'),
    ("ge", '≥'),
    ("gt", '>'),
    ("harr", '↔'),
    ("hellip", '…'),
    ("iacute", 'í'),
    ("icirc", 'î'),
    ("iexcl", '¡'),
    ("igrave", 'ì'),
    ("infin", '∞'),
    ("iquest", '¿'),
    ("iuml", 'ï'),
    ("kappa", 'κ'),
    ("lambda", 'λ'),
    ("laquo", '«'),
    ("larr", '←'),
    ("ldquo", '“'),
    ("le", '≤'),
    ("lsaquo", '‹'),
    ("lsquo", '‘'),
    ("lt", '<'),
    ("macr", '¯'),
    ("mdash", '—'),
    ("micro", 'µ'),
    ("middot", '·'),
    ("minus", '−'),
    ("mu", 'μ'),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("ne", '≠'),
    ("not", '¬'),
    ("ntilde", 'ñ'),
    ("nu", 'ν'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("oelig", 'œ'),
    ("ograve", 'ò'),
    ("omega", 'ω'),
    ("ordf", 'ª'),
    ("ordm", 'º'),
    ("oslash", 'ø'),
    ("otilde", 'õ'),
    ("ouml", 'ö'),
    ("para", '¶'),
    ("permil", '‰'),
    ("phi", 'φ'),
    ("pi", 'π'),
    ("plusmn", '±'),
    ("pound", '£'),
    ("prime", '′'),
    ("psi", 'ψ'),
    ("quot", '"'),
    ("raquo", '»'),
    ("rarr", '→'),
    ("rdquo", '”'),
    ("reg", '®'),
    ("rho", 'ρ'),
    ("rsaquo", '›'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("scaron", 'š'),
    ("sect", '§'),
    ("shy", '\u{ad}'),
    ("sigma", 'σ'),
    ("sup1", '¹'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("szlig", 'ß'),
    ("tau", 'τ'),
    ("theta", 'θ'),
    ("thinsp", '\u{2009}'),
    ("times", '×'),
    ("trade", '™'),
    ("uacute", 'ú'),
    ("uarr", '↑'),
    ("ucirc", 'û'),
    ("ugrave", 'ù'),
    ("uml", '¨'),
    ("uuml", 'ü'),
    ("yacute", 'ý'),
    ("yen", '¥'),
    ("yuml", 'ÿ'),
    ("zeta", 'ζ'),
    ("zwj", '\u{200d}'),
    ("zwnj", '\u{200c}'),
];

/// Longest entity body we try to read after `&` (e.g. `#x1F600` or `thinsp`).
const MAX_ENTITY_LEN: usize = 10;

/// Decodes the character reference at the start of `rest`, which begins just after an `&`.
/// Returns the character and the number of bytes consumed after the `&` (including the `;`),
/// or `None` when it is not a reference we know (the caller keeps the `&` literally).
pub(crate) fn decode_at(rest: &str) -> Option<(char, usize)> {
    let end = rest
        .char_indices()
        .take(MAX_ENTITY_LEN + 1)
        .find(|&(_, c)| c == ';')
        .map(|(i, _)| i)?;
    let body = &rest[..end];
    let decoded = match body.strip_prefix('#') {
        Some(number) => decode_number(number)?,
        None => lookup(body)?,
    };
    Some((decoded, end + 1))
}

fn lookup(name: &str) -> Option<char> {
    NAMED
        .binary_search_by(|&(candidate, _)| candidate.cmp(name))
        .ok()
        .map(|index| NAMED[index].1)
}

fn decode_number(number: &str) -> Option<char> {
    let value = match number.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => number.parse::<u32>().ok()?,
    };
    // NUL and surrogates are not characters; U+FFFD says "something was here".
    match value {
        0 => Some('\u{fffd}'),
        _ => Some(char::from_u32(value).unwrap_or('\u{fffd}')),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_so_binary_search_works() {
        assert!(NAMED.windows(2).all(|pair| pair[0].0 < pair[1].0));
        assert!(NAMED.len() >= 100);
    }

    #[test]
    fn decodes_named_decimal_and_hex() {
        assert_eq!(decode_at("eacute; rest"), Some(('é', 7)));
        assert_eq!(decode_at("#233;"), Some(('é', 5)));
        assert_eq!(decode_at("#xE9;"), Some(('é', 5)));
        assert_eq!(decode_at("#X1F600;"), Some(('😀', 8)));
        assert_eq!(decode_at("micro;"), Some(('µ', 6)));
    }

    #[test]
    fn unknown_or_unterminated_references_are_not_decoded() {
        assert_eq!(decode_at("bogus;"), None);
        assert_eq!(decode_at("amp and more"), None);
        assert_eq!(decode_at("T; is a company"), None);
        assert_eq!(decode_at("#xZZ;"), None);
    }

    #[test]
    fn invalid_code_points_become_replacement_characters() {
        assert_eq!(decode_at("#0;"), Some(('\u{fffd}', 3)));
        assert_eq!(decode_at("#xD800;"), Some(('\u{fffd}', 7)));
        assert_eq!(decode_at("#99999999;"), Some(('\u{fffd}', 10)));
    }
}

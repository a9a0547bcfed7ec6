//! Getting every document to UTF-8 before it is read.
//!
//! Publishers declare encodings they do not use, or none when their bytes are not UTF-8, so we
//! decide the encoding here, once: BOM, then the XML declaration, then the HTTP charset, then
//! windows-1252 (which decodes any byte), and rewrite the declaration to say UTF-8. When the
//! bytes contradict what the document says, that is reported as a repair.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use regex::bytes::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

static DECLARED_ENCODING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?-u)\A<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']"#).expect("encoding pattern")
});

/// The document as UTF-8 text with a UTF-8 (or no) declaration and no BOM, and whether the
/// bytes contradicted their declaration (or, with none, were not the UTF-8 XML then implies).
/// An HTTP charset is not a contradiction: for an undeclared document it is the authority.
pub fn to_utf8(body: &[u8], http_charset: Option<&str>) -> (String, bool) {
    let (encoding, bom_length) = match Encoding::for_bom(body) {
        Some((encoding, length)) => (Some(encoding), length),
        None => (None, 0),
    };
    let body = &body[bom_length..];
    let (decoded, mislabelled): (Cow<'_, str>, bool) = match encoding {
        Some(encoding) if encoding == UTF_8 => (String::from_utf8_lossy(body), false),
        // UTF-16: whitespace is two bytes wide, so it can only be trimmed after decoding.
        Some(encoding) => (Cow::Owned(decode(encoding, body)), false),
        None => decode_without_bom(body.trim_ascii_start(), http_charset),
    };
    (
        declare_utf8(decoded.trim_start_matches(|c: char| c.is_ascii_whitespace())),
        mislabelled,
    )
}

fn decode_without_bom<'a>(body: &'a [u8], http_charset: Option<&str>) -> (Cow<'a, str>, bool) {
    let declared = declared_encoding(body);
    let utf8 = std::str::from_utf8(body).ok();
    // A legacy label on bytes that are valid UTF-8 with non-ASCII in them is a mislabel:
    // Latin-1 text practically never forms valid multi-byte UTF-8 sequences.
    let looks_like_utf8 = utf8.is_some() && !body.is_ascii();
    match (declared, utf8) {
        (Some(encoding), _)
            if encoding != UTF_8 && encoding.is_ascii_compatible() && !looks_like_utf8 =>
        {
            (Cow::Owned(decode(encoding, body)), false)
        }
        (_, Some(text)) => {
            // Any other label was wrong: non-ASCII bytes that are UTF-8, or UTF-16 declared for
            // single bytes.
            let mislabelled = declared.is_some_and(|encoding| {
                encoding != UTF_8 && (!body.is_ascii() || !encoding.is_ascii_compatible())
            });
            (Cow::Borrowed(text), mislabelled)
        }
        (_, None) => {
            let trusted_charset = declared.is_none() && usable_charset(http_charset).is_some();
            let fallback = usable_charset(http_charset).unwrap_or(WINDOWS_1252);
            (Cow::Owned(decode(fallback, body)), !trusted_charset)
        }
    }
}

/// The HTTP charset unless it claims UTF-8 (we only get here when the bytes are not UTF-8)
/// or is not ASCII-compatible; the caller falls back to windows-1252, the usual truth behind
/// "Latin-1".
fn usable_charset(http_charset: Option<&str>) -> Option<&'static Encoding> {
    http_charset
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .filter(|encoding| *encoding != UTF_8 && encoding.is_ascii_compatible())
}

fn declared_encoding(body: &[u8]) -> Option<&'static Encoding> {
    let captures = DECLARED_ENCODING.captures(body)?;
    Encoding::for_label(captures.get(1)?.as_bytes().trim_ascii())
}

fn decode(encoding: &'static Encoding, body: &[u8]) -> String {
    encoding.decode_without_bom_handling(body).0.into_owned()
}

/// Rewrites the declaration's `encoding="…"` to UTF-8, since the text now is.
fn declare_utf8(text: &str) -> String {
    match DECLARED_ENCODING
        .captures(text.as_bytes())
        .and_then(|c| c.get(1))
    {
        Some(label) if !label.as_bytes().eq_ignore_ascii_case(b"utf-8") => {
            let mut out = String::with_capacity(text.len());
            out.push_str(&text[..label.start()]);
            out.push_str("UTF-8");
            out.push_str(&text[label.end()..]);
            out
        }
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf8(body: &[u8], charset: Option<&str>) -> String {
        to_utf8(body, charset).0
    }

    #[test]
    fn contradictions_are_told_apart_from_authorities() {
        let repaired = |body: &[u8], charset| to_utf8(body, charset).1;
        assert!(
            repaired(b"<rss>caf\xe9</rss>", None),
            "undeclared, not UTF-8"
        );
        assert!(repaired(
            b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss>caf\xe9</rss>",
            None
        ));
        assert!(
            !repaired(b"<rss>caf\xe9</rss>", Some("iso-8859-1")),
            "HTTP says so"
        );
        assert!(!repaired(
            b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>caf\xe9</rss>",
            None
        ));
        assert!(repaired(
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>café</rss>".as_bytes(),
            None
        ));
        assert!(!repaired("<rss>café</rss>".as_bytes(), None));
        assert!(!repaired(
            b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>cafe</rss>",
            None
        ));
    }

    #[test]
    fn latin1_without_declaration_falls_back_to_windows_1252() {
        let body = b"<rss><title>\xdaltimas Not\xedcias \x93quoted\x94</title></rss>";
        assert_eq!(
            utf8(body, None),
            "<rss><title>Últimas Notícias “quoted”</title></rss>"
        );
    }

    #[test]
    fn http_charset_is_used_when_bytes_are_not_utf8() {
        let body = b"<rss><title>\xcd\xee\xe2\xee\xf1\xf2\xe8</title></rss>";
        assert_eq!(
            utf8(body, Some("windows-1251")),
            "<rss><title>Новости</title></rss>"
        );
        // A charset that claims UTF-8 for non-UTF-8 bytes is ignored.
        assert_eq!(utf8(b"<a>caf\xe9</a>", Some("utf-8")), "<a>café</a>");
    }

    #[test]
    fn declared_legacy_encoding_is_decoded_and_redeclared() {
        let body = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss>Caf\xe9</rss>";
        assert_eq!(
            utf8(body, None),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss>Café</rss>"
        );
    }

    #[test]
    fn long_prolog_with_legacy_encoding_is_decoded() {
        let body =
            b"<?xml version=\"1.0\" encoding='windows-1252' standalone=\"yes\"  ?><rss>\x80</rss>";
        assert!(utf8(body, None).ends_with("encoding='UTF-8' standalone=\"yes\"  ?><rss>€</rss>"));
    }

    #[test]
    fn utf8_declared_as_latin1_is_kept_as_utf8() {
        let body = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss>Café</rss>".as_bytes();
        assert_eq!(
            utf8(body, None),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss>Café</rss>"
        );
    }

    #[test]
    fn wrong_utf8_declaration_falls_back() {
        let body = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss>Caf\xe9</rss>";
        assert_eq!(
            utf8(body, None),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss>Café</rss>"
        );
    }

    #[test]
    fn boms_and_leading_blank_lines_are_removed() {
        assert_eq!(
            utf8(b"\xef\xbb\xbf\n\n  <?xml version=\"1.0\"?><a/>", None),
            "<?xml version=\"1.0\"?><a/>"
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "\n<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>é</a>"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        assert_eq!(
            utf8(&utf16, None),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>é</a>"
        );
    }

    #[test]
    fn utf16_label_on_ascii_bytes_is_a_mislabel() {
        let body = b"<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>x</a>";
        assert_eq!(
            utf8(body, None),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>x</a>"
        );
    }
}

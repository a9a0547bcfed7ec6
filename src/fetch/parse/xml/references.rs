//! Character and entity references in XML text and attribute values.
//!
//! XML defines five named entities. Feeds pasted from HTML use the rest of HTML's (`&nbsp;`,
//! `&eacute;`, `&LT;`): those stay as written, for the HTML reading of the text to decode
//! (`text::plain_text`, the reader's renderer), where they mean what the publisher meant. A `&`
//! that starts no reference at all is an ampersand.

use crate::text::entities;
use std::borrow::Cow;

/// Longest reference body we look at after `&`: `#x10FFFF`, or an HTML5 name (the longest is
/// `CounterClockwiseContourIntegral`), which stays as written.
const MAX_REFERENCE: usize = 40;

/// `raw` with its references decoded; `bare_ampersand` is set when a `&` starts none.
pub fn decode<'a>(raw: &'a str, bare_ampersand: &mut bool) -> Cow<'a, str> {
    let Some(first) = raw.find('&') else {
        return Cow::Borrowed(raw);
    };
    let mut out = String::with_capacity(raw.len());
    out.push_str(&raw[..first]);
    let mut rest = &raw[first..];
    while let Some(position) = rest.find('&') {
        out.push_str(&rest[..position]);
        rest = &rest[position + 1..];
        match reference(rest) {
            Some((Decoded::Char(c), length)) => {
                out.push(c);
                rest = &rest[length..];
            }
            Some((Decoded::Unknown, length)) => {
                out.push('&');
                out.push_str(&rest[..length]);
                rest = &rest[length..];
            }
            None => {
                *bare_ampersand = true;
                out.push('&');
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

enum Decoded {
    Char(char),
    /// A well-formed reference to a name XML does not define: kept as written.
    Unknown,
}

/// The reference at the start of `rest` (just after a `&`) and its length including the `;`.
fn reference(rest: &str) -> Option<(Decoded, usize)> {
    let head = &rest.as_bytes()[..rest.len().min(MAX_REFERENCE + 1)];
    let end = head.iter().position(|&byte| byte == b';')?;
    let body = &rest[..end];
    let decoded = match body.strip_prefix('#') {
        Some(number) => Decoded::Char(entities::decode_number(number)?),
        None if is_name(body) => match body {
            "lt" => Decoded::Char('<'),
            "gt" => Decoded::Char('>'),
            "amp" => Decoded::Char('&'),
            "apos" => Decoded::Char('\''),
            "quot" => Decoded::Char('"'),
            _ => Decoded::Unknown,
        },
        None => return None,
    };
    Some((decoded, end + 1))
}

fn is_name(body: &str) -> bool {
    let mut bytes = body.bytes();
    bytes
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic())
        && bytes.all(|byte| byte.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(raw: &str) -> (String, bool) {
        let mut bare = false;
        let text = decode(raw, &mut bare).into_owned();
        (text, bare)
    }

    #[test]
    fn xml_html_and_numeric_references() {
        assert_eq!(
            decoded("a &lt;b&gt; &amp;amp; caf&eacute;&nbsp;&#233;&#xE9;&#X1F489;"),
            ("a <b> &amp; caf&eacute;&nbsp;éé💉".into(), false)
        );
    }

    #[test]
    fn unknown_names_stay_and_bare_ampersands_are_noted() {
        assert_eq!(
            decoded("&doctor; &x-y; AT&T &"),
            ("&doctor; &x-y; AT&T &".into(), true)
        );
        assert_eq!(decoded("&doctor;"), ("&doctor;".into(), false));
        assert_eq!(decoded("&#xZZ;"), ("&#xZZ;".into(), true));
    }
}

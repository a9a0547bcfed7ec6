//! `href` and `src` values in HTML bodies, found without a regex: every body of every item goes
//! through here on every refresh (links resolved against the item, links to papers), and a
//! capturing regex spent more there than feed-rs spent reading the whole document.
//!
//! Both searches match exactly what their patterns used to: a name (any case), optional
//! whitespace, `=`, optional whitespace, then a value in double or single quotes; matches do
//! not overlap, and a name whose value never closes is skipped.

use crate::ident::prefilter::needle;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// One attribute found: where its match starts and where its value (inside the quotes) is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    pub start: usize,
    pub value: Range<usize>,
}

/// `href` and `src` attributes that follow whitespace, as `(?i)\s(?:href|src)\s*=\s*("…"|'…')`
/// matches them; `start` is that whitespace.
pub fn url_attributes(html: &str) -> Vec<Attribute> {
    let folded = html.as_bytes().to_ascii_lowercase();
    // `(?i)` lets the long s (`ſ`) stand for `s`.
    let mut names: Vec<(usize, usize)> = needle!(b"href")
        .find_iter(&folded)
        .map(|at| (at, 4))
        .chain(needle!(b"src").find_iter(&folded).map(|at| (at, 3)))
        .chain(needle!("\u{17f}rc").find_iter(&folded).map(|at| (at, 4)))
        .collect();
    names.sort_unstable();
    let mut found: Vec<Attribute> = Vec::new();
    let mut resume = 0;
    for (at, length) in names {
        let Some(space) = char_before(html, at).filter(|c| c.is_whitespace()) else {
            continue;
        };
        let start = at - space.len_utf8();
        if start < resume {
            continue;
        }
        if let Some(value) = quoted_value(html, at + length) {
            resume = value.end + 1;
            found.push(Attribute { start, value });
        }
    }
    found
}

/// `href` values that start a word, as `(?i)\bhref\s*=\s*("…"|'…')` matches them.
pub fn href_values(html: &str) -> Vec<&str> {
    let folded = html.as_bytes().to_ascii_lowercase();
    let mut values = Vec::new();
    let mut resume = 0;
    for at in needle!(b"href").find_iter(&folded) {
        if at < resume || char_before(html, at).is_some_and(is_word_character) {
            continue;
        }
        if let Some(value) = quoted_value(html, at + 4) {
            resume = value.end + 1;
            values.push(&html[value]);
        }
    }
    values
}

/// After a name: whitespace, `=`, whitespace and a quoted value; the value's range.
fn quoted_value(html: &str, after_name: usize) -> Option<Range<usize>> {
    let equals = skip_whitespace(html, after_name);
    if html.as_bytes().get(equals) != Some(&b'=') {
        return None;
    }
    let open = skip_whitespace(html, equals + 1);
    let quote = *html
        .as_bytes()
        .get(open)
        .filter(|b| matches!(b, b'"' | b'\''))?;
    let length = memchr::memchr(quote, &html.as_bytes()[open + 1..])?;
    Some(open + 1..open + 1 + length)
}

fn skip_whitespace(html: &str, from: usize) -> usize {
    let rest = &html[from..];
    from + rest
        .find(|c: char| !c.is_whitespace())
        .unwrap_or(rest.len())
}

fn char_before(html: &str, at: usize) -> Option<char> {
    html[..at].chars().next_back()
}

/// A word character as the `regex` crate's Unicode `\w` (and `\b`) defines it.
fn is_word_character(c: char) -> bool {
    static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\w$").expect("word pattern"));
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    WORD.is_match(c.encode_utf8(&mut [0; 4]))
}

#[cfg(test)]
#[path = "attributes_tests.rs"]
mod tests;

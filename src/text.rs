//! Turning hostile feed text into something safe and readable. Pure functions.
//!
//! `plain_text` runs for every item on every refresh (titles, authors, the full-text index), so
//! it is a single hand-written pass rather than an HTML renderer.

pub mod body;
pub(crate) mod entities;
pub mod fit;
mod sanitize;

pub use sanitize::{sanitize_line, sanitize_multiline, sanitize_preformatted, sanitize_verbatim};

/// Elements whose content is never text a reader should see.
const HIDDEN_ELEMENTS: [&str; 2] = ["script", "style"];

/// Elements that sit inside a word (`H<sub>2</sub>O`); every other tag separates words. Sorted,
/// for a binary search per tag.
const INLINE_ELEMENTS: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
];

/// Strips HTML tags, decodes HTML entities (named, decimal, hex), drops control characters and
/// terminal escape sequences, and collapses runs of whitespace into one space. For titles,
/// authors, the full-text index and one-line displays.
///
/// A `<` only opens a tag when a letter, `/`, `!` or `?` follows, so plain-text titles such as
/// "IL-6 <5 pg/mL" or "a < b" keep their text.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    // Once a `<` has no `>` after it, no later one has either: the rest is text. Remembering
    // that keeps hostile input such as "<a<a<a…" linear.
    let mut tags_possible = true;
    while let Some(position) = memchr::memchr2(b'<', b'&', rest.as_bytes()) {
        out.push_str(&rest[..position]);
        rest = &rest[position..];
        let markup = match rest.starts_with('<') && tags_possible {
            true => consume_markup(rest, &mut out),
            false => None,
        };
        rest = match markup {
            Some(after) => after,
            None if rest.starts_with('<') => {
                tags_possible = false;
                out.push('<');
                &rest[1..]
            }
            None => consume_reference(rest, &mut out),
        };
    }
    out.push_str(rest);
    sanitize_line(&out)
}

/// `rest` starts with `&`: decodes a character reference or keeps the `&` as text.
fn consume_reference<'a>(rest: &'a str, out: &mut String) -> &'a str {
    match entities::decode_at(&rest[1..]) {
        Some((expansion, length)) => {
            expansion.push_to(out);
            &rest[1 + length..]
        }
        None => {
            out.push('&');
            &rest[1..]
        }
    }
}

/// `rest` starts with `<`: skips a tag, comment or declaration (and hidden elements' content),
/// emits CDATA content, or keeps a lone `<` as text. Returns what follows, or `None` when the
/// `<` has no `>` anywhere after it (a plain-text `<`, as in "IL-6 <LLOQ").
fn consume_markup<'a>(rest: &'a str, out: &mut String) -> Option<&'a str> {
    let after = &rest[1..];
    if let Some(cdata) = after.strip_prefix("![CDATA[") {
        let end = cdata.find("]]>").unwrap_or(cdata.len());
        out.push_str(&cdata[..end]);
        return Some(cdata.get(end + 3..).unwrap_or(""));
    }
    if let Some(comment) = after.strip_prefix("!--") {
        return Some(comment.find("-->").map_or("", |end| &comment[end + 3..]));
    }
    let opens_tag = after
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'));
    if !opens_tag {
        out.push('<');
        return Some(after);
    }
    let tag_end = find_tag_end(after)?;
    let name = tag_name(&after[..tag_end]);
    let remainder = &after[tag_end + 1..];
    if !is_inline(name) {
        out.push(' ');
    }
    let is_opening = !after.starts_with('/') && !after[..tag_end].ends_with('/');
    if is_opening
        && HIDDEN_ELEMENTS
            .iter()
            .any(|known| known.eq_ignore_ascii_case(name))
    {
        return Some(skip_past_closing_tag(remainder, name));
    }
    Some(remainder)
}

/// Whether an element name (ASCII letters and digits, any case) is one of `INLINE_ELEMENTS`.
fn is_inline(name: &str) -> bool {
    const LONGEST: usize = 6;
    if name.is_empty() || name.len() > LONGEST {
        return false;
    }
    let mut lower = [0u8; LONGEST];
    let lower = &mut lower[..name.len()];
    lower.copy_from_slice(name.as_bytes());
    lower.make_ascii_lowercase();
    INLINE_ELEMENTS
        .binary_search_by(|known| known.as_bytes().cmp(lower))
        .is_ok()
}

/// How far a quoted attribute value may run before we stop trusting the quote.
const MAX_QUOTED_SCAN: usize = 1024;

/// Index of the `>` that closes the tag, ignoring `>` inside quoted attribute values; with an
/// unbalanced quote (or an enormous attribute), the first `>`.
fn find_tag_end(tag: &str) -> Option<usize> {
    let bytes = tag.as_bytes();
    let mut quote = None;
    // Quotes and `>` are ASCII, so bytes stand for characters here.
    for (index, &byte) in bytes.iter().enumerate().take(MAX_QUOTED_SCAN + 1) {
        match (quote, byte) {
            (None, b'"' | b'\'') => quote = Some(byte),
            (Some(open), byte) if byte == open => quote = None,
            (None, b'>') => return Some(index),
            _ => {}
        }
    }
    memchr::memchr(b'>', bytes)
}

/// The element's name as written (letters and digits after any `/`); compare it ignoring case.
fn tag_name(tag: &str) -> &str {
    let tag = tag.trim_start_matches('/');
    let end = tag
        .bytes()
        .position(|byte| !byte.is_ascii_alphanumeric())
        .unwrap_or(tag.len());
    &tag[..end]
}

/// What follows `</name…>`, matched without regard to case; nothing if it never closes.
fn skip_past_closing_tag<'a>(text: &'a str, name: &str) -> &'a str {
    let closing = text.match_indices("</").find(|&(start, _)| {
        text.get(start + 2..start + 2 + name.len())
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name))
    });
    match closing {
        Some((start, _)) => {
            let after = &text[start..];
            after.find('>').map_or("", |end| &after[end + 1..])
        }
        None => "",
    }
}

/// A title made from a post's text (Mastodon and Bluesky posts have none): the first sentence,
/// cut at a word boundary near `max_chars` characters with an ellipsis when cut. The text may be
/// HTML; tags are stripped first.
pub fn title_from_text(text: &str, max_chars: usize) -> String {
    let text = plain_text(text);
    let sentence = first_sentence(&text);
    if sentence.chars().count() <= max_chars {
        return sentence.trim_end_matches('.').trim_end().to_string();
    }
    cut_at_word(sentence, max_chars.max(2))
}

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "dr", "mr", "mrs", "ms", "prof", "st", "vs", "e.g", "i.e", "etc", "al", "fig", "no", "approx",
];

fn first_sentence(text: &str) -> &str {
    let mut chars = text.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        let ends_here =
            matches!(c, '.' | '!' | '?' | '…') && chars.peek().is_none_or(|&(_, next)| next == ' ');
        if ends_here && !(c == '.' && follows_abbreviation(&text[..index])) {
            return &text[..index + c.len_utf8()];
        }
    }
    text
}

fn follows_abbreviation(before_period: &str) -> bool {
    let word = before_period
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .to_lowercase();
    ABBREVIATIONS.contains(&word.as_str())
}

/// At most `max_chars` characters including the trailing "…", cut between words when a word
/// boundary is reasonably close.
fn cut_at_word(text: &str, max_chars: usize) -> String {
    let budget = max_chars - 1;
    let byte_end = text
        .char_indices()
        .nth(budget)
        .map_or(text.len(), |(index, _)| index);
    let head = &text[..byte_end];
    let cut = match head.rfind(' ') {
        Some(space) if head[..space].chars().count() >= budget / 2 => &head[..space],
        _ => head,
    };
    let cut = cut.trim_end_matches([',', ';', ':', ' ', '-', '–', '—']);
    format!("{cut}…")
}

#[cfg(test)]
mod tests;

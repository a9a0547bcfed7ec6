//! Byte-level repairs for documents that feed-rs rejects or misreads. Input and output are UTF-8
//! (see `encoding`). `prepare` runs on every document; the others run only after a matching
//! failure, each at most once or a bounded number of times.

use super::diagnose::{self, FaultKind};
use super::errors::Failure;
use feed_rs::parser::{ParseErrorKind, ParseFeedError};
use quick_xml::errors::IllFormedError;
use regex::bytes::{Captures, Regex};
use std::sync::LazyLock;

/// Forgotten closing tags we are willing to add to one document.
const MAX_END_TAGS: usize = 8;

/// Obsolete namespaces that mean the same elements as ones feed-rs knows. Without the rename
/// feed-rs treats every element as foreign and finds no entries.
const NAMESPACE_ALIASES: [(&str, &str); 2] = [
    ("http://purl.org/atom/ns#", "http://www.w3.org/2005/Atom"),
    (
        "http://my.netscape.com/rdf/simple/0.9/",
        "http://purl.org/rss/1.0/",
    ),
];

static RSS_START_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u)<rss(?:\s[^>]*)?>").expect("rss tag pattern"));

static DEFAULT_NAMESPACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?-u)\sxmlns\s*=\s*(?:"[^"]*"|'[^']*')"#).expect("xmlns pattern")
});

static VERSION_ATTRIBUTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?-u)\sversion\s*=\s*(?:"[^"]*"|'[^']*')"#).expect("version pattern")
});

/// A date element whose content is an HTML `<time datetime="…">` (Drupal's RSS template).
static TIME_IN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?s-u)(<(?:pubDate|dc:date|published|updated|lastBuildDate)(?:\s[^>]*)?>)\s*<time\b[^>]*?\sdatetime\s*=\s*["']([^"']*)["'][^>]*>.*?</time>\s*(</)"#,
    )
    .expect("time pattern")
});

const EMAIL: &str = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}";

/// An e-mail address glued to a non-ASCII character or a character reference: the input that
/// makes feed-rs 3.0.0 slice a string inside a character and panic.
static GLUED_EMAIL: LazyLock<[Regex; 2]> = LazyLock::new(|| {
    let before = format!(r"(?-u)([\x80-\xFF]|&#[xX]?[0-9A-Fa-f]+;)({EMAIL})");
    let after = format!(r"(?-u)({EMAIL})([\x80-\xFF]|&#[xX]?[0-9A-Fa-f]+;)");
    [before, after].map(|pattern| Regex::new(&pattern).expect("email pattern"))
});

/// Which repairs a document has had, so that each is tried at most once (closing tags a few
/// times) and the retry loop always ends.
#[derive(Debug, Default)]
pub struct Repairs {
    rss_version: bool,
    ampersands: bool,
    emails: bool,
    end_tags: usize,
}

impl Repairs {
    /// The document with the repair that answers `failure`, or `None` when there is none left.
    pub fn next(&mut self, failure: &Failure, doc: &[u8]) -> Option<Vec<u8>> {
        match failure {
            Failure::Panicked(_) if !self.emails => {
                self.emails = true;
                space_around_emails(doc)
            }
            Failure::FeedRs(ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot))
                if !self.rss_version =>
            {
                self.rss_version = true;
                inject_rss_version(doc)
            }
            Failure::FeedRs(ParseFeedError::XmlReader(_)) => self.repair_xml(doc),
            _ => None,
        }
    }

    fn repair_xml(&mut self, doc: &[u8]) -> Option<Vec<u8>> {
        let fault = diagnose::locate(doc)?;
        let FaultKind::Xml(quick_xml::Error::IllFormed(error)) = &fault.kind else {
            return None;
        };
        match error {
            IllFormedError::UnclosedReference if !self.ampersands => {
                self.ampersands = true;
                escape_bare_ampersands(doc)
            }
            // `</channel>` where `</item>` was expected: the item was never closed. Only when
            // the found tag closes an element that is really open, or we would invent structure.
            IllFormedError::MismatchedEndTag { expected, found }
                if self.end_tags < MAX_END_TAGS
                    && fault.open.iter().rev().skip(1).any(|open| open == found) =>
            {
                self.end_tags += 1;
                // An unclosed item followed by more items nests them; close it where the next
                // one starts rather than at the end of the channel.
                let offset = match expected.as_str() {
                    "item" | "entry" => {
                        diagnose::nested_start(doc, expected).unwrap_or(fault.offset)
                    }
                    _ => fault.offset,
                };
                Some(insert_end_tag(doc, offset, expected))
            }
            _ => None,
        }
    }
}

/// Repairs that are always safe: namespace aliases, a default namespace on `<rss>` (RSS 2.0
/// has none, and feed-rs ignores every element under one), `<time>` inside dates.
pub fn prepare(doc: Vec<u8>) -> Vec<u8> {
    let mut doc = doc;
    for (old, new) in NAMESPACE_ALIASES {
        if contains(&doc, old.as_bytes()) {
            doc = replace_all_literal(&doc, old.as_bytes(), new.as_bytes());
        }
    }
    if let Some(tag) = RSS_START_TAG.find(&doc)
        && DEFAULT_NAMESPACE.is_match(tag.as_bytes())
    {
        let cleaned = DEFAULT_NAMESPACE
            .replace_all(tag.as_bytes(), &b""[..])
            .into_owned();
        doc = splice(&doc, tag.start()..tag.end(), &cleaned);
    }
    if contains(&doc, b"<time") {
        doc = TIME_IN_DATE
            .replace_all(&doc, &b"${1}${2}${3}"[..])
            .into_owned();
    }
    doc
}

/// `<rss>` with no version, or one feed-rs does not accept (`2.01`), becomes `version="2.0"`.
pub fn inject_rss_version(doc: &[u8]) -> Option<Vec<u8>> {
    let tag = RSS_START_TAG.find(doc)?;
    let without_version = VERSION_ATTRIBUTE.replace_all(tag.as_bytes(), &b""[..]);
    let mut fixed = b"<rss version=\"2.0\"".to_vec();
    fixed.extend_from_slice(&without_version[4..]);
    Some(splice(doc, tag.start()..tag.end(), &fixed))
}

/// Escapes every `&` that does not start a character or entity reference (`AT&T`, `?a=1&b=2`),
/// outside CDATA sections and comments where `&` is literal. `None` when there is none.
pub fn escape_bare_ampersands(doc: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(doc.len() + 64);
    let mut changed = false;
    let mut index = 0;
    while index < doc.len() {
        if let Some(length) = literal_section_length(&doc[index..]) {
            out.extend_from_slice(&doc[index..index + length]);
            index += length;
            continue;
        }
        out.push(doc[index]);
        if doc[index] == b'&' && !starts_reference(&doc[index + 1..]) {
            out.extend_from_slice(b"amp;");
            changed = true;
        }
        index += 1;
    }
    changed.then_some(out)
}

/// Length of a CDATA section or comment starting here (to its end or the document's end).
fn literal_section_length(rest: &[u8]) -> Option<usize> {
    let (open, close): (&[u8], &[u8]) = if rest.starts_with(b"<![CDATA[") {
        (b"<![CDATA[", b"]]>")
    } else if rest.starts_with(b"<!--") {
        (b"<!--", b"-->")
    } else {
        return None;
    };
    let body = &rest[open.len()..];
    let end = find(body, close).map_or(body.len(), |position| position + close.len());
    Some(open.len() + end)
}

fn starts_reference(rest: &[u8]) -> bool {
    let (digits, valid): (&[u8], fn(&u8) -> bool) = match rest {
        [b'#', b'x' | b'X', tail @ ..] => (tail, u8::is_ascii_hexdigit),
        [b'#', tail @ ..] => (tail, u8::is_ascii_digit),
        [first, ..] if first.is_ascii_alphabetic() => (rest, |b: &u8| b.is_ascii_alphanumeric()),
        _ => return false,
    };
    let length = digits.iter().take_while(|b| valid(b)).count();
    length > 0 && length <= 32 && digits.get(length) == Some(&b';')
}

/// Inserts `</name>` at `offset`: the repair for a forgotten closing tag, when a later closing
/// tag of an enclosing element shows where it should have been.
pub fn insert_end_tag(doc: &[u8], offset: usize, name: &str) -> Vec<u8> {
    let closing = format!("</{name}>");
    splice(doc, offset..offset, closing.as_bytes())
}

/// Puts a space between an e-mail address and a glued non-ASCII character or reference.
pub fn space_around_emails(doc: &[u8]) -> Option<Vec<u8>> {
    let spaced = |captures: &Captures<'_>| [&captures[1], b" ", &captures[2]].concat();
    let [before, after] = &*GLUED_EMAIL;
    let once = before.replace_all(doc, spaced);
    let twice = after.replace_all(&once, spaced);
    (twice.as_ref() != doc).then(|| twice.into_owned())
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    find(haystack, needle).is_some()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

fn replace_all_literal(doc: &[u8], old: &[u8], new: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(doc.len());
    let mut rest = doc;
    while let Some(position) = find(rest, old) {
        out.extend_from_slice(&rest[..position]);
        out.extend_from_slice(new);
        rest = &rest[position + old.len()..];
    }
    out.extend_from_slice(rest);
    out
}

fn splice(doc: &[u8], range: std::ops::Range<usize>, replacement: &[u8]) -> Vec<u8> {
    [&doc[..range.start], replacement, &doc[range.end..]].concat()
}

#[cfg(test)]
mod tests;

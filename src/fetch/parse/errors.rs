//! Why a document could not be read, in words a user understands in one sentence.

use super::xml::{self, FaultKind};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("not a feed: {0}")]
    NotAFeed(String),
    #[error("malformed XML{}: {detail}", at_line(*.line))]
    MalformedXml { line: Option<usize>, detail: String },
    #[error("malformed JSON Feed at line {line}, column {column}: {detail}")]
    MalformedJson {
        line: usize,
        column: usize,
        detail: String,
    },
    #[error("unsupported JSON Feed version {0:?} (1.0 and 1.1 are supported)")]
    UnsupportedJsonVersion(String),
    #[error("the feed parser crashed on this document ({0})")]
    ParserPanicked(String),
}

fn at_line(line: Option<usize>) -> String {
    line.map(|line| format!(" at line {line}"))
        .unwrap_or_default()
}

/// A document whose damage left nothing to read: where it first breaks, and how.
pub fn nothing_readable(document: &xml::Document<'_>) -> ParseError {
    let Some(fault) = &document.fault else {
        return ParseError::MalformedXml {
            line: None,
            detail: "no item could be read".into(),
        };
    };
    let detail = match &fault.kind {
        FaultKind::Truncated { innermost } => {
            format!("the document ends before <{innermost}> is closed (truncated download?)")
        }
        FaultKind::MismatchedEnd { expected, found } => {
            format!("mismatched closing tag </{found}> (expected </{expected}>)")
        }
        FaultKind::UnmatchedEnd(name) => format!("closing tag </{name}> has no opening tag"),
    };
    ParseError::MalformedXml {
        line: Some(document.line_of(fault.offset)),
        detail,
    }
}

/// Why a document with no feed root is not a feed.
pub fn not_a_feed(text: &str, first_element: Option<&str>) -> ParseError {
    let detail = match (text.trim_start().starts_with('<'), first_element) {
        (_, Some(root)) => format!("the root element is <{root}>, not RSS, Atom or RDF"),
        (true, None) => "no RSS, Atom or JSON Feed root element".into(),
        (false, None) => "the document is neither XML nor JSON".into(),
    };
    ParseError::NotAFeed(detail)
}

/// An HTML page where a feed was expected: a login wall, an error page, a site's home page.
pub fn looks_like_html(doc: &[u8]) -> bool {
    let head = &doc[..doc.len().min(2048)];
    let lowered = head.to_ascii_lowercase();
    let position = |needle: &[u8]| memchr::memmem::find(&lowered, needle);
    if lowered.trim_ascii_start().starts_with(b"<!doctype html") {
        return true;
    }
    let Some(html) = position(b"<html") else {
        return false;
    };
    [&b"<rss"[..], b"<feed", b"<rdf:rdf"]
        .iter()
        .filter_map(|root| position(root))
        .all(|feed_root| feed_root > html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_pages_are_recognised() {
        assert!(looks_like_html(
            b"<!DOCTYPE html>\n<html><head><title>Login</title></head></html>"
        ));
        assert!(looks_like_html(
            b"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
        ));
        assert!(!looks_like_html(
            b"<rss version=\"2.0\"><channel><description>&lt;html&gt;"
        ));
    }

    #[test]
    fn other_roots_and_non_xml_are_explained() {
        assert_eq!(
            not_a_feed("<opml version=\"2.0\"><body/></opml>", Some("opml")).to_string(),
            "not a feed: the root element is <opml>, not RSS, Atom or RDF"
        );
        assert_eq!(
            not_a_feed("Service Unavailable", None).to_string(),
            "not a feed: the document is neither XML nor JSON"
        );
    }

    #[test]
    fn damage_is_located_by_line() {
        let document = xml::read("<rss>\n<channel>\n<title>x</title>\n</item>\n</channel></rss>");
        assert_eq!(
            nothing_readable(&document).to_string(),
            "malformed XML at line 4: mismatched closing tag </item> (expected </channel>)"
        );
        let document = xml::read("<rss>\n<channel>\n<item><description>cut");
        assert_eq!(
            nothing_readable(&document).to_string(),
            "malformed XML at line 3: the document ends before <description> is closed (truncated download?)"
        );
    }

    #[test]
    fn xml_line_is_omitted_when_unknown() {
        let error = ParseError::MalformedXml {
            line: None,
            detail: "x".into(),
        };
        assert_eq!(error.to_string(), "malformed XML: x");
    }
}

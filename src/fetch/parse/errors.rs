//! Why a document could not be read, in words a user understands in one sentence.

use super::diagnose::{self, FaultKind, XmlFault};
use feed_rs::parser::{ParseErrorKind, ParseFeedError};
use quick_xml::errors::IllFormedError;

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
    #[error("invalid feed: {0}")]
    Invalid(String),
}

fn at_line(line: Option<usize>) -> String {
    line.map(|line| format!(" at line {line}"))
        .unwrap_or_default()
}

/// One failed attempt to read a document.
#[derive(Debug)]
pub enum Failure {
    FeedRs(ParseFeedError),
    /// feed-rs panicked; the payload's message.
    Panicked(String),
}

/// Turns the last failure into the error the user sees. `doc` is the document as last tried.
pub fn describe(failure: &Failure, doc: &[u8]) -> ParseError {
    if doc.trim_ascii().is_empty() {
        return ParseError::NotAFeed("the document is empty".into());
    }
    if looks_like_html(doc) {
        return ParseError::NotAFeed(
            "the document is HTML (no RSS, Atom or JSON Feed root)".into(),
        );
    }
    let error = match failure {
        Failure::Panicked(message) => return ParseError::ParserPanicked(message.clone()),
        Failure::FeedRs(error) => error,
    };
    match error {
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => {
            ParseError::NotAFeed(no_root_detail(doc))
        }
        ParseFeedError::ParseError(kind) => ParseError::Invalid(kind.to_string()),
        ParseFeedError::JsonSerde(error) => ParseError::MalformedJson {
            line: error.line(),
            column: error.column(),
            detail: strip_serde_position(&error.to_string()),
        },
        ParseFeedError::JsonUnsupportedVersion(version) => {
            ParseError::UnsupportedJsonVersion(version.clone())
        }
        ParseFeedError::XmlReader(_) | ParseFeedError::IoError(_) => match diagnose::locate(doc) {
            Some(fault) => ParseError::MalformedXml {
                line: Some(fault.line),
                detail: fault_detail(&fault),
            },
            None => ParseError::MalformedXml {
                line: None,
                detail: error.to_string(),
            },
        },
    }
}

/// An HTML page where a feed was expected: a login wall, an error page, a site's home page.
pub fn looks_like_html(doc: &[u8]) -> bool {
    let head = &doc[..doc.len().min(2048)];
    let lowered = head.to_ascii_lowercase();
    let position = |needle: &[u8]| {
        lowered
            .windows(needle.len())
            .position(|window| window == needle)
    };
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

fn no_root_detail(doc: &[u8]) -> String {
    match doc.trim_ascii_start().first() {
        Some(b'<') => match diagnose::root_element(doc) {
            Some(root) => format!("the root element is <{root}>, not RSS, Atom or RDF"),
            None => "no RSS, Atom or JSON Feed root element".into(),
        },
        _ => "the document is neither XML nor JSON".into(),
    }
}

fn fault_detail(fault: &XmlFault) -> String {
    let error = match &fault.kind {
        FaultKind::Truncated => {
            let innermost = fault.open.last().map_or("", String::as_str);
            return format!(
                "the document ends before <{innermost}> is closed (truncated download?)"
            );
        }
        FaultKind::Xml(error) => error,
    };
    match error {
        quick_xml::Error::IllFormed(IllFormedError::MismatchedEndTag { expected, found }) => {
            format!("mismatched closing tag </{found}> (expected </{expected}>)")
        }
        quick_xml::Error::IllFormed(IllFormedError::UnmatchedEndTag(name)) => {
            format!("closing tag </{name}> has no opening tag")
        }
        quick_xml::Error::IllFormed(IllFormedError::UnclosedReference) => {
            "an `&` that does not start an entity (it should be written &amp;)".into()
        }
        other => other.to_string(),
    }
}

/// serde_json appends " at line L column C", which our message already says.
fn strip_serde_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(position) => message[..position].to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_root() -> Failure {
        Failure::FeedRs(ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot))
    }

    #[test]
    fn html_pages_are_named_as_such() {
        let page = b"<!DOCTYPE html>\n<html><head><title>Login</title></head></html>";
        assert_eq!(
            describe(&no_root(), page).to_string(),
            "not a feed: the document is HTML (no RSS, Atom or JSON Feed root)"
        );
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
            describe(&no_root(), b"<opml version=\"2.0\"><body/></opml>").to_string(),
            "not a feed: the root element is <opml>, not RSS, Atom or RDF"
        );
        assert_eq!(
            describe(&no_root(), b"Service Unavailable").to_string(),
            "not a feed: the document is neither XML nor JSON"
        );
        assert_eq!(
            describe(&no_root(), b"  \n").to_string(),
            "not a feed: the document is empty"
        );
    }

    #[test]
    fn panics_are_reported_not_propagated() {
        let failure = Failure::Panicked("byte index 5 is not a char boundary".into());
        assert_eq!(
            describe(&failure, b"<rss/>").to_string(),
            "the feed parser crashed on this document (byte index 5 is not a char boundary)"
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

//! feed-rs, the parser of the ordinary, well-formed feed.
//!
//! A document reaches feed-rs when the scan (`scan`) finds nothing in it that feed-rs is known
//! to mishandle; feed-rs's reading is kept when it is plausible (`plausible`: every item found,
//! titles and attachments where the document has them), and turned into our model (`convert`)
//! with what the scan gathered beside it. Otherwise the caller reads the document with the
//! tolerant reader, and the reason is kept (`Fallback`).

mod convert;
mod lexer;
mod plausible;
mod prepare;
mod scan;

use super::document::Feed;
use super::errors;
use super::repairs::Repairs;
use super::{dates, panic_message};
use feed_rs::parser::{ParseErrorKind, ParseFeedError};
use std::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};
use url::Url;

/// Why a document went to the tolerant reader instead of feed-rs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fallback {
    /// The scan found something feed-rs is known to mishandle.
    Scan(&'static str),
    /// feed-rs refused the document.
    Refused(&'static str),
    /// feed-rs panicked on it.
    Panicked,
    /// feed-rs read it but lost something the document has.
    Implausible(&'static str),
}

impl fmt::Display for Fallback {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fallback::Scan(reason) => write!(f, "the scan found {reason}"),
            Fallback::Refused(reason) => write!(f, "feed-rs refused it ({reason})"),
            Fallback::Panicked => f.write_str("feed-rs panicked"),
            Fallback::Implausible(reason) => write!(f, "feed-rs lost {reason}"),
        }
    }
}

/// The document read by feed-rs, with the repairs it needed first, or why it should not be.
/// `doc` is UTF-8 (see `encoding`).
pub fn read(doc: &str, base: Option<&Url>) -> Result<(Feed, Repairs), Fallback> {
    let start = doc.trim_start();
    let (prepared, repairs) = match start.as_bytes().first() {
        Some(b'{') => (std::borrow::Cow::Borrowed(start), Repairs::default()),
        Some(b'<') if !errors::looks_like_html(start.as_bytes()) => prepare::for_feed_rs(start),
        _ => return Err(Fallback::Scan("no XML or JSON Feed document")),
    };
    let scan = match prepared.starts_with('<') {
        true => scan::scan(&prepared).map_err(Fallback::Scan)?,
        false => scan::Scan::default(),
    };
    let parsed = run(prepared.as_bytes(), base)?;
    plausible::check(&parsed, &scan.items).map_err(Fallback::Implausible)?;
    Ok((convert::feed(parsed, scan, prepared.as_bytes()), repairs))
}

/// feed-rs with our dates and no ids of its own invention: an entry without an id gets none
/// here, and `entry` gives it the one rule both readers share (link, else a hash of title and
/// date), so an item keeps its identity whichever reader reads it.
fn run(doc: &[u8], base: Option<&Url>) -> Result<feed_rs::model::Feed, Fallback> {
    let parser = feed_rs::parser::Builder::new()
        .base_uri(base.map(Url::as_str))
        .id_generator(|_, _, _| String::new())
        .timestamp_parser(dates::parse_timestamp)
        .sanitize_content(false)
        .build();
    // The caller has raised the parse flag, so the panic hook leaves this panic to us.
    match catch_unwind(AssertUnwindSafe(|| parser.parse(doc))) {
        Ok(Ok(feed)) => Ok(feed),
        Ok(Err(error)) => Err(Fallback::Refused(refusal(&error))),
        Err(payload) => {
            tracing::debug!(message = %panic_message(payload), "feed-rs panicked");
            Err(Fallback::Panicked)
        }
    }
}

fn refusal(error: &ParseFeedError) -> &'static str {
    match error {
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => "no root it accepts",
        ParseFeedError::ParseError(ParseErrorKind::UnknownMimeType { .. }) => "a content type",
        ParseFeedError::ParseError(ParseErrorKind::MissingContent { .. }) => "missing content",
        ParseFeedError::ParseError(_) => "an unexpected element",
        ParseFeedError::IoError(_) => "a read error",
        ParseFeedError::JsonSerde(_) => "a JSON field",
        ParseFeedError::JsonUnsupportedVersion(_) => "the JSON Feed version",
        ParseFeedError::XmlReader(_) => "the XML",
    }
}

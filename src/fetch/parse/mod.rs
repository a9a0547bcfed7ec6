//! Feed bytes → model. No network.
//!
//! STUB: the parse helper replaces this with the real implementation.

use crate::model::{NewItem, SourceKind};
use chrono::{DateTime, Utc};

/// A feed document turned into our model.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFeed {
    pub kind: SourceKind,
    pub title: Option<String>,
    pub site_url: Option<String>,
    pub items: Vec<NewItem>,
}

#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    #[error("not a feed: {0}")]
    NotAFeed(String),
}

/// Parses RSS 0.9x/1.0/2.0, Atom or JSON Feed. `charset` is the HTTP Content-Type charset,
/// if any; `feed_url` is the final URL (after redirects), used to resolve relative links;
/// `fetched_at` stands in for dates the feed does not give.
pub fn parse_feed(
    body: &[u8],
    charset: Option<&str>,
    feed_url: &str,
    fetched_at: DateTime<Utc>,
) -> Result<ParsedFeed, ParseError> {
    let _ = (body, charset, feed_url, fetched_at);
    Err(ParseError::NotAFeed("parser not written yet".into()))
}

//! Feed bytes → model. No network.
//!
//! Every document is decoded to UTF-8 (`encoding`), then read by feed-rs when it is an
//! ordinary, well-formed feed (`feedrs`: a scan first keeps from feed-rs what it is known to
//! mishandle, and a plausibility check afterwards catches what it lost), else by our tolerant
//! reader (`tolerant`), which reads what feed-rs cannot: Atom text of every type, RSS 0.90,
//! namespaces under other names, titles from other vocabularies, moved feeds, broken XML.
//! Whatever the tolerant reader had to repair is reported (`repairs`). Either reading then
//! becomes our items the same way (`entry`, `posts`): plain titles, absolute links, sane dates,
//! one rule for ids.
//!
//! The rule: recover what a person can see in the document. An element that cannot be read
//! leaves its field empty; an item that cannot be read is skipped and counted; the feed fails
//! only when there is nothing to read at all.

mod atom;
mod atom_text;
mod attributes;
mod authors;
mod citation;
mod dates;
mod document;
mod encoding;
mod entry;
mod errors;
mod extensions;
mod feedrs;
mod hints;
mod json;
mod links;
mod paper;
mod person;
mod posts;
mod repairs;
mod rss;
mod tolerant;
mod xml;

pub use dates::parse_timestamp;
pub use errors::ParseError;
pub use feedrs::Fallback;
pub use repairs::{Repair, Repairs};

use crate::model::{NewItem, SourceKind};
use crate::text;
use chrono::{DateTime, Utc};
use document::{Feed, Format};
use std::any::Any;
use std::cell::Cell;
use std::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};
use url::Url;

/// A feed document turned into our model.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFeed {
    pub kind: SourceKind,
    pub title: Option<String>,
    pub site_url: Option<String>,
    pub items: Vec<NewItem>,
    /// Where the document says the feed has moved to (absolute http(s), not the feed itself).
    pub moved_to: Option<String>,
    /// What the document needed before it could be read.
    pub repairs: Repairs,
    /// How often the feed says it changes (`ttl`, `sy:updatePeriod`), if it says.
    pub update_interval: Option<std::time::Duration>,
    /// Which reader read the document.
    pub reader: Reader,
}

/// feed-rs, or the tolerant reader and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    FeedRs,
    Tolerant(Fallback),
}

impl fmt::Display for Reader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reader::FeedRs => f.write_str("feed-rs"),
            Reader::Tolerant(why) => write!(f, "tolerant reader ({why})"),
        }
    }
}

/// Which readers `parse_with` may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readers {
    /// feed-rs when it can, else the tolerant reader: what `parse_feed` does.
    FeedRsFirst,
    /// The tolerant reader alone, to compare the two readings of a document.
    TolerantOnly,
}

/// Parses RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed 1.x. `charset` is the HTTP Content-Type
/// charset, if any; `feed_url` is the final URL (after redirects), used to resolve relative
/// links; `fetched_at` bounds plausible dates (none more than a day ahead of it); an item
/// without a usable date has `published: None`.
pub fn parse_feed(
    body: &[u8],
    charset: Option<&str>,
    feed_url: &str,
    fetched_at: DateTime<Utc>,
) -> Result<ParsedFeed, ParseError> {
    parse_with(body, charset, feed_url, fetched_at, Readers::FeedRsFirst)
}

/// `parse_feed` with a choice of readers.
pub fn parse_with(
    body: &[u8],
    charset: Option<&str>,
    feed_url: &str,
    fetched_at: DateTime<Utc>,
    readers: Readers,
) -> Result<ParsedFeed, ParseError> {
    let (doc, mislabelled) = encoding::to_utf8(body, charset);
    let mut repairs = Repairs::default();
    repairs.note_if(mislabelled, Repair::Encoding);
    let base = base_url(feed_url);
    let (feed, reader) = guarded(|| read(&doc, base.as_ref(), &mut repairs, readers))
        .map_err(ParseError::ParserPanicked)??;
    let update_interval = hints::update_interval(feed.ttl, doc.as_bytes());
    let mut parsed = to_parsed_feed(feed, repairs, base.as_ref(), fetched_at);
    parsed.update_interval = update_interval;
    parsed.reader = reader;
    Ok(parsed)
}

/// feed-rs's reading when it has a plausible one, else the tolerant reader's.
fn read(
    doc: &str,
    base: Option<&Url>,
    repairs: &mut Repairs,
    readers: Readers,
) -> Result<(Feed, Reader), ParseError> {
    let fallback = match readers {
        Readers::FeedRsFirst => match feedrs::read(doc, base) {
            Ok((feed, needed)) => {
                needed.iter().for_each(|repair| repairs.note(*repair));
                return Ok((feed, Reader::FeedRs));
            }
            Err(fallback) => fallback,
        },
        Readers::TolerantOnly => Fallback::Scan("nothing: the tolerant reader was asked for"),
    };
    tracing::debug!(%fallback, "read by the tolerant reader");
    let feed = tolerant::read(doc, base, repairs)?;
    Ok((feed, Reader::Tolerant(fallback)))
}

/// The base for relative links: the feed URL, or a `file://` URL for a local path.
fn base_url(feed_url: &str) -> Option<Url> {
    Url::parse(feed_url.trim())
        .ok()
        .or_else(|| Url::from_file_path(feed_url.trim()).ok())
}

thread_local! {
    static IN_PARSE: Cell<bool> = const { Cell::new(false) };
}

/// True while this thread is inside the parser. A panic hook (the TUI's, which restores the
/// terminal) checks it to leave parser panics (bugs, which must not take the newsfeed down)
/// to our `catch_unwind`.
pub fn in_parse() -> bool {
    IN_PARSE.with(Cell::get)
}

/// Keeps panics that the parser catches on purpose out of stderr (they become a clear error
/// for that source and a line in the log); every other panic still reaches the previous hook.
pub fn install_quiet_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if in_parse() {
            tracing::warn!(%info, "feed parser panicked; the source fails alone");
            return;
        }
        previous(info);
    }));
}

/// Raises `IN_PARSE` for its lifetime; lowering it in `drop` covers unwinding too.
struct ParseFlag;

impl ParseFlag {
    fn raise() -> ParseFlag {
        IN_PARSE.with(|flag| flag.set(true));
        ParseFlag
    }
}

impl Drop for ParseFlag {
    fn drop(&mut self) {
        IN_PARSE.with(|flag| flag.set(false));
    }
}

/// Runs `work` with `IN_PARSE` raised, turning a panic into its message.
fn guarded<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    let _flag = ParseFlag::raise();
    catch_unwind(AssertUnwindSafe(work)).map_err(panic_message)
}

fn panic_message(payload: Box<dyn Any + Send>) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| {
            payload
                .downcast_ref::<&str>()
                .map(|message| (*message).to_string())
        })
        .unwrap_or_else(|| "panic without a message".to_string())
}

fn to_parsed_feed(
    feed: Feed,
    repairs: Repairs,
    base: Option<&Url>,
    fetched_at: DateTime<Utc>,
) -> ParsedFeed {
    let inherited_authors = match feed.format {
        Format::Atom | Format::Json => feed.authors.clone(),
        Format::Rss => Vec::new(),
    };
    let context = entry::FeedContext {
        base,
        fetched_at,
        inherited_authors: &inherited_authors,
        publication: feed.publication.as_deref(),
    };
    let title = feed
        .title
        .as_ref()
        .map(|title| text::plain_text(&title.value))
        .filter(|title| !title.is_empty());
    let site_url = links::preferred(&feed.links, base);
    let moved_to = feed
        .moved_to
        .as_deref()
        .and_then(|location| links::absolute_http(location, base))
        .filter(|location| !is_same_url(location, base));
    let (mut items, media): (Vec<NewItem>, Vec<Vec<posts::Media>>) = feed
        .entries
        .into_iter()
        .map(|entry| {
            let media = posts::media(&entry, base);
            (entry::to_item(entry, &context), media)
        })
        .unzip();
    let kind = source_kind(
        feed.format,
        feed.generator.as_deref(),
        site_url.as_deref(),
        &items,
    );
    let social = matches!(kind, SourceKind::Mastodon | SourceKind::Bluesky);
    for (item, media) in items.iter_mut().zip(&media) {
        let bridged = item.title.starts_with("RT by @") || item.title.starts_with("R to @");
        if social || bridged {
            posts::shape(item, if social { media } else { &[] });
        }
    }
    ParsedFeed {
        kind,
        title,
        site_url,
        items,
        moved_to,
        repairs,
        update_interval: None,
        reader: Reader::FeedRs,
    }
}

/// Whether a new location is only the feed's own address again (podcasts repeat their
/// `itunes:new-feed-url` after the move).
fn is_same_url(location: &str, base: Option<&Url>) -> bool {
    base.is_some_and(|base| Url::parse(location).is_ok_and(|location| location == *base))
}

/// Social sources are told apart from plain RSS by who generated them and where they link.
fn source_kind(
    format: Format,
    generator: Option<&str>,
    site_url: Option<&str>,
    items: &[NewItem],
) -> SourceKind {
    let item_urls: Vec<&str> = items
        .iter()
        .filter_map(|item| item.url.as_deref())
        .collect();
    if generator.is_some_and(|generator| generator.to_ascii_lowercase().contains("mastodon"))
        || (!item_urls.is_empty() && item_urls.iter().all(|url| is_mastodon_status(url)))
    {
        return SourceKind::Mastodon;
    }
    if site_url.into_iter().chain(item_urls).any(is_bluesky) {
        return SourceKind::Bluesky;
    }
    match format {
        Format::Atom => SourceKind::Atom,
        Format::Json => SourceKind::Json,
        Format::Rss => SourceKind::Rss,
    }
}

/// `https://host/@user/123456` or `https://host/users/user/statuses/123456`.
fn is_mastodon_status(url: &str) -> bool {
    let Ok(url) = Url::parse(url) else {
        return false;
    };
    let segments: Vec<&str> = url
        .path_segments()
        .map(Iterator::collect)
        .unwrap_or_default();
    let numeric =
        |segment: &str| !segment.is_empty() && segment.bytes().all(|byte| byte.is_ascii_digit());
    match segments.as_slice() {
        [user, status] => user.starts_with('@') && user.len() > 1 && numeric(status),
        ["users", _, "statuses", status] => numeric(status),
        _ => false,
    }
}

fn is_bluesky(url: &str) -> bool {
    // Every item's link comes here: skip parsing the many that cannot name the host (the URL
    // parser would read a percent-escape, a non-ASCII character or a tab into one).
    let plain = url
        .bytes()
        .all(|byte| byte.is_ascii_graphic() && byte != b'%');
    if plain && !crate::ident::prefilter::contains_ignore_case(url, "bsky.app") {
        return false;
    }
    Url::parse(url)
        .ok()
        .and_then(|url| {
            url.host_str()
                .map(|host| host == "bsky.app" || host.ends_with(".bsky.app"))
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests;

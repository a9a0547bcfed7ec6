//! Feed bytes → model. No network.
//!
//! feed-rs does the parsing; around it we decide the encoding (`encoding`), repair what real
//! publishers get wrong and retry (`recover`), keep its panics from escaping, read what it
//! drops (`extras`), and turn its entries into our items (`entry`).

mod authors;
mod citation;
mod dates;
mod diagnose;
mod encoding;
mod entry;
mod errors;
mod extras;
mod links;
mod paper;
mod recover;

pub use dates::parse_timestamp;
pub use errors::ParseError;

use crate::model::{NewItem, SourceKind};
use crate::text;
use chrono::{DateTime, Utc};
use errors::Failure;
use feed_rs::model::{Feed, FeedType, Link, Text};
use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use url::Url;

/// A feed document turned into our model.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFeed {
    pub kind: SourceKind,
    pub title: Option<String>,
    pub site_url: Option<String>,
    pub items: Vec<NewItem>,
}

/// Parses tried on one document: the first attempt plus one per repair.
const MAX_ATTEMPTS: usize = 12;

/// Parses RSS 0.9x/1.0/2.0, Atom or JSON Feed. `charset` is the HTTP Content-Type charset,
/// if any; `feed_url` is the final URL (after redirects), used to resolve relative links;
/// `fetched_at` bounds plausible dates (none more than a day ahead of it); an item without a
/// usable date has `published: None`.
pub fn parse_feed(
    body: &[u8],
    charset: Option<&str>,
    feed_url: &str,
    fetched_at: DateTime<Utc>,
) -> Result<ParsedFeed, ParseError> {
    let doc = recover::prepare(encoding::to_utf8(body, charset));
    let base = base_url(feed_url);
    let (feed, doc) = parse_with_repairs(doc, base.as_ref())?;
    let extras = extras::read(&doc, feed.entries.len());
    Ok(to_parsed_feed(feed, &extras, base.as_ref(), fetched_at))
}

/// The base for relative links: the feed URL, or a `file://` URL for a local path.
fn base_url(feed_url: &str) -> Option<Url> {
    Url::parse(feed_url.trim())
        .ok()
        .or_else(|| Url::from_file_path(feed_url.trim()).ok())
}

fn parse_with_repairs(mut doc: Vec<u8>, base: Option<&Url>) -> Result<(Feed, Vec<u8>), ParseError> {
    let mut repairs = recover::Repairs::default();
    let mut attempts = 1;
    loop {
        let failure = match run_feed_rs(&doc, base) {
            Ok(feed) => return Ok((feed, doc)),
            Err(failure) => failure,
        };
        let repaired = (attempts < MAX_ATTEMPTS && !errors::looks_like_html(&doc))
            .then(|| repairs.next(&failure, &doc))
            .flatten();
        match repaired {
            Some(fixed) => doc = fixed,
            None => return Err(errors::describe(&failure, &doc)),
        }
        attempts += 1;
    }
}

thread_local! {
    static IN_PARSE: Cell<bool> = const { Cell::new(false) };
}

/// True while this thread is inside feed-rs. A panic hook (the TUI's, which restores the
/// terminal) checks it to leave parser panics to our `catch_unwind`.
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
    catch_unwind(AssertUnwindSafe(work)).map_err(|payload| {
        payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| {
                payload
                    .downcast_ref::<&str>()
                    .map(|message| (*message).to_string())
            })
            .unwrap_or_else(|| "panic without a message".to_string())
    })
}

fn run_feed_rs(doc: &[u8], base: Option<&Url>) -> Result<Feed, Failure> {
    let parser = feed_rs::parser::Builder::new()
        .base_uri(base.map(Url::as_str))
        .id_generator(link_as_id)
        .timestamp_parser(dates::parse_timestamp)
        .sanitize_content(false)
        .build();
    match guarded(|| parser.parse(doc)) {
        Ok(Ok(feed)) => Ok(feed),
        Ok(Err(error)) => Err(Failure::FeedRs(error)),
        Err(message) => Err(Failure::Panicked(message)),
    }
}

/// feed-rs asks for an id when the document has none. We answer with the item's link, or an
/// empty id so that `entry` hashes title and date (feed-rs would otherwise use a random UUID,
/// which makes every refresh look like new items).
fn link_as_id(links: &[Link], _title: &Option<Text>, base: Option<&str>) -> String {
    let base = base.and_then(|base| Url::parse(base).ok());
    links::preferred(links, base.as_ref()).unwrap_or_default()
}

fn to_parsed_feed(
    feed: Feed,
    extras: &extras::FeedExtras,
    base: Option<&Url>,
    fetched_at: DateTime<Utc>,
) -> ParsedFeed {
    let inherited_authors = if feed.feed_type == FeedType::Atom {
        feed.authors.clone()
    } else {
        Vec::new()
    };
    let context = entry::FeedContext {
        base,
        fetched_at,
        inherited_authors: &inherited_authors,
        publication: extras.publication.as_deref(),
    };
    let title = feed
        .title
        .as_ref()
        .map(|title| text::plain_text(&title.content))
        .filter(|title| !title.is_empty());
    let site_url = links::preferred(&feed.links, base);
    let generator = feed
        .generator
        .as_ref()
        .map(|generator| generator.content.clone());
    let feed_type = feed.feed_type.clone();
    let items: Vec<NewItem> = feed
        .entries
        .into_iter()
        .zip(&extras.items)
        .map(|(entry, extras)| entry::to_item(entry, extras, &context))
        .collect();
    let kind = source_kind(
        &feed_type,
        generator.as_deref(),
        site_url.as_deref(),
        &items,
    );
    ParsedFeed {
        kind,
        title,
        site_url,
        items,
    }
}

/// Social sources are told apart from plain RSS by who generated them and where they link.
fn source_kind(
    feed_type: &FeedType,
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
    match feed_type {
        FeedType::Atom => SourceKind::Atom,
        FeedType::JSON => SourceKind::Json,
        FeedType::RSS0 | FeedType::RSS1 | FeedType::RSS2 => SourceKind::Rss,
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

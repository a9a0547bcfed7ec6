//! One source's fetch, off the writer: HTTP or a local file, then parsing and preparing its
//! items on the blocking pool.

use crate::fetch::http::{FetchOutcome, FetchedBody, HttpClient, Validators};
use crate::fetch::local::read_local_feed;
use crate::fetch::parse::parse_feed;
use crate::fingerprint::Fingerprint;
use crate::model::Source;
use crate::store::{PreparedItem, SourceUpdate, prepare};
use chrono::{DateTime, Utc};
use tokio::sync::Semaphore;

/// What one fetch hands to the writer.
pub(super) enum Fetched {
    Parsed {
        update: SourceUpdate,
        items: Vec<PreparedItem>,
        /// The new address the document announced (`itunes:new-feed-url`, `<redirect>`),
        /// not yet tried.
        announced_move: Option<String>,
    },
    /// Nothing to parse; the update carries validators that may have changed.
    Unchanged {
        update: Option<SourceUpdate>,
        status: Option<u16>,
    },
    Postponed {
        status: u16,
        until: DateTime<Utc>,
    },
    Failed {
        status: Option<u16>,
        error: String,
    },
}

pub(super) async fn fetch_source(
    client: &HttpClient,
    source: &Source,
    parsers: &Semaphore,
) -> Fetched {
    if !is_http(&source.url) {
        let _parser = parsers.acquire().await;
        return read_file(client, source).await;
    }
    let validators = Validators {
        etag: source.etag.clone(),
        last_modified: source.last_modified.clone(),
    };
    match client.fetch(&source.url, &validators).await {
        Ok(FetchOutcome::NotModified) => Fetched::Unchanged {
            update: None,
            status: Some(304),
        },
        Ok(FetchOutcome::RetryLater { status, until }) => Fetched::Postponed { status, until },
        Ok(FetchOutcome::Fetched(body)) => {
            let parsed = {
                let _parser = parsers.acquire().await;
                parse_body(source, body).await
            };
            super::moves::follow(client, source, parsed, parsers).await
        }
        Err(error) => Fetched::Failed {
            status: error.status(),
            error: error.to_string(),
        },
    }
}

pub fn is_http(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// A local feed: a regular file only, with the HTTP body cap and time limit.
async fn read_file(client: &HttpClient, source: &Source) -> Fetched {
    let limits = client.options();
    match read_local_feed(&source.url, limits.max_body_bytes, limits.timeout).await {
        Ok(body) => parse_body(source, body).await,
        Err(error) => Fetched::Failed {
            status: None,
            error: error.to_string(),
        },
    }
}

/// Identifies a body already stored. The version is part of it: a newer parser reads an
/// unchanged body again.
pub fn body_fingerprint(body: &[u8]) -> String {
    Fingerprint::new()
        .field(Some(env!("CARGO_PKG_VERSION")))
        .bytes(body)
        .hex()
}

/// A base URL for a local file, so relative links in it still resolve to something.
pub fn file_url(path: &str) -> String {
    crate::fetch::local::file_url(std::path::Path::new(path))
}

/// Parses on the blocking pool: a large feed must not stall the fetches of the others.
pub(super) async fn parse_body(source: &Source, body: FetchedBody) -> Fetched {
    let body_hash = body_fingerprint(&body.body);
    let mut update = SourceUpdate {
        status: Some(body.status),
        etag: body.validators.etag.clone(),
        last_modified: body.validators.last_modified.clone(),
        body_hash: Some(body_hash.clone()),
        moved_to: body.moved_permanently_to.clone(),
        feed_interval: body.max_age,
        ..SourceUpdate::default()
    };
    if source.body_hash.as_deref() == Some(body_hash.as_str()) {
        return Fetched::Unchanged {
            update: Some(update),
            status: Some(body.status),
        };
    }
    // Parsing and preparing the items' searchable text happen here, in parallel; the single
    // writer then only writes.
    let parsed = tokio::task::spawn_blocking(move || {
        let feed = parse_feed(
            &body.body,
            body.charset.as_deref(),
            &body.final_url,
            Utc::now(),
        );
        feed.map(|mut feed| {
            let items = prepare(std::mem::take(&mut feed.items));
            (feed, items)
        })
    })
    .await;
    match parsed {
        Ok(Ok((feed, items))) => {
            update.feed_title = feed.title;
            update.site_url = feed.site_url;
            update.kind = Some(feed.kind);
            update.parsed = true;
            update.feed_interval = update.feed_interval.max(feed.update_interval);
            update.repairs = Some(feed.repairs.names());
            Fetched::Parsed {
                update,
                items,
                announced_move: feed.moved_to,
            }
        }
        Ok(Err(error)) => Fetched::Failed {
            status: Some(body.status),
            error: error.to_string(),
        },
        Err(_) => Fetched::Failed {
            status: Some(body.status),
            error: "the feed parser crashed on this document".into(),
        },
    }
}

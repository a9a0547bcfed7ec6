//! `rounds demo`: a temporary database seeded from the sample feeds in `assets/demo/`, which
//! are compiled into the binary so the demo works anywhere, with no network.

use super::import::parse_subscriptions;
use super::refresh::{body_fingerprint, file_url};
use crate::fetch::parse::parse_feed;
use crate::model::NewItem;
use crate::store::{SourceUpdate, Store};
use chrono::{DateTime, Duration, Utc};
use std::path::{Path, PathBuf};

/// The demo's subscription list: sources, titles, categories; its addresses are the files below.
const OPML: &str = include_str!("../../assets/demo/demo.opml");

macro_rules! demo_feeds {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("../../assets/demo/", $name)))),*]
    };
}

/// Every sample feed, by file name.
pub const FEEDS: &[(&str, &[u8])] = demo_feeds![
    "bluesky-rnair.rss",
    "bmj.atom",
    "cdc-han.rss",
    "cdc-mmwr.rss",
    "fda-medwatch.rss",
    "fda-recalls.rss",
    "jama.rss",
    "lancet.rss",
    "mastodon-doctoctoc.rss",
    "mastodon-hokafor.rss",
    "medrxiv.rdf",
    "mhra-drug-safety-update.atom",
    "nejm-this-week.rss",
    "nejm.rdf",
    "nice-guidance.rss",
    "pubmed-cardiometabolic.rss",
    "shiftchange.json",
    "wardroundnotes.atom",
    "who-don.rss",
];

/// The newest sample item is shown as this long ago, so the demo always looks like this morning.
const NEWEST_AGE: Duration = Duration::hours(2);

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("cannot write the sample feeds to {0}: {1}")]
    Write(String, std::io::Error),
    #[error("the bundled sample list is invalid: {0}")]
    List(#[from] super::import::ImportError),
    #[error("the bundled sample feed {0} is invalid: {1}")]
    Feed(String, String),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// Writes the sample feeds into `folder`, subscribes to them in a new database there and stores
/// their items with dates moved so the newest is recent. Returns the database path. Refreshing
/// later re-reads the same files and finds them unchanged.
pub fn seed(folder: &Path, now: DateTime<Utc>) -> Result<PathBuf, DemoError> {
    for (name, bytes) in FEEDS {
        let path = folder.join(name);
        std::fs::write(&path, bytes)
            .map_err(|e| DemoError::Write(path.display().to_string(), e))?;
    }
    let (sources, _) = parse_subscriptions(OPML.as_bytes(), Some(folder))?;
    let db = folder.join("demo.db");
    let mut store = Store::open(&db)?;
    let ids = store.add_sources(&sources, now)?;
    let mut feeds = Vec::new();
    for (id, source) in ids.into_iter().zip(&sources) {
        feeds.push((id, parse_sample(&source.url, now)?));
    }
    let newest = feeds
        .iter()
        .flat_map(|(_, (_, items))| items)
        .filter_map(|i| i.published)
        .max();
    let shift = newest.map_or(Duration::zero(), |newest| (now - NEWEST_AGE) - newest);
    for (id, (update, mut items)) in feeds {
        for item in &mut items {
            item.published = item.published.map(|t| t + shift);
            item.updated = item.updated.map(|t| t + shift);
        }
        store.store_feed(id, &update, &items, now)?;
    }
    Ok(db)
}

fn parse_sample(path: &str, now: DateTime<Utc>) -> Result<(SourceUpdate, Vec<NewItem>), DemoError> {
    let name = Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
        .to_string();
    let bytes = FEEDS
        .iter()
        .find(|(file, _)| *file == name)
        .map(|(_, bytes)| *bytes)
        .ok_or_else(|| {
            DemoError::Feed(name.clone(), "listed in demo.opml but not bundled".into())
        })?;
    let feed = parse_feed(bytes, None, &file_url(path), now)
        .map_err(|e| DemoError::Feed(name, e.to_string()))?;
    let update = SourceUpdate {
        body_hash: Some(body_fingerprint(bytes)),
        feed_title: feed.title,
        site_url: feed.site_url,
        kind: Some(feed.kind),
        ..SourceUpdate::default()
    };
    Ok((update, feed.items))
}

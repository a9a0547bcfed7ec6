//! Ingests the real-world feed corpus in `/work/shared/feeds/real/` (see its PROVENANCE.md)
//! when it is present. Run with `--nocapture` to see `file: N items` for each document.

use chrono::{DateTime, Duration, TimeZone, Utc};
use rounds::fetch::parse::{
    ParseError, ParsedFeed, Reader, Readers, in_parse, parse_feed, parse_with,
};
use rounds::text::sanitize_line;
use std::collections::BTreeMap;
use std::path::Path;

#[path = "support/corpus.rs"]
mod corpus;
#[path = "real_feeds/quirks.rs"]
mod quirks;

const MALFORMED_SUFFIX: &str = ".EXTRACT-malformed.xml";

/// Where each document was served from, so relative links resolve as they would in use.
fn feed_url(file: &str) -> String {
    match file {
        "reddit-r-homelab-new.atom.xml" => "https://www.reddit.com/r/homelab/new/.rss".into(),
        "bluesky-profile-kaedotcom.rss.xml" => {
            "https://bsky.app/profile/kaedotcom.bsky.social/rss".into()
        }
        "mastodon-account-click-ba-it.rss.xml" => "https://click.ba.it/@jason.rss".into(),
        "katie-floyd-squarespace-blog.rss.xml" => {
            "https://www.katiefloyd.com/blog?format=rss".into()
        }
        other => format!("https://feeds.example.net/{other}"),
    }
}

pub type Results = BTreeMap<String, Result<ParsedFeed, ParseError>>;

fn ingest_all(dir: &Path, fetched_at: DateTime<Utc>) -> Results {
    let files = corpus::feed_files(dir).expect("readable corpus folder");
    let mut results = Results::new();
    for path in files {
        let name = path
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or_default()
            .to_string();
        let body = std::fs::read(&path).expect("readable feed file");
        let parsed = parse_feed(&body, None, &feed_url(&name), fetched_at);
        assert!(!in_parse(), "{name}: parse flag left raised");
        match &parsed {
            Ok(feed) => println!(
                "{name}: {} items ({}, read by {})",
                feed.items.len(),
                feed.kind.as_str(),
                feed.reader
            ),
            Err(error) => println!("{name}: error: {error}"),
        }
        if let Ok(feed) = &parsed
            && feed.reader == Reader::FeedRs
        {
            assert_same_as_tolerant_reader(&name, feed, &body, fetched_at);
        }
        results.insert(name, parsed);
    }
    results
}

/// feed-rs may read a document only where it loses nothing the tolerant reader finds.
fn assert_same_as_tolerant_reader(
    name: &str,
    by_feed_rs: &ParsedFeed,
    body: &[u8],
    fetched_at: DateTime<Utc>,
) {
    let tolerant = parse_with(
        body,
        None,
        &feed_url(name),
        fetched_at,
        Readers::TolerantOnly,
    );
    let mut tolerant = tolerant.unwrap_or_else(|error| panic!("{name}: tolerant reader: {error}"));
    tolerant.reader = Reader::FeedRs;
    assert_eq!(
        &tolerant, by_feed_rs,
        "{name}: the tolerant reader and feed-rs disagree"
    );
}

#[test]
fn real_feeds() {
    let Some(dir) = corpus::real_feeds_or_skip("real_feeds") else {
        return;
    };
    let fetched_at = Utc::now();
    let results = ingest_all(&dir, fetched_at);
    assert!(
        results.len() >= 20,
        "expected the whole corpus, found {}",
        results.len()
    );
    let by_feed_rs = results
        .values()
        .filter(|parsed| {
            parsed
                .as_ref()
                .is_ok_and(|feed| feed.reader == Reader::FeedRs)
        })
        .count();
    println!("feed-rs read {by_feed_rs} of {} documents", results.len());
    for (name, parsed) in &results {
        if name.ends_with(MALFORMED_SUFFIX) {
            check_malformed(name, parsed);
        } else {
            let feed = parsed
                .as_ref()
                .unwrap_or_else(|error| panic!("{name}: {error}"));
            check_well_formed(name, feed, fetched_at);
        }
    }
    quirks::check(&results, fetched_at);
}

fn check_malformed(name: &str, parsed: &Result<ParsedFeed, ParseError>) {
    match parsed {
        Ok(feed) => assert!(!feed.items.is_empty(), "{name}: recovered but empty"),
        Err(error) => assert!(
            error.to_string().contains("line"),
            "{name}: unclear error {error}"
        ),
    }
}

fn check_well_formed(name: &str, feed: &ParsedFeed, fetched_at: DateTime<Utc>) {
    assert!(!feed.items.is_empty(), "{name}: no items");
    let earliest = Utc
        .with_ymd_and_hms(1990, 1, 1, 0, 0, 0)
        .single()
        .expect("date");
    for item in &feed.items {
        assert!(!item.title.is_empty(), "{name}: empty title in {item:?}");
        assert_eq!(
            item.title,
            sanitize_line(&item.title),
            "{name}: unsanitized title"
        );
        assert!(!item.guid.is_empty(), "{name}: empty guid");
        if let Some(url) = &item.url {
            assert!(
                url.starts_with("http://") || url.starts_with("https://"),
                "{name}: link {url}"
            );
        }
        let published = item
            .published
            .unwrap_or_else(|| panic!("{name}: no date on {}", item.title));
        assert!(published > earliest, "{name}: {published} too early");
        assert!(
            published <= fetched_at + Duration::days(1),
            "{name}: {published} in the future"
        );
    }
}

//! Our own fixtures in `tests/fixtures/feeds/`, each modelled on a real publisher's quirks.

use chrono::{DateTime, TimeZone, Utc};
use rounds::fetch::parse::{ParseError, ParsedFeed, in_parse, parse_feed};
use rounds::model::{NewItem, SourceKind};

#[path = "parse_fixtures/damaged.rs"]
mod damaged;
#[path = "parse_fixtures/papers.rs"]
mod papers;
#[path = "parse_fixtures/publishers.rs"]
mod publishers;
#[path = "parse_fixtures/social.rs"]
mod social;

fn fetched_at() -> DateTime<Utc> {
    utc(2025, 6, 12, 20, 0, 0)
}

fn utc(year: i32, month: u32, day: u32, hour: u32, minute: u32, second: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(year, month, day, hour, minute, second)
        .single()
        .expect("valid date")
}

fn read(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/feeds/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn try_parse(name: &str, feed_url: &str) -> Result<ParsedFeed, ParseError> {
    let parsed = parse_feed(&read(name), None, feed_url, fetched_at());
    assert!(!in_parse());
    parsed
}

fn parse(name: &str, feed_url: &str) -> ParsedFeed {
    try_parse(name, feed_url).unwrap_or_else(|error| panic!("{name}: {error}"))
}

fn titles(feed: &ParsedFeed) -> Vec<&str> {
    feed.items.iter().map(|item| item.title.as_str()).collect()
}

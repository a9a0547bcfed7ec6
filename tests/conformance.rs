//! The conformance corpus: small documents in `tests/conformance/<class>/`, each exercising one
//! rule of RSS 0.90–2.0, Atom 0.3/1.0 or JSON Feed 1.1, with what it must parse to in the class's
//! `expected.toml`. One test reads them all and prints, per class, how many documents feed-rs
//! read and how many the tolerant reader did, and the failures
//! (`cargo test --test conformance -- --nocapture`). A document feed-rs read must also read the
//! same with the tolerant reader alone: feed-rs may take a document only where it loses nothing.

use chrono::{TimeZone, Utc};
use rounds::fetch::parse::{
    ParseError, ParsedFeed, Reader, Readers, in_parse, parse_feed, parse_with,
};
use rounds::text::plain_text;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where every document is taken to have been fetched from, unless it says otherwise.
const DEFAULT_BASE: &str = "https://example.org/feed.xml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    /// The rule the document exercises, in words (documentation only).
    #[allow(dead_code)]
    rule: Option<String>,
    base: Option<String>,
    /// The document must fail, with an error mentioning this (case-insensitive).
    error: Option<String>,
    count: Option<usize>,
    feed_title: Option<String>,
    /// `""` means the feed has not moved.
    moved_to: Option<String>,
    /// `[]` means no repair at all; otherwise each of these must be reported.
    repairs: Option<Vec<String>>,
    #[serde(default)]
    entries: Vec<ExpectedEntry>,
}

/// What the entry at that position must have; fields left out are not checked, and `""` means
/// "none" for link and author.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedEntry {
    title: Option<String>,
    link: Option<String>,
    id: Option<String>,
    author: Option<String>,
    /// Text the entry's content (else its summary) must contain, as plain text.
    body: Option<String>,
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance")
}

fn fetched_at() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 15, 12, 0, 0)
        .single()
        .expect("date")
}

/// Per class: documents, how many feed-rs read, and the failures.
#[derive(Default)]
struct Tally {
    documents: usize,
    feed_rs: usize,
    failures: Vec<String>,
}

#[test]
fn every_document_parses_to_its_expectation() {
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    let mut fallbacks: BTreeMap<String, usize> = BTreeMap::new();
    for (class, folder) in classes() {
        let table = std::fs::read_to_string(folder.join("expected.toml")).expect("expected.toml");
        let expectations: BTreeMap<String, Expected> =
            toml::from_str(&table).unwrap_or_else(|error| panic!("{class}/expected.toml: {error}"));
        assert_every_document_has_an_expectation(&class, &folder, &expectations);
        let tally = tallies.entry(class.clone()).or_default();
        tally.documents = expectations.len();
        for (name, expected) in &expectations {
            let body = std::fs::read(folder.join(name)).expect("document");
            let base = expected.base.as_deref().unwrap_or(DEFAULT_BASE);
            let parsed = parse_feed(&body, None, base, fetched_at());
            assert!(!in_parse(), "{class}/{name}: parse flag left raised");
            let mut problems = check(&parsed, expected);
            match parsed.as_ref().map(|feed| feed.reader) {
                Ok(Reader::FeedRs) => {
                    tally.feed_rs += 1;
                    problems.extend(differences_from_the_tolerant_reader(&parsed, &body, base));
                }
                Ok(Reader::Tolerant(why)) => *fallbacks.entry(why.to_string()).or_default() += 1,
                Err(_) => *fallbacks.entry("no feed".into()).or_default() += 1,
            }
            if !problems.is_empty() {
                tally
                    .failures
                    .push(format!("{class}/{name}: {}", problems.join("; ")));
            }
        }
    }
    report(&tallies, &fallbacks);
    let total: usize = tallies.values().map(|tally| tally.documents).sum();
    assert!(total >= 150, "the corpus has {total} documents");
    let failed: usize = tallies.values().map(|tally| tally.failures.len()).sum();
    assert_eq!(
        failed, 0,
        "{failed} of {total} documents failed (listed above)"
    );
}

/// What feed-rs's reading has that the tolerant reader's does not, or lacks that it has.
fn differences_from_the_tolerant_reader(
    parsed: &Result<ParsedFeed, ParseError>,
    body: &[u8],
    base: &str,
) -> Option<String> {
    let by_feed_rs = parsed.as_ref().ok()?;
    let mut tolerant = match parse_with(body, None, base, fetched_at(), Readers::TolerantOnly) {
        Ok(tolerant) => tolerant,
        Err(error) => {
            return Some(format!(
                "feed-rs read it, the tolerant reader failed: {error}"
            ));
        }
    };
    tolerant.reader = Reader::FeedRs;
    (tolerant != *by_feed_rs)
        .then(|| format!("feed-rs read {by_feed_rs:?}, the tolerant reader {tolerant:?}"))
}

fn classes() -> Vec<(String, PathBuf)> {
    let mut classes: Vec<(String, PathBuf)> = std::fs::read_dir(corpus())
        .expect("tests/conformance")
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_dir())
        .map(|path| {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            (name.into_owned(), path)
        })
        .collect();
    classes.sort();
    classes
}

fn assert_every_document_has_an_expectation(
    class: &str,
    folder: &Path,
    expectations: &BTreeMap<String, Expected>,
) {
    for entry in std::fs::read_dir(folder).expect("class folder").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name != "expected.toml" {
            assert!(
                expectations.contains_key(&name),
                "{class}/{name} has no expectation"
            );
        }
    }
    for name in expectations.keys() {
        assert!(folder.join(name).is_file(), "{class}/{name} is missing");
    }
}

fn report(tallies: &BTreeMap<String, Tally>, fallbacks: &BTreeMap<String, usize>) {
    println!(
        "{:<14} {:>9} {:>7} {:>8} {:>6}",
        "class", "documents", "feed-rs", "tolerant", "failed"
    );
    let mut all = Tally::default();
    for (class, tally) in tallies {
        let tolerant = tally.documents - tally.feed_rs;
        let failed = tally.failures.len();
        println!(
            "{class:<14} {:>9} {:>7} {tolerant:>8} {failed:>6}",
            tally.documents, tally.feed_rs
        );
        all.documents += tally.documents;
        all.feed_rs += tally.feed_rs;
        all.failures.extend(tally.failures.iter().cloned());
    }
    println!(
        "{:<14} {:>9} {:>7} {:>8} {:>6}",
        "all",
        all.documents,
        all.feed_rs,
        all.documents - all.feed_rs,
        all.failures.len()
    );
    println!("\nwhy the tolerant reader read a document:");
    for (why, count) in fallbacks {
        println!("{count:>5}  {why}");
    }
    for failure in &all.failures {
        println!("FAIL {failure}");
    }
}

fn check(parsed: &Result<ParsedFeed, ParseError>, expected: &Expected) -> Vec<String> {
    let feed = match (parsed, &expected.error) {
        (Err(error), Some(wanted)) => {
            let message = error.to_string();
            return match message.to_lowercase().contains(&wanted.to_lowercase()) {
                true => Vec::new(),
                false => vec![format!("error {message:?} does not mention {wanted:?}")],
            };
        }
        (Err(error), None) => return vec![format!("error: {error}")],
        (Ok(_), Some(wanted)) => return vec![format!("parsed, expected an error ({wanted})")],
        (Ok(feed), None) => feed,
    };
    let mut problems = Vec::new();
    if let Some(count) = expected.count
        && feed.items.len() != count
    {
        problems.push(format!("{} entries, expected {count}", feed.items.len()));
    }
    if let Some(title) = &expected.feed_title
        && feed.title.as_deref() != Some(title.as_str())
    {
        problems.push(format!("feed title {:?}, expected {title:?}", feed.title));
    }
    problems.extend(check_moved(feed, expected.moved_to.as_deref()));
    problems.extend(check_repairs(feed, expected.repairs.as_deref()));
    for (index, wanted) in expected.entries.iter().enumerate() {
        match feed.items.get(index) {
            Some(item) => problems.extend(
                check_entry(item, wanted)
                    .into_iter()
                    .map(|problem| format!("entry {}: {problem}", index + 1)),
            ),
            None => problems.push(format!("entry {} missing", index + 1)),
        }
    }
    problems
}

fn check_moved(feed: &ParsedFeed, wanted: Option<&str>) -> Option<String> {
    let wanted = wanted?;
    let found = feed.moved_to.as_deref().unwrap_or("");
    (found != wanted).then(|| format!("moved to {found:?}, expected {wanted:?}"))
}

fn check_repairs(feed: &ParsedFeed, wanted: Option<&[String]>) -> Option<String> {
    let wanted = wanted?;
    let found: Vec<String> = feed.repairs.iter().map(ToString::to_string).collect();
    let ok = match wanted {
        [] => found.is_empty(),
        _ => wanted.iter().all(|repair| found.contains(repair)),
    };
    (!ok).then(|| format!("repairs {found:?}, expected {wanted:?}"))
}

fn check_entry(item: &rounds::model::NewItem, wanted: &ExpectedEntry) -> Vec<String> {
    let mut problems = Vec::new();
    let mut compare = |field: &str, found: Option<&str>, wanted: Option<&String>| {
        if let Some(wanted) = wanted {
            let found = found.unwrap_or("");
            if found != wanted {
                problems.push(format!("{field} {found:?}, expected {wanted:?}"));
            }
        }
    };
    compare("title", Some(&item.title), wanted.title.as_ref());
    compare("link", item.url.as_deref(), wanted.link.as_ref());
    compare("id", Some(&item.guid), wanted.id.as_ref());
    compare("author", item.author.as_deref(), wanted.author.as_ref());
    if let Some(body) = &wanted.body {
        let text = item
            .content
            .as_deref()
            .or(item.summary.as_deref())
            .map(plain_text)
            .unwrap_or_default();
        if !text.contains(body.as_str()) {
            problems.push(format!("body {text:?} does not contain {body:?}"));
        }
    }
    problems
}

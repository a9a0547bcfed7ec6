//! `rounds demo`'s data: every bundled sample feed parses, dates are moved to look recent, and a
//! refresh of the seeded database finds nothing changed.

mod support;

use chrono::{Duration, Utc};
use rounds::query::parse;
use rounds::store::{Store, compile};
use rounds::sync::demo::{FEEDS, seed};
use support::cli::Sandbox;

#[test]
fn the_demo_database_is_rich_recent_and_stable() {
    let sandbox = Sandbox::new();
    let now = Utc::now();
    let db = seed(sandbox.dir.path(), now).expect("the bundled samples seed a database");
    let store = Store::open(&db).unwrap();
    let sources = store.sources().unwrap();
    assert_eq!(sources.len(), FEEDS.len(), "every bundled feed is a source");
    for source in &sources {
        assert!(source.item_count > 0, "{} has items", source.title);
        assert!(
            source.last_error.is_none(),
            "{}: {:?}",
            source.title,
            source.last_error
        );
        assert!(source.category.is_some(), "{} has a category", source.title);
    }
    let stats = store.stats().unwrap();
    assert!(stats.items >= 300, "a few hundred items: {}", stats.items);

    let everything = compile(&parse("").unwrap(), now);
    let newest = store.list_items(&everything, 1, 0).unwrap()[0]
        .published
        .unwrap();
    assert!(
        newest <= now && newest > now - Duration::hours(3),
        "newest {newest} is recent"
    );
    let oldest = store
        .list_items(&everything, 1, stats.items as usize - 1)
        .unwrap()[0]
        .published
        .unwrap();
    assert!(
        now - oldest > Duration::weeks(4),
        "several weeks of news: oldest {oldest}"
    );

    let safety = compile(
        &parse("recall OR outbreak OR \"safety communication\" OR shortage OR \"blood donation\"")
            .unwrap(),
        now,
    );
    assert!(
        store.count_items(&safety).unwrap() >= 20,
        "a safety watch has plenty to find"
    );
    let shared = compile(&parse("doi:10.1056/NEJMoa2611487").unwrap(), now);
    let copies = store.list_items(&shared, 20, 0).unwrap();
    assert!(copies.len() >= 2, "the same paper appears in several feeds");
    let versions = store.versions(copies[0].id).unwrap();
    let sources: std::collections::BTreeSet<&str> =
        versions.iter().map(|v| v.source_title.as_str()).collect();
    assert!(
        sources.len() >= 5,
        "WAVE-AF is one story across the journal, PubMed, the podcast, the blog and social posts: {sources:?}"
    );
    assert!(
        versions[0].lead && versions[0].source_title.contains("New England"),
        "the journal leads: {versions:?}"
    );
    drop(store);

    let (code, stdout, stderr) = sandbox.run(&["--db", db.to_str().unwrap(), "refresh"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(&format!(
            "{} sources, 0 new items, 0 updated, {} unchanged",
            FEEDS.len(),
            FEEDS.len()
        )),
        "{stdout}"
    );
    let store = Store::open(&db).unwrap();
    assert_eq!(
        store.list_items(&everything, 1, 0).unwrap()[0]
            .published
            .unwrap(),
        newest,
        "dates stay moved"
    );
}

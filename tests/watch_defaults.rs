//! The default watches against the demo feeds (`assets/demo/`) and the real feeds of
//! `../shared/feeds/real/` (when present): every regulator recall alerts, fewer than 1 journal
//! item in 20 does. `cargo test --test watch_defaults -- --nocapture` prints the counts per feed.

use chrono::Utc;
use rounds::fetch::parse::parse_feed;
use rounds::model::{NewItem, NewSource};
use rounds::query::parse;
use rounds::store::{SourceUpdate, Store, compile};
use rounds::sync::demo::{FEEDS, seed};
use rounds::watch::defaults::{DEFAULT_WATCHES, SAFETY};
use std::path::Path;

#[path = "support/corpus.rs"]
mod corpus;

/// One feed's items stored as a source of `category`, and what each default watch matches.
struct Feed {
    name: String,
    category: String,
    items: usize,
    /// Per default watch, in `DEFAULT_WATCHES` order.
    matches: Vec<usize>,
    /// Regulator items that are recalls, and how many the safety watch alerts.
    recalls: usize,
    recalls_alerted: usize,
}

/// Matches are what alerts when the items arrive: a watch tests each new item with its query.
fn evaluate(name: &str, title: Option<String>, category: &str, items: Vec<NewItem>) -> Feed {
    let mut store = Store::open_in_memory().unwrap();
    let source = store
        .add_source(
            &NewSource {
                url: format!("https://feeds.example/{name}"),
                title,
                category: Some(category.into()),
                ..NewSource::default()
            },
            Utc::now(),
        )
        .unwrap();
    store
        .store_feed(source, &SourceUpdate::default(), &items, Utc::now())
        .unwrap();
    let everything = |query: &str| {
        store
            .list_full_items(&compile(&parse(query).unwrap(), Utc::now()), 100_000)
            .unwrap()
    };
    let matches = DEFAULT_WATCHES
        .iter()
        .map(|w| everything(w.query).len())
        .collect();
    // A recall, told apart without the query language: a regulator's item whose title says so,
    // or any item of a recall feed.
    let is_recall = |item: &NewItem| {
        category == "regulator"
            && (item.title.to_lowercase().contains("recall") || name.contains("recall"))
    };
    let safety: Vec<String> = everything(SAFETY.query)
        .into_iter()
        .map(|item| item.guid)
        .collect();
    let recalls = items.iter().filter(|item| is_recall(item)).count();
    let recalls_alerted = items
        .iter()
        .filter(|item| is_recall(item) && safety.contains(&item.guid))
        .count();
    Feed {
        name: name.into(),
        category: category.into(),
        items: store.stats().unwrap().items as usize,
        matches,
        recalls,
        recalls_alerted,
    }
}

fn report(label: &str, feeds: &[Feed]) {
    println!("== {label}");
    println!(
        "{:<36} {:<12} {:>5} {:>7} {:>10} {:>8}",
        "feed", "category", "items", "safety", "outbreaks", "recalls"
    );
    for feed in feeds {
        println!(
            "{:<36} {:<12} {:>5} {:>7} {:>10} {:>5}/{}",
            feed.name,
            feed.category,
            feed.items,
            feed.matches[0],
            feed.matches[1],
            feed.recalls_alerted,
            feed.recalls
        );
    }
    let total = |pick: &dyn Fn(&Feed) -> usize| feeds.iter().map(pick).sum::<usize>();
    println!(
        "{:<36} {:<12} {:>5} {:>7} {:>10}",
        "total",
        "",
        total(&|f| f.items),
        total(&|f| f.matches[0]),
        total(&|f| f.matches[1])
    );
}

/// Every regulator recall alerts; journal items alert rarely (either watch).
fn check(feeds: &[Feed], journal_categories: &[&str]) {
    for feed in feeds {
        assert_eq!(
            feed.recalls_alerted, feed.recalls,
            "{}: a recall the safety watch misses",
            feed.name
        );
    }
    let journals: Vec<&Feed> = feeds
        .iter()
        .filter(|f| journal_categories.contains(&f.category.as_str()))
        .collect();
    let items: usize = journals.iter().map(|f| f.items).sum();
    for (index, watch) in DEFAULT_WATCHES.iter().enumerate() {
        let alerted: usize = journals.iter().map(|f| f.matches[index]).sum();
        println!(
            "{}: {alerted} of {items} journal items alert ({:.1}%)",
            watch.name,
            100.0 * alerted as f64 / items as f64
        );
        assert!(
            alerted * 20 < items,
            "{}: {alerted} of {items} journal items alert",
            watch.name
        );
    }
}

/// The demo sources with their categories, from the bundled OPML.
fn demo_feeds() -> Vec<Feed> {
    let opml = std::fs::read("assets/demo/demo.opml").unwrap();
    let (sources, _) =
        rounds::sync::import::parse_subscriptions(&opml, Some(Path::new("assets/demo"))).unwrap();
    sources
        .iter()
        .map(|source| {
            let name = Path::new(&source.url)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .to_string();
            let bytes = FEEDS.iter().find(|(file, _)| *file == name).unwrap().1;
            let feed = parse_feed(bytes, None, "https://demo.example/", Utc::now()).unwrap();
            // The OPML's folders are the sources' categories in the demo.
            let category = match source.category.as_deref().unwrap_or_default() {
                "Journals" => "journal",
                "Preprints" => "preprint",
                "Regulators" => "regulator",
                "Public health" => "institution",
                "Colleagues" => "colleague",
                _ => "social",
            };
            evaluate(&name, source.title.clone(), category, feed.items)
        })
        .collect()
}

#[test]
fn default_watches_on_the_demo_feeds() {
    let feeds = demo_feeds();
    report("demo feeds (assets/demo), every item as it arrives", &feeds);
    check(&feeds, &["journal", "preprint"]);
    let recalls: usize = feeds.iter().map(|f| f.recalls).sum();
    assert!(recalls >= 20, "the demo has recalls to catch: {recalls}");
    let outbreaks = feeds.iter().find(|f| f.name == "who-don.rss").unwrap();
    assert_eq!(
        outbreaks.matches[1], outbreaks.items,
        "every WHO Disease Outbreak News item alerts the outbreaks watch"
    );
}

/// `rounds demo` seeds its items as a first fetch: only the last few days alert, and the
/// urgent lane shows.
#[test]
fn the_seeded_demo_pins_recent_safety_alerts() {
    let folder = tempfile::tempdir().unwrap();
    let db = seed(folder.path(), Utc::now()).unwrap();
    let store = Store::open(&db).unwrap();
    println!("== rounds demo (first fetch: the last 3 days alert)");
    for watch in store.watches().unwrap() {
        println!(
            "{}: {} alerts ({} unacknowledged)",
            watch.name, watch.alerts, watch.unacknowledged
        );
    }
    let pinned = store.pinned_items(100).unwrap();
    for item in &pinned {
        println!("pinned: {} ({})", item.title, item.source_title);
    }
    assert!(!pinned.is_empty(), "the demo shows the urgent lane");
    assert!(
        pinned
            .iter()
            .all(|item| item.watches.contains(&"safety".to_string())),
        "only the urgent safety watch pins"
    );
}

/// What the real files are, for the rule: regulators, journals and preprints, the rest.
fn real_category(file: &str) -> &'static str {
    match file {
        f if f.starts_with("fda-") || f.starts_with("cdc-") => "regulator",
        f if f.starts_with("biorxiv-") => "preprint",
        f if f.starts_with("journal-of-") || f.starts_with("mdpi-") => "journal",
        f if f.starts_with("medscape-") || f.starts_with("washingtonpost-") => "news",
        _ => "other",
    }
}

#[test]
fn default_watches_on_the_real_feeds() {
    let Some(dir) = corpus::real_feeds_or_skip("default_watches_on_the_real_feeds") else {
        return;
    };
    let files = corpus::feed_files(&dir).unwrap();
    let feeds: Vec<Feed> = files
        .iter()
        .filter_map(|path| {
            let name = path.file_name()?.to_string_lossy().to_string();
            let bytes = std::fs::read(path).ok()?;
            let url = format!("https://feeds.example.net/{name}");
            let feed = parse_feed(&bytes, None, &url, Utc::now()).ok()?;
            Some(evaluate(
                &name,
                feed.title,
                real_category(&name),
                feed.items,
            ))
        })
        .collect();
    report("real feeds (../shared/feeds/real)", &feeds);
    check(&feeds, &["journal", "preprint"]);
    let recalls: usize = feeds.iter().map(|f| f.recalls).sum();
    assert!(recalls >= 1, "the FDA recall feed is in the corpus");
}

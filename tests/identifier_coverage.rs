//! Identifier coverage: how many items of each source carry a DOI, a PubMed id, a PMC id or a
//! trial registration, and how many are versions of a story, for the demo and for the real
//! feeds of `../shared/feeds/real/` (when present). Run with `--nocapture` for the tables.

use chrono::{TimeZone, Utc};
use rounds::fetch::parse::parse_feed;
use rounds::model::{NewItem, NewSource};
use rounds::query::parse;
use rounds::store::{SourceUpdate, Store, compile};

#[path = "support/corpus.rs"]
mod corpus;

#[derive(Debug, Default, Clone, Copy)]
struct Coverage {
    items: usize,
    doi: usize,
    pmid: usize,
    pmcid: usize,
    nct: usize,
    in_story: usize,
}

impl Coverage {
    fn of(items: &[NewItem]) -> Coverage {
        let count = |test: &dyn Fn(&NewItem) -> bool| items.iter().filter(|i| test(i)).count();
        Coverage {
            items: items.len(),
            doi: count(&|i| i.doi.is_some()),
            pmid: count(&|i| i.pmid.is_some()),
            pmcid: count(&|i| i.paper.pmcid.is_some()),
            nct: count(&|i| !i.paper.ncts.is_empty()),
            in_story: 0,
        }
    }

    fn add(&mut self, other: Coverage) {
        self.items += other.items;
        self.doi += other.doi;
        self.pmid += other.pmid;
        self.pmcid += other.pmcid;
        self.nct += other.nct;
        self.in_story += other.in_story;
    }
}

fn row(name: &str, c: &Coverage, with_stories: bool) -> String {
    let stories = if with_stories {
        format!(" | {}", c.in_story)
    } else {
        String::new()
    };
    format!(
        "| {name} | {} | {} | {} | {} | {}{stories} |",
        c.items, c.doi, c.pmid, c.pmcid, c.nct
    )
}

#[test]
fn demo_sources_identifier_coverage() {
    let dir = tempfile::tempdir().unwrap();
    let db = rounds::sync::demo::seed(dir.path(), Utc::now()).unwrap();
    let store = Store::open(&db).unwrap();
    let everything = compile(&parse("").unwrap(), Utc::now());
    let items = store.list_full_items(&everything, 10_000).unwrap();
    println!("| demo source | items | DOI | PMID | PMCID | NCT | in a story |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let mut total = Coverage::default();
    for source in store.sources().unwrap() {
        let mine: Vec<_> = items.iter().filter(|i| i.source_id == source.id).collect();
        let coverage = Coverage {
            items: mine.len(),
            doi: mine.iter().filter(|i| i.doi.is_some()).count(),
            pmid: mine.iter().filter(|i| i.pmid.is_some()).count(),
            pmcid: mine.iter().filter(|i| i.paper.pmcid.is_some()).count(),
            nct: mine.iter().filter(|i| !i.paper.ncts.is_empty()).count(),
            in_story: mine.iter().filter(|i| i.story.versions > 1).count(),
        };
        println!("{}", row(&source.title, &coverage, true));
        total.add(coverage);
        // Every item of the journals, PubMed and the preprint server names its paper.
        let papers = [
            "The New England Journal",
            "Lancet",
            "BMJ",
            "PubMed",
            "medRxiv",
            "JAMA",
        ];
        if papers.iter().any(|name| source.title.contains(name)) {
            assert_eq!(coverage.doi, coverage.items, "{}", source.title);
        }
        if source.title.contains("PubMed") {
            assert_eq!(coverage.pmid, coverage.items, "{}", source.title);
        }
    }
    println!("{}", row("**all**", &total, true));
    assert!(total.in_story >= 10, "the demo's shared papers are stories");
}

#[test]
fn real_feeds_identifier_coverage() {
    let Some(dir) = corpus::real_feeds_or_skip("real_feeds_identifier_coverage") else {
        return;
    };
    let files = corpus::feed_files(&dir).unwrap();
    let fetched_at = Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    println!("| real feed | items | DOI | PMID | PMCID | NCT |");
    println!("|---|---:|---:|---:|---:|---:|");
    let mut total = Coverage::default();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(path).unwrap();
        let url = format!("https://feeds.example.net/{name}");
        let Ok(feed) = parse_feed(&bytes, None, &url, fetched_at) else {
            println!("| {name} | (does not parse) | | | | |");
            continue;
        };
        let coverage = Coverage::of(&feed.items);
        println!("{}", row(&name, &coverage, false));
        total.add(coverage);
        let source = store
            .add_source(
                &NewSource {
                    url,
                    ..NewSource::default()
                },
                fetched_at,
            )
            .unwrap();
        store
            .store_feed(source, &SourceUpdate::default(), &feed.items, fetched_at)
            .unwrap();
        // Preprint servers give every item a DOI.
        if name.starts_with("biorxiv") {
            assert_eq!(coverage.doi, coverage.items, "{name}");
        }
    }
    println!("{}", row("**all**", &total, false));
    let everything = compile(&parse("").unwrap(), fetched_at);
    println!(
        "{} items, {} stories",
        store.count_items(&everything).unwrap(),
        store.count_stories(&everything).unwrap()
    );
    assert!(total.doi > 0);
}

//! Exports at scale: 10,000 saved items from a real SQLite store, in every format, with
//! unique BibTeX keys. Prints the time each format took (run with --nocapture).

use chrono::{Duration, TimeZone, Utc};
use rounds::export::Format;
use rounds::model::{ItemId, Mark, NewItem, NewSource, Paper, PaperRole};
use rounds::query::parse;
use rounds::store::{SourceUpdate, Store, compile};
use rounds::sync::export::{ExportRequest, export_items};
use std::collections::HashSet;
use std::time::Instant;

const ITEMS: usize = 10_000;

/// Few surnames and few title words, so citation keys collide often and must be told apart.
const FAMILIES: &[&str] = &[
    "Marchetti",
    "Osei",
    "Nakamura",
    "Schäfer",
    "Smith",
    "Ng",
    "Li",
];
const WORDS: &[&str] = &[
    "Semaglutide",
    "Dapagliflozin",
    "Measles",
    "Sepsis",
    "The",
    "Tirzepatide",
];

fn items() -> Vec<NewItem> {
    let start = Utc.with_ymd_and_hms(2024, 1, 1, 8, 0, 0).unwrap();
    (0..ITEMS)
        .map(|n| {
            let family = FAMILIES[n % FAMILIES.len()];
            let word = WORDS[(n / 7) % WORDS.len()];
            NewItem {
                guid: format!("item-{n}"),
                url: Some(format!("https://journal.example/doi/10.5555/scale.{n}")),
                title: format!("{word} and outcomes in cohort {}", n % 13),
                author: Some(format!("A. {family}, B. Okafor")),
                published: Some(start + Duration::hours((n % 17_000) as i64)),
                summary: Some(
                    "<p>Background. A randomised trial. Results: fewer events.</p>".into(),
                ),
                doi: Some(format!("10.5555/scale.{n}")),
                pmid: Some(format!("{}", 40_000_000 + n)),
                paper: Paper {
                    authors: vec![format!("A. {family}"), "B. Okafor".into()],
                    journal: Some("Journal of Scale".into()),
                    volume: Some("12".into()),
                    issue: Some("3".into()),
                    pages: Some(format!("{}-{}", n, n + 9)),
                    role: PaperRole::Own,
                    ..Paper::default()
                },
                ..NewItem::default()
            }
        })
        .collect()
}

#[test]
fn ten_thousand_saved_items_export_fast_with_unique_keys() {
    let mut store = Store::open_in_memory().unwrap();
    let source = store
        .add_source(
            &NewSource {
                url: "https://journal.example/feed".into(),
                title: Some("Journal of Scale".into()),
                category: Some("journal".into()),
                ..NewSource::default()
            },
            Utc::now(),
        )
        .unwrap();
    let new = store
        .store_feed(source, &SourceUpdate::default(), &items(), Utc::now())
        .unwrap()
        .new;
    assert_eq!(new.len(), ITEMS);
    let ids: Vec<ItemId> = new;
    store.mark(&ids, Mark::Save, Utc::now()).unwrap();
    let filter = compile(&parse("is:saved").unwrap(), Utc::now());
    let started = Instant::now();
    let read = store.list_full_items(&filter, ITEMS).unwrap().len();
    println!(
        "reading {read} items back: {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );

    for format in [
        Format::Bibtex,
        Format::Ris,
        Format::CslJson,
        Format::Markdown,
        Format::Json,
    ] {
        let request = ExportRequest {
            format,
            filter: &filter,
            stories: false,
            now: Utc::now(),
        };
        let started = Instant::now();
        let exported = export_items(&store, &request).unwrap();
        let elapsed = started.elapsed();
        println!(
            "{:>9}: {} entries, {} KB in {:.0} ms (database read included)",
            format.name(),
            exported.count,
            exported.text.len() / 1024,
            elapsed.as_secs_f64() * 1000.0
        );
        assert_eq!(exported.count, ITEMS);
        if format == Format::Bibtex {
            let keys: Vec<&str> = exported
                .text
                .lines()
                .filter_map(|line| line.strip_prefix("@article{"))
                .map(|rest| rest.trim_end_matches(','))
                .collect();
            assert_eq!(keys.len(), ITEMS);
            let unique: HashSet<&str> = keys.iter().copied().collect();
            assert_eq!(unique.len(), ITEMS, "every key unique");
            assert!(
                keys.iter()
                    .all(|key| key.bytes().all(|b| b.is_ascii_alphanumeric()))
            );
            assert!(
                unique.iter().any(|key| key.starts_with("schafer2024")),
                "accents folded into ASCII keys"
            );
        }
    }
}

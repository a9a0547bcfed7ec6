//! The README's query examples, run on the demo database as a new user would type them: each
//! finds something (the ones about the user's own marks once the user has made some).

use chrono::Utc;
use rounds::model::Mark;
use rounds::query::parse;
use rounds::store::{Store, compile};
use rounds::sync::demo::seed;

/// The README's "Queries" block and its `list --query` line, about what the feeds bring.
const ABOUT_THE_FEEDS: &[&str] = &[
    "measles",
    "\"heart failure\"",
    "sept*",
    "sglt2 OR glp-1",
    "source:nejm",
    "category:journal",
    "author:pereira",
    "title:covid",
    "is:unread",
    "has:doi",
    "has:pmid",
    "has:enclosure",
    "doi:10.1056/NEJMoa2611487",
    "pmid:42318806",
    "nct:NCT07981204",
    "journal:lancet",
    "is:preprint",
    "has:nct",
    "since:7d",
    "since:24h",
    "recall OR outbreak since:7d",
    // The demo's first fetch alerts its last three days: the safety watch pins some of them.
    "is:alert",
    "is:urgent",
    "watch:safety",
];

/// About what the user did: they find something once an item is read, saved and tagged.
const ABOUT_THE_USER: &[&str] = &["tag:cardio", "#cardio", "is:read", "is:saved", "has:tag"];

/// Valid everywhere, but what they find depends on the day (the demo's dates follow the clock)
/// or on what the demo happens to hold: run, not counted. `-retracted` and `NOT retracted` find everything.
const RUN_ONLY: &[&str] = &[
    "-retracted",
    "NOT retracted",
    "is:retracted",
    "has:pmcid",
    "since:2026-11-01",
    "before:2026-10-01",
];

fn count(store: &Store, example: &str) -> usize {
    let expr = parse(example).unwrap_or_else(|e| panic!("{example}: {e:?}"));
    let count = store.count_items(&compile(&expr, Utc::now())).unwrap();
    println!("{count:>5}  {example}");
    count
}

#[test]
fn the_readme_examples_find_something_in_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&seed(dir.path(), Utc::now()).unwrap()).unwrap();
    let empty: Vec<&str> = ABOUT_THE_FEEDS
        .iter()
        .copied()
        .filter(|example| count(&store, example) == 0)
        .collect();
    assert!(
        empty.is_empty(),
        "these find nothing in the demo: {empty:?}"
    );

    let first = store
        .list_items(&compile(&parse("").unwrap(), Utc::now()), 1, 0)
        .unwrap()[0]
        .id;
    store.mark(&[first], Mark::Read, Utc::now()).unwrap();
    store.mark(&[first], Mark::Save, Utc::now()).unwrap();
    store.tag_item(first, &["cardio".into()], false).unwrap();
    for example in ABOUT_THE_USER {
        assert_eq!(count(&store, example), 1, "{example}");
    }
    for example in RUN_ONLY {
        count(&store, example);
    }
}

//! Alerts agree with the river: a watch alerts exactly the new items its query finds there,
//! however the query mixes full-text and other terms, NULLs and negations; and a watch that
//! asks about alerts sees those of the watches tested before it in the same transaction.

use super::test_support::{at, empty_store, recall};
use super::*;
use crate::model::{ItemId, NewItem};
use crate::query::parse;
use std::collections::BTreeSet;

fn item(guid: &str, title: &str, day: u32, author: Option<&str>) -> NewItem {
    NewItem {
        author: author.map(Into::into),
        ..recall(guid, title, day)
    }
}

/// Items whose titles, authors and DOIs make the queries below true and false; some have no
/// author or DOI, which a field's negation must find.
fn arrivals() -> Vec<NewItem> {
    let mut pens = item("a", "Recall of insulin pens", 12, Some("Jane Smith"));
    pens.doi = Some("10.1000/abc".into());
    let mut glp = item("h", "GLP-1 AND kidney decline", 16, None);
    glp.doi = Some("10.1000/xyz".into());
    vec![
        pens,
        item("b", "Pens guidance", 13, None),
        item(
            "c",
            "Outbreak of measles in Ohio",
            14,
            Some("R. Okafor -- CDC"),
        ),
        item("d", "Recall of saline", 15, None),
        item("e", "Tuberculosis vaccine trial", 16, Some("Ana Lima")),
        item("f", "Tuberculosis screening", 17, None),
        item("g", "100% of -- results", 18, Some("--")),
        glp,
        item("i", "September sepsis audit", 19, None),
    ]
}

/// Each query, and the arrivals it finds (by guid), as the river found them before watches and
/// the river shared one plan (except that a negated field now finds the items that lack it:
/// `-doi:`, `-author:`), the same for the old copies of the arrivals and for the new.
const QUERIES: &[(&str, &str)] = &[
    ("recall", "ad"),
    ("recall OR measles", "acd"),
    ("-recall", "bcefghi"),
    ("pens -recall", "b"),
    ("title:recall saline", "d"),
    ("\"outbreak of measles\" OR pens", "abc"),
    ("tuberculosis -vaccine", "f"),
    ("(recall OR pens) (saline OR -measles)", "abd"),
    ("author:smith", "a"),
    ("-author:smith", "bcdefghi"),
    ("author:--", "cg"),
    ("-author:--", "abdefhi"),
    ("-(author:-- OR recall)", "befhi"),
    ("author:-- OR -pens", "cdefghi"),
    ("\"%\"", "g"),
    ("-\"%\" -pens", "cdefhi"),
    ("has:doi", "ah"),
    ("-doi:10.1000/abc", "bcdefghi"),
    ("doi:10.1000/abc OR measles", "ac"),
    ("since:2026-11-15 recall", "d"),
    ("before:2026-11-15 OR measles", "abc"),
    ("source:fda -pens", "cdefghi"),
    ("category:regulator (measles OR saline)", "cd"),
    ("is:unread -tuberculosis", "abcdghi"),
    ("glp-1 OR \"AND\"", "h"),
    ("sept* OR insul*", "ai"),
    ("title:\"insulin pens\" OR author:okafor", "ac"),
    ("NOT NOT recall", "ad"),
    ("-(-recall -pens)", "abd"),
    ("-(recall OR -doi:10.1000/xyz)", "h"),
];

fn ids_found(db: &Store, query: &str, new: &BTreeSet<ItemId>) -> BTreeSet<ItemId> {
    let filter = compile(&parse(query).unwrap(), at(20));
    let found = db.list_items(&filter, 1000, 0).unwrap();
    found
        .into_iter()
        .map(|i| i.id)
        .filter(|id| new.contains(id))
        .collect()
}

#[test]
fn a_watch_alerts_exactly_the_new_items_its_query_finds() {
    let (mut db, source) = empty_store();
    let old: Vec<NewItem> = arrivals()
        .into_iter()
        .map(|mut old| {
            old.guid = format!("old-{}", old.guid);
            old.url = Some(format!("https://fda.example/{}", old.guid));
            old
        })
        .collect();
    db.store_feed(source, &SourceUpdate::default(), &old, at(10))
        .unwrap();
    for (n, (query, _)) in QUERIES.iter().enumerate() {
        db.add_watch(&format!("w{n:02}"), query, false, None, at(11))
            .unwrap();
    }
    let stats = db
        .store_feed(source, &SourceUpdate::default(), &arrivals(), at(20))
        .unwrap();
    let new: BTreeSet<ItemId> = stats.new.iter().copied().collect();
    assert_eq!(new.len(), 9);
    let guids = guids(&db);
    for (n, (query, expected)) in QUERIES.iter().enumerate() {
        let name = format!("w{n:02}");
        let alerted: BTreeSet<ItemId> = stats
            .alerts
            .iter()
            .filter(|alert| alert.watch == name)
            .map(|alert| alert.item_id)
            .collect();
        let found = ids_found(&db, query, &new);
        assert_eq!(alerted, found, "{query}");
        let everywhere = ids_found(&db, query, &guids.keys().copied().collect());
        let found_guids: BTreeSet<&str> = everywhere.iter().map(|id| guids[id].as_str()).collect();
        let expected_guids: BTreeSet<String> = expected
            .chars()
            .flat_map(|guid| [guid.to_string(), format!("old-{guid}")])
            .collect();
        assert_eq!(
            found_guids,
            expected_guids.iter().map(String::as_str).collect(),
            "{query}"
        );
        assert!(
            !found.is_empty() && found.len() < new.len(),
            "{query} tells items apart"
        );
    }
}

/// Every stored item's guid, by id (the fixtures' URLs end with it).
fn guids(db: &Store) -> std::collections::HashMap<ItemId, String> {
    let all = compile(&crate::query::Expr::All, at(20));
    db.list_items(&all, 1000, 0)
        .unwrap()
        .into_iter()
        .map(|item| {
            let url = item.url.unwrap_or_default();
            (
                item.id,
                url.rsplit('/').next().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_watch_asking_about_alerts_sees_those_of_the_watches_before_it() {
    let (mut db, source) = empty_store();
    // The source's first fetch alerts only its last days: get it past that.
    db.store_feed(source, &SourceUpdate::default(), &[], at(10))
        .unwrap();
    // Tested urgent first, then by name.
    for (name, query, urgent) in [
        ("recalls", "recall", true),
        ("b-echo", "is:alert", false),
        ("c-pens", "pens", false),
        ("d-urgent", "is:urgent -watch:c-pens", false),
        ("e-named", "watch:b-echo OR measles", false),
    ] {
        db.add_watch(name, query, urgent, None, at(11)).unwrap();
    }
    let stats = db
        .store_feed(source, &SourceUpdate::default(), &arrivals(), at(20))
        .unwrap();
    let alerted = |watch: &str| -> Vec<&str> {
        stats
            .alerts
            .iter()
            .filter(|alert| alert.watch == watch)
            .map(|alert| alert.title.as_str())
            .collect()
    };
    let recalls = ["Recall of insulin pens", "Recall of saline"];
    assert_eq!(alerted("recalls"), recalls);
    assert_eq!(
        alerted("b-echo"),
        recalls,
        "not the pens watch's, tested after it"
    );
    assert_eq!(
        alerted("c-pens"),
        ["Recall of insulin pens", "Pens guidance"]
    );
    assert_eq!(alerted("d-urgent"), ["Recall of saline"]);
    assert_eq!(
        alerted("e-named"),
        [
            "Recall of insulin pens",
            "Outbreak of measles in Ohio",
            "Recall of saline"
        ]
    );
}

/// Full-text terms nested as deep as the language allows still make expressions FTS5 parses,
/// in the river and in the watches.
#[test]
fn the_deepest_queries_run_in_the_river_and_the_watches() {
    let (mut db, source) = empty_store();
    db.store_feed(source, &SourceUpdate::default(), &[], at(10))
        .unwrap();
    let levels = crate::query::MAX_NESTING / 2;
    let deep = [
        format!(
            "{}recall{}",
            "(pens OR (saline ".repeat(levels),
            "))".repeat(levels)
        ),
        format!(
            "{}recall{}",
            "(pens OR (-measles ".repeat(levels),
            "))".repeat(levels)
        ),
        format!(
            "{}recall{}",
            "(-pens (saline OR ".repeat(levels),
            "))".repeat(levels)
        ),
    ];
    for (n, query) in deep.iter().enumerate() {
        db.add_watch(&format!("deep{n}"), query, false, None, at(11))
            .unwrap();
    }
    let stats = db
        .store_feed(source, &SourceUpdate::default(), &arrivals(), at(20))
        .unwrap();
    let new: BTreeSet<ItemId> = stats.new.iter().copied().collect();
    for (n, query) in deep.iter().enumerate() {
        let alerted: BTreeSet<ItemId> = stats
            .alerts
            .iter()
            .filter(|alert| alert.watch == format!("deep{n}"))
            .map(|alert| alert.item_id)
            .collect();
        let found = ids_found(&db, query, &new);
        assert!(!found.is_empty(), "{query}");
        assert_eq!(alerted, found, "{query}");
    }
}

/// Leaves that depend only on the source are read on one item of each source: they still find
/// exactly what the river finds item by item, negated or not, over several sources and the
/// kept items of two removed sources, which share the placeholder but answer to their former
/// sources' names.
#[test]
fn source_leaves_read_once_per_source_find_what_the_river_finds() {
    let (mut db, fda) = empty_store();
    let mut add = |url: &str, title: &str, category: &str| {
        let source = crate::model::NewSource {
            url: url.into(),
            title: Some(title.into()),
            category: Some(category.into()),
            ..crate::model::NewSource::default()
        };
        db.add_source(&source, at(1)).unwrap()
    };
    let cdc = add(
        "https://cdc.example/han.rss",
        "CDC Health Alert Network",
        "public health",
    );
    let nejm = add("https://nejm.example/rss", "NEJM", "journal");
    let lancet = add("https://lancet.example/rss", "The Lancet", "journal");
    let feeds = [
        (fda, "fda"),
        (cdc, "cdc"),
        (nejm, "nejm"),
        (lancet, "lancet"),
    ];
    let mut kept = Vec::new();
    for (source, name) in feeds {
        let items: Vec<NewItem> = arrivals()
            .into_iter()
            .take(4)
            .map(|mut item| {
                item.guid = format!("{name}-{}", item.guid);
                item
            })
            .collect();
        let stats = db
            .store_feed(source, &SourceUpdate::default(), &items, at(20))
            .unwrap();
        kept.push(stats.new[0]);
    }
    db.mark(&kept, crate::model::Mark::Save, at(21)).unwrap();
    for source in [nejm, lancet] {
        assert_eq!(db.remove_source(source).unwrap().kept, 1);
    }
    let items: Vec<(i64, i64)> = db
        .conn
        .prepare("SELECT id, source_id FROM item")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(items.len(), 10, "4 + 4 + 1 + 1 kept");
    let all: BTreeSet<ItemId> = items.iter().map(|&(id, _)| ItemId(id)).collect();
    for query in [
        "source:nejm",
        "-source:nejm",
        "source:lancet OR source:cdc",
        "-source:fda -source:lancet",
        "source:\"removed sources\"",
        "category:journal OR category:removed",
        "-category:regulator",
        "category:health recall",
        "source:nejm OR (source:fda -pens)",
    ] {
        let plan = super::plan::plan(&parse(query).unwrap(), at(22).timestamp());
        let mut matcher =
            super::alert_match::Matcher::new(&db.conn, items.clone(), &[&plan]).unwrap();
        let alerted: BTreeSet<ItemId> = matcher.matching(&plan).unwrap().into_iter().collect();
        let found = ids_found(&db, query, &all);
        assert_eq!(alerted, found, "{query}");
        assert!(
            !found.is_empty() && found.len() < all.len(),
            "{query} tells items apart"
        );
    }
}

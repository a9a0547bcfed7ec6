//! Every way of finding a page and a count of stories gives the same answer, for every kind of
//! filter, at every offset: the store picks among them for speed alone.

use super::PagePlan;
use crate::model::{ItemId, Mark, NewItem, NewSource, PaperRole, SourceId};
use crate::query::parse;
use crate::store::test_support::at;
use crate::store::{SourceUpdate, Store, compile};

fn source(store: &mut Store, title: &str, category: &str) -> SourceId {
    let new = NewSource {
        url: format!("https://feeds.example/{}", title.to_lowercase()),
        title: Some(title.into()),
        category: Some(category.into()),
        ..NewSource::default()
    };
    store.add_source(&new, at(1)).unwrap()
}

/// The `n`th item: papers 0, 1, 2... each in one to three feeds (every third item is a paper
/// of its own), about measles or sepsis, one a day.
fn item(n: u32) -> NewItem {
    let paper = if n.is_multiple_of(3) { 100 + n } else { n / 2 };
    let topic = if n.is_multiple_of(2) {
        "measles"
    } else {
        "sepsis"
    };
    let mut item = NewItem {
        guid: format!("item-{n}"),
        url: Some(format!("https://site.example/{n}")),
        title: format!("Paper {paper} on {topic}"),
        published: Some(at(1 + n % 27)),
        doi: Some(format!("10.5555/p{paper}")),
        ..NewItem::default()
    };
    item.paper.role = PaperRole::Own;
    item
}

/// Four feeds, 40 items in about 30 stories, a few of them read.
fn river() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let sources = [
        source(&mut store, "NEJM", "Journals"),
        source(&mut store, "PubMed", "Journals"),
        source(&mut store, "medRxiv", "Preprints"),
        source(&mut store, "Mastodon", "Social"),
    ];
    let mut stored: Vec<ItemId> = Vec::new();
    for n in 0..40 {
        let feed = sources[n as usize % sources.len()];
        let new = store
            .store_feed(feed, &SourceUpdate::default(), &[item(n)], at(28))
            .unwrap()
            .new;
        stored.extend(new);
    }
    assert_eq!(stored.len(), 40);
    store
        .mark_stories(&[stored[4], stored[7], stored[30]], Mark::Read, at(28))
        .unwrap();
    store
}

const FILTERS: &[&str] = &[
    "",
    "measles",
    "-measles",
    "source:nejm",
    "-source:mastodon",
    "is:unread",
    "is:read",
    "category:journal sepsis",
    "since:2026-11-10",
    "doi:10.5555/p3",
    "paper OR nothing",
];

#[test]
fn every_plan_finds_the_same_stories() {
    let store = river();
    let all = compile(&parse("").unwrap(), at(28));
    let stories = store.count_stories(&all).unwrap();
    assert!((25..40).contains(&stories), "{stories} stories of 40 items");
    for text in FILTERS {
        let filter = compile(&parse(text).unwrap(), at(28));
        let whole = store
            .list_stories_by(PagePlan::FromMatches, &filter, 1000, 0)
            .unwrap();
        assert!(!whole.is_empty(), "{text} finds something");
        let count = store.count_stories(&filter).unwrap();
        assert_eq!(count, whole.len(), "{text}: the count");
        for limit in [1, 3, 50] {
            for offset in 0..=whole.len() {
                let pages: Vec<Vec<ItemId>> = [
                    PagePlan::FromMatches,
                    PagePlan::AskEachLead,
                    PagePlan::MatchingSet,
                ]
                .into_iter()
                .map(|plan| {
                    let rows = store.list_stories_by(plan, &filter, limit, offset);
                    rows.unwrap().into_iter().map(|row| row.id).collect()
                })
                .collect();
                let expected: Vec<ItemId> = whole
                    .iter()
                    .skip(offset)
                    .take(limit)
                    .map(|row| row.id)
                    .collect();
                for page in &pages {
                    assert_eq!(page, &expected, "{text}, {limit} from {offset}");
                }
            }
        }
    }
}

/// Past `FEW` matches the store walks the leads, asking each near the top and matching a set
/// deeper down; the answers, and the count, stay those of the matches.
#[test]
fn a_broad_filter_walks_the_leads_and_finds_the_same_pages() {
    let mut store = river();
    let feed = source(&mut store, "Outbreak monitor", "Public health");
    let many: Vec<NewItem> = (1000..4400).map(item).collect();
    store
        .store_feed(feed, &SourceUpdate::default(), &many, at(28))
        .unwrap();
    let everything = compile(&parse("").unwrap(), at(28));
    let broad = compile(&parse("paper -source:nejm").unwrap(), at(28));
    let narrow = compile(&parse("doi:10.5555/p3").unwrap(), at(28));
    assert_eq!(store.page_plan(&narrow, 0).unwrap(), PagePlan::FromMatches);
    assert_eq!(store.page_plan(&broad, 0).unwrap(), PagePlan::AskEachLead);
    assert_eq!(
        store.page_plan(&broad, 2500).unwrap(),
        PagePlan::MatchingSet
    );
    assert_eq!(
        store.page_plan(&everything, 0).unwrap(),
        PagePlan::MatchingSet
    );
    let whole = store
        .list_stories_by(PagePlan::FromMatches, &broad, 10_000, 0)
        .unwrap();
    assert!(whole.len() > 2100, "{}", whole.len());
    assert_eq!(store.count_stories(&broad).unwrap(), whole.len());
    for offset in [0, 7, 2050, whole.len() - 3] {
        let page: Vec<ItemId> = store
            .list_stories(&broad, 20, offset)
            .unwrap()
            .into_iter()
            .map(|row| row.id)
            .collect();
        let expected: Vec<ItemId> = whole.iter().skip(offset).take(20).map(|r| r.id).collect();
        assert_eq!(page, expected, "from {offset}");
    }
}

/// How SQLite will walk the item table for `sql`, one line per step.
fn walk(store: &Store, sql: &str, params: &[rusqlite::types::Value]) -> String {
    let mut statement = store
        .conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap();
    let steps = statement
        .query_map(rusqlite::params_from_iter(params), |r| {
            r.get::<_, String>(3)
        })
        .unwrap();
    let steps: Vec<String> = steps.map(Result::unwrap).collect();
    steps.join("\n")
}

/// At 100,000 items a row read per entry, or a sort of every match, is what makes a keystroke
/// slow: the count of stories and a page of the unread river walk their indexes for the
/// filters typed most, including a set of sources that may be most of the cache ("source:n"
/// on the way to "source:nejm"), which must not drive the query through the source index.
#[test]
fn counts_and_pages_of_the_unread_river_read_no_row_per_entry() {
    let store = river();
    for text in [
        "",
        "measles",
        "source:n",
        "-source:nejm sepsis",
        "category:journal",
    ] {
        let unread = compile(
            &parse(&format!("({text}) is:unread").replace("() ", "")).unwrap(),
            at(28),
        );
        let count = format!(
            "SELECT count(DISTINCT i.story) FROM item i WHERE {}",
            unread.sql
        );
        let steps = walk(&store, &count, &unread.params);
        assert!(
            steps.contains("SCAN i USING COVERING INDEX item_story"),
            "{text}: count\n{steps}"
        );
        assert!(!steps.contains("TEMP B-TREE"), "{text}: count\n{steps}");
        let page = format!(
            "SELECT i.id FROM item i WHERE {} ORDER BY i.published DESC, i.id DESC LIMIT 50",
            unread.sql
        );
        let steps = walk(&store, &page, &unread.params);
        // The unread index implies `read_at IS NULL`: SQLite reads no row to test it.
        assert!(
            steps.contains("SCAN i USING INDEX item_unread_river")
                || steps.contains("SCAN i USING COVERING INDEX item_unread_river"),
            "{text}: page\n{steps}"
        );
        assert!(!steps.contains("TEMP B-TREE"), "{text}: page\n{steps}");
    }
}

/// A filter led by a full-text expression is probed by walking the expression's matches: when
/// the walk answers, it answers as the whole filter does, and it answers unless the rest of the
/// filter kept few of the matches walked and more are left.
#[test]
fn the_walk_of_a_full_text_filter_answers_as_the_whole_filter_does() {
    let store = river();
    let filter = |text: &str| compile(&parse(text).unwrap(), at(28));
    // 40 items say "paper", 20 "measles"; NEJM has every fourth item, medRxiv every fourth
    // from the third; the index lists them in the order stored.
    let cases = [
        (filter("measles"), 25, 30, Some(true)),
        (filter("paper"), 5, 20, Some(false)),
        (filter("paper source:nejm"), 3, 20, Some(false)),
        (filter("paper source:nejm"), 12, 50, Some(true)),
        (filter("paper source:nejm"), 5, 20, None),
        (filter("paper is:unread"), 30, 45, Some(false)),
        (
            filter("paper").only_category(Some("Preprints")),
            3,
            20,
            Some(false),
        ),
        (
            filter("paper").only_category(Some("Preprints")),
            5,
            20,
            None,
        ),
        (filter("paper").without_pinned(), 39, 40, Some(false)),
    ];
    for (filter, few, walk, expected) in cases {
        let driver = filter
            .driver
            .as_deref()
            .expect("a full-text expression on top");
        let answer = store.few_by_walk(driver, few, walk).unwrap();
        assert_eq!(answer, expected, "{}: {few} in {walk}", filter.sql);
        if let Some(few_matches) = answer {
            let count = store.count_items(&filter).unwrap();
            assert_eq!(count <= few, few_matches, "{}: {count} match", filter.sql);
        }
    }
    for (text, led) in [
        ("", false),
        ("-measles", false),
        ("paper OR source:nejm", false),
        ("source:nejm paper", true),
        ("measles OR sepsis", true),
    ] {
        let filter = filter(text);
        assert_eq!(filter.driver.is_some(), led, "{text}: {:?}", filter.driver);
    }
}

/// A filter that matches few through an index of its own (the saved lane, with a word typed)
/// finds its stories through that index: asked for the stories directly, SQLite walks the whole
/// story index instead, which at 100,000 items took 40 ms for a page with nothing on it.
#[test]
fn few_matches_find_their_stories_through_the_filters_own_index() {
    let store = river();
    let saved = compile(&parse("measles is:saved").unwrap(), at(28));
    let leads = PagePlan::FromMatches.leads(&saved);
    let page = format!(
        "SELECT i.id FROM item i WHERE {} ORDER BY i.story_latest DESC, i.id DESC LIMIT 50",
        leads.sql
    );
    let steps = walk(&store, &page, &leads.params);
    assert!(steps.contains("INDEX item_saved"), "{steps}");
    assert!(
        !steps.contains("SCAN i USING COVERING INDEX item_story"),
        "{steps}"
    );
}

//! Removing sources keeps what the user saved or tagged.

use super::*;
use crate::model::{ItemId, Mark, NewItem, NewSource, SourceKind};
use crate::query::parse;
use crate::store::compile;
use crate::store::test_support::at;

fn item(guid: &str, title: &str, day: u32) -> NewItem {
    NewItem {
        guid: guid.into(),
        url: Some(format!("https://journal.example/{guid}")),
        title: title.into(),
        published: Some(at(day)),
        summary: Some(format!("<p>{title}: the abstract</p>")),
        ..NewItem::default()
    }
}

/// A source holding `titles` (guids "g0", "g1", ...); returns its id and the items' ids.
fn source_with(
    store: &mut Store,
    url: &str,
    title: &str,
    titles: &[&str],
) -> (SourceId, Vec<ItemId>) {
    let new = NewSource {
        url: url.into(),
        title: Some(title.into()),
        category: Some("journal".into()),
        ..NewSource::default()
    };
    let id = store.add_source(&new, at(1)).unwrap();
    let items: Vec<NewItem> = titles
        .iter()
        .enumerate()
        .map(|(n, t)| item(&format!("g{n}"), t, 2 + n as u32))
        .collect();
    let stats = store
        .store_feed(id, &crate::store::SourceUpdate::default(), &items, at(10))
        .unwrap();
    (id, stats.new)
}

fn titles(store: &Store, query: &str) -> Vec<String> {
    let filter = compile(&parse(query).unwrap(), at(20));
    let mut titles: Vec<String> = store
        .list_items(&filter, 100, 0)
        .unwrap()
        .into_iter()
        .map(|i| i.title)
        .collect();
    titles.sort();
    titles
}

#[test]
fn saved_and_tagged_items_outlive_their_source() {
    let mut store = Store::open_in_memory().unwrap();
    let (bmj, ids) = source_with(
        &mut store,
        "https://bmj.example/rss",
        "BMJ local",
        &[
            "Sepsis bundles",
            "Valproate in men",
            "Annual health checks",
            "Heat deaths",
        ],
    );
    store.mark(&[ids[0]], Mark::Save, at(11)).unwrap();
    store
        .tag_item(ids[1], &["journal-club".into()], false)
        .unwrap();
    store.mark(&[ids[3]], Mark::Read, at(11)).unwrap();

    let plan = store.plan_removal(bmj).unwrap();
    assert_eq!((plan.deleted, plan.kept, plan.kept_in), (2, 2, None));
    assert_eq!(store.stats().unwrap().items, 4, "planning changes nothing");

    let removal = store.remove_source(bmj).unwrap();
    assert_eq!((removal.deleted, removal.kept), (2, 2));
    assert_eq!(removal.source.title, "BMJ local");
    let placeholder = removal.kept_in.expect("a placeholder holds the kept items");
    assert_eq!(store.placeholder_id().unwrap(), Some(placeholder));

    // Listed: the placeholder is a source with the two items.
    let sources = store.sources().unwrap();
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0].id, placeholder);
    assert_eq!(sources[0].kind, SourceKind::Removed);
    assert_eq!(sources[0].title, REMOVED_SOURCES_TITLE);
    assert_eq!((sources[0].item_count, sources[0].unread_count), (2, 2));

    // Searchable by their words, their former source, the placeholder's category, their state.
    assert_eq!(
        titles(&store, "sepsis OR valproate"),
        ["Sepsis bundles", "Valproate in men"]
    );
    assert_eq!(
        titles(&store, "source:bmj"),
        ["Sepsis bundles", "Valproate in men"]
    );
    assert_eq!(
        titles(&store, "category:removed"),
        ["Sepsis bundles", "Valproate in men"]
    );
    assert_eq!(titles(&store, "tag:journal-club"), ["Valproate in men"]);
    assert_eq!(titles(&store, "is:saved"), ["Sepsis bundles"]);

    // Each still says where it came from, with its state and its own link.
    let kept = store.item(ids[1]).unwrap();
    assert_eq!(kept.source_id, placeholder);
    assert_eq!(kept.source_title, "BMJ local");
    assert_eq!(kept.source_url, "https://bmj.example/rss");
    assert_eq!(kept.tags, ["journal-club"]);
    assert_eq!(kept.url.as_deref(), Some("https://journal.example/g1"));
    assert!(
        store.item(ids[2]).is_err(),
        "the plain item went with its source"
    );
    assert!(store.integrity_ok().unwrap());
}

#[test]
fn two_removed_sources_may_share_guids() {
    let mut store = Store::open_in_memory().unwrap();
    let (a, a_ids) = source_with(&mut store, "https://a.example/rss", "Journal A", &["Alpha"]);
    let (b, b_ids) = source_with(&mut store, "https://b.example/rss", "Journal B", &["Beta"]);
    store
        .mark(&[a_ids[0], b_ids[0]], Mark::Save, at(11))
        .unwrap();
    let first = store.remove_source(a).unwrap();
    let second = store.remove_source(b).unwrap();
    assert_eq!(first.kept_in, second.kept_in, "one placeholder for all");
    assert_eq!(titles(&store, "is:saved"), ["Alpha", "Beta"]);
    assert_eq!(titles(&store, "source:\"journal b\""), ["Beta"]);
    assert_eq!(titles(&store, "-source:\"journal b\""), ["Alpha"]);
    assert_eq!(titles(&store, "source:journal -source:a.example"), ["Beta"]);
    // The placeholder answers to its own name too.
    assert_eq!(titles(&store, "source:removed"), ["Alpha", "Beta"]);
    assert!(titles(&store, "-source:removed").is_empty());
}

#[test]
fn nothing_kept_means_no_placeholder() {
    let mut store = Store::open_in_memory().unwrap();
    let (id, _) = source_with(
        &mut store,
        "https://a.example/rss",
        "Journal A",
        &["Alpha", "Beta"],
    );
    let removal = store.remove_source(id).unwrap();
    assert_eq!(
        (removal.deleted, removal.kept, removal.kept_in),
        (2, 0, None)
    );
    assert!(store.sources().unwrap().is_empty());
    assert_eq!(store.stats().unwrap().items, 0);
    assert!(store.fts_in_step().unwrap());
    assert!(matches!(
        store.remove_source(id),
        Err(StoreError::UnknownSource(_))
    ));
}

#[test]
fn removing_the_placeholder_lets_go_only_of_what_is_no_longer_kept() {
    let mut store = Store::open_in_memory().unwrap();
    let (id, ids) = source_with(
        &mut store,
        "https://a.example/rss",
        "Journal A",
        &["Alpha", "Beta"],
    );
    store.mark(&ids, Mark::Save, at(11)).unwrap();
    let placeholder = store.remove_source(id).unwrap().kept_in.unwrap();

    store.mark(&[ids[0]], Mark::Unsave, at(12)).unwrap();
    let pruned = store.remove_source(placeholder).unwrap();
    assert_eq!(
        (pruned.deleted, pruned.kept, pruned.kept_in),
        (1, 1, Some(placeholder))
    );
    assert_eq!(titles(&store, ""), ["Beta"]);

    store.mark(&[ids[1]], Mark::Unsave, at(12)).unwrap();
    let emptied = store.remove_source(placeholder).unwrap();
    assert_eq!(
        (emptied.deleted, emptied.kept, emptied.kept_in),
        (1, 0, None)
    );
    assert!(store.sources().unwrap().is_empty());
    assert!(store.fts_in_step().unwrap());
}

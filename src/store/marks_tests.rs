//! Marks report the sources they touched; the next unread position wraps.

use super::*;
use crate::model::{NewItem, NewSource};
use crate::query::parse;
use crate::store::test_support::at;
use crate::store::{SourceUpdate, compile};

/// Two sources of `per_source` items each, interleaved in time; ids newest first.
fn two_sources(per_source: u32) -> (Store, [SourceId; 2], Vec<ItemId>) {
    let mut store = Store::open_in_memory().unwrap();
    let mut sources = Vec::new();
    let mut ids = Vec::new();
    for (index, name) in ["NEJM", "BMJ"].into_iter().enumerate() {
        let new = NewSource {
            url: format!("https://{name}.example/rss"),
            title: Some(name.into()),
            ..NewSource::default()
        };
        let source = store.add_source(&new, at(1)).unwrap();
        let items: Vec<NewItem> = (0..per_source)
            .map(|n| NewItem {
                guid: format!("{name}-{n}"),
                title: format!("{name} paper {n}"),
                published: Some(at(2) + chrono::Duration::hours(i64::from(2 * n) + index as i64)),
                ..NewItem::default()
            })
            .collect();
        let stats = store
            .store_feed(source, &SourceUpdate::default(), &items, at(20))
            .unwrap();
        ids.extend(stats.new);
        sources.push(source);
    }
    let everything = compile(&parse("").unwrap(), at(20));
    let newest_first = store
        .list_items(&everything, 1000, 0)
        .unwrap()
        .into_iter()
        .map(|row| row.id)
        .collect();
    assert_eq!(ids.len(), 2 * per_source as usize);
    (store, [sources[0], sources[1]], newest_first)
}

#[test]
fn a_mark_names_the_sources_it_touched_and_the_ids_it_missed() {
    let (mut store, [nejm, bmj], ids) = two_sources(3);
    let outcome = store
        .mark_items(&[ids[0], ItemId(999), ids[1]], Mark::Read, at(21))
        .unwrap();
    assert_eq!(outcome.missing, vec![ItemId(999)]);
    assert_eq!(outcome.sources, vec![nejm, bmj]);
    assert_eq!(
        store.unread_counts(&[nejm, bmj]).unwrap(),
        vec![(nejm, 2), (bmj, 2)]
    );
    let outcome = store.mark_items(&[ids[0]], Mark::Unread, at(22)).unwrap();
    assert_eq!(outcome.sources.len(), 1);
    assert_eq!(
        store.unread_counts(&outcome.sources).unwrap()[0].1,
        3,
        "the newest is unread again"
    );
}

#[test]
fn the_next_unread_position_looks_below_then_wraps_to_the_top() {
    let (mut store, _, ids) = two_sources(4);
    let everything = compile(&parse("").unwrap(), at(20));
    // Unread only at positions 1 and 5.
    let read: Vec<ItemId> = ids
        .iter()
        .enumerate()
        .filter(|(n, _)| *n != 1 && *n != 5)
        .map(|(_, id)| *id)
        .collect();
    store.mark(&read, Mark::Read, at(21)).unwrap();
    let next = |after| store.next_unread_position(&everything, after).unwrap();
    assert_eq!(next(0), Some((1, false)));
    assert_eq!(next(1), Some((1, false)), "from a position, inclusive");
    assert_eq!(next(2), Some((5, false)));
    assert_eq!(
        next(6),
        Some((1, true)),
        "past the last one: back to the top"
    );
    assert_eq!(next(100), Some((1, true)));
    store.mark(&ids, Mark::Read, at(22)).unwrap();
    assert_eq!(store.next_unread_position(&everything, 0).unwrap(), None);
}

//! Watches and alerts over real SQLite: alerts on arrival only, the first-fetch window,
//! backfill, acknowledgement, pinning and the query terms that read alerts.

use super::test_support::{at, empty_store, recall};
use super::*;
use crate::model::{AlertState, ItemId, NewItem, NewSource, SourceId};
use crate::query::parse;

fn item(guid: &str, title: &str, day: u32) -> NewItem {
    recall(guid, title, day)
}

fn store(store: &mut Store, source: SourceId, items: &[NewItem], day: u32) -> UpsertStats {
    store
        .store_feed(source, &SourceUpdate::default(), items, at(day))
        .unwrap()
}

fn count(store: &Store, query: &str) -> usize {
    store
        .count_items(&compile(&parse(query).unwrap(), at(28)))
        .unwrap()
}

fn alerted(stats: &UpsertStats) -> Vec<(String, String)> {
    stats
        .alerts
        .iter()
        .map(|a| (a.watch.clone(), a.title.clone()))
        .collect()
}

#[test]
fn a_new_database_starts_with_the_default_watches() {
    let store = Store::open_in_memory().unwrap();
    let watches = store.watches().unwrap();
    let names: Vec<(&str, bool)> = watches
        .iter()
        .map(|w| (w.name.as_str(), w.urgent))
        .collect();
    assert_eq!(names, [("safety", true), ("outbreaks", false)]);
}

#[test]
fn watches_alert_new_matching_items_once_and_never_updates() {
    let (mut db, source) = empty_store();
    // The source's first fetch, then a watch added after it: old items do not alert.
    store(
        &mut db,
        source,
        &[item("old", "Recall of saline flushes", 10)],
        10,
    );
    db.add_watch("recalls", "recall", true, None, at(10))
        .unwrap();
    db.add_watch("pens", "\"insulin pens\"", false, None, at(10))
        .unwrap();

    let mut corrected = item("old", "Recall of saline flushes (expanded)", 10);
    corrected.summary = Some("<p>More lots</p>".into());
    let stats = store(
        &mut db,
        source,
        &[
            corrected,
            item("new", "Recall of insulin pens", 12),
            item("other", "Guidance on insulin pens", 12),
            item("calm", "Hand hygiene week", 12),
        ],
        12,
    );
    assert_eq!(stats.updated, 1);
    let mut raised = alerted(&stats);
    raised.sort();
    assert_eq!(
        raised,
        [
            ("pens".into(), "Guidance on insulin pens".into()),
            ("pens".into(), "Recall of insulin pens".into()),
            ("recalls".into(), "Recall of insulin pens".into()),
        ]
    );
    assert!(stats.alerts.iter().all(|a| a.source == "FDA recalls"));

    // Refreshed again, unchanged and changed: nothing new alerts, nothing doubles.
    let mut again = item("new", "Recall of insulin pens (update)", 12);
    again.summary = Some("<p>recall widened</p>".into());
    let stats = store(&mut db, source, &[again], 13);
    assert!(stats.alerts.is_empty());
    assert_eq!(count(&db, "watch:recalls"), 1);
    assert_eq!(count(&db, "watch:PENS"), 2);
    assert_eq!(count(&db, "is:alert"), 2);
    assert_eq!(count(&db, "is:urgent"), 1);
}

#[test]
fn the_first_fetch_alerts_only_recent_dated_items() {
    let (mut db, source) = empty_store();
    db.add_watch("recalls", "recall", true, None, at(1))
        .unwrap();
    let mut undated = item("undated", "Recall of an undated thing", 1);
    undated.published = None;
    let stats = store(
        &mut db,
        source,
        &[
            item("archive", "Recall from the archive", 2),
            item("edge", "Recall three days ago", 17),
            item("fresh", "Recall this morning", 20),
            undated,
        ],
        20,
    );
    let titles: Vec<String> = alerted(&stats).into_iter().map(|(_, t)| t).collect();
    assert_eq!(titles, ["Recall three days ago", "Recall this morning"]);

    // Later fetches alert every new item, however old its date.
    let stats = store(&mut db, source, &[item("late", "Recall found late", 3)], 21);
    assert_eq!(stats.alerts.len(), 1);

    // The window follows the setting.
    let other = db
        .add_source(
            &NewSource {
                url: "https://mhra.example/feed".into(),
                ..NewSource::default()
            },
            at(21),
        )
        .unwrap();
    db.set_alert_backlog_days(30);
    let stats = store(&mut db, other, &[item("m", "Recall last month", 1)], 21);
    assert_eq!(stats.alerts.len(), 1);
}

#[test]
fn backfill_alerts_the_matches_of_the_last_days() {
    let (mut db, source) = empty_store();
    store(
        &mut db,
        source,
        &[
            item("a", "Recall one", 2),
            item("b", "Recall two", 18),
            item("c", "Nothing", 19),
        ],
        20,
    );
    let (watch, backfilled) = db
        .add_watch("recalls", "recall", false, Some(at(10)), at(20))
        .unwrap();
    assert_eq!(backfilled, 1);
    assert_eq!((watch.alerts, watch.unacknowledged), (1, 1));
}

#[test]
fn acknowledging_unpins_without_reading() {
    let (mut db, source) = empty_store();
    db.add_watch("recalls", "recall", true, None, at(1))
        .unwrap();
    db.add_watch("pens", "pens", false, None, at(1)).unwrap();
    let stats = store(
        &mut db,
        source,
        &[item("a", "Recall of pens", 20), item("b", "Calm", 20)],
        20,
    );
    let (recall, calm) = (stats.new[0], stats.new[1]);
    let pinned = db.pinned_items(10).unwrap();
    assert_eq!(pinned.len(), 1);
    assert_eq!(pinned[0].watches, ["pens", "recalls"]);
    assert_eq!(pinned[0].alert, AlertState::Urgent);
    assert!(db.is_protected_by_alert(recall).unwrap());
    assert!(!db.is_protected_by_alert(calm).unwrap());
    let river = compile(&parse("").unwrap(), at(21)).without_pinned();
    assert_eq!(db.count_items(&river).unwrap(), 1);

    let outcome = db
        .acknowledge(&[recall, calm, ItemId(999)], at(21))
        .unwrap();
    assert_eq!(outcome.items, [recall]);
    assert_eq!(outcome.without_alert, [calm]);
    assert_eq!(outcome.missing, [ItemId(999)]);
    assert!(db.pinned_items(10).unwrap().is_empty());
    assert_eq!(count(&db, "is:urgent"), 0);
    assert_eq!(count(&db, "is:alert"), 1);
    assert_eq!(count(&db, "is:unread"), 2, "acknowledging does not read");
    assert_eq!(db.count_items(&river).unwrap(), 2);
    let shown = db.item(recall).unwrap();
    assert!(shown.alerts.iter().all(|a| a.acknowledged == Some(at(21))));
    assert!(
        db.is_protected_by_alert(recall).unwrap(),
        "urgent alerts protect even acknowledged"
    );
    db.mark(&[recall], crate::model::Mark::Read, at(22))
        .unwrap();
    assert_eq!(db.pinned_items(10).unwrap().len(), 0);
}

#[test]
fn acknowledge_all_by_watch() {
    let (mut db, source) = empty_store();
    let (recalls, _) = db
        .add_watch("recalls", "recall", true, None, at(1))
        .unwrap();
    db.add_watch("pens", "pens", true, None, at(1)).unwrap();
    store(
        &mut db,
        source,
        &[item("a", "Recall one", 20), item("b", "Pens two", 20)],
        20,
    );
    assert_eq!(
        db.acknowledge_all(Some(recalls.id), at(21)).unwrap().len(),
        1
    );
    assert_eq!(db.pinned_items(10).unwrap()[0].title, "Pens two");
    assert_eq!(db.acknowledge_all(None, at(21)).unwrap().len(), 1);
    assert!(db.pinned_items(10).unwrap().is_empty());
}

#[test]
fn watches_are_renamed_changed_and_removed_with_their_alerts() {
    let (mut db, source) = empty_store();
    let (watch, _) = db
        .add_watch("recalls", "recall", false, None, at(1))
        .unwrap();
    assert!(matches!(
        db.add_watch("recalls", "other", false, None, at(1)),
        Err(StoreError::DuplicateWatch(_))
    ));
    assert!(matches!(
        db.add_watch("broken", "recall (", false, None, at(1)),
        Err(StoreError::WatchQuery { .. })
    ));
    db.add_watch("pens", "pens", false, None, at(1)).unwrap();
    store(&mut db, source, &[item("a", "Recall one", 20)], 20);
    let change = WatchChange {
        name: Some("pens".into()),
        ..WatchChange::default()
    };
    assert!(matches!(
        db.change_watch(watch.id, &change),
        Err(StoreError::DuplicateWatch(_))
    ));
    let change = WatchChange {
        name: Some("product-recalls".into()),
        query: Some("recall OR withdrawal".into()),
        urgent: Some(true),
    };
    let changed = db.change_watch(watch.id, &change).unwrap();
    assert_eq!(
        (
            changed.name.as_str(),
            changed.query.as_str(),
            changed.urgent
        ),
        ("product-recalls", "recall OR withdrawal", true)
    );
    assert_eq!(changed.alerts, 1, "alerts stay through a change");
    assert_eq!(count(&db, "is:urgent"), 1, "urgency applies to old alerts");
    db.remove_watch(watch.id).unwrap();
    assert_eq!(count(&db, "is:alert"), 0);
    assert!(matches!(
        db.watch_named("product-recalls"),
        Err(StoreError::UnknownWatch(_))
    ));
}

/// The store keeps the watches' queries parsed from one write to the next: a query changed, a
/// watch added or removed in between is what the next write tests.
#[test]
fn watches_changed_between_two_writes_are_tested_as_they_are_then() {
    let (mut db, source) = empty_store();
    let alerted = |stats: &UpsertStats| -> Vec<(String, String)> {
        let mut alerts: Vec<_> = stats
            .alerts
            .iter()
            .map(|a| (a.watch.clone(), a.title.clone()))
            .collect();
        alerts.sort();
        alerts
    };
    let pair = |watch: &str, title: &str| (watch.to_string(), title.to_string());
    let (pens, _) = db.add_watch("pens", "pens", false, None, at(11)).unwrap();
    let first = [
        item("a", "Pens recalled", 20),
        item("b", "Saline recalled", 20),
    ];
    let first = store(&mut db, source, &first, 20);
    assert_eq!(alerted(&first), [pair("pens", "Pens recalled")]);

    let change = WatchChange {
        query: Some("saline".into()),
        ..WatchChange::default()
    };
    db.change_watch(pens.id, &change).unwrap();
    db.add_watch("recalls", "recalled", false, None, at(20))
        .unwrap();
    let second = [
        item("c", "Pens recalled again", 21),
        item("d", "Saline recalled again", 21),
    ];
    let second = store(&mut db, source, &second, 21);
    assert_eq!(
        alerted(&second),
        [
            pair("pens", "Saline recalled again"),
            pair("recalls", "Pens recalled again"),
            pair("recalls", "Saline recalled again"),
        ]
    );

    db.remove_watch(pens.id).unwrap();
    let third = store(
        &mut db,
        source,
        &[item("e", "Saline recalled a third time", 22)],
        22,
    );
    assert_eq!(
        alerted(&third),
        [pair("recalls", "Saline recalled a third time")]
    );
}

/// One index serves every question asked of a watch's alerts (schema 7 replaced two): its
/// alerts and its unacknowledged ones, `watch:NAME`, the pinned items. None reads every alert.
#[test]
fn a_watch_s_alerts_are_found_through_its_index() {
    use super::watches::{PINNED_IDS, WATCH_COLUMNS};
    let (db, _) = empty_store();
    let watch_name = compile(&parse("watch:safety").unwrap(), at(1));
    let questions = [
        (format!("SELECT {WATCH_COLUMNS} FROM watch w"), Vec::new()),
        (
            format!("SELECT count(*) FROM item i WHERE i.id IN ({PINNED_IDS})"),
            Vec::new(),
        ),
        (
            format!("SELECT count(*) FROM item i WHERE {}", watch_name.sql),
            watch_name.params,
        ),
    ];
    for (sql, params) in questions {
        let mut statement = db
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        let plan: Vec<String> = statement
            .query_map(rusqlite::params_from_iter(params), |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let alerts: Vec<&String> = plan.iter().filter(|step| step.contains(" a ")).collect();
        assert!(!alerts.is_empty(), "{sql}: {plan:?}");
        for step in alerts {
            assert!(
                step.starts_with("SEARCH a USING COVERING INDEX item_alert_by_watch"),
                "{sql}: {plan:?}"
            );
        }
    }
}

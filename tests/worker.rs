//! The TUI's worker over a real SQLite file: commands in, events out, no terminal.

use chrono::{TimeZone, Utc};
use rounds::model::{Mark, NewItem, NewSource};
use rounds::store::{SourceUpdate, Store};
use rounds::tui::protocol::{Command, Event, Lane, RiverQuery, Scope};
use rounds::tui::worker::{WorkerOptions, spawn};
use std::time::Duration;
use tokio::sync::mpsc::UnboundedReceiver;

/// A journal and a recalls feed; with `watches` false, no watch (so nothing is pinned).
fn seed_with(path: &std::path::Path, watches: bool) {
    let mut store = Store::open(path).unwrap();
    if !watches {
        for watch in store.watches().unwrap() {
            store.remove_watch(watch.id).unwrap();
        }
    }
    let day = |d| Utc.with_ymd_and_hms(2026, 11, d, 9, 0, 0).unwrap();
    let journal = store
        .add_source(
            &NewSource {
                url: "https://journal.example/toc".into(),
                title: Some("Journal".into()),
                category: Some("journal".into()),
                ..NewSource::default()
            },
            day(1),
        )
        .unwrap();
    let alerts = store
        .add_source(
            &NewSource {
                url: "https://regulator.example/recalls".into(),
                title: Some("Recalls".into()),
                category: Some("regulator".into()),
                ..NewSource::default()
            },
            day(1),
        )
        .unwrap();
    let item = |guid: &str, title: &str, d| NewItem {
        guid: guid.into(),
        title: title.into(),
        published: Some(day(d)),
        ..NewItem::default()
    };
    let papers: Vec<NewItem> = (1..=20)
        .map(|n| {
            item(
                &format!("p{n}"),
                &format!("Trial {n} of SGLT2 inhibitors"),
                n,
            )
        })
        .collect();
    store
        .store_feed(journal, &SourceUpdate::default(), &papers, day(21))
        .unwrap();
    store
        .store_feed(
            alerts,
            &SourceUpdate::default(),
            &[item("r1", "Recall of insulin pens", 22)],
            day(22),
        )
        .unwrap();
}

fn seed(path: &std::path::Path) {
    seed_with(path, false);
}

async fn next(events: &mut UnboundedReceiver<Event>) -> Event {
    tokio::time::timeout(Duration::from_secs(10), events.recv())
        .await
        .expect("the worker answers")
        .expect("the worker is alive")
}

fn river(text: &str, lane: Lane) -> RiverQuery {
    RiverQuery {
        text: text.into(),
        lane,
        scope: Scope::Everything,
        stories: false,
    }
}

#[tokio::test]
async fn the_worker_answers_river_item_mark_and_tag_commands() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rounds.db");
    seed(&db);
    let (commands, mut events) = spawn(db.clone(), WorkerOptions::default());

    commands
        .send(Command::LoadRiver {
            generation: 1,
            query: river("", Lane::All),
            offset: 0,
            limit: 5,
        })
        .unwrap();
    let Event::RiverLoaded {
        generation: 1,
        total: 21,
        offset: 0,
        rows,
    } = next(&mut events).await
    else {
        panic!("river")
    };
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[0].title, "Recall of insulin pens", "newest first");

    commands
        .send(Command::LoadRiver {
            generation: 2,
            query: river("recall OR \"trial 3\"", Lane::All),
            offset: 0,
            limit: 50,
        })
        .unwrap();
    let Event::RiverLoaded {
        generation: 2,
        total: 2,
        ..
    } = next(&mut events).await
    else {
        panic!("filtered river")
    };

    commands
        .send(Command::LoadRiver {
            generation: 3,
            query: river("(recall", Lane::All),
            offset: 0,
            limit: 50,
        })
        .unwrap();
    let Event::RiverRejected {
        generation: 3,
        error,
    } = next(&mut events).await
    else {
        panic!("rejected")
    };
    assert!(error.column >= 1);

    let first = rows[0].id;
    commands
        .send(Command::Mark {
            ids: vec![first],
            mark: Mark::Save,
        })
        .unwrap();
    assert_eq!(
        next(&mut events).await,
        Event::Marked {
            ids: vec![first],
            mark: Mark::Save
        }
    );
    commands
        .send(Command::LoadRiver {
            generation: 4,
            query: river("", Lane::Saved),
            offset: 0,
            limit: 50,
        })
        .unwrap();
    let Event::RiverLoaded { total: 1, .. } = next(&mut events).await else {
        panic!("saved lane")
    };

    commands
        .send(Command::SetTags {
            id: first,
            tags: vec!["Safety".into(), "#pharmacy".into()],
        })
        .unwrap();
    assert_eq!(
        next(&mut events).await,
        Event::TagsSet {
            id: first,
            tags: vec!["pharmacy".into(), "safety".into()]
        }
    );

    commands
        .send(Command::MarkAllRead {
            query: RiverQuery {
                text: "sglt2".into(),
                lane: Lane::Unread,
                scope: Scope::Category("journal".into()),
                stories: true,
            },
        })
        .unwrap();
    let Event::MarkedAllRead { ids } = next(&mut events).await else {
        panic!("mark all")
    };
    assert_eq!(ids.len(), 20);
    // The journal's new count follows, without reloading every source.
    assert_eq!(
        next(&mut events).await,
        Event::UnreadCounts(vec![(rounds::model::SourceId(1), 0)])
    );

    // `n` beyond the loaded rows: the only unread item is the newest (position 0).
    let everything = river("", Lane::All);
    commands
        .send(Command::FindUnread {
            query: everything.clone(),
            from: 5,
        })
        .unwrap();
    assert_eq!(
        next(&mut events).await,
        Event::UnreadFound {
            query: everything,
            found: Some((0, true))
        }
    );
    commands.send(Command::Quit).unwrap();

    let store = Store::open(&db).unwrap();
    assert_eq!(
        store.stats().unwrap().unread,
        1,
        "only the recall is unread"
    );
    assert!(store.item(first).unwrap().saved.is_some());
}

#[tokio::test]
async fn the_newest_of_many_queued_river_loads_is_answered_last() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rounds.db");
    seed(&db);
    let (commands, mut events) = spawn(db, WorkerOptions::default());
    // Block the worker behind a first command, then queue many keystrokes' worth of loads.
    commands.send(Command::LoadSources).unwrap();
    for generation in 1..=50 {
        commands
            .send(Command::LoadRiver {
                generation,
                query: river(&"s".repeat(generation as usize), Lane::All),
                offset: 0,
                limit: 10,
            })
            .unwrap();
    }
    commands.send(Command::LoadTags).unwrap();
    let Event::SourcesLoaded(sources) = next(&mut events).await else {
        panic!("sources")
    };
    assert_eq!(sources.len(), 2);
    let mut generations = Vec::new();
    loop {
        match next(&mut events).await {
            Event::RiverLoaded { generation, .. } => generations.push(generation),
            Event::TagsLoaded(_) => break,
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(
        generations.last(),
        Some(&50),
        "the newest query is always answered"
    );
    assert!(
        generations.windows(2).all(|w| w[0] < w[1]),
        "answers come in order: {generations:?}"
    );
}

/// The default safety watch pins the recall: the worker serves it apart from the river, takes
/// the acknowledgement, and adds, changes and refuses watches.
#[tokio::test]
async fn the_worker_pins_acknowledges_and_edits_watches() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rounds.db");
    seed_with(&db, true);
    let (commands, mut events) = spawn(db.clone(), WorkerOptions::default());

    commands.send(Command::LoadPinned).unwrap();
    let Event::PinnedLoaded(pinned) = next(&mut events).await else {
        panic!("pinned")
    };
    assert_eq!(pinned.len(), 1);
    assert_eq!(pinned[0].title, "Recall of insulin pens");
    assert_eq!(pinned[0].watches, ["safety"]);
    let recall = pinned[0].id;
    commands
        .send(Command::LoadRiver {
            generation: 1,
            query: river("", Lane::All),
            offset: 0,
            limit: 50,
        })
        .unwrap();
    let Event::RiverLoaded { total: 20, .. } = next(&mut events).await else {
        panic!("the river leaves the pinned recall out")
    };

    commands
        .send(Command::Acknowledge { ids: vec![recall] })
        .unwrap();
    assert_eq!(
        next(&mut events).await,
        Event::Acknowledged { ids: vec![recall] }
    );
    commands.send(Command::LoadPinned).unwrap();
    assert_eq!(next(&mut events).await, Event::PinnedLoaded(Vec::new()));

    commands
        .send(Command::AddWatch {
            name: "SGLT2".into(),
            query: "sglt2 inhibitors".into(),
            urgent: false,
        })
        .unwrap();
    assert_eq!(
        next(&mut events).await,
        Event::WatchSaved {
            name: "sglt2".into()
        }
    );
    let Event::WatchesLoaded(watches) = next(&mut events).await else {
        panic!("watches")
    };
    assert_eq!(
        watches.iter().map(|w| w.name.as_str()).collect::<Vec<_>>(),
        ["safety", "outbreaks", "sglt2"]
    );
    let Event::PinnedLoaded(_) = next(&mut events).await else {
        panic!("pinned after a change")
    };
    commands
        .send(Command::AddWatch {
            name: "broken".into(),
            query: "sglt2 (".into(),
            urgent: false,
        })
        .unwrap();
    let Event::WatchRejected(message) = next(&mut events).await else {
        panic!("a bad query is refused")
    };
    assert!(
        message.starts_with("The query does not work: column 7"),
        "{message}"
    );
    commands.send(Command::Quit).unwrap();
}

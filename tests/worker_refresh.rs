//! The worker's refreshes over a real SQLite file: every refresh that starts ends with a
//! summary or an error, and a request made during one is run after it, never dropped.

mod support;

use chrono::Utc;
use rounds::model::NewSource;
use rounds::store::Store;
use rounds::sync::progress::{Progress, RefreshSummary};
use rounds::tui::protocol::{Command, Event};
use rounds::tui::worker::{WorkerOptions, spawn};
use std::path::{Path, PathBuf};
use std::time::Duration;
use support::feeds::journal_rss;
use tokio::sync::mpsc::UnboundedReceiver;

/// A database following one local feed file of `count` articles.
fn seed(dir: &Path, count: usize) -> PathBuf {
    let feed = dir.join("journal.xml");
    std::fs::write(&feed, journal_rss(count, 1)).unwrap();
    let db = dir.join("rounds.db");
    let mut store = Store::open(&db).unwrap();
    store
        .add_source(
            &NewSource {
                url: feed.to_str().unwrap().into(),
                title: Some("Journal".into()),
                ..NewSource::default()
            },
            Utc::now(),
        )
        .unwrap();
    db
}

/// The next event that ends a refresh: its summary, or its error.
async fn refresh_end(events: &mut UnboundedReceiver<Event>) -> Result<RefreshSummary, String> {
    let wait = async {
        loop {
            match events.recv().await.expect("the worker is alive") {
                Event::Refresh(Progress::Finished(summary)) => return Ok(summary),
                Event::RefreshFailed(message) => return Err(message),
                _ => {}
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(20), wait)
        .await
        .expect("the refresh ends with a summary or an error")
}

#[tokio::test]
async fn a_refresh_asked_for_during_a_refresh_runs_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed(dir.path(), 3);
    let (commands, mut events) = spawn(db, WorkerOptions::default());
    commands.send(Command::Refresh { source: None }).unwrap();
    commands.send(Command::Refresh { source: None }).unwrap();
    let first = refresh_end(&mut events).await.expect("the first refresh");
    assert_eq!(first.new_items, 3);
    let second = refresh_end(&mut events)
        .await
        .expect("the second refresh, queued, not dropped");
    assert_eq!((second.new_items, second.not_modified), (0, 1));
    commands.send(Command::Quit).unwrap();
}

#[tokio::test]
async fn a_refresh_that_meets_a_locked_database_fails_and_the_next_one_completes() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed(dir.path(), 4);
    let options = WorkerOptions {
        busy_timeout: Duration::from_millis(300),
        ..WorkerOptions::default()
    };
    let (commands, mut events) = spawn(db.clone(), options);

    // Another process (a cron `rounds refresh`) holds the write lock.
    let other = rusqlite::Connection::open(&db).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    commands.send(Command::Refresh { source: None }).unwrap();
    let error = refresh_end(&mut events)
        .await
        .expect_err("no write can happen while the lock is held");
    assert!(error.contains("database is busy"), "{error}");

    other.execute_batch("COMMIT").unwrap();
    commands.send(Command::Refresh { source: None }).unwrap();
    let summary = refresh_end(&mut events)
        .await
        .expect("the lock is gone: the refresh completes");
    assert_eq!((summary.new_items, summary.failed), (4, 0));
    commands.send(Command::Quit).unwrap();
}

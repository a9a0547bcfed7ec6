//! `kill -9` in the middle of a refresh loses nothing that was committed before it, and the
//! database stays consistent.

mod support;

use rounds::store::Store;
use std::time::{Duration, Instant};
use support::cli::Sandbox;
use support::feeds::{journal_rss, notices_atom};
use support::{Response, TestServer};

const RSS: &str = "application/rss+xml";

/// Polls the database until `ready` holds; the refresh runs in another process.
fn wait_for_database(db: &std::path::Path, what: &str, ready: impl Fn(&Store) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Ok(store) = Store::open(db)
            && ready(&store)
        {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the database never showed {what}"
        );
        std::thread::park_timeout(Duration::from_millis(20));
    }
}

/// A journal and a notices feed that answer, and a third feed held until released.
fn two_feeds_and_one_that_hangs() -> TestServer {
    let server = TestServer::start();
    server.route("/journal.rss", Response::ok(RSS, journal_rss(5, 1)));
    server.route(
        "/notices.atom",
        Response::ok("application/atom+xml", notices_atom()),
    );
    server.route(
        "/stuck.rss",
        Response::ok(RSS, journal_rss(3, 9)).held_until_released(),
    );
    server
}

/// Runs `rounds ARGS` (a refresh), waits until the two feeds that answer are stored while the
/// third hangs, and kills it with SIGKILL: no destructor, no last transaction. Returns the
/// database.
fn kill_after_two_feeds(
    server: &TestServer,
    sandbox: &Sandbox,
    args: &[&str],
) -> std::path::PathBuf {
    let mut refresh = sandbox
        .std_command(args)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    server.wait_for_held(1);
    let db = sandbox.db();
    wait_for_database(&db, "the two finished feeds", |store| {
        store
            .sources()
            .unwrap()
            .iter()
            .filter(|s| s.item_count > 0)
            .count()
            == 2
    });
    refresh.kill().unwrap();
    refresh.wait().unwrap();
    db
}

#[test]
fn a_refresh_killed_mid_way_keeps_every_committed_feed() {
    let server = two_feeds_and_one_that_hangs();
    let sandbox = Sandbox::new();
    for path in ["/journal.rss", "/notices.atom", "/stuck.rss"] {
        assert_eq!(sandbox.run(&["add", &server.url(path), "--no-fetch"]).0, 0);
    }

    let db = kill_after_two_feeds(&server, &sandbox, &["refresh"]);

    let store = Store::open(&db).unwrap();
    assert!(
        store.integrity_ok().unwrap(),
        "the database is consistent after kill -9"
    );
    let sources = store.sources().unwrap();
    let items = |suffix: &str| {
        sources
            .iter()
            .find(|s| s.url.ends_with(suffix))
            .unwrap()
            .item_count
    };
    assert_eq!(
        (
            items("/journal.rss"),
            items("/notices.atom"),
            items("/stuck.rss")
        ),
        (5, 2, 0)
    );
    drop(store);

    // The next refresh picks up where the killed one stopped.
    server.release_all();
    let (code, stdout, stderr) = sandbox.run(&["refresh"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let store = Store::open(&db).unwrap();
    assert_eq!(store.stats().unwrap().items, 10);
    assert!(store.integrity_ok().unwrap());
}

/// Items matching the query, and the items the watch alerted: the same, if no item was ever
/// stored without its alert.
fn matching_and_alerted(store: &Store, query: &str, watch: &str) -> (usize, usize) {
    let count = |text: &str| {
        let expr = rounds::query::parse(text).unwrap();
        store
            .count_items(&rounds::store::compile(&expr, chrono::Utc::now()))
            .unwrap()
    };
    (count(query), count(&format!("watch:{watch}")))
}

#[test]
fn a_refresh_killed_mid_way_leaves_no_item_without_its_alert() {
    let server = two_feeds_and_one_that_hangs();
    let sandbox = Sandbox::new();
    // Every item of the first fetch may alert, whatever its date.
    let config = sandbox.path("config.toml");
    support::cli::write(&config, "alert_backlog_days = 36500\n");
    let config = config.to_str().unwrap();
    let query = "trial OR measles";
    assert_eq!(sandbox.run(&["watch", "add", "followed", query]).0, 0);
    for path in ["/journal.rss", "/notices.atom", "/stuck.rss"] {
        assert_eq!(sandbox.run(&["add", &server.url(path), "--no-fetch"]).0, 0);
    }

    let db = kill_after_two_feeds(&server, &sandbox, &["--config", config, "refresh"]);

    let store = Store::open(&db).unwrap();
    assert!(store.integrity_ok().unwrap());
    assert_eq!(
        matching_and_alerted(&store, query, "followed"),
        (6, 6),
        "5 trials and 1 measles notice, each with its alert"
    );
    drop(store);

    server.release_all();
    let (code, stdout, stderr) = sandbox.run(&["--config", config, "refresh"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("3 alerts"),
        "only the unfinished feed alerts now: {stdout}"
    );
    let store = Store::open(&db).unwrap();
    assert_eq!(matching_and_alerted(&store, query, "followed"), (9, 9));
}

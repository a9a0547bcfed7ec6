//! The real binary in a pseudo-terminal: start on a seeded database, move, open an item,
//! filter, save, quit with 0; then check the database.

mod support;

use chrono::Utc;
use rounds::model::ItemSummary;
use rounds::query::parse;
use rounds::store::{Store, compile};
use support::cli::{Sandbox, write};
use support::pty::Pty;

/// The river as the newsfeed opens it: one row per story.
fn river(db: &std::path::Path, query: &str) -> Vec<ItemSummary> {
    let store = Store::open(db).unwrap();
    store
        .list_stories(&compile(&parse(query).unwrap(), Utc::now()), 1000, 0)
        .unwrap()
}

/// The start of a title as the river shows it (it may be cut to the column).
fn start(title: &str) -> String {
    title.chars().take(30).collect()
}

#[test]
fn move_open_filter_save_and_quit() {
    let sandbox = Sandbox::new();
    let db = rounds::sync::demo::seed(sandbox.dir.path(), Utc::now()).unwrap();
    let config = sandbox.path("config.toml");
    write(
        &config,
        "refresh_interval = \"off\"\nrefresh_on_start = false\n",
    );
    // The demo pins its recent safety alerts above the river; the river holds the rest.
    assert!(!river(&db, "is:urgent").is_empty());
    let unread = river(&db, "is:unread -is:urgent");
    let second = &unread[1];

    let mut pty = Pty::spawn(sandbox.newsfeed(&db, &config), 30, 120);
    pty.wait_for("the river", |s| {
        s.contains(&start(&unread[0].title))
            && s.contains(&format!("Unread · {} stories", unread.len()))
    });

    // Move down one and open it: the reader shows the item; back to the river.
    pty.send(b"j\r");
    pty.wait_for("the reader", |s| {
        s.contains(&start(&second.title)) && s.contains("o browser")
    });
    pty.send(b"\x1b");
    pty.wait_for("the river again", |s| s.contains("/ filter"));
    // The opened item's read mark is written by the worker: wait for it before counting the
    // unread matches, or the count races the write.
    pty.wait_for("the opened item stored as read", |_| {
        river(&db, "is:read")
            .iter()
            .any(|item| item.id == second.id)
    });

    // Filter: the river narrows to what the query matches.
    let matching = river(&db, "insulin is:unread -is:urgent");
    assert!(!matching.is_empty() && matching.len() < unread.len());
    pty.send(b"/insulin");
    pty.wait_for("the filtered river", |s| {
        s.contains(&format!("Unread · {}", matching.len()))
            && s.contains(&start(&matching[0].title))
    });
    pty.send(b"\r");

    // Save the first match, then quit.
    pty.send(b"s");
    pty.wait_for("the saved lane count", |_| {
        !river(&db, "is:saved").is_empty()
    });
    pty.send(b"q");
    pty.send(b"q");
    pty.send(b"q");
    let status = pty.wait_exit();
    assert!(status.success(), "rounds exited with {status:?}");

    let saved = river(&db, "is:saved");
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].id, matching[0].id, "the first match was saved");
    assert!(
        river(&db, "is:read")
            .iter()
            .any(|item| item.id == second.id),
        "the opened item is read"
    );
}

/// Another connection (a cron `rounds refresh`) holds the write lock: `R` ends with a visible
/// error instead of hanging on "Refreshing"; once the lock is gone, `R` completes.
#[test]
fn a_refresh_blocked_by_another_writer_fails_visibly_and_the_next_completes() {
    let sandbox = Sandbox::new();
    let feed = sandbox.path("journal.xml");
    write(&feed, &support::feeds::journal_rss(3, 1));
    let db = sandbox.db();
    Store::open(&db)
        .unwrap()
        .add_source(
            &rounds::model::NewSource {
                url: feed.to_str().unwrap().into(),
                title: Some("Journal of Cardiac Trials".into()),
                ..Default::default()
            },
            Utc::now(),
        )
        .unwrap();
    let config = sandbox.path("config.toml");
    write(
        &config,
        "refresh_interval = \"off\"\nrefresh_on_start = false\nbusy_timeout = \"1s\"\n",
    );
    let mut pty = Pty::spawn(
        sandbox.std_command(&["--config", config.to_str().unwrap()]),
        24,
        100,
    );
    pty.wait_for("the sources pane", |s| s.contains("Journal of Cardiac"));

    let other = rusqlite::Connection::open(&db).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    pty.send(b"R");
    pty.wait_for("the refresh's error", |s| s.contains("database is busy"));

    other.execute_batch("COMMIT").unwrap();
    pty.send(b"R");
    pty.wait_for("the refresh's summary", |s| {
        s.contains("Refreshed 1 source, 3 new, 0 failed")
    });
    pty.wait_for("the new items", |s| s.contains("Trial 3: SGLT2"));
    pty.send(b"q");
    assert!(pty.wait_exit().success());
}

/// `ROUNDS_TIMEOUT` reaches the newsfeed's worker: a server that never answers fails the
/// refresh in half a second, not after the 60 s default.
#[test]
fn the_newsfeeds_refresh_honours_rounds_timeout() {
    let server = support::TestServer::start();
    server.route(
        "/slow.rss",
        support::Response::ok("application/rss+xml", "").stall_before_headers(),
    );
    let sandbox = Sandbox::new();
    let (code, _, stderr) = sandbox.run(&["add", &server.url("/slow.rss"), "--no-fetch"]);
    assert_eq!(code, 0, "{stderr}");
    let config = sandbox.path("config.toml");
    write(
        &config,
        "refresh_interval = \"off\"\nrefresh_on_start = true\n",
    );
    let mut command = sandbox.std_command(&["--config", config.to_str().unwrap()]);
    command.env("ROUNDS_TIMEOUT", "0.5");
    let mut pty = Pty::spawn(command, 24, 100);
    pty.wait_for("the refresh's summary", |s| {
        s.contains("Refreshed 1 source, 0 new, 1 failed")
    });
    pty.send(b"q");
    assert!(pty.wait_exit().success());
}

/// Polls the database until `ready` holds (the newsfeed writes from its own process).
fn wait_for_database(db: &std::path::Path, what: &str, ready: impl Fn(&Store) -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        if let Ok(store) = Store::open(db)
            && ready(&store)
        {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the database never showed {what}"
        );
        std::thread::park_timeout(std::time::Duration::from_millis(20));
    }
}

/// The screen row where `text` first appears.
fn row_of(screen: &str, text: &str) -> Option<usize> {
    screen.lines().position(|line| line.contains(text))
}

#[test]
fn an_urgent_alert_arrives_is_pinned_and_acknowledged() {
    use support::feeds::{Notice, agency_rss};
    use support::{Response, TestServer};
    let notice = |guid, title, hours_ago| Notice {
        guid,
        title,
        hours_ago,
    };
    let server = TestServer::start();
    let rss = "application/rss+xml";
    let hygiene = notice("g1", "Hand hygiene guidance", 24 * 5);
    server.route(
        "/recalls.rss",
        Response::ok(rss, agency_rss("Device recalls", &[hygiene])),
    );
    server.route(
        "/ward.rss",
        Response::ok(
            rss,
            agency_rss(
                "Ward news",
                &[
                    notice("n1", "Sepsis bundle audit results", 1),
                    notice("n2", "Night shift rota for December", 2),
                ],
            ),
        ),
    );
    let sandbox = Sandbox::new();
    for path in ["/recalls.rss", "/ward.rss"] {
        let (code, _, stderr) = sandbox.run(&["add", &server.url(path)]);
        assert_eq!(code, 0, "{stderr}");
    }
    let config = sandbox.path("config.toml");
    write(
        &config,
        "refresh_interval = \"off\"\nrefresh_on_start = false\n",
    );
    let mut pty = Pty::spawn(
        sandbox.std_command(&["--config", config.to_str().unwrap()]),
        30,
        120,
    );
    pty.wait_for("the river", |s| s.contains("Sepsis bundle audit"));
    assert!(!pty.contents().contains("[safety]"), "nothing pinned yet");

    // The FDA posts a recall from yesterday; the user refreshes.
    let recall = notice("r1", "Omega recalls insulin pens", 20);
    server.route(
        "/recalls.rss",
        Response::ok(rss, agency_rss("Device recalls", &[recall, hygiene])),
    );
    pty.send(b"R");
    let screen = pty.wait_for("the pinned recall", |s| {
        s.contains("[safety] Omega recalls insulin pens") && s.contains("Urgent alert [safety]")
    });
    let pinned = row_of(&screen, "Omega recalls insulin pens").unwrap();
    let newer = row_of(&screen, "Sepsis bundle audit").unwrap();
    assert!(pinned < newer, "pinned above newer items:\n{screen}");
    assert_eq!(pty.bells(), 1, "one bell for the urgent arrival");

    // g goes to the top (the pinned lane), a acknowledges.
    pty.send(b"g");
    pty.send(b"a");
    let screen = pty.wait_for("the recall back in the river", |s| {
        !s.contains("pinned until acknowledged") && s.contains("Omega recalls insulin pens")
    });
    assert!(
        row_of(&screen, "Omega recalls insulin pens").unwrap()
            > row_of(&screen, "Sepsis bundle audit").unwrap(),
        "unpinned, it takes its place by date:\n{screen}"
    );
    let db = sandbox.db();
    wait_for_database(&db, "the acknowledgement", |store| {
        let count = |query: &str| {
            store
                .count_items(&compile(&parse(query).unwrap(), Utc::now()))
                .unwrap()
        };
        count("is:urgent") == 0 && count("watch:safety") == 1
    });
    let recall = &river(&db, "watch:safety")[0];
    assert_eq!(recall.title, "Omega recalls insulin pens");
    assert!(!recall.read, "acknowledging does not read");
    let item = Store::open(&db).unwrap().item(recall.id).unwrap();
    assert!(item.alerts.iter().all(|alert| alert.acknowledged.is_some()));
    pty.send(b"q");
    assert!(pty.wait_exit().success());
}

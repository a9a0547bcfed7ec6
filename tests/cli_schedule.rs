//! Schedules and retention end to end: `refresh --due` against plain `refresh`, backoff of a
//! failing source, and retention that keeps what must be kept.

mod support;

use chrono::{DateTime, Utc};
use serde_json::Value;
use support::cli::{Sandbox, write};
use support::feeds::{journal_rss, notices_atom};
use support::{Response, TestServer};

const RSS: &str = "application/rss+xml";

fn time(value: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(value.as_str().unwrap_or_else(|| panic!("a time: {value}")))
        .unwrap()
        .to_utc()
}

fn by_url<'a>(list: &'a Value, url: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|s| s["url"] == url)
        .unwrap_or_else(|| panic!("no {url} in {list:#}"))
}

#[test]
fn due_skips_what_is_not_due_while_plain_refresh_fetches_everything() {
    let server = TestServer::start();
    server.route("/journal.rss", Response::ok(RSS, journal_rss(2, 1)));
    server.route(
        "/notices.atom",
        Response::ok("application/atom+xml", notices_atom()),
    );
    let s = Sandbox::new();
    let journal = server.url("/journal.rss");
    let notices = server.url("/notices.atom");
    assert_eq!(s.run(&["add", &journal, "--category", "journal"]).0, 0);
    assert_eq!(
        s.run(&["add", &notices, "--no-fetch", "--every", "2h"]).0,
        0
    );
    // `add` looked at the address (is it a page?) and fetched it once.
    let after_add = server.requests_for("/journal.rss").len();

    let due = s.json(&["refresh", "--due", "--json"]);
    assert_eq!(due["summary"]["not_due"], 1, "{due:#}");
    let skipped = by_url(&due["sources"], &journal);
    assert_eq!(skipped["outcome"], "not_due");
    let sources = s.json(&["sources", "--json"]);
    let journal_source = by_url(&sources, &journal);
    let wait = time(&skipped["due"]) - time(&journal_source["last_fetch"]);
    assert_eq!(wait.num_hours(), 6, "journals default to 6 h");
    assert_eq!(journal_source["every_seconds"], 6 * 3600);
    assert_eq!(by_url(&due["sources"], &notices)["outcome"], "updated");
    assert_eq!(
        server.requests_for("/journal.rss").len(),
        after_add,
        "not fetched"
    );
    assert_eq!(
        server.requests_for("/notices.atom").len(),
        1,
        "never fetched: due"
    );

    let notices_source = by_url(&s.json(&["sources", "--json"]), &notices).clone();
    assert_eq!(notices_source["every_seconds"], 7200);
    assert_eq!(notices_source["every_chosen"], true);
    let next = time(&notices_source["next_fetch"]) - time(&notices_source["last_fetch"]);
    assert_eq!(next.num_minutes(), 120);

    let all = s.json(&["refresh", "--json"]);
    assert_eq!(all["summary"]["not_due"], 0);
    assert_eq!(server.requests_for("/journal.rss").len(), after_add + 1);
    assert_eq!(server.requests_for("/notices.atom").len(), 2);

    let (code, stdout, stderr) = s.run(&["source", "set", "1", "--every", "30m", "--title", "JCT"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("JCT") && stdout.contains("every 30m"),
        "{stdout}"
    );
    let (code, _, stderr) = s.run(&["source", "set", "1", "--every", "often"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("not a refresh interval"), "{stderr}");
}

#[test]
fn a_feeds_own_ttl_and_max_age_are_a_lower_bound_on_its_interval() {
    let server = TestServer::start();
    let with_ttl =
        journal_rss(1, 1).replace("<description>Online first</description>", "<ttl>240</ttl>");
    server.route("/ttl.rss", Response::ok(RSS, with_ttl));
    server.route(
        "/cached.atom",
        Response::ok("application/atom+xml", notices_atom())
            .with_header("Cache-Control", "public, max-age=5400"),
    );
    let s = Sandbox::new();
    assert_eq!(
        s.run(&["add", &server.url("/ttl.rss"), "--category", "social"])
            .0,
        0
    );
    assert_eq!(
        s.run(&[
            "add",
            &server.url("/cached.atom"),
            "--category",
            "regulator"
        ])
        .0,
        0
    );
    let sources = s.json(&["sources", "--json"]);
    assert_eq!(
        by_url(&sources, &server.url("/ttl.rss"))["every_seconds"],
        4 * 3600,
        "ttl 240 min over 15 min"
    );
    assert_eq!(
        by_url(&sources, &server.url("/cached.atom"))["every_seconds"],
        5400,
        "max-age over 15 min"
    );
}

#[test]
fn a_failing_source_backs_off_exponentially_and_recovers_on_success() {
    let server = TestServer::start();
    server.route("/flaky.rss", Response::status(503));
    let s = Sandbox::new();
    let url = server.url("/flaky.rss");
    assert_eq!(
        s.run(&["add", &url, "--no-fetch", "--category", "social"])
            .0,
        0
    );
    let wait_after = |s: &Sandbox| {
        let source = s.json(&["sources", "--json"])[0].clone();
        let minutes = (time(&source["next_fetch"]) - time(&source["last_fetch"])).num_minutes();
        (source["failures"].as_u64().unwrap(), minutes)
    };
    s.run(&["refresh"]);
    assert_eq!(wait_after(&s), (1, 30), "15 min doubled once");
    let due = s.json(&["refresh", "--due", "--json"]);
    assert_eq!(due["sources"][0]["outcome"], "not_due");
    assert_eq!(
        server.requests_for("/flaky.rss").len(),
        1,
        "backing off: not fetched"
    );
    s.run(&["refresh"]);
    s.run(&["refresh"]);
    assert_eq!(wait_after(&s), (3, 120));
    for _ in 0..8 {
        s.run(&["refresh"]);
    }
    assert_eq!(wait_after(&s), (11, 24 * 60), "never more than a day");

    server.route("/flaky.rss", Response::ok(RSS, journal_rss(1, 1)));
    assert_eq!(s.run(&["refresh"]).0, 0);
    assert_eq!(wait_after(&s), (0, 15), "recovered on the first success");
}

/// An RSS feed of `old` items from 2025 and `recent` ones from the last days.
fn dated_feed(old: std::ops::Range<usize>, recent: std::ops::Range<usize>) -> String {
    let mut items = String::new();
    for n in recent {
        let date = (Utc::now() - chrono::TimeDelta::hours(n as i64 + 1)).to_rfc2822();
        items.push_str(&format!(
            "<item><title>Recent notice {n}</title><guid>recent-{n}</guid><pubDate>{date}</pubDate></item>"
        ));
    }
    for n in old {
        items.push_str(&format!(
            "<item><title>Archived notice {n}</title><guid>old-{n}</guid>\
             <description>Archived guidance number {n} on measles vaccination</description>\
             <pubDate>Mon, 06 Jan 2025 09:00:00 GMT</pubDate></item>"
        ));
    }
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Notices</title>{items}</channel></rss>"
    )
}

fn id_of(s: &Sandbox, title: &str) -> String {
    let items = s.json(&["list", "--json", "-n", "1000"]);
    items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["title"] == title)
        .unwrap_or_else(|| panic!("no {title}"))["id"]
        .to_string()
}

#[test]
fn retention_keeps_saved_tagged_alerted_urgent_and_present_items() {
    let server = TestServer::start();
    server.route("/notices.rss", Response::ok(RSS, dated_feed(0..7, 0..2)));
    let s = Sandbox::new();
    write(&s.path("config.toml"), "keep_days = 30\n");
    let config = s.path("config.toml");
    let config = config.to_str().unwrap();
    assert_eq!(
        s.run(&["--config", config, "add", &server.url("/notices.rss")])
            .0,
        0
    );
    let first = s.json(&["--config", config, "refresh", "--json"]);
    assert_eq!(
        first["summary"]["retention"]["removed"], 0,
        "all still in the feed"
    );

    let (saved, tagged) = (
        id_of(&s, "Archived notice 0"),
        id_of(&s, "Archived notice 1"),
    );
    let (urgent, alerted) = (
        id_of(&s, "Archived notice 2"),
        id_of(&s, "Archived notice 3"),
    );
    assert_eq!(s.run(&["mark", &saved, "--save"]).0, 0);
    assert_eq!(s.run(&["tag", &tagged, "journal-club"]).0, 0);
    {
        let db = rusqlite::Connection::open(s.db()).unwrap();
        db.execute_batch(&format!(
            // Ids and names of their own: a new database also has the default watches.
            "INSERT INTO watch (id, name, query, urgent, created) VALUES (101, 'recalls', 'recall', 1, 0), \
             (102, 'measles', 'measles', 0, 0);
             INSERT INTO item_alert (item_id, watch_id, raised, acknowledged_at) VALUES ({urgent}, 101, 0, 5), \
             ({alerted}, 102, 0, NULL);"
        ))
        .unwrap();
    }
    // The publisher drops its archive except notice 6.
    server.route("/notices.rss", Response::ok(RSS, dated_feed(6..7, 0..2)));
    let second = s.json(&["--config", config, "refresh", "--json"]);
    assert_eq!(second["summary"]["retention"]["removed"], 2, "{second:#}");
    let titles: Vec<String> = s
        .json(&["list", "--json", "-n", "100"])
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap().to_string())
        .collect();
    for kept in 0..4 {
        assert!(
            titles.contains(&format!("Archived notice {kept}")),
            "{titles:?}"
        );
    }
    assert!(
        titles.contains(&"Archived notice 6".to_string()),
        "still in the feed"
    );
    assert!(
        !titles
            .iter()
            .any(|t| t == "Archived notice 4" || t == "Archived notice 5")
    );
    assert_eq!(titles.len(), 7);
    let store = rounds::store::Store::open(&s.db()).unwrap();
    assert!(
        store.integrity_ok().unwrap(),
        "SQLite's and FTS5's checks, FTS in step"
    );
    let matches = s.json(&["list", "--json", "-q", "measles"]);
    assert_eq!(
        matches.as_array().unwrap().len(),
        5,
        "the index lost the deleted rows only"
    );
}

#[test]
fn retention_caps_each_source_in_short_batches() {
    let server = TestServer::start();
    server.route("/big.rss", Response::ok(RSS, dated_feed(0..1500, 0..0)));
    let s = Sandbox::new();
    write(
        &s.path("config.toml"),
        "keep_days = 0\nmax_items_per_source = 100\n",
    );
    let config = s.path("config.toml");
    let config = config.to_str().unwrap();
    assert_eq!(
        s.run(&["--config", config, "add", &server.url("/big.rss")])
            .0,
        0
    );
    server.route("/big.rss", Response::ok(RSS, dated_feed(0..0, 0..3)));
    let report = s.json(&["--config", config, "refresh", "--json"]);
    let retention = &report["summary"]["retention"];
    assert_eq!(retention["removed"], 1403, "{retention}");
    assert!(retention["batches"].as_u64().unwrap() >= 1);
    // How long a batch held the writer is reported; that it stops at its budget is checked
    // without a stopwatch in `sync::retention`'s tests.
    assert!(
        retention["longest_batch_ms"].as_f64().is_some(),
        "{retention}"
    );
    assert_eq!(s.json(&["sources", "--json"])[0]["items"], 100);
    let (code, stdout, _) = s.run(&["--config", config, "vacuum"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("the database went from"), "{stdout}");
    assert!(
        rounds::store::Store::open(&s.db())
            .unwrap()
            .integrity_ok()
            .unwrap()
    );
}

//! `rounds refresh` end to end: the real binary against a loopback server serving our fixtures.

mod support;

use serde_json::Value;
use support::cli::Sandbox;
use support::feeds::{journal_rss, malformed_rss, notices_atom};
use support::{Response, TestServer};

const RSS: &str = "application/rss+xml; charset=utf-8";
const LAST_MODIFIED: &str = "Wed, 25 Nov 2026 08:00:00 GMT";

fn source<'a>(sources: &'a Value, url: &str) -> &'a Value {
    sources
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["url"] == url)
        .unwrap_or_else(|| panic!("no source {url} in {sources:#}"))
}

fn item<'a>(items: &'a Value, title_start: &str) -> &'a Value {
    items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["title"].as_str().unwrap().starts_with(title_start))
        .unwrap_or_else(|| panic!("no item {title_start}"))
}

fn serve_fixtures(server: &TestServer) {
    server.route(
        "/journal.rss",
        Response::ok(RSS, journal_rss(3, 1))
            .with_etag("\"j1\"")
            .with_last_modified(LAST_MODIFIED),
    );
    server.route(
        "/notices.atom",
        Response::ok("application/atom+xml", notices_atom()),
    );
    server.route("/old.rss", Response::redirect(301, "/moved.rss"));
    server.route("/moved.rss", Response::ok(RSS, notices_atom()));
    server.route("/error.rss", Response::status(500));
    server.route(
        "/slow.rss",
        Response::ok(RSS, journal_rss(1, 1)).stall_after_headers(),
    );
    server.route("/huge.rss", Response::oversized(17 * 1024 * 1024));
    server.route("/broken.rss", Response::ok(RSS, malformed_rss()));
}

#[test]
fn refresh_stores_fails_alone_revalidates_and_keeps_user_state() {
    let server = TestServer::start();
    serve_fixtures(&server);
    let sandbox = Sandbox::new();
    let paths = [
        "/journal.rss",
        "/notices.atom",
        "/old.rss",
        "/missing.rss",
        "/error.rss",
        "/slow.rss",
        "/huge.rss",
        "/broken.rss",
    ];
    for path in paths {
        let (code, _, stderr) = sandbox.run(&["add", &server.url(path), "--no-fetch"]);
        assert_eq!(code, 0, "{stderr}");
    }

    // First refresh: the good ones store everything, each bad one fails alone, exit 1.
    let (code, stdout, stderr) = sandbox.run_with(&["refresh"], &[("ROUNDS_TIMEOUT", "1.5")]);
    assert_eq!(code, 1, "some sources failed: {stdout}{stderr}");
    assert!(stdout.contains("8 sources, 7 new items"), "{stdout}");
    assert_eq!(stdout.matches("failed:").count(), 5, "{stdout}");
    let sources = sandbox.json(&["sources", "--json"]);
    let error_of = |path: &str| {
        source(&sources, &server.url(path))["last_error"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    assert!(
        error_of("/missing.rss").contains("404"),
        "{}",
        error_of("/missing.rss")
    );
    assert!(error_of("/error.rss").contains("500"));
    assert!(
        error_of("/slow.rss").contains("timed out"),
        "{}",
        error_of("/slow.rss")
    );
    assert!(
        error_of("/huge.rss").contains("larger than 16 MiB"),
        "{}",
        error_of("/huge.rss")
    );
    assert!(
        error_of("/broken.rss").contains("malformed XML"),
        "{}",
        error_of("/broken.rss")
    );
    assert_eq!(source(&sources, &server.url("/journal.rss"))["items"], 3);
    assert_eq!(
        source(&sources, &server.url("/journal.rss"))["title"],
        "Journal of Cardiac Trials"
    );
    assert_eq!(
        source(&sources, &server.url("/moved.rss"))["items"],
        2,
        "a 301 updates the stored URL"
    );
    assert_eq!(source(&sources, &server.url("/missing.rss"))["failures"], 1);

    for path in [
        "/missing.rss",
        "/error.rss",
        "/slow.rss",
        "/huge.rss",
        "/broken.rss",
    ] {
        assert_eq!(sandbox.run(&["remove", &server.url(path)]).0, 0);
    }

    // Second refresh: conditional requests, 304s, nothing parsed, exit 0.
    let (code, stdout, _) = sandbox.run(&["refresh"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("3 sources, 0 new items"), "{stdout}");
    let journal_requests = server.requests_for("/journal.rss");
    let second = journal_requests.last().unwrap();
    assert_eq!(second.header("if-none-match"), Some("\"j1\""));
    assert_eq!(second.header("if-modified-since"), Some(LAST_MODIFIED));
    assert_eq!(
        server.requests_for("/old.rss").len(),
        1,
        "the moved source is fetched at its new address"
    );
    let sources = sandbox.json(&["sources", "--json"]);
    assert_eq!(
        source(&sources, &server.url("/journal.rss"))["last_status"],
        304
    );

    // The user reads, saves and tags; then the journal publishes a correction and a new paper.
    let items = sandbox.json(&["list", "--json", "--query", "source:cardiac"]);
    let trial_one = item(&items, "Trial 1:")["id"].as_i64().unwrap().to_string();
    assert_eq!(sandbox.run(&["mark", &trial_one, "--read"]).0, 0);
    assert_eq!(sandbox.run(&["mark", &trial_one, "--save"]).0, 0);
    assert_eq!(
        sandbox.run(&["tag", &trial_one, "hfpef", "journal-club"]).0,
        0
    );
    server.route(
        "/journal.rss",
        Response::ok(RSS, journal_rss(4, 2)).with_etag("\"j2\""),
    );

    let (code, stdout, _) = sandbox.run(&["refresh", "--json"]);
    assert_eq!(code, 0);
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["summary"]["new_items"], 1, "{report:#}");
    assert_eq!(report["summary"]["updated_items"], 3, "{report:#}");
    let shown = sandbox.json(&["show", &trial_one, "--json"]);
    assert!(
        shown["summary"].as_str().unwrap().contains("revision 2"),
        "{shown:#}"
    );
    assert_eq!(shown["read"], true);
    assert_eq!(shown["saved"], true);
    assert_eq!(shown["tags"], serde_json::json!(["hfpef", "journal-club"]));
    assert_eq!(shown["doi"], "10.5555/jx.2026.0001");
}

#[test]
fn refresh_exits_2_when_every_source_fails() {
    let server = TestServer::start();
    let sandbox = Sandbox::new();
    sandbox.run(&["add", &server.url("/nothing-here.rss"), "--no-fetch"]);
    let (code, stdout, _) = sandbox.run(&["refresh", "--json"]);
    assert_eq!(code, 2);
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["sources"][0]["outcome"], "failed");
    assert!(
        report["sources"][0]["error"]
            .as_str()
            .unwrap()
            .contains("404")
    );
}

#[test]
fn add_fetches_at_once_and_refuses_what_it_cannot_follow() {
    let server = TestServer::start();
    serve_fixtures(&server);
    let sandbox = Sandbox::new();
    let (code, stdout, stderr) = sandbox.run(&[
        "add",
        &server.url("/notices.atom"),
        "--category",
        "public health",
        "--tag",
        "outbreaks",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("2 items"), "{stdout}");
    let (code, _, stderr) = sandbox.run(&["add", &server.url("/missing.rss")]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("404") && stderr.contains("--no-fetch"),
        "{stderr}"
    );
    let (code, _, stderr) = sandbox.run(&["add", &server.url("/notices.atom")]);
    assert_eq!(code, 2);
    assert!(stderr.contains("already subscribed"), "{stderr}");
    let sources = sandbox.json(&["sources", "--json"]);
    assert_eq!(
        sources.as_array().unwrap().len(),
        1,
        "the failed add left nothing behind"
    );
    assert_eq!(sources[0]["category"], "public health");
    assert_eq!(sources[0]["tags"], serde_json::json!(["outbreaks"]));
}

#[test]
fn a_postponed_source_is_not_fetched_again_before_its_time() {
    let server = TestServer::start();
    server.route("/busy.rss", Response::status(429).with_retry_after("3600"));
    let sandbox = Sandbox::new();
    sandbox.run(&["add", &server.url("/busy.rss"), "--no-fetch"]);
    let (code, stdout, _) = sandbox.run(&["refresh"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("asked to retry after"), "{stdout}");
    let (_, stdout, _) = sandbox.run(&["refresh"]);
    assert!(stdout.contains("skipped until"), "{stdout}");
    assert_eq!(server.requests_for("/busy.rss").len(), 1);
}

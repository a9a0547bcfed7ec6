//! The real binary in a pseudo-terminal: `a` in the sources pane, a page served on loopback,
//! the chooser, the new source's items in the river; then `d` and its confirmation.

mod support;

use rounds::store::Store;
use support::cli::{Sandbox, write};
use support::feeds::{journal_rss, notices_atom};
use support::pty::Pty;
use support::{Response, TestServer};

fn source_urls(db: &std::path::Path) -> Vec<String> {
    let store = Store::open(db).unwrap();
    store
        .sources()
        .unwrap()
        .into_iter()
        .map(|s| s.url)
        .collect()
}

#[test]
fn add_a_page_choose_its_feed_read_it_then_remove_it() {
    let server = TestServer::start();
    server.route(
        "/journal.rss",
        Response::ok("application/rss+xml", journal_rss(2, 1)),
    );
    let head = r#"<link rel="alternate" type="application/atom+xml" title="Outbreak notices" href="/notices.atom">
        <link rel="alternate" type="application/rss+xml" title="Press releases" href="/press.rss">"#;
    server.route(
        "/health",
        Response::ok(
            "text/html",
            format!("<html><head>{head}</head><body>Health agency</body></html>"),
        ),
    );
    server.route(
        "/notices.atom",
        Response::ok("application/atom+xml", notices_atom()),
    );
    let sandbox = Sandbox::new();
    assert_eq!(sandbox.run(&["add", &server.url("/journal.rss")]).0, 0);
    let config = sandbox.path("config.toml");
    write(
        &config,
        "refresh_interval = \"off\"\nrefresh_on_start = false\n",
    );
    let db = sandbox.db();
    let mut pty = Pty::spawn(
        sandbox.std_command(&["--config", config.to_str().unwrap()]),
        30,
        120,
    );
    pty.wait_for("the river", |s| s.contains("Trial 2: SGLT2"));

    // To the sources pane, then `a`: the add prompt.
    pty.send(b"h");
    pty.wait_for("the sources pane's hints", |s| s.contains("a add"));
    pty.send(b"a");
    pty.wait_for("the add prompt", |s| {
        s.contains("Follow") && s.contains("Enter follows")
    });
    pty.send(server.url("/health").as_bytes());
    pty.send(b"\r");
    pty.wait_for("the chooser", |s| {
        s.contains("1. Outbreak notices") && s.contains("2. Press releases")
    });
    pty.send(b"\r");
    pty.wait_for("the new source's items in the river", |s| {
        s.contains("Measles: exposures at a regional airport") && s.contains("Following")
    });
    assert_eq!(
        source_urls(&db),
        [server.url("/journal.rss"), server.url("/notices.atom")]
    );

    // The new source has no category: it is the last row. `d` asks first.
    pty.send(b"G");
    pty.send(b"d");
    pty.wait_for("the confirmation", |s| {
        s.contains("Stop following Outbreak notices?") && s.contains("2 items of this source")
    });
    pty.send(b"y");
    pty.wait_for("the removal", |s| {
        s.contains("Stopped following Outbreak notices")
            && !s.contains("Measles: exposures at a regional airport")
    });
    assert_eq!(source_urls(&db), [server.url("/journal.rss")]);
    pty.send(b"q");
    let status = pty.wait_exit();
    assert!(status.success(), "rounds exited with {status:?}");
}

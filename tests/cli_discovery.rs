//! `rounds add` with web pages and social networks, against a loopback server: autodiscovery
//! (link tags, a relative base, several feeds, usual paths, a YouTube-like channel, the 2 MiB
//! cap) and networks without feeds (explained, or followed through a configured bridge).

mod support;

use serde_json::Value;
use support::cli::{Sandbox, write};
use support::feeds::{journal_rss, notices_atom};
use support::{Response, TestServer};

const HTML: &str = "text/html; charset=utf-8";
const RSS: &str = "application/rss+xml";

fn page(head: &str, body: &str) -> String {
    format!("<!doctype html><html><head><title>Site</title>{head}</head><body>{body}</body></html>")
}

fn urls(sandbox: &Sandbox) -> Vec<String> {
    let sources = sandbox.json(&["sources", "--json"]);
    sources
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["url"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_page_with_one_feed_subscribes_to_it_and_says_which() {
    let server = TestServer::start();
    let head = r#"<link rel="alternate" type="application/rss+xml" title="Online first" href="/toc/current.rss">"#;
    server.route("/journal", Response::ok(HTML, page(head, "<p>Welcome</p>")));
    server.route("/toc/current.rss", Response::ok(RSS, journal_rss(3, 1)));
    let s = Sandbox::new();
    let (code, stdout, stderr) = s.run(&["add", &server.url("/journal")]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("3 items") && stdout.contains("named by the page"),
        "{stdout}"
    );
    assert_eq!(urls(&s), [server.url("/toc/current.rss")]);
}

#[test]
fn a_page_with_three_feeds_lists_them_and_pick_or_all_chooses() {
    let server = TestServer::start();
    let head = r#"
        <link rel="alternate" type="application/rss+xml" title="Cardiology" href="/feeds/cardio.rss">
        <link rel="alternate" type="application/atom+xml" title="Public health notices" href="/feeds/notices.atom">
        <link rel="alternate" type="application/rss+xml" title="All articles" href="/feeds/all.rss">"#;
    server.route("/", Response::ok(HTML, page(head, "")));
    server.route("/feeds/cardio.rss", Response::ok(RSS, journal_rss(2, 1)));
    server.route(
        "/feeds/notices.atom",
        Response::ok("application/atom+xml", notices_atom()),
    );
    server.route("/feeds/all.rss", Response::ok(RSS, journal_rss(4, 1)));

    let s = Sandbox::new();
    let (code, stdout, _) = s.run(&["add", &server.url("/")]);
    assert_eq!(code, 1, "several feeds: exit 1 so a script notices");
    for (number, title) in [
        (1, "Cardiology"),
        (2, "Public health notices"),
        (3, "All articles"),
    ] {
        assert!(stdout.contains(&format!("{number}. {title}")), "{stdout}");
    }
    assert!(stdout.contains("--pick"), "{stdout}");
    assert!(urls(&s).is_empty(), "nothing was added while asking");

    assert_eq!(s.run(&["add", &server.url("/"), "--pick", "2"]).0, 0);
    assert_eq!(urls(&s), [server.url("/feeds/notices.atom")]);
    let (code, _, stderr) = s.run(&["add", &server.url("/"), "--pick", "7"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no feed number 7"), "{stderr}");

    let everything = Sandbox::new();
    let (code, stdout, stderr) = everything.run(&["add", &server.url("/"), "--all"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.lines().count(), 3, "{stdout}");
    assert_eq!(urls(&everything).len(), 3);
}

#[test]
fn a_page_without_links_falls_back_to_the_usual_paths() {
    let server = TestServer::start();
    server.route(
        "/blog/",
        Response::ok(HTML, page("", "<p>No feed links here.</p>")),
    );
    server.route("/feed", Response::ok(RSS, journal_rss(2, 1)));
    let s = Sandbox::new();
    let (code, stdout, stderr) = s.run(&["add", &server.url("/blog/")]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("usual feed address"), "{stdout}");
    assert_eq!(urls(&s), [server.url("/feed")]);
}

#[test]
fn a_page_with_no_feed_at_all_names_what_was_tried() {
    let server = TestServer::start();
    server.route(
        "/",
        Response::ok(HTML, page("", "<a href=\"/about\">About</a>")),
    );
    let s = Sandbox::new();
    let (code, _, stderr) = s.run(&["add", &server.url("/")]);
    assert_eq!(code, 2);
    for tried in [
        "no feed found",
        "<link rel=\"alternate\">",
        "/feed",
        "/feeds/posts/default",
    ] {
        assert!(stderr.contains(tried), "{tried}: {stderr}");
    }
    assert!(urls(&s).is_empty());
}

#[test]
fn links_resolve_against_a_relative_base() {
    let server = TestServer::start();
    let head = r#"<base href="../feeds/"><link rel="alternate" type="application/atom+xml" href="notices.atom">"#;
    server.route("/health/index.html", Response::ok(HTML, page(head, "")));
    server.route(
        "/feeds/notices.atom",
        Response::ok("application/atom+xml", notices_atom()),
    );
    let s = Sandbox::new();
    let (code, _, stderr) = s.run(&["add", &server.url("/health/index.html")]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(urls(&s), [server.url("/feeds/notices.atom")]);
}

#[test]
fn discovery_reads_at_most_two_mebibytes_of_a_page() {
    let server = TestServer::start();
    let link = r#"<link rel="alternate" type="application/rss+xml" href="/early.rss">"#;
    let padding = "<p>filler paragraph of a very long page</p>\n".repeat(80_000); // about 3.5 MB
    server.route("/long-early", Response::ok(HTML, page(link, &padding)));
    server.route("/early.rss", Response::ok(RSS, journal_rss(1, 1)));
    let late = format!(
        "<html><body>{padding}<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/late.rss\"></body></html>"
    );
    server.route("/long-late", Response::ok(HTML, late));
    server.route("/late.rss", Response::ok(RSS, journal_rss(1, 1)));

    let s = Sandbox::new();
    let (code, _, stderr) = s.run(&["add", &server.url("/long-early")]);
    assert_eq!(
        code, 0,
        "a link in the head of a long page is found: {stderr}"
    );
    let (code, _, stderr) = s.run(&["add", &server.url("/long-late")]);
    assert_eq!(code, 2, "a link past 2 MiB is never read");
    assert!(stderr.contains("no feed found"), "{stderr}");
    assert!(server.requests_for("/late.rss").is_empty());
    assert_eq!(urls(&s), [server.url("/early.rss")]);
}

#[test]
fn a_youtube_like_channel_page_maps_to_its_channel_feed() {
    let server = TestServer::start();
    let head = format!(
        r#"<meta property="og:site_name" content="YouTube"><link rel="canonical" href="{}">"#,
        server.url("/channel/UCwardRoundTeaching01")
    );
    server.route(
        "/@wardroundtv",
        Response::ok(
            HTML,
            page(&head, "<script>var ytInitialData = {};</script>"),
        ),
    );
    let videos = r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Ward Round Teaching</title>
        <entry><id>yt:video:abc</id><title>Reading an ECG in 5 minutes</title><link href="https://www.youtube.com/watch?v=abc"/><updated>2026-11-20T10:00:00Z</updated></entry></feed>"#;
    server.route(
        "/feeds/videos.xml",
        Response::ok("application/atom+xml", videos),
    );
    let s = Sandbox::new();
    let (code, stdout, stderr) = s.run(&["add", &server.url("/@wardroundtv")]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("the channel's feed"), "{stdout}");
    assert_eq!(
        urls(&s),
        [server.url("/feeds/videos.xml?channel_id=UCwardRoundTeaching01")]
    );
}

#[test]
fn networks_without_feeds_are_explained_without_a_bridge() {
    let s = Sandbox::new();
    for target in [
        "https://x.com/CDCgov",
        "https://www.facebook.com/groups/icu.nurses.uk",
        "https://www.instagram.com/who/",
    ] {
        let (code, stdout, stderr) = s.run(&["add", target]);
        assert_eq!(code, 2, "{target}");
        assert!(stdout.is_empty());
        assert!(stderr.contains("publishes no feed"), "{stderr}");
        assert!(stderr.contains("Mastodon or Bluesky"), "{stderr}");
        assert!(stderr.contains("[bridges]"), "{stderr}");
        assert!(
            stderr.contains("private groups cannot be followed"),
            "{stderr}"
        );
    }
    let (_, _, stderr) = s.run(&["add", "https://www.facebook.com/groups/icu.nurses.uk"]);
    assert!(stderr.contains("the group icu.nurses.uk"), "{stderr}");
    assert!(urls(&s).is_empty());
}

#[test]
fn with_a_bridge_the_account_is_followed_through_it_and_remembered() {
    let server = TestServer::start();
    let bridged = notices_atom().replace("Outbreak notices", "@CDCgov on X (bridged)");
    server.route("/bridge", Response::ok("application/atom+xml", bridged));
    let s = Sandbox::new();
    let config = s.path("config.toml");
    write(
        &config,
        &format!(
            "[bridges]\nx = \"{}\"\n",
            server.url("/bridge?action=display&bridge=XBridge&u={user}&format=Atom")
        ),
    );
    let config = config.to_str().unwrap();
    let (code, stdout, stderr) = s.run(&["--config", config, "add", "https://x.com/CDCgov"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("for https://x.com/CDCgov"), "{stdout}");
    let requests = server.requests_for("/bridge");
    assert_eq!(requests.len(), 1);
    assert!(requests[0].target.contains("u=CDCgov"), "{:?}", requests[0]);
    let sources: Value = s.json(&["--config", config, "sources", "--json"]);
    assert_eq!(sources[0]["origin"], "https://x.com/CDCgov");
    assert_eq!(sources[0]["category"], "social");
    assert_eq!(sources[0]["items"], 2);
    let (_, listing, _) = s.run(&["--config", config, "sources"]);
    assert!(listing.contains("for https://x.com/CDCgov"), "{listing}");
}

//! Feeds that say they moved, and feeds that needed repairs, end to end: the real binary
//! against a loopback server, then `sources` (JSON and text) to see what was stored.

mod support;

use serde_json::Value;
use support::cli::Sandbox;
use support::{Response, TestServer};

const RSS: &str = "application/rss+xml; charset=utf-8";

fn podcast(extra_channel: &str, titles: &[&str]) -> String {
    let items: String = titles
        .iter()
        .enumerate()
        .map(|(index, title)| {
            format!(
                "<item><title>{title}</title><guid isPermaLink=\"false\">ep-{index}</guid></item>"
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\" \
         xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"><channel>\
         <title>Ward Rounds Podcast</title>{extra_channel}{items}</channel></rss>"
    )
}

fn only_source(sandbox: &Sandbox) -> Value {
    let sources = sandbox.json(&["sources", "--json"]);
    let sources = sources.as_array().expect("a list");
    assert_eq!(sources.len(), 1, "{sources:#?}");
    sources[0].clone()
}

fn add_and_refresh(sandbox: &Sandbox, url: &str) -> String {
    let (code, _, stderr) = sandbox.run(&["add", url, "--no-fetch"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, stderr) = sandbox.run(&["refresh"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    stdout
}

#[test]
fn an_announced_move_is_followed_once_the_new_address_answers() {
    let server = TestServer::start();
    let new_url = server.url("/new/podcast.rss");
    let moved = format!("<itunes:new-feed-url>{new_url}</itunes:new-feed-url>");
    server.route(
        "/podcast.rss",
        Response::ok(RSS, podcast(&moved, &["Old episode"])),
    );
    // The new feed repeats its own address, as podcast hosts do.
    let at_new_address = format!("<itunes:new-feed-url>{new_url}</itunes:new-feed-url>");
    server.route(
        "/new/podcast.rss",
        Response::ok(RSS, podcast(&at_new_address, &["Episode 1", "Episode 2"])),
    );
    let sandbox = Sandbox::new();
    add_and_refresh(&sandbox, &server.url("/podcast.rss"));

    let source = only_source(&sandbox);
    assert_eq!(source["url"], new_url.as_str());
    assert_eq!(source["items"], 2, "the new address's items are stored");
    assert_eq!(server.requests_for("/new/podcast.rss").len(), 1);

    let (code, _, _) = sandbox.run(&["refresh"]);
    assert_eq!(code, 0);
    assert_eq!(
        server.requests_for("/podcast.rss").len(),
        1,
        "the old address is left"
    );
    assert_eq!(server.requests_for("/new/podcast.rss").len(), 2);
    assert_eq!(only_source(&sandbox)["url"], new_url.as_str());
}

#[test]
fn a_move_to_an_address_that_does_not_answer_keeps_the_subscription() {
    let server = TestServer::start();
    let redirect = format!(
        "<redirect><newLocation>{}</newLocation></redirect>",
        server.url("/gone.rss")
    );
    server.route(
        "/feed.rss",
        Response::ok(RSS, podcast(&redirect, &["Still here"])),
    );
    server.route("/gone.rss", Response::status(404));
    let sandbox = Sandbox::new();
    add_and_refresh(&sandbox, &server.url("/feed.rss"));

    let source = only_source(&sandbox);
    assert_eq!(source["url"], server.url("/feed.rss").as_str());
    assert_eq!(source["items"], 1);
    assert_eq!(source["last_error"], Value::Null);
    assert_eq!(server.requests_for("/gone.rss").len(), 1);
}

#[test]
fn a_redirect_document_moves_the_feed() {
    let server = TestServer::start();
    let redirect = format!(
        "<?xml version=\"1.0\"?>\n<redirect>\n  <newLocation>{}</newLocation>\n</redirect>\n",
        server.url("/2025/feed.rss")
    );
    server.route("/feed.rss", Response::ok("text/xml", redirect));
    server.route(
        "/2025/feed.rss",
        Response::ok(RSS, podcast("", &["New home"])),
    );
    let sandbox = Sandbox::new();
    add_and_refresh(&sandbox, &server.url("/feed.rss"));

    let source = only_source(&sandbox);
    assert_eq!(source["url"], server.url("/2025/feed.rss").as_str());
    assert_eq!(source["items"], 1);
    assert_eq!(source["title"], "Ward Rounds Podcast");
}

#[test]
fn repairs_are_reported_per_source_until_the_publisher_fixes_the_feed() {
    let server = TestServer::start();
    let sloppy = "<rss><channel><title>A&E news</title>\
                  <item><title>One</title><guid>1</guid></item>\
                  <item><title>Two</title><guid>2</guid></item>\
                  <item><title>Three</title><guid>3</guid><description>cut off";
    server.route("/news.rss", Response::ok(RSS, sloppy));
    let sandbox = Sandbox::new();
    add_and_refresh(&sandbox, &server.url("/news.rss"));

    let source = only_source(&sandbox);
    assert_eq!(source["items"], 2, "the items before the damage are kept");
    assert_eq!(
        source["repairs"],
        serde_json::json!([
            "missing-version",
            "bare-ampersand",
            "truncated",
            "salvaged-items: 2 of 3"
        ])
    );
    let (code, text, _) = sandbox.run(&["sources"]);
    assert_eq!(code, 0);
    assert!(
        text.contains(
            "feed problems worked around: missing-version, bare-ampersand, truncated, salvaged-items: 2 of 3"
        ),
        "{text}"
    );

    let fixed = "<rss version=\"2.0\"><channel><title>A&amp;E news</title>\
                 <item><title>One</title><guid>1</guid></item></channel></rss>";
    server.route("/news.rss", Response::ok(RSS, fixed));
    let (code, _, _) = sandbox.run(&["refresh"]);
    assert_eq!(code, 0);
    assert_eq!(only_source(&sandbox)["repairs"], serde_json::json!([]));
    let (_, text, _) = sandbox.run(&["sources"]);
    assert!(!text.contains("worked around"), "{text}");
}

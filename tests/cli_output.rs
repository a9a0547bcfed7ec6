//! Hostile text in the database never reaches the terminal through a command: stdout and
//! stderr, plain and JSON, carry no C0 or C1 control but line feed and tab, and no bidi
//! override, whatever the feed or an old import stored.

mod support;

use chrono::Utc;
use rounds::model::{NewItem, NewSource};
use rounds::store::{FetchRecord, SourceUpdate, Store};
use support::cli::Sandbox;

/// Every kind of thing a terminal would act on: CSI colours and cursor moves, an OSC title and
/// clipboard write, C1 CSI, BEL, backspace, a carriage return, a bidi override.
pub const HOSTILE: &str = "\u{1b}[31mred\u{1b}[0m \u{1b}]0;pwned\u{7} \u{1b}]52;c;ZXZpbA==\u{7} \
                           \u{9b}2J \u{8}\u{8}over\rwrite \u{202e}gnp.exe \u{1b}[1;32mGREEN";

/// A character a terminal or `jq -r` would act on.
pub fn is_dangerous(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

pub fn assert_clean(what: &str, text: &str) {
    if let Some(c) = text.chars().find(|c| is_dangerous(*c)) {
        panic!("{what} printed {c:?}:\n{text:?}");
    }
}

/// A source and an item whose every text field is hostile, as a feed or an old import left
/// them; the source's last fetch failed with a hostile message.
fn seed(db: &std::path::Path) {
    let mut store = Store::open(db).unwrap();
    let source = store
        .add_source(
            &NewSource {
                // Loopback, closed port: `refresh` fails at once, without the network.
                url: format!("http://127.0.0.1:9/feed{HOSTILE}"),
                title: Some(format!("Source {HOSTILE}")),
                category: Some(format!("journal{HOSTILE}")),
                site_url: Some(format!("https://site.example/{HOSTILE}")),
                tags: vec![],
                ..NewSource::default()
            },
            Utc::now(),
        )
        .unwrap();
    let item = NewItem {
        guid: format!("guid-{HOSTILE}"),
        url: Some(format!("https://feeds.example/article{HOSTILE}")),
        title: format!("Title {HOSTILE}"),
        author: Some(format!("Author {HOSTILE}")),
        published: Some(Utc::now()),
        summary: Some(format!("<p>Summary {HOSTILE}</p>")),
        content: Some(format!("<p>Content {HOSTILE}</p><pre>pre {HOSTILE}</pre>")),
        doi: Some(format!("10.5555/{HOSTILE}")),
        ..NewItem::default()
    };
    store
        .store_feed(source, &SourceUpdate::default(), &[item], Utc::now())
        .unwrap();
    let failed = FetchRecord::Failed {
        status: Some(500),
        error: format!("unexpected element <{HOSTILE}>"),
        at: Utc::now(),
    };
    store.record_fetch(source, &failed).unwrap();
}

#[test]
fn hostile_text_in_the_database_never_reaches_stdout_or_stderr() {
    let sandbox = Sandbox::new();
    seed(&sandbox.db());
    let hostile_query = format!("title:{HOSTILE} (");
    let commands: Vec<Vec<&str>> = vec![
        vec!["sources"],
        vec!["sources", "--json"],
        vec!["list"],
        vec!["list", "--json"],
        vec!["show", "1"],
        vec!["show", "1", "--json"],
        vec!["export", "opml"],
        vec!["list", "--query", &hostile_query],
        vec!["tag", "1", "ok"],
        vec!["refresh"],
        vec!["remove", HOSTILE],
        vec!["mark", "1", HOSTILE, "--read"],
        vec!["show", HOSTILE],
    ];
    for (index, args) in commands.into_iter().enumerate() {
        let (code, stdout, stderr) = sandbox.run(&args);
        if index < 7 {
            // These print the hostile fields: their visible text must come through.
            assert_eq!(code, 0, "rounds {args:?}: {stderr}");
            assert!(stdout.contains("red"), "rounds {args:?}: {stdout}");
        }
        assert_clean(&format!("rounds {args:?} on stdout"), &stdout);
        assert_clean(&format!("rounds {args:?} on stderr"), &stderr);
    }
}

#[test]
fn json_keeps_the_text_and_loses_only_the_controls() {
    let sandbox = Sandbox::new();
    seed(&sandbox.db());
    let item = sandbox.json(&["show", "1", "--json"]);
    let title = item["title"].as_str().unwrap();
    assert!(title.contains("red") && title.contains("GREEN"), "{title}");
    assert!(
        !title.contains("[1;32m"),
        "the whole sequence goes: {title}"
    );
    let content = item["content"].as_str().unwrap();
    assert!(content.contains("<pre>pre "), "{content}");
}

/// Parse errors quote what the feed holds (its root element's name): stored and printed clean.
#[test]
fn a_parse_error_quoting_a_hostile_element_name_is_stored_and_printed_clean() {
    let server = support::TestServer::start();
    let body =
        "<?xml version=\"1.0\"?><x\u{1b}]0;pwned\u{7}y><item>one</item></x\u{1b}]0;pwned\u{7}y>";
    server.route(
        "/feed.xml",
        support::Response::ok("application/rss+xml", body),
    );
    let sandbox = Sandbox::new();
    let (code, _, stderr) = sandbox.run(&["add", &server.url("/feed.xml"), "--no-fetch"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, stderr) = sandbox.run(&["refresh"]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(stdout.contains("failed"), "{stdout}");
    assert_clean("refresh", &format!("{stdout}{stderr}"));
    let store = Store::open(&sandbox.db()).unwrap();
    let error = store.sources().unwrap()[0].last_error.clone().unwrap();
    assert!(!error.is_empty());
    assert_clean("the stored error", &error);
}

//! `list`, `show` and `tag` on what feeds really send: escape sequences written every way,
//! markup that crashes html2text, odd bylines; and options given odd values.

mod support;

use support::cli::{Sandbox, write};

const FEED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Ward Notes</title><link>https://ward.example/</link><description>Notes</description>
<item><title>Sepsis bundle audit</title><link>https://ward.example/1</link><guid>n1</guid>
  <dc:creator>Aoife O'Brien</dc:creator><pubDate>Tue, 24 Nov 2026 09:00:00 GMT</pubDate>
  <description>&lt;p&gt;Compliance rose. &#x1b;[1;32mGREEN&#x1b;[0m and &amp;#27;[1;33mYELLOW&amp;#27;[0m&lt;/p&gt;</description></item>
<item><title>Nurses' handover — a checklist</title><link>https://ward.example/2</link><guid>n2</guid>
  <dc:creator>Priya Raman</dc:creator><pubDate>Mon, 23 Nov 2026 09:00:00 GMT</pubDate>
  <description>&lt;p&gt;Before the table&lt;/p&gt;&lt;table&gt;&lt;td colspan="65535"&gt;&lt;th rowspan="3"&gt;cell&lt;/table&gt;&lt;p&gt;After it&lt;/p&gt;</description></item>
</channel></rss>"#;

/// A sandbox following the feed above; item 1 is the audit, item 2 the handover.
fn seeded() -> Sandbox {
    let sandbox = Sandbox::new();
    let feed = sandbox.path("ward.xml");
    write(&feed, FEED);
    let (code, _, stderr) = sandbox.run(&["add", feed.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    sandbox
}

fn titles(sandbox: &Sandbox, query: &str) -> Vec<String> {
    let items = sandbox.json(&["list", "--json", "--query", query]);
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["title"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn show_strips_escape_sequences_whole_however_they_are_written() {
    let sandbox = seeded();
    let (code, stdout, stderr) = sandbox.run(&["show", "1"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("Compliance rose. GREEN and YELLOW"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("[1;3") && !stdout.contains("[0m"),
        "{stdout}"
    );
}

#[test]
fn show_falls_back_to_paragraphs_where_html2text_panics_and_prints_no_panic() {
    let sandbox = seeded();
    let (code, stdout, stderr) = sandbox.run(&["show", "2"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.is_empty(), "nothing on stderr: {stderr}");
    assert!(
        stdout.contains("Before the table\n\ncell\n\nAfter it"),
        "{stdout}"
    );
}

#[test]
fn a_tag_with_a_space_is_kept_as_one_word_and_a_non_tag_is_refused() {
    let sandbox = seeded();
    let (code, stdout, stderr) = sandbox.run(&["tag", "1", "heart failure", "#Sepsis"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.trim(), "1: heart-failure, sepsis");
    assert_eq!(
        titles(&sandbox, "tag:heart-failure"),
        ["Sepsis bundle audit"]
    );
    assert_eq!(
        titles(&sandbox, "tag:\"heart failure\""),
        ["Sepsis bundle audit"]
    );

    let (code, stdout, stderr) = sandbox.run(&["tag", "2", "audit", "#"]);
    assert_eq!(code, 2, "{stdout}");
    assert!(stderr.contains("\"#\" is not a tag"), "{stderr}");
    assert!(titles(&sandbox, "tag:audit").is_empty(), "all or nothing");
}

#[test]
fn author_of_punctuation_searches_bylines_not_titles() {
    let sandbox = seeded();
    assert_eq!(titles(&sandbox, "author:'"), ["Sepsis bundle audit"]);
    assert_eq!(
        titles(&sandbox, "title:'"),
        ["Nurses' handover — a checklist"]
    );
}

#[test]
fn a_limit_too_large_to_hold_is_refused_not_read_as_no_limit() {
    let sandbox = seeded();
    let (code, stdout, stderr) = sandbox.run(&["list", "-n", "18446744073709551615"]);
    assert_eq!(code, 2, "{stdout}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("from 1 to"), "{stderr}");
    let (code, _, stderr) = sandbox.run(&["list", "-n", "0"]);
    assert_eq!(code, 2, "{stderr}");
    let (code, stdout, _) = sandbox.run(&["list", "-n", "1"]);
    // The header line, then one item.
    assert_eq!((code, stdout.lines().count()), (0, 2), "{stdout}");
    assert!(stdout.starts_with("    ID  DATE"), "{stdout}");
}

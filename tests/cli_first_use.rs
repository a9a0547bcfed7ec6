//! What a new user meets on the command line: one date style, `list` that says when nothing
//! matches and keeps its columns with any script, and `rounds` without a terminal.

mod support;

use support::cli::{Sandbox, write};
use unicode_width::UnicodeWidthStr;

const TZ: (&str, &str) = ("TZ", "UTC");

fn feed(title: &str, items: &[(&str, &str)]) -> String {
    let items: String = items
        .iter()
        .map(|(guid, title)| {
            format!(
                "<item><title>{title}</title><link>https://example.org/{guid}</link><guid>{guid}</guid>\
                 <pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate></item>"
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>{title}</title>\
         <link>https://example.org/</link><description>x</description>{items}</channel></rss>"
    )
}

fn add(s: &Sandbox, file: &str, text: &str) {
    write(&s.path(file), text);
    let (code, _, stderr) = s.run(&["add", s.path(file).to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn list_keeps_its_columns_whatever_the_script_of_a_source_name() {
    let s = Sandbox::new();
    add(
        &s,
        "cjk.xml",
        &feed("中华医学杂志 🩺 最新", &[("c1", "Sepsis in adults")]),
    );
    add(&s, "bmj.xml", &feed("BMJ", &[("b1", "Valproate in men")]));
    let (code, stdout, stderr) = s.run_with(&["list"], &[TZ]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(
        lines[0].contains("NEW SAVED"),
        "the flags have a header: {stdout}"
    );
    let title_column = |line: &str, title: &str| {
        let start = line
            .find(title)
            .unwrap_or_else(|| panic!("{title} in {line}"));
        line[..start].width()
    };
    let line_of = |title: &str| *lines.iter().find(|l| l.contains(title)).unwrap();
    let header = title_column(lines[0], "TITLE");
    for title in ["Sepsis in adults", "Valproate in men"] {
        assert_eq!(title_column(line_of(title), title), header, "{stdout}");
    }
    assert!(
        lines[1].contains("2026-11-30 10:00"),
        "local time, one style: {stdout}"
    );
}

#[test]
fn list_says_when_nothing_matches() {
    let s = Sandbox::new();
    let (code, stdout, stderr) = s.run(&["list"]);
    assert_eq!((code, stdout.as_str()), (0, ""));
    assert!(stderr.contains("no items yet"), "{stderr}");
    add(&s, "bmj.xml", &feed("BMJ", &[("b1", "Valproate in men")]));
    let (code, stdout, stderr) = s.run(&["list", "--query", "measles"]);
    assert_eq!((code, stdout.as_str()), (0, ""));
    assert_eq!(stderr.trim(), "rounds: no items match");
    let (code, stdout, stderr) = s.run(&["list", "--json", "--query", "measles"]);
    assert_eq!((code, stdout.trim(), stderr.as_str()), (0, "[]", ""));
}

#[test]
fn show_and_sources_use_the_same_date_style() {
    let s = Sandbox::new();
    add(&s, "bmj.xml", &feed("BMJ", &[("b1", "Valproate in men")]));
    let (_, shown, _) = s.run_with(&["show", "1"], &[TZ]);
    assert!(shown.contains("date      2026-11-30 10:00"), "{shown}");
    let (_, sources, _) = s.run_with(&["sources"], &[TZ]);
    let date_after = |label: &str| -> String {
        let after = sources.split(label).nth(1).unwrap_or_default();
        after.chars().take("2026-11-30 10:00".len()).collect()
    };
    for label in ["fetched ", "next "] {
        let date = date_after(label);
        let shape: String = date
            .chars()
            .map(|c| if c.is_ascii_digit() { '9' } else { c })
            .collect();
        assert_eq!(shape, "9999-99-99 99:99", "{label}in {sources}");
    }
    // JSON keeps RFC 3339.
    let items = s.json(&["list", "--json"]);
    assert_eq!(items[0]["published"], "2026-11-30T10:00:00Z");
}

#[test]
fn the_newsfeed_without_a_terminal_says_so_and_nothing_else() {
    let s = Sandbox::new();
    for args in [&[][..], &["demo"][..]] {
        let output = s.rounds(args).output().expect("rounds runs");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            output.stdout.is_empty(),
            "no escape codes: {:?}",
            output.stdout
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.starts_with("rounds: the newsfeed needs a terminal; try "),
            "{stderr}"
        );
    }
    let (_, _, stderr) = s.run(&[]);
    assert_eq!(
        stderr.trim(),
        "rounds: the newsfeed needs a terminal; try `rounds list`"
    );
    assert!(!s.db().exists(), "not even a database was created");
}

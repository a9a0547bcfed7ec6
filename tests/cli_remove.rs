//! `rounds remove`: saved and tagged items outlive their source, under "Removed sources"; the
//! user is asked first on a terminal, and a script must say `--yes`.

mod support;

use support::cli::{Sandbox, write};
use support::feeds::journal_rss;
use support::pty::Pty;

/// A sandbox following one local journal of five items, the newest saved and the next tagged.
fn journal_with_kept_items() -> (Sandbox, Vec<i64>) {
    let s = Sandbox::new();
    let feed = s.path("journal.xml");
    write(&feed, &journal_rss(5, 1));
    let (code, _, stderr) = s.run(&["add", feed.to_str().unwrap(), "--category", "journal"]);
    assert_eq!(code, 0, "{stderr}");
    let items = s.json(&["list", "--json"]);
    let ids: Vec<i64> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids.len(), 5);
    assert_eq!(s.run(&["mark", &ids[0].to_string(), "--save"]).0, 0);
    assert_eq!(s.run(&["tag", &ids[1].to_string(), "journal-club"]).0, 0);
    (s, ids)
}

fn source_ids(s: &Sandbox) -> Vec<(i64, String)> {
    s.json(&["sources", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|source| {
            (
                source["id"].as_i64().unwrap(),
                source["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn remove_keeps_saved_and_tagged_items_listed_searchable_and_exportable() {
    let (s, ids) = journal_with_kept_items();

    // Not a terminal and no --yes: nothing happens, and the error says why and what to type.
    let (code, stdout, stderr) = s.run(&["remove", "1"]);
    assert_eq!(code, 2, "{stdout}");
    assert!(
        stderr.contains("has 2 items saved or tagged")
            && stderr.contains("deletes 3 other items")
            && stderr.contains("rounds remove 1 --yes"),
        "{stderr}"
    );
    assert_eq!(s.json(&["list", "--json"]).as_array().unwrap().len(), 5);

    let (code, stdout, stderr) = s.run(&["remove", "1", "--yes"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout.trim(),
        "removed 1 Journal of Cardiac Trials: 3 items deleted, 2 items saved or tagged kept under \"Removed sources\""
    );

    // Listed: the placeholder is a source, and the items still name the journal they came from.
    let sources = source_ids(&s);
    assert_eq!(sources.len(), 1);
    let (placeholder, kind) = &sources[0];
    assert_eq!(kind, "removed");
    let kept = s.json(&["list", "--json"]);
    let kept = kept.as_array().unwrap();
    assert_eq!(kept.len(), 2);
    assert_eq!(kept[0]["id"].as_i64(), Some(ids[0]));
    assert_eq!(kept[0]["saved"], true);
    assert_eq!(kept[1]["tags"], serde_json::json!(["journal-club"]));
    for item in kept {
        assert_eq!(item["source_title"], "Journal of Cardiac Trials");
        assert_eq!(item["source_id"].as_i64(), Some(*placeholder));
    }
    let (_, sources_text, _) = s.run(&["sources"]);
    assert!(sources_text.contains("Removed sources"), "{sources_text}");
    assert!(sources_text.contains("kept"), "{sources_text}");

    // Searchable, by words, by the old source's name and by state.
    for query in [
        "heart failure",
        "source:cardiac",
        "is:saved OR tag:journal-club",
    ] {
        let found = s.json(&["list", "--json", "--query", query]);
        assert_eq!(found.as_array().unwrap().len(), 2, "{query}");
    }
    let (code, shown, _) = s.run(&["show", &ids[1].to_string()]);
    assert_eq!(code, 0);
    assert!(shown.contains("Journal of Cardiac Trials"), "{shown}");

    // Exportable as items; the placeholder is no subscription, so OPML leaves it out.
    let (_, opml, _) = s.run(&["export", "opml"]);
    assert!(!opml.contains("removed-sources"), "{opml}");

    // Never fetched: a refresh has nothing to do, and naming it is refused with a reason.
    let (code, stdout, _) = s.run(&["refresh"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("0 sources"), "{stdout}");
    let (code, _, stderr) = s.run(&["refresh", "--source", &placeholder.to_string()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("is not a feed"), "{stderr}");
}

#[test]
fn a_source_with_nothing_kept_goes_without_a_question() {
    let s = Sandbox::new();
    let feed = s.path("journal.xml");
    write(&feed, &journal_rss(4, 1));
    assert_eq!(s.run(&["add", feed.to_str().unwrap()]).0, 0);
    let (code, stdout, stderr) = s.run(&["remove", "1"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout.trim(),
        "removed 1 Journal of Cardiac Trials: 4 items deleted"
    );
    assert!(source_ids(&s).is_empty(), "no placeholder for nothing");
}

#[test]
fn on_a_terminal_remove_asks_and_no_keeps_everything() {
    let (s, _) = journal_with_kept_items();
    let mut pty = Pty::spawn(s.std_command(&["remove", "1"]), 24, 100);
    pty.wait_for("the question", |screen| screen.contains("Remove it? [y/N]"));
    pty.send(b"n\r");
    pty.wait_for("the answer", |screen| screen.contains("nothing removed"));
    assert!(pty.wait_exit().success());
    assert_eq!(s.json(&["list", "--json"]).as_array().unwrap().len(), 5);

    let mut pty = Pty::spawn(s.std_command(&["remove", "1"]), 24, 100);
    pty.wait_for("the question", |screen| screen.contains("Remove it? [y/N]"));
    pty.send(b"y\r");
    pty.wait_for("the report", |screen| screen.contains("kept under"));
    assert!(pty.wait_exit().success());
    assert_eq!(s.json(&["list", "--json"]).as_array().unwrap().len(), 2);
}

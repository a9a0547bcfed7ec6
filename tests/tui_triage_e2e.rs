//! The real binary in a pseudo-terminal: a kept filter clears with Esc, and `A` then `u` leaves
//! the river, its count and the sidebar's counts as they were, in place, without a lane switch.

mod support;

use chrono::Utc;
use rounds::query::parse;
use rounds::store::{Store, compile};
use support::cli::{Sandbox, write};
use support::pty::Pty;

fn count(db: &std::path::Path, query: &str) -> usize {
    let store = Store::open(db).unwrap();
    store
        .count_items(&compile(&parse(query).unwrap(), Utc::now()))
        .unwrap()
}

/// Rows of the river as the newsfeed opens it: one per story.
fn stories(db: &std::path::Path, query: &str) -> usize {
    let store = Store::open(db).unwrap();
    store
        .count_stories(&compile(&parse(query).unwrap(), Utc::now()))
        .unwrap()
}

fn river(db: &std::path::Path, query: &str) -> Vec<rounds::model::ItemSummary> {
    let store = Store::open(db).unwrap();
    store
        .list_stories(&compile(&parse(query).unwrap(), Utc::now()), 100, 0)
        .unwrap()
}

/// Every row of the river is drawn (24 lines: 21 rows between the borders, all unread).
fn full_river(screen: &str) -> bool {
    screen.lines().filter(|line| line.contains('●')).count() == 21
}

/// The screen without its last line (the status bar, whose message changes).
fn panes(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    lines[..lines.len().saturating_sub(1)].join("\n")
}

fn sidebar_total(screen: &str) -> Option<usize> {
    let line = screen.lines().find(|line| line.contains("All sources"))?;
    let after = line.split("All sources").nth(1)?;
    let digits: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .filter(char::is_ascii_digit)
        .collect();
    Some(digits.parse().unwrap_or(0))
}

#[test]
fn esc_clears_a_kept_filter_and_undo_restores_the_river_in_place() {
    let sandbox = Sandbox::new();
    let db = rounds::sync::demo::seed(sandbox.dir.path(), Utc::now()).unwrap();
    // This is about the river: nothing pinned above it (the demo's urgent alerts acknowledged).
    Store::open(&db)
        .unwrap()
        .acknowledge_all(None, Utc::now())
        .unwrap();
    let config = sandbox.path("config.toml");
    write(
        &config,
        "refresh_interval = \"off\"\nrefresh_on_start = false\n",
    );
    let unread = count(&db, "is:unread");
    let header = format!("Unread · {} stories", stories(&db, "is:unread"));
    let mut pty = Pty::spawn(sandbox.newsfeed(&db, &config), 24, 100);
    pty.wait_for("the river", |s| s.contains(&header));

    // Filter, keep it with Enter, clear it with Esc.
    let matching = stories(&db, "insulin is:unread");
    assert!(matching > 0 && matching < unread);
    pty.send(b"/insulin");
    pty.wait_for("the filtered river", |s| {
        s.contains(&format!("Unread · {matching} "))
    });
    pty.send(b"\r");
    pty.wait_for("the hint to clear it", |s| s.contains("Esc clear filter"));
    pty.send(b"\x1b");
    let before = pty.wait_for("the whole river again", |s| {
        s.contains(&header) && !s.contains("/ insulin") && s.contains("Filter cleared")
    });
    assert_eq!(sidebar_total(&before), Some(unread), "{before}");

    // Move into the river to the sixth row, mark everything shown read, then undo.
    let sixth: String = river(&db, "is:unread")[5].title.chars().take(20).collect();
    let sixth_selected = |screen: &vt100::Screen| {
        let highlighted = Pty::highlighted_rows(screen);
        highlighted.len() == 1 && highlighted[0].contains(&sixth)
    };
    pty.send(b"jjjjj");
    let before = pty.wait_for_screen("the sixth row selected", |screen| {
        full_river(&screen.contents()) && sixth_selected(screen)
    });
    pty.send(b"A");
    let emptied = pty.wait_for("the emptied lane", |s| {
        s.contains("Unread · 0 ") && s.contains("Nothing unread here")
    });
    assert_eq!(sidebar_total(&emptied), Some(0), "{emptied}");
    assert_eq!(count(&db, "is:unread"), 0);

    pty.send(b"u");
    let restored = pty.wait_for_screen("the river back, in place", |screen| {
        panes(&screen.contents()) == panes(&before) && sixth_selected(screen)
    });
    assert_eq!(sidebar_total(&restored), Some(unread), "{restored}");
    assert_eq!(count(&db, "is:unread"), unread);

    pty.send(b"q");
    assert!(pty.wait_exit().success());
}

//! After every mark and undo, the river, its count and the sources' counts agree, and `n`
//! wraps to the top.

use super::tests::{char_key, commands, loaded, river_request};
use super::*;
use crate::model::{ItemSummary, Mark, SourceId};
use crate::test_fixtures::{now, source, summaries};
use crate::tui::sources::SourceRow;
use crate::tui::status::Message;
use crate::tui::unread::WRAPPED_TO_THE_TOP;

/// An 80×24 app on the Unread lane: one source with `unread` items, the first `loaded` rows.
fn unread_lane(unread: usize, loaded_rows: usize) -> App {
    let config = Config {
        refresh_on_start: false,
        ..Config::default()
    };
    let mut app = App::new(&config, now(), 80, 24);
    let (generation, _, _) = river_request(&app.start());
    let nejm = source(1, "NEJM", Some("journal"), unread as u64);
    app.update(Msg::Worker(Event::SourcesLoaded(vec![nejm])));
    let rows = summaries(unread as i64);
    app.update(loaded(generation, unread, 0, rows[..loaded_rows].to_vec()));
    app
}

fn sidebar_total(app: &App) -> u64 {
    match app.sources.rows[0] {
        SourceRow::All { unread } => unread,
        ref other => panic!("the first row is All, not {other:?}"),
    }
}

fn rows_without(count: i64, gone: &[i64]) -> Vec<ItemSummary> {
    summaries(count)
        .into_iter()
        .filter(|row| !gone.contains(&row.id.0))
        .collect()
}

#[test]
fn a_read_mark_updates_river_count_and_sidebar_without_a_full_reload() {
    let mut app = unread_lane(5, 5);
    app.update(char_key('j'));
    let sent = commands(&app.update(char_key('m')));
    assert_eq!(
        sent,
        vec![Command::Mark {
            ids: vec![ItemId(2)],
            mark: Mark::Read
        }]
    );
    let effects = app.update(Msg::Worker(Event::Marked {
        ids: vec![ItemId(2)],
        mark: Mark::Read,
    }));
    assert!(
        !commands(&effects).contains(&Command::LoadSources),
        "no reload of every count"
    );
    let (generation, query, _) = river_request(&effects);
    assert_eq!(query.lane, Lane::Unread);
    app.update(Msg::Worker(Event::UnreadCounts(vec![(SourceId(1), 4)])));
    assert_eq!(sidebar_total(&app), 4);
    assert_eq!(app.sources.sources[0].unread_count, 4);
    app.update(loaded(generation, 4, 0, rows_without(5, &[2])));
    assert_eq!(app.river.total, 4, "the header count follows");
    assert_eq!(
        app.river.selected_row().map(|row| row.id),
        Some(ItemId(3)),
        "the next item takes the place of the one read"
    );
}

#[test]
fn mark_all_read_then_undo_restores_river_and_counts_in_place() {
    let mut app = unread_lane(300, 200);
    for _ in 0..150 {
        app.update(char_key('j'));
    }
    let top = app.river.top;
    assert_eq!(app.river.selected, 150);
    let sent = commands(&app.update(char_key('A')));
    assert!(
        matches!(&sent[..], [Command::MarkAllRead { .. }]),
        "{sent:?}"
    );
    let ids: Vec<ItemId> = (1..=300).map(ItemId).collect();
    let effects = app.update(Msg::Worker(Event::MarkedAllRead { ids: ids.clone() }));
    let (generation, _, _) = river_request(&effects);
    app.update(Msg::Worker(Event::UnreadCounts(vec![(SourceId(1), 0)])));
    app.update(loaded(generation, 0, 0, Vec::new()));
    assert_eq!((app.river.total, sidebar_total(&app)), (0, 0));

    let sent = commands(&app.update(char_key('u')));
    assert_eq!(
        sent,
        vec![Command::Mark {
            ids: ids.clone(),
            mark: Mark::Unread
        }]
    );
    let effects = app.update(Msg::Worker(Event::Marked {
        ids,
        mark: Mark::Unread,
    }));
    let (generation, _, offset) = river_request(&effects);
    assert_eq!(offset, 50, "the window around the old place");
    app.update(Msg::Worker(Event::UnreadCounts(vec![(SourceId(1), 300)])));
    app.update(loaded(
        generation,
        300,
        50,
        summaries(300)[50..250].to_vec(),
    ));
    assert_eq!((app.river.total, sidebar_total(&app)), (300, 300));
    assert_eq!(
        app.river.selected_row().map(|row| row.id),
        Some(ItemId(151))
    );
    assert_eq!(app.river.top, top, "the same rows on screen");
}

#[test]
fn n_at_the_bottom_wraps_to_the_top_and_says_so() {
    let mut app = unread_lane(5, 5);
    for row in &mut app.river.rows[2..] {
        row.read = true;
    }
    app.update(char_key('G'));
    app.update(char_key('n'));
    assert_eq!(app.river.selected, 0);
    assert_eq!(
        app.status.message,
        Some(Message::Info(WRAPPED_TO_THE_TOP.into()))
    );
    app.update(char_key('n'));
    assert_eq!(app.river.selected, 1);
    app.update(char_key('n'));
    assert_eq!(app.river.selected, 0, "wraps again");
    for row in &mut app.river.rows {
        row.read = true;
    }
    app.update(char_key('n'));
    assert_eq!(
        app.status.message,
        Some(Message::Info("No unread items here".into()))
    );
}

#[test]
fn n_past_the_loaded_rows_asks_the_worker() {
    let mut app = unread_lane(300, 200);
    for row in &mut app.river.rows {
        row.read = true;
    }
    let effects = app.update(char_key('n'));
    let query = app.river.shown.clone();
    assert_eq!(
        commands(&effects),
        vec![Command::FindUnread {
            query: query.clone(),
            from: 1
        }]
    );
    let effects = app.update(Msg::Worker(Event::UnreadFound {
        query,
        found: Some((250, false)),
    }));
    assert_eq!(app.river.selected, 250);
    let (_, _, offset) = river_request(&effects);
    assert_eq!(offset, 150, "the rows around it are asked for");
}

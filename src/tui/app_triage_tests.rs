//! State transitions of triage, refresh, sources, mouse and overlays.

use super::tests::{app_with_rows, char_key, commands, key, river_request};
use super::*;
use crate::model::{Mark, SourceId};
use crate::sync::progress::{Progress, RefreshSummary, SourceOutcome, SourceReport};
use crate::test_fixtures::now;
use crate::tui::protocol::Scope;
use crate::tui::status;
use ratatui::crossterm::event::{KeyCode, KeyModifiers, MouseEventKind};

#[test]
fn mark_all_read_then_undo() {
    let mut app = app_with_rows(3);
    let sent = commands(&app.update(char_key('A')));
    assert!(matches!(&sent[..], [Command::MarkAllRead { .. }]));
    let ids = vec![ItemId(1), ItemId(2), ItemId(3)];
    app.update(Msg::Worker(Event::MarkedAllRead { ids: ids.clone() }));
    assert!(app.river.rows.iter().all(|row| row.read));
    let sent = commands(&app.update(char_key('u')));
    assert_eq!(
        sent,
        vec![Command::Mark {
            ids: ids.clone(),
            mark: Mark::Unread
        }]
    );
    app.update(Msg::Worker(Event::Marked {
        ids,
        mark: Mark::Unread,
    }));
    assert!(app.river.rows.iter().all(|row| !row.read));
    assert_eq!(
        commands(&app.update(char_key('u'))),
        vec![],
        "nothing left to undo"
    );
}

#[test]
fn toggles_apply_on_confirmation() {
    let mut app = app_with_rows(3);
    let sent = commands(&app.update(char_key('s')));
    assert_eq!(
        sent,
        vec![Command::Mark {
            ids: vec![ItemId(1)],
            mark: Mark::Save
        }]
    );
    assert!(!app.river.rows[0].saved, "not before the worker confirms");
    app.update(Msg::Worker(Event::Marked {
        ids: vec![ItemId(1)],
        mark: Mark::Save,
    }));
    assert!(app.river.rows[0].saved);
    let sent = commands(&app.update(char_key('s')));
    assert_eq!(
        sent,
        vec![Command::Mark {
            ids: vec![ItemId(1)],
            mark: Mark::Unsave
        }]
    );
    let sent = commands(&app.update(char_key('m')));
    assert_eq!(
        sent,
        vec![Command::Mark {
            ids: vec![ItemId(1)],
            mark: Mark::Read
        }]
    );
}

#[test]
fn tag_prompt_completes_and_sets() {
    let mut app = app_with_rows(3);
    app.update(Msg::Worker(Event::TagsLoaded(vec![
        "cardio".into(),
        "sepsis".into(),
    ])));
    assert!(commands(&app.update(char_key('t'))).contains(&Command::LoadTags));
    app.update(char_key('s'));
    app.update(key(KeyCode::Tab));
    assert_eq!(
        app.tagging.as_ref().map(|t| t.input.text().to_string()),
        Some("sepsis".into())
    );
    let sent = commands(&app.update(key(KeyCode::Enter)));
    assert_eq!(
        sent,
        vec![Command::SetTags {
            id: ItemId(1),
            tags: vec!["sepsis".into()]
        }]
    );
    assert!(app.tagging.is_none());
    app.update(Msg::Worker(Event::TagsSet {
        id: ItemId(1),
        tags: vec!["sepsis".into()],
    }));
    assert_eq!(app.river.rows[0].tags, vec!["sepsis".to_string()]);
}

#[test]
fn refresh_progress_in_the_status() {
    let mut app = app_with_rows(3);
    assert_eq!(
        commands(&app.update(char_key('r'))),
        vec![Command::Refresh {
            source: Some(SourceId(1))
        }]
    );
    app.update(Msg::Worker(Event::Refresh(Progress::Started { total: 4 })));
    let report = SourceReport {
        source_id: SourceId(1),
        title: "NEJM".into(),
        url: "https://www.nejm.org/rss".into(),
        outcome: SourceOutcome::Updated { new: 5, updated: 0 },
    };
    app.update(Msg::Worker(Event::Refresh(Progress::SourceFinished(
        report,
    ))));
    assert_eq!(
        app.status.refresh.map(|r| (r.done, r.total, r.new_items)),
        Some((1, 4, 5))
    );
    assert_eq!(
        commands(&app.update(char_key('R'))),
        vec![Command::Refresh { source: None }],
        "the worker queues it behind the running one"
    );
    assert!(app.status.refresh_queued);
    let summary = RefreshSummary {
        sources: 4,
        new_items: 5,
        failed: 1,
        ..RefreshSummary::default()
    };
    let sent = commands(&app.update(Msg::Worker(Event::Refresh(Progress::Finished(summary)))));
    assert!(sent.contains(&Command::LoadSources));
    assert!(sent.iter().any(|c| matches!(c, Command::LoadRiver { .. })));
    assert!(!app.status.is_refreshing() && !app.status.refresh_queued);
    let expected = status::Message::Error("Refreshed 4 sources, 5 new, 1 failed".into());
    assert_eq!(app.status.message, Some(expected));
}

#[test]
fn automatic_refresh_on_tick() {
    let mut app = app_with_rows(3);
    assert_eq!(
        app.update(Msg::Tick(now() + chrono::Duration::minutes(29))),
        vec![]
    );
    let sent = commands(&app.update(Msg::Tick(now() + chrono::Duration::minutes(30))));
    assert_eq!(sent, vec![Command::RefreshDue], "when the source is due");
}

#[test]
fn sources_pane_scopes_the_river() {
    let mut app = app_with_rows(3);
    app.update(key(KeyCode::Tab));
    assert_eq!(app.focus, Focus::Sources);
    app.update(char_key('j'));
    let (_, _, _) = river_request(&app.update(char_key('j')));
    assert_eq!(app.river.wanted.scope, Scope::Source(SourceId(1)));
    app.update(key(KeyCode::Enter));
    assert_eq!(app.focus, Focus::River);
}

#[test]
fn mouse_click_selects_then_opens_and_wheel_scrolls() {
    let mut app = app_with_rows(30);
    let click = |column, row| {
        Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(ratatui::crossterm::event::MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    // River list starts at x=25, y=1 at 80×24.
    app.update(click(40, 4));
    assert_eq!(app.river.selected, 3);
    assert!(commands(&app.update(click(40, 4))).contains(&Command::LoadItem(ItemId(4))));
    app.update(key(KeyCode::Esc));
    let wheel = Msg::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 40,
        row: 10,
        modifiers: KeyModifiers::NONE,
    });
    app.update(wheel);
    assert_eq!(app.river.selected, 6);
}

#[test]
fn q_closes_the_reader_before_quitting() {
    let mut app = app_with_rows(3);
    app.update(key(KeyCode::Enter));
    assert_eq!(app.update(char_key('q')), vec![]);
    assert_eq!(app.update(char_key('q')), vec![Effect::Quit]);
}

#[test]
fn help_opens_and_closes() {
    let mut app = app_with_rows(3);
    app.update(char_key('?'));
    assert_eq!(app.help, Some(0));
    app.update(char_key('j'));
    assert_eq!(app.help, Some(1));
    app.update(key(KeyCode::Esc));
    assert_eq!(app.help, None);
}

#[test]
fn filter_from_a_full_screen_reader_returns_to_the_river() {
    let mut app = app_with_rows(3);
    app.update(key(KeyCode::Enter));
    app.update(char_key('/'));
    assert!(app.reader.is_none());
    assert!(app.filter.editing);
    assert_eq!(app.focus, Focus::River);
}

#[test]
fn messages_last_until_the_next_key() {
    let mut app = app_with_rows(3);
    app.update(char_key('u'));
    assert_eq!(
        app.status.message,
        Some(status::Message::Info("Nothing to undo".into()))
    );
    app.update(char_key('j'));
    assert_eq!(app.status.message, None);
}

#[test]
fn a_refresh_that_fails_to_start_does_not_block_the_next() {
    let mut app = app_with_rows(3);
    app.update(char_key('R'));
    app.update(Msg::Worker(Event::RefreshFailed(
        "cannot open the database".into(),
    )));
    assert!(!app.status.is_refreshing());
    assert_eq!(
        commands(&app.update(char_key('R'))),
        vec![Command::Refresh { source: None }]
    );
}

/// A write refused halfway (the database busy): the refresh is over, the error shows, what
/// was written is reloaded, and the next `R` starts a refresh instead of "already running".
#[test]
fn a_refresh_that_fails_halfway_ends_and_the_next_one_starts() {
    let mut app = app_with_rows(3);
    app.update(char_key('R'));
    app.update(Msg::Worker(Event::Refresh(Progress::Started { total: 4 })));
    let sent = commands(&app.update(Msg::Worker(Event::RefreshFailed(
        "Refresh stopped: the database is busy".into(),
    ))));
    assert!(sent.contains(&Command::LoadSources), "{sent:?}");
    assert!(sent.iter().any(|c| matches!(c, Command::LoadRiver { .. })));
    assert!(!app.status.is_refreshing());
    assert_eq!(
        app.status.message,
        Some(status::Message::Error(
            "Refresh stopped: the database is busy".into()
        ))
    );
    app.update(char_key('R'));
    assert!(app.status.is_refreshing() && !app.status.refresh_queued);
}

#[test]
fn the_removed_sources_placeholder_is_never_refreshed() {
    let mut app = app_with_rows(3);
    let mut placeholder = crate::test_fixtures::source(9, "Removed sources", Some("removed"), 2);
    placeholder.kind = crate::model::SourceKind::Removed;
    app.update(Msg::Worker(Event::SourcesLoaded(vec![placeholder])));
    app.update(key(KeyCode::Tab));
    app.update(char_key('j'));
    app.update(char_key('j'));
    assert_eq!(app.sources.selected_source(), Some(SourceId(9)));
    let effects = app.update(char_key('r'));
    assert!(
        !commands(&effects)
            .iter()
            .any(|command| matches!(command, Command::Refresh { .. })),
        "{effects:?}"
    );
    assert!(!app.status.is_refreshing());
    assert!(matches!(
        &app.status.message,
        Some(status::Message::Info(text)) if text.contains("never fetched")
    ));
}

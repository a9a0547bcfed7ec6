//! The watches in the newsfeed's state, without a terminal: the pinned lane and the river as
//! one list, acknowledging, urgent arrivals, and the watch editor's keys.

use crate::config::Config;
use crate::model::{AlertState, ItemId, NewAlert, WatchId};
use crate::sync::progress::{Progress, RefreshSummary};
use crate::test_fixtures::{now, source, summaries, summary, watch};
use crate::tui::app::{App, Effect, Msg};
use crate::tui::protocol::{Command, Event, Scope, WatchEdit};
use crate::tui::watches::editor::EditorMode;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    app.update(Msg::Key(KeyEvent::from(code)))
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

use crate::tui::app::tests::commands as sent;

fn urgent(id: i64) -> crate::model::ItemSummary {
    let mut row = summary(id, "Recall of insulin pens");
    row.alert = AlertState::Urgent;
    row.watches = vec!["safety".into()];
    row
}

/// An app with 10 river rows, two watches and two pinned items.
fn watching() -> App {
    let config = Config {
        refresh_on_start: false,
        ..Config::default()
    };
    let mut app = App::new(&config, now(), 80, 24);
    let effects = app.start();
    assert!(sent(&effects).contains(&Command::LoadPinned));
    assert!(sent(&effects).contains(&Command::LoadWatches));
    let generation = sent(&effects)
        .iter()
        .find_map(|command| match command {
            Command::LoadRiver { generation, .. } => Some(*generation),
            _ => None,
        })
        .unwrap();
    app.update(Msg::Worker(Event::SourcesLoaded(vec![source(
        1,
        "NEJM",
        Some("journal"),
        9,
    )])));
    app.update(Msg::Worker(Event::RiverLoaded {
        generation,
        total: 10,
        offset: 0,
        rows: summaries(10),
    }));
    app.update(Msg::Worker(Event::WatchesLoaded(vec![
        watch(7, "safety", true, 2),
        watch(8, "outbreaks", false, 1),
    ])));
    app.update(Msg::Worker(Event::PinnedLoaded(vec![
        urgent(101),
        urgent(102),
    ])));
    app
}

#[test]
fn the_selection_moves_through_the_pinned_lane_and_the_river_as_one_list() {
    let mut app = watching();
    assert_eq!((app.pinned.selected, app.river.selected), (None, 0));
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.pinned.selected, Some(1));
    assert_eq!(app.selected_row().map(|r| r.id), Some(ItemId(102)));
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.pinned.selected, Some(0));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!((app.pinned.selected, app.river.selected), (None, 0));
    press(&mut app, KeyCode::Char('G'));
    assert_eq!((app.pinned.selected, app.river.selected), (None, 9));
    // The pinned lane takes lines from the river.
    assert_eq!(app.river_height(), app.river_list_height() - 3);
}

#[test]
fn a_acknowledges_the_selected_alert_and_reloads_what_it_changes() {
    let mut app = watching();
    assert!(
        sent(&press(&mut app, KeyCode::Char('a'))).is_empty(),
        "the first river row has no alert"
    );
    assert!(app.status.message.is_some());
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(
        sent(&press(&mut app, KeyCode::Char('a'))),
        [Command::Acknowledge {
            ids: vec![ItemId(101)]
        }]
    );
    let answered = sent(&app.update(Msg::Worker(Event::Acknowledged {
        ids: vec![ItemId(101)],
    })));
    assert!(answered.contains(&Command::LoadPinned));
    assert!(answered.contains(&Command::LoadWatches));
    assert!(
        answered
            .iter()
            .any(|c| matches!(c, Command::LoadRiver { .. }))
    );
    // The lane comes back without it: the selection stays in the lane, on the next one.
    app.update(Msg::Worker(Event::PinnedLoaded(vec![urgent(102)])));
    assert_eq!(app.selected_row().map(|r| r.id), Some(ItemId(102)));
    app.update(Msg::Worker(Event::PinnedLoaded(Vec::new())));
    assert_eq!(app.pinned.selected, None);
}

fn alert(id: i64, urgent: bool) -> NewAlert {
    NewAlert {
        item_id: ItemId(id),
        watch: if urgent { "safety" } else { "outbreaks" }.into(),
        urgent,
        title: format!("Alert {id}"),
        source: "FDA".into(),
        url: None,
        published: Some(now()),
    }
}

#[test]
fn an_urgent_arrival_rings_once_and_shows_in_the_status_bar() {
    let mut app = watching();
    press(&mut app, KeyCode::Char('R'));
    let summary = RefreshSummary {
        sources: 3,
        new_items: 4,
        alerts: vec![alert(1, true), alert(2, true), alert(3, false)].into(),
        ..RefreshSummary::default()
    };
    let effects = app.update(Msg::Worker(Event::Refresh(Progress::Finished(summary))));
    assert_eq!(effects.iter().filter(|e| **e == Effect::Bell).count(), 1);
    assert!(sent(&effects).contains(&Command::LoadPinned));
    let message = format!("{:?}", app.status.message);
    assert!(
        message.contains("2 urgent alerts [safety]: Alert 1 (FDA)"),
        "{message}"
    );

    press(&mut app, KeyCode::Char('R'));
    let calm = RefreshSummary {
        alerts: vec![alert(4, false)].into(),
        ..RefreshSummary::default()
    };
    let effects = app.update(Msg::Worker(Event::Refresh(Progress::Finished(calm))));
    assert!(!effects.contains(&Effect::Bell), "no bell without urgency");
    assert!(format!("{:?}", app.status.message).contains("1 alert"));
}

/// The editor open on a new watch "blood" (made of the filter), selected.
fn editing_blood() -> App {
    let mut app = watching();
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "\"blood donation\"");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('W'));
    press(&mut app, KeyCode::Char('n'));
    typed(&mut app, "blood");
    assert_eq!(
        sent(&press(&mut app, KeyCode::Enter)),
        [Command::AddWatch {
            name: "blood".into(),
            query: "\"blood donation\"".into(),
            urgent: false,
        }]
    );
    app.update(Msg::Worker(Event::WatchSaved {
        name: "blood".into(),
    }));
    app.update(Msg::Worker(Event::WatchesLoaded(vec![
        watch(7, "safety", true, 2),
        watch(9, "blood", false, 0),
        watch(8, "outbreaks", false, 1),
    ])));
    app
}

fn notice(app: &App) -> String {
    let editor = app.watch_editor.as_ref().expect("the editor is open");
    editor.notice.clone().unwrap_or_default()
}

#[test]
fn the_editor_saves_the_filter_as_a_watch_and_a_refused_name_keeps_its_prompt() {
    let mut app = watching();
    press(&mut app, KeyCode::Char('W'));
    press(&mut app, KeyCode::Char('n'));
    let editor = app.watch_editor.as_ref().unwrap();
    assert!(
        editor.error.as_deref().unwrap().contains("filter"),
        "{editor:?}"
    );
    press(&mut app, KeyCode::Esc);
    assert!(app.watch_editor.is_none());

    let mut app = editing_blood();
    let editor = app.watch_editor.as_ref().unwrap();
    assert_eq!(editor.selected, 1, "the new one");
    assert_eq!(editor.mode, EditorMode::Browse, "saved: the prompt closed");
    assert!(notice(&app).starts_with("Saved blood."), "{}", notice(&app));

    press(&mut app, KeyCode::Char('r'));
    typed(&mut app, "-uk");
    assert_eq!(
        sent(&press(&mut app, KeyCode::Enter)),
        [Command::EditWatch {
            id: WatchId(9),
            edit: WatchEdit::Rename("blood-uk".into()),
        }]
    );
    app.update(Msg::Worker(Event::WatchRejected(
        "A watch named \"blood-uk\" already exists".into(),
    )));
    let editor = app.watch_editor.as_ref().unwrap();
    assert!(editor.error.as_deref().unwrap().contains("already exists"));
    assert_eq!(
        editor.input().map(|input| input.text()),
        Some("blood-uk"),
        "what was typed is still there, to be corrected"
    );
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    typed(&mut app, "ie");
    press(&mut app, KeyCode::Enter);
    app.update(Msg::Worker(Event::WatchSaved {
        name: "blood-ie".into(),
    }));
    assert_eq!(app.watch_editor.as_ref().unwrap().mode, EditorMode::Browse);
    assert_eq!(notice(&app), "Renamed: the watch is blood-ie now.");
}

#[test]
fn the_editor_toggles_urgent_and_deletes_after_confirmation_saying_which_it_did() {
    let mut app = editing_blood();
    assert_eq!(
        sent(&press(&mut app, KeyCode::Char('u'))),
        [Command::EditWatch {
            id: WatchId(9),
            edit: WatchEdit::Urgent(true),
        }]
    );
    app.update(Msg::Worker(Event::WatchSaved {
        name: "blood".into(),
    }));
    assert!(
        notice(&app).starts_with("blood is urgent"),
        "{}",
        notice(&app)
    );

    press(&mut app, KeyCode::Char('d'));
    assert!(
        sent(&press(&mut app, KeyCode::Char('n'))).is_empty(),
        "kept"
    );
    press(&mut app, KeyCode::Char('d'));
    assert_eq!(
        sent(&press(&mut app, KeyCode::Char('y'))),
        [Command::RemoveWatch { id: WatchId(9) }]
    );
    app.update(Msg::Worker(Event::WatchSaved {
        name: "blood".into(),
    }));
    assert_eq!(notice(&app), "Deleted the watch blood and its alerts.");

    // Enter shows the watch's alerts in the river.
    press(&mut app, KeyCode::Char('k'));
    let effects = press(&mut app, KeyCode::Enter);
    assert!(app.watch_editor.is_none());
    assert_eq!(app.river.wanted.scope, Scope::Watch(WatchId(7)));
    assert!(sent(&effects).iter().any(
        |c| matches!(c, Command::LoadRiver { query, .. } if query.scope == Scope::Watch(WatchId(7)))
    ));
}

/// The help screen is generated from the keymap and the actions' descriptions.
#[test]
fn a_and_w_are_bound_and_described_for_the_help() {
    use crate::tui::action::Action;
    let app = watching();
    let resolve = |c| app.keymap.resolve(&KeyEvent::from(KeyCode::Char(c)));
    assert_eq!(resolve('a'), Some(Action::Acknowledge));
    assert_eq!(resolve('W'), Some(Action::Watches));
    assert!(Action::ALL.contains(&Action::Acknowledge) && Action::ALL.contains(&Action::Watches));
    assert_eq!(
        Action::Acknowledge.description(),
        "acknowledge the alert (unpin it)"
    );
}

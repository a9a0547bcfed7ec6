//! A kept filter is easy to clear; a broken query applies nothing.

use super::tests::{app_with_rows, char_key, key, loaded, river_request};
use super::*;
use crate::test_fixtures::summaries;
use ratatui::crossterm::event::KeyCode;

fn type_text(app: &mut App, text: &str) -> u64 {
    let mut generation = 0;
    for c in text.chars() {
        generation = river_request(&app.update(char_key(c))).0;
    }
    generation
}

/// `/sepsis` Enter, answered with 3 rows.
fn with_kept_filter() -> App {
    let mut app = app_with_rows(10);
    app.update(char_key('/'));
    let generation = type_text(&mut app, "sepsis");
    app.update(loaded(generation, 3, 0, summaries(3)));
    app.update(key(KeyCode::Enter));
    assert!(app.filter.is_kept());
    app
}

#[test]
fn esc_in_the_river_clears_a_kept_filter_then_moves_the_focus() {
    let mut app = with_kept_filter();
    let (_, query, _) = river_request(&app.update(key(KeyCode::Esc)));
    assert_eq!(query.text, "", "the river asks for everything again");
    assert!(!app.filter.is_visible());
    assert_eq!(app.focus, Focus::River, "the first Esc only clears");
    app.update(key(KeyCode::Esc));
    assert_eq!(app.focus, Focus::Sources);
}

#[test]
fn q_with_a_filter_applied_clears_it_instead_of_quitting() {
    let mut app = with_kept_filter();
    let effects = app.update(char_key('q'));
    assert!(!effects.contains(&Effect::Quit));
    assert_eq!(river_request(&effects).1.text, "");
    assert!(!app.filter.is_kept());
    assert!(app.update(char_key('q')).contains(&Effect::Quit));
}

#[test]
fn enter_on_a_broken_query_keeps_the_bar_open_and_applies_nothing() {
    let mut app = with_kept_filter();
    app.update(char_key('/'));
    type_text(&mut app, " (measles OR");
    let shown = app.river.shown.clone();
    let effects = app.update(key(KeyCode::Enter));
    assert!(effects.is_empty(), "{effects:?}");
    assert!(app.filter.editing, "the bar stays open");
    let error = app.filter.error.clone().expect("the error is shown");
    assert_eq!(error.message, "nothing after OR");
    assert_eq!(app.river.shown, shown, "the last valid query still shows");
    assert_eq!(app.filter.height(), 3, "query, error, what the rows are");
    // Esc still clears it all.
    let (_, query, _) = river_request(&app.update(key(KeyCode::Esc)));
    assert_eq!(query.text, "");
    assert!(app.filter.error.is_none() && !app.filter.editing);
}

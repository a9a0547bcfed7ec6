//! Narrow terminals offer the sources over the river; resizes never leave a list scrolled past
//! its end.

use super::tests::{app_with_rows, char_key, key, river_request};
use super::*;
use crate::model::SourceId;
use crate::test_fixtures::source;
use crate::tui::protocol::Scope;
use ratatui::crossterm::event::KeyCode;

fn many_sources(count: i64) -> Vec<crate::model::Source> {
    (1..=count)
        .map(|id| source(id, &format!("Journal {id:02}"), Some("journal"), 1))
        .collect()
}

#[test]
fn tab_and_s_bring_the_sources_over_a_narrow_river() {
    let mut app = app_with_rows(10);
    app.update(Msg::Resize {
        width: 60,
        height: 20,
    });
    assert_eq!(app.panes().sources, None, "no room beside the river");
    app.update(key(KeyCode::Tab));
    assert_eq!(app.focus, Focus::Sources);
    let panes = app.panes();
    let (over, river) = (panes.sources.unwrap(), panes.river.unwrap());
    assert!(river.contains(over.as_position()), "over the river");
    app.update(key(KeyCode::Esc));
    assert_eq!(app.focus, Focus::River, "Esc closes it");
    app.update(char_key('S'));
    assert_eq!(app.focus, Focus::Sources);
    app.update(char_key('S'));
    assert_eq!(app.focus, Focus::River, "S again goes back");

    // Choosing a source closes the overlay and shows its items.
    app.update(char_key('S'));
    app.update(char_key('j'));
    let effects = app.update(char_key('j'));
    river_request(&effects);
    assert_eq!(app.river.wanted.scope, Scope::Source(SourceId(1)));
    app.update(key(KeyCode::Enter));
    assert_eq!(app.focus, Focus::River);
    assert_eq!(app.panes().sources, None);
}

#[test]
fn a_resize_never_leaves_the_sources_scrolled_past_their_end() {
    let mut app = app_with_rows(10);
    app.update(Msg::Resize {
        width: 100,
        height: 12,
    });
    app.update(Msg::Worker(Event::SourcesLoaded(many_sources(30))));
    app.update(key(KeyCode::Tab));
    app.update(char_key('G'));
    // 32 rows (All, one category, 30 sources) in a 9-row pane.
    assert_eq!(app.sources.top, 32 - 9);
    app.update(Msg::Resize {
        width: 100,
        height: 40,
    });
    assert_eq!(app.sources.top, 0, "everything fits: no empty rows below");
    app.update(Msg::Resize {
        width: 100,
        height: 20,
    });
    assert_eq!(app.sources.top, 32 - 17);
    assert_eq!(app.sources.selected, 31);
}

//! The screens a first-time user meets, at 60×20, 80×24 and 200×60: the river and its columns,
//! the sources over a narrow river, a broken query over the last valid rows, and the help.

mod tui_support;

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::style::Modifier;
use rounds::query::QueryError;
use rounds::tui::app::{App, Msg};
use rounds::tui::help;
use rounds::tui::protocol::Event;
use tui_support::{draw, key, loaded_app, river_generation, screen_text as text};

const SIZES: [(u16, u16); 3] = [(60, 20), (80, 24), (200, 60)];

fn name(what: &str, app: &App) -> String {
    format!("{what}_{}x{}", app.area.width, app.area.height)
}

#[test]
fn the_river_uses_the_width_it_has() {
    for (width, height) in SIZES {
        let app = loaded_app(width, height);
        insta::assert_snapshot!(name("river", &app), draw(&app).backend());
    }
}

#[test]
fn the_sources_come_over_a_narrow_river() {
    let mut app = loaded_app(60, 20);
    app.update(Msg::Key(KeyEvent::from(KeyCode::Tab)));
    app.update(Msg::Key(key('j')));
    insta::assert_snapshot!(name("sources_over_river", &app), draw(&app).backend());
    let mut app = loaded_app(60, 20);
    app.update(Msg::Key(key('S')));
    assert!(draw(&app).backend().to_string().contains("All sources"));
}

/// `(measles OR` over the rows of the last valid query: all of them.
fn broken_query(width: u16, height: u16) -> App {
    let mut app = loaded_app(width, height);
    app.update(Msg::Key(key('/')));
    let mut generation = 0;
    for c in "(measles OR".chars() {
        generation = river_generation(&app.update(Msg::Key(key(c))));
    }
    let error = QueryError {
        column: 1,
        message: "unclosed parenthesis".into(),
    };
    app.update(Msg::Worker(Event::RiverRejected { generation, error }));
    app.update(Msg::Key(KeyEvent::from(KeyCode::Enter)));
    assert!(app.filter.editing, "Enter applied nothing");
    app
}

#[test]
fn a_broken_query_shows_the_last_valid_rows_dimmed() {
    for (width, height) in SIZES {
        let app = broken_query(width, height);
        let terminal = draw(&app);
        let buffer = terminal.backend().buffer();
        let screen = text(buffer);
        // Counted in the river's unit, as its title counts them.
        assert!(
            screen.contains("All · 1,204 stories")
                && screen.contains("last valid query: no filter · 1,204 stories"),
            "{screen}"
        );
        // Every row under the bar is in the dim role and nothing in it is bold.
        let first_row = 5;
        let list_x = app.panes().river.unwrap().x + 2;
        for y in first_row..app.area.height - 2 {
            let cell = &buffer[(list_x + 5, y)];
            assert_eq!(cell.fg, app.theme.dim.fg.unwrap(), "row {y}: {screen}");
            assert!(!cell.modifier.contains(Modifier::BOLD), "row {y}");
        }
        insta::assert_snapshot!(name("broken_query", &app), terminal.backend());
    }
}

#[test]
fn help_wraps_to_the_terminal_and_scrolls_to_its_end() {
    for (width, height) in SIZES {
        let mut app = loaded_app(width, height);
        app.update(Msg::Key(key('?')));
        insta::assert_snapshot!(name("help", &app), draw(&app).backend());
        app.update(Msg::Key(key('G')));
        let terminal = draw(&app);
        insta::assert_snapshot!(name("help_end", &app), terminal.backend());
        // The last note, whole: no line of the help is cut.
        let inside = help::text_area(app.area);
        let buffer = terminal.backend().buffer();
        let help_text: Vec<String> = (inside.top()..inside.bottom())
            .map(|y| {
                (inside.left()..inside.right())
                    .map(|x| buffer[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect();
        let flat = help_text
            .iter()
            .map(|l| l.trim())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(flat.contains("before:2026-10-01."), "{flat}");
        assert!(!flat.contains('…'), "nothing truncated: {flat}");
        // k from the end moves at once: the scroll never went past it.
        let before = app.help;
        app.update(Msg::Key(key('k')));
        assert_eq!(app.help, before.map(|scroll| scroll.saturating_sub(1)));
    }
}

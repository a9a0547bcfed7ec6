//! What the newsfeed says is never cut off at 80 columns: the status bar's messages, the
//! watch editor's refusals and keys, the source editor's errors and the health view's
//! problems are shown whole, wrapped where they need more than one line.

mod tui_support;

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use rounds::model::Source;
use rounds::tui::app::{App, Msg};
use rounds::tui::protocol::Event;
use tui_support::{draw, key, loaded_app, screen_rows, sources, watches, window_lines};

fn press(app: &mut App, code: KeyCode) {
    app.update(Msg::Key(KeyEvent::from(code)));
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Msg::Key(key(c)));
    }
}

/// The text of a window, its lines joined by spaces: a sentence wrapped over several lines
/// reads as one.
fn window_text(app: &App, title: &str) -> String {
    let rows = screen_rows(draw(app).backend().buffer());
    window_lines(&rows, title).join(" ")
}

#[test]
fn a_status_message_is_shown_whole_and_the_key_hints_give_way() {
    let mut app = loaded_app(80, 24);
    // The first row names no trial: T says so in a sentence longer than the hints leave room for.
    app.update(Msg::Key(key('T')));
    let status = screen_rows(draw(&app).backend().buffer())
        .pop()
        .expect("a status bar");
    assert!(
        status.contains("This item names no ClinicalTrials.gov registration"),
        "{status:?}"
    );
    // The next key clears the message, and the hints are back.
    press(&mut app, KeyCode::Char('j'));
    let status = screen_rows(draw(&app).backend().buffer()).pop().unwrap();
    assert!(status.contains("? help"), "{status:?}");
}

#[test]
fn the_watch_editor_shows_a_refusal_and_its_keys_whole() {
    let mut app = loaded_app(80, 24);
    app.update(Msg::Worker(Event::WatchesLoaded(watches())));
    app.update(Msg::Key(key('W')));
    app.update(Msg::Key(key('r')));
    type_text(&mut app, " uk");
    press(&mut app, KeyCode::Enter);
    let refusal = "A watch name is one word of letters, digits, '-' or '_' (so that watch:NAME \
                   finds its alerts): \"safety uk\" is not";
    app.update(Msg::Worker(Event::WatchRejected(refusal.into())));
    let screen = window_text(&app, "Watches");
    assert!(screen.contains(refusal), "{screen}");
    assert!(
        screen.contains("New name: safety uk"),
        "the prompt keeps what was typed: {screen}"
    );
    press(&mut app, KeyCode::Esc);
    let screen = window_text(&app, "Watches");
    assert!(
        screen.contains("d delete · Enter alerts · Esc close"),
        "{screen}"
    );
}

#[test]
fn the_source_editor_shows_its_error_whole() {
    let mut app = loaded_app(80, 24);
    app.update(Msg::Key(key('E')));
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "fortnightly");
    press(&mut app, KeyCode::Enter);
    let screen = window_text(&app, "Edit");
    assert!(
        screen.contains(
            "\"fortnightly\" is not a refresh interval (try \"15m\", \"2h\" or \"1d\", from 1 \
             minute to 30 days)"
        ),
        "{screen}"
    );
}

#[test]
fn the_health_view_shows_a_long_error_whole() {
    let mut app = loaded_app(80, 24);
    let error = "could not connect to feeds.example.org: the TLS certificate is for \
                 *.cdn.example.net, not for this host (check the address, or tell the publisher)";
    let mut with_error: Vec<Source> = sources();
    with_error[4].last_error = Some(error.into());
    app.update(Msg::Worker(Event::SourcesLoaded(with_error)));
    app.update(Msg::Key(key('H')));
    let screen = window_text(&app, "Health");
    assert!(screen.contains(error), "{screen}");
}

//! The selected row reads in the default theme: no visible character is drawn in its own
//! background colour, and an unread title stays bold while selected.

mod tui_support;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::style::{Color, Modifier};
use rounds::tui::app::{App, Msg};
use tui_support::{draw, key, loaded_app};

const SIZES: [(u16, u16); 3] = [(60, 20), (80, 24), (200, 60)];

/// Every cell that shows a character, with a colour equal to its background.
fn invisible_cells(buffer: &Buffer) -> Vec<String> {
    let area = buffer.area;
    let mut found = Vec::new();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &buffer[(x, y)];
            let visible = !cell.symbol().trim().is_empty();
            if visible && cell.fg != Color::Reset && cell.fg == cell.bg {
                found.push(format!("({x},{y}) {:?} {:?}", cell.symbol(), cell.fg));
            }
        }
    }
    found
}

/// The row of the buffer holding `text`, and the column where it starts.
fn find(buffer: &Buffer, text: &str) -> (u16, u16) {
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        let row: String = (area.left()..area.right())
            .map(|x| buffer[(x, y)].symbol().to_string())
            .collect();
        if let Some(byte) = row.find(text) {
            let column = row[..byte].chars().count();
            return (u16::try_from(column).unwrap(), y);
        }
    }
    panic!("{text:?} is not on the screen");
}

fn check(app: &App, what: &str) {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    let invisible = invisible_cells(buffer);
    assert!(
        invisible.is_empty(),
        "{what} at {}x{}: text drawn in its background colour: {invisible:?}",
        app.area.width,
        app.area.height
    );
}

#[test]
fn every_role_reads_over_the_selection_at_every_size() {
    for (width, height) in SIZES {
        let mut app = loaded_app(width, height);
        check(&app, "the river");
        // The third row is saved, tagged and read; the fourth unread.
        for _ in 0..3 {
            app.update(Msg::Key(key('j')));
            check(&app, "the river, moved");
        }
        app.update(Msg::Key(KeyEvent::from(KeyCode::Tab)));
        check(&app, "the sources pane");
        app.update(Msg::Key(key('j')));
        check(&app, "the sources pane, moved");
    }
}

#[test]
fn an_unread_title_stays_bold_while_selected() {
    for (width, height) in SIZES {
        let mut app = loaded_app(width, height);
        // Row 1 is unread; row 3 is read.
        let unread = app.river.rows[0].title.clone();
        let read = app.river.rows[2].title.clone();
        assert!(!app.river.rows[0].read && app.river.rows[2].read);
        let terminal = draw(&app);
        let buffer = terminal.backend().buffer();
        let (x, y) = find(buffer, &unread[..10]);
        assert!(
            buffer[(x, y)].modifier.contains(Modifier::BOLD),
            "unread, selected"
        );
        assert_eq!(buffer[(x, y)].bg, app.theme.selection.bg.unwrap());

        app.update(Msg::Key(key('j')));
        app.update(Msg::Key(key('j')));
        let terminal = draw(&app);
        let buffer = terminal.backend().buffer();
        let (x, y) = find(buffer, &read[..10]);
        assert!(
            !buffer[(x, y)].modifier.contains(Modifier::BOLD),
            "read, selected"
        );
        assert_eq!(buffer[(x, y)].bg, app.theme.selection.bg.unwrap());
    }
}

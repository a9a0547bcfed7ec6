//! A small, realistic clinical river for the TUI tests: sources, items, an app wired to them,
//! and what the tests read of a drawn screen.

// Each test crate uses part of this.
#![allow(dead_code, unused_imports)]

mod river;
mod stories;
mod watches;

pub use river::{ARTICLE, article_item, rows, sources};
pub use stories::{story_app, story_article_item, story_rows, story_versions};
pub use watches::{pinned_rows, watches};

use chrono::{DateTime, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use rounds::config::Config;
use rounds::tui::app::{App, Msg};
use rounds::tui::protocol::{Command, Event};
use rounds::tui::{app::Effect, views};

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 9, 30, 0)
        .single()
        .expect("valid date")
}

/// The generation of the LoadRiver among `effects`.
pub fn river_generation(effects: &[Effect]) -> u64 {
    effects
        .iter()
        .find_map(|effect| match effect {
            Effect::Send(Command::LoadRiver { generation, .. }) => Some(*generation),
            _ => None,
        })
        .expect("a LoadRiver command")
}

/// An app at `width`×`height` with the sources and the river loaded (lane All).
pub fn loaded_app(width: u16, height: u16) -> App {
    let config = Config {
        refresh_on_start: false,
        ..Config::default()
    };
    let mut app = App::new(&config, now(), width, height);
    app.zone = rounds::dates::Zone::Utc;
    app.start();
    app.update(Msg::Worker(Event::SourcesLoaded(sources())));
    let generation = river_generation(&app.update(Msg::Key(key('1'))));
    let rows = rows(200);
    app.update(Msg::Worker(Event::RiverLoaded {
        generation,
        total: 1204,
        offset: 0,
        rows,
    }));
    app
}

pub fn key(c: char) -> ratatui::crossterm::event::KeyEvent {
    ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char(c))
}

pub fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(app.area.width, app.area.height)).expect("test terminal");
    terminal
        .draw(|frame| views::draw(frame, app))
        .expect("draw");
    terminal
}

/// The commands among `effects`, in order.
pub fn sent(effects: &[Effect]) -> Vec<Command> {
    effects
        .iter()
        .filter_map(Effect::command)
        .cloned()
        .collect()
}

/// Each row of the drawn screen as text.
pub fn screen_rows(buffer: &Buffer) -> Vec<String> {
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            (area.left()..area.right())
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect()
}

/// The drawn screen as text, its rows joined by newlines.
pub fn screen_text(buffer: &Buffer) -> String {
    screen_rows(buffer).join("\n")
}

/// The lines inside the window whose title starts with `title`, trimmed: the cells between
/// its side borders, from under its top border to above its bottom one.
pub fn window_lines(rows: &[String], title: &str) -> Vec<String> {
    let corner = format!("╭ {title}");
    let (top, at) = rows
        .iter()
        .enumerate()
        .find_map(|(index, row)| row.find(&corner).map(|at| (index, at)))
        .unwrap_or_else(|| panic!("no window titled {title:?} in\n{}", rows.join("\n")));
    let left = rows[top][..at].chars().count();
    let cells: Vec<char> = rows[top].chars().collect();
    let right = left
        + cells[left..]
            .iter()
            .position(|c| *c == '╮')
            .expect("a top right corner");
    rows[top + 1..]
        .iter()
        .map(|row| row.chars().collect::<Vec<char>>())
        .take_while(|cells| cells.get(left) != Some(&'╰'))
        .map(|cells| {
            cells[left + 1..right]
                .iter()
                .collect::<String>()
                .trim()
                .to_string()
        })
        .collect()
}

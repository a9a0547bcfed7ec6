//! Drawing: pure functions of borrowed state, one file per pane. Nothing here does IO,
//! renders HTML or changes the state.

mod empty;
mod export;
mod filter_bar;
mod help;
mod notice;
mod reader;
mod river;
mod sources;
mod status;
mod tags;
pub(crate) mod window;

/// The river's column widths and marks, which the pinned lane above it keeps to.
pub(crate) use river::{Columns, marks};

use super::app::App;
use super::layout;
use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType};

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let panes = layout::panes(area, app.reader.is_some(), app.focus);
    if app.sources.is_empty() {
        let main = Rect {
            height: area.height.saturating_sub(1),
            ..area
        };
        empty::draw(frame, main, app);
    } else {
        // The river first: on a narrow terminal the sources come over it.
        if let Some(pane) = panes.river {
            river::draw(frame, pane, app);
        }
        if let Some(pane) = panes.sources {
            sources::draw(frame, pane, app);
        }
        if let Some(pane) = panes.reader {
            reader::draw(frame, pane, app);
        }
    }
    status::draw(frame, panes.status, app);
    if let Some(editor) = &app.tagging {
        tags::draw(frame, panes.status, app, editor);
    }
    if let Some(editor) = &app.watch_editor {
        super::watches::view::draw_editor(frame, area, app, editor);
    }
    if let Some(prompt) = &app.exporting {
        export::draw(frame, panes.status, app, prompt);
    }
    if app.admin.is_some() {
        let main = Rect {
            height: area.height.saturating_sub(1),
            ..area
        };
        crate::tui::sources_admin::view::draw(frame, main, panes.status, app);
    }
    if let Some(scroll) = app.help {
        help::draw(frame, area, app, scroll);
    }
    if let Some(shown) = &app.notice {
        notice::draw(frame, area, app, shown);
    }
}

/// A pane's frame: rounded, brighter when it has the keyboard.
fn pane_block<'a>(title: Line<'a>, focused: bool, theme: &Theme) -> Block<'a> {
    let (border, title_style) = if focused {
        (theme.border_focused, theme.accent)
    } else {
        (theme.border, theme.dim)
    };
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(border)
        .title(title.style(title_style))
}

/// "1,204"
fn thousands(count: usize) -> String {
    let digits = count.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

//! The newsfeed's small windows, drawn one way: a cleared, rounded frame with its title, centred
//! over the screen or docked just above the status bar; and the line prompt inside the docked
//! ones (tags, export, follow), whose help and errors wrap to the window instead of being cut.

use crate::tui::app::App;
use crate::tui::input::LineInput;
use crate::tui::{fit, sanitize};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

/// A window's frame: its title, an optional line on its bottom border, and its border's style.
pub struct Window {
    title: String,
    title_style: Style,
    border: Style,
    footer: Option<Line<'static>>,
}

impl Window {
    /// A window that has the keyboard: the focused border, the title in the accent colour.
    pub fn new(app: &App, title: impl Into<String>) -> Window {
        Window {
            title: title.into(),
            title_style: app.theme.accent,
            border: app.theme.border_focused,
            footer: None,
        }
    }

    /// A window that reports a failure: border and title in the error colour.
    pub fn alarm(app: &App, title: impl Into<String>) -> Window {
        Window {
            title: title.into(),
            title_style: app.theme.error,
            border: app.theme.error,
            footer: None,
        }
    }

    /// Dim text on the bottom border, on the right ("j/k scroll · Esc closes").
    pub fn footer(mut self, app: &App, text: impl Into<String>) -> Window {
        self.footer = Some(Line::styled(text.into(), app.theme.dim).right_aligned());
        self
    }

    /// Draws the frame of `width`×`height` centred in `area` (both clipped to it); returns
    /// the inside.
    pub fn centred(self, frame: &mut Frame, area: Rect, width: u16, height: u16) -> Rect {
        let (width, height) = (width.min(area.width), height.min(area.height));
        let rect = Rect {
            x: area.x + (area.width - width) / 2,
            y: area.y + (area.height - height) / 2,
            width,
            height,
        };
        self.draw_at(frame, rect)
    }

    /// Draws the frame of `width`×`height` just above the status bar, centred across it;
    /// returns the inside.
    pub fn above(self, frame: &mut Frame, status: Rect, width: u16, height: u16) -> Rect {
        let (width, height) = (width.min(status.width), height.min(status.y));
        let rect = Rect {
            x: status.x + (status.width - width) / 2,
            y: status.y - height,
            width,
            height,
        };
        self.draw_at(frame, rect)
    }

    /// Draws the frame on `rect`, over whatever was there; returns the inside.
    pub fn draw_at(self, frame: &mut Frame, rect: Rect) -> Rect {
        let title = format!(" {} ", sanitize::line(&self.title));
        let title = fit::truncate(&title, usize::from(rect.width.saturating_sub(2)));
        let mut block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(self.border)
            .title(Line::styled(title, self.title_style));
        if let Some(footer) = self.footer {
            block = block.title_bottom(footer);
        }
        let inner = block.inner(rect);
        frame.render_widget(Clear, rect);
        frame.render_widget(block, rect);
        inner
    }
}

/// The inside width of a window at most `max` columns wide on a screen `available` wide
/// (two columns of margin).
pub fn inner_width(available: u16, max: u16) -> usize {
    usize::from(outer_width(available, max).saturating_sub(2))
}

fn outer_width(available: u16, max: u16) -> u16 {
    available.saturating_sub(4).min(max)
}

/// `text` wrapped to `width` columns in one style, keeping its own line breaks; every word
/// shown, none cut.
pub fn wrapped(text: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    sanitize::multiline(text)
        .lines()
        .flat_map(|line| fit::wrap(line, width.max(1)))
        .map(|line| Line::styled(line, style))
        .collect()
}

/// `label` then the part of `input` that fits in `width` columns; and the cursor's column.
pub fn input_line(label: Span<'static>, input: &LineInput, width: usize) -> (Line<'static>, usize) {
    let label_width = fit::width(&label.content);
    let (shown, cursor) = input.view(width.saturating_sub(label_width));
    let line = Line::from(vec![label, Span::raw(sanitize::line(&shown))]);
    (line, label_width + cursor)
}

/// Puts the terminal's cursor `column` columns into `row` of `area`, never past its edge.
pub fn place_cursor(frame: &mut Frame, area: Rect, column: usize, row: usize) {
    let Ok(row) = u16::try_from(row) else { return };
    if row >= area.height {
        return;
    }
    let x = area.x + u16::try_from(column).unwrap_or(area.width);
    frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y + row));
}

/// A one-line prompt docked above the status bar: the input on the first line, then `below`
/// (help, an error, suggestions), which makes the window as tall as it needs.
pub struct LinePrompt<'a> {
    pub title: String,
    pub input: &'a LineInput,
    pub below: Vec<Line<'static>>,
    /// The window's widest, borders included.
    pub max_width: u16,
    /// False while the prompt waits for the worker: no cursor to type at.
    pub typing: bool,
}

impl LinePrompt<'_> {
    pub fn draw(self, frame: &mut Frame, status: Rect, app: &App) {
        let width = outer_width(status.width, self.max_width);
        let height = u16::try_from(self.below.len() + 3).unwrap_or(u16::MAX);
        let inner = Window::new(app, self.title).above(frame, status, width, height);
        let (line, cursor) = input_line(Span::raw(""), self.input, usize::from(inner.width));
        let mut lines = vec![line];
        lines.extend(self.below);
        frame.render_widget(Paragraph::new(lines), inner);
        if self.typing {
            place_cursor(frame, inner, cursor, 0);
        }
    }
}

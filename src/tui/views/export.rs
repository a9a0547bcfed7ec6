//! The export prompt, just above the status bar: the file name, and what the extension means.

use crate::tui::app::App;
use crate::tui::stories::export_prompt::ExportPrompt;
use crate::tui::{fit, sanitize};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

const HEIGHT: u16 = 4;

pub fn draw(frame: &mut Frame, status: Rect, app: &App, prompt: &ExportPrompt) {
    let width = status.width.saturating_sub(4).min(72);
    let popup = Rect {
        x: status.x + (status.width - width) / 2,
        y: status.y.saturating_sub(HEIGHT),
        width,
        height: HEIGHT.min(status.y),
    };
    let noun = if prompt.stories { "stories" } else { "items" };
    let title = format!(" Export {} {noun} to ", super::thousands(prompt.shown));
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.border_focused)
        .title(Line::styled(
            fit::truncate(&title, usize::from(width).saturating_sub(2)),
            app.theme.accent,
        ));
    let inner = block.inner(popup);
    let (shown, cursor) = prompt.input.view(usize::from(inner.width));
    let help = match &prompt.error {
        Some(error) => Line::styled(fit::truncate(error, inner.width.into()), app.theme.error),
        None => Line::styled(
            fit::truncate(
                ".ris .bib .csl.json .md .json · Enter exports · Esc cancels",
                inner.width.into(),
            ),
            app.theme.dim,
        ),
    };
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    frame.render_widget(
        Paragraph::new(vec![Line::raw(sanitize::line(&shown)), help]),
        inner,
    );
    let x = inner.x + u16::try_from(cursor).unwrap_or(inner.width);
    frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), inner.y));
}

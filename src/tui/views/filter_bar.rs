//! The filter bar on top of the river: the query being typed and, when it does not parse, a
//! caret under the column at fault and what the dimmed rows under it are.

use crate::tui::app::App;
use crate::tui::{fit, sanitize};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// "/ query▏" and, when the worker rejected it, a caret under the column with the reason.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let filter = &app.filter;
    let theme = &app.theme;
    let prompt_width = 2;
    let (shown, cursor) = filter
        .input
        .view(usize::from(area.width).saturating_sub(prompt_width + 1));
    let mut lines = vec![Line::from(vec![
        Span::styled("/ ", theme.accent),
        Span::raw(sanitize::line(&shown)),
    ])];
    if let Some(error) = &filter.error {
        let before: String = filter
            .text()
            .chars()
            .take(error.column.saturating_sub(1))
            .collect();
        let caret =
            (prompt_width + fit::width(&before)).min(usize::from(area.width).saturating_sub(1));
        let message = format!("{}^ {}", " ".repeat(caret), error.message);
        lines.push(Line::styled(
            fit::truncate(&message, area.width.into()),
            theme.error,
        ));
        lines.push(Line::styled(
            fit::truncate(&last_valid(app), area.width.into()),
            theme.dim,
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
    if filter.editing {
        let x = area.x + u16::try_from(prompt_width + cursor).unwrap_or(area.width);
        frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
    }
}

/// What the dimmed rows under a broken query are: "last valid query: sepsis · 22 stories
/// (dimmed)".
fn last_valid(app: &App) -> String {
    let shown = &app.river.shown.text;
    let query = if shown.is_empty() {
        "no filter".to_string()
    } else {
        sanitize::line(shown)
    };
    format!(
        "  last valid query: {query} · {} (dimmed)",
        super::river::counted(app)
    )
}

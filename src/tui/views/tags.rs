//! The tag prompt, just above the status bar, with the completions for the word being typed.

use crate::tui::app::App;
use crate::tui::tagging::TagEditor;
use crate::tui::{fit, sanitize};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

const HEIGHT: u16 = 4;

pub fn draw(frame: &mut Frame, status: Rect, app: &App, editor: &TagEditor) {
    let width = status.width.saturating_sub(4).min(72);
    let popup = Rect {
        x: status.x + (status.width - width) / 2,
        y: status.y.saturating_sub(HEIGHT),
        width,
        height: HEIGHT.min(status.y),
    };
    let title = format!(" Tags · {} ", sanitize::line(&editor.title));
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.border_focused)
        .title(Line::styled(
            fit::truncate(&title, usize::from(width).saturating_sub(2)),
            app.theme.accent,
        ));
    let inner = block.inner(popup);
    let (shown, cursor) = editor.input.view(usize::from(inner.width));
    let lines = vec![
        Line::raw(sanitize::line(&shown)),
        suggestions(app, editor, usize::from(inner.width)),
    ];
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    frame.render_widget(Paragraph::new(lines), inner);
    let x = inner.x + u16::try_from(cursor).unwrap_or(inner.width);
    frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), inner.y));
}

fn suggestions(app: &App, editor: &TagEditor, width: usize) -> Line<'static> {
    let candidates = editor.suggestions(&app.known_tags);
    let completed = editor.completed();
    if candidates.is_empty() && completed.is_none() {
        return Line::styled("Tags separated by spaces; Tab completes", app.theme.dim);
    }
    let mut spans = Vec::new();
    let mut used = 0;
    for tag in completed
        .into_iter()
        .chain(candidates.into_iter().filter(|t| Some(*t) != completed))
    {
        let text = format!("#{} ", sanitize::line(tag));
        used += fit::width(&text);
        if used > width {
            break;
        }
        let style = if Some(tag) == completed {
            app.theme.tag.add_modifier(Modifier::REVERSED)
        } else {
            app.theme.tag
        };
        spans.push(Span::styled(text, style));
    }
    Line::from(spans)
}

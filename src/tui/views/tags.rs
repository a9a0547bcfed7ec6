//! The tag prompt, just above the status bar, with the completions for the word being typed.

use super::window::LinePrompt;
use crate::tui::app::App;
use crate::tui::tagging::TagEditor;
use crate::tui::{fit, sanitize};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame, status: Rect, app: &App, editor: &TagEditor) {
    let width = super::window::inner_width(status.width, 72);
    LinePrompt {
        title: format!("Tags · {}", editor.title),
        input: &editor.input,
        below: vec![suggestions(app, editor, width)],
        max_width: 72,
        typing: true,
    }
    .draw(frame, status, app);
}

fn suggestions(app: &App, editor: &TagEditor, width: usize) -> Line<'static> {
    let candidates = editor.suggestions(&app.known_tags);
    let completed = editor.completed();
    if candidates.is_empty() && completed.is_none() {
        return Line::styled(
            fit::truncate("Tags separated by spaces; Tab completes", width),
            app.theme.dim,
        );
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

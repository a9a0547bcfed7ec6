//! The reader: the article lines rendered in `update`, shown from the scroll offset.

use super::pane_block;
use crate::tui::app::App;
use crate::tui::layout::{self, Focus};
use crate::tui::sanitize;
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let Some(reader) = &app.reader else { return };
    let source = reader
        .item
        .as_ref()
        .map(|item| sanitize::line(&item.source_title));
    let title = Line::from(format!(" {} ", source.as_deref().unwrap_or("Reader")));
    frame.render_widget(
        pane_block(title, app.focus == Focus::Reader, &app.theme),
        area,
    );
    let text = layout::reader_text(area);
    let Some(article) = &reader.article else {
        frame.render_widget(
            Paragraph::new(Line::styled("Loading…", app.theme.dim)),
            text,
        );
        return;
    };
    let visible: Vec<Line> = article
        .lines
        .iter()
        .skip(reader.scroll)
        .take(usize::from(text.height))
        .cloned()
        .collect();
    frame.render_widget(Paragraph::new(visible), text);
    let overflow = article.lines.len().saturating_sub(usize::from(text.height));
    if overflow > 0 {
        let mut state = ScrollbarState::new(overflow).position(reader.scroll);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None);
        frame.render_stateful_widget(bar, area.inner(Margin::new(0, 1)), &mut state);
    }
}

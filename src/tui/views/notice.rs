//! A notice over the screen: every word of it wrapped to fit, links cut across lines rather
//! than shortened.

use super::window::{Window, wrapped};
use crate::tui::app::App;
use crate::tui::notice::Notice;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, notice: &Notice) {
    let width = area.width.saturating_sub(4).min(72);
    let text_width = usize::from(width.saturating_sub(4));
    let mut lines: Vec<Line> = Vec::new();
    for (index, paragraph) in notice.paragraphs.iter().enumerate() {
        if index > 0 {
            lines.push(Line::default());
        }
        // The last paragraph is the link.
        let style = if index + 1 == notice.paragraphs.len() {
            app.theme.link
        } else {
            Style::new()
        };
        lines.extend(wrapped(
            &crate::tui::sanitize::line(paragraph),
            text_width,
            style,
        ));
    }
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let inner = Window::alarm(app, notice.title.as_str())
        .footer(app, " any key closes ")
        .centred(frame, area, width, height);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    frame.render_widget(Paragraph::new(lines), inner);
}

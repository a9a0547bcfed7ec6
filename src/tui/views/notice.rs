//! A notice over the screen: every word of it wrapped to fit, links cut across lines rather
//! than shortened.

use crate::tui::app::App;
use crate::tui::notice::Notice;
use crate::tui::{fit, sanitize};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, notice: &Notice) {
    let width = area.width.saturating_sub(4).min(72);
    let text_width = usize::from(width.saturating_sub(4));
    let mut lines: Vec<Line> = Vec::new();
    for (index, paragraph) in notice.paragraphs.iter().enumerate() {
        if index > 0 {
            lines.push(Line::default());
        }
        let style = if index + 1 == notice.paragraphs.len() {
            app.theme.link
        } else {
            ratatui::style::Style::new()
        };
        lines.extend(
            fit::wrap(&sanitize::line(paragraph), text_width)
                .into_iter()
                .map(|line| Line::styled(line, style)),
        );
    }
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.error)
        .title(Line::styled(
            format!(" {} ", sanitize::line(&notice.title)),
            app.theme.error,
        ))
        .title_bottom(Line::styled(" any key closes ", app.theme.dim).right_aligned());
    let inner = block.inner(popup);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    frame.render_widget(Paragraph::new(lines), inner);
}

//! The help box over everything: the lines of `tui::help`, scrolled, with where you are.

use super::window::Window;
use crate::tui::app::App;
use crate::tui::help;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: usize) {
    let text = help::text_area(area);
    let lines = help::lines(app, usize::from(text.width));
    let total = lines.len();
    let top = help::clamp_scroll(app, scroll);
    let bottom = (top + usize::from(text.height)).min(total);
    let position = if total > usize::from(text.height) {
        format!(
            " {}–{} of {total} · j/k scroll · Esc closes ",
            top + 1,
            bottom
        )
    } else {
        " Esc closes ".to_string()
    };
    Window::new(app, "Keys")
        .footer(app, position)
        .draw_at(frame, help::popup(area));
    let visible: Vec<Line> = lines.into_iter().skip(top).collect();
    frame.render_widget(Paragraph::new(visible), text);
}

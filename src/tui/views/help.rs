//! The help screen, generated from the keymap in force so it cannot drift from the bindings.

use crate::tui::action::{Action, Group};
use crate::tui::app::App;
use crate::tui::fit;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

const KEYS_WIDTH: usize = 22;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: usize) {
    let width = area.width.saturating_sub(4).min(76);
    let height = area.height.saturating_sub(2);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + 1,
        width,
        height,
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.border_focused)
        .title(Line::styled(" Keys ", app.theme.accent))
        .title_bottom(Line::styled(" j/k scroll · Esc closes ", app.theme.dim).right_aligned());
    let inner = block.inner(popup);
    let lines = help_lines(app, usize::from(inner.width));
    let last_top = lines.len().saturating_sub(usize::from(inner.height));
    let visible: Vec<Line> = lines.into_iter().skip(scroll.min(last_top)).collect();
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    frame.render_widget(Paragraph::new(visible), inner);
}

pub fn help_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines = Vec::new();
    let groups = [
        Group::Move,
        Group::Read,
        Group::Triage,
        Group::River,
        Group::Sources,
        Group::General,
    ];
    for group in groups {
        lines.push(Line::styled(group.title(), theme.heading));
        for action in Action::ALL
            .into_iter()
            .filter(|action| action.group() == group)
        {
            let mut keys: Vec<String> = app
                .keymap
                .keys_for(action)
                .map(|key| key.to_string())
                .collect();
            keys.extend(
                app.keymap
                    .layered_keys_for(action)
                    .map(|(layer, key)| format!("{key} ({})", layer.describe())),
            );
            if keys.is_empty() {
                continue;
            }
            let description_width = width.saturating_sub(KEYS_WIDTH + 2);
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {}", fit::pad(&keys.join(" "), KEYS_WIDTH)),
                    theme.accent,
                ),
                Span::raw(fit::truncate(action.description(), description_width)),
            ]));
        }
        lines.push(Line::default());
    }
    let notes = [
        "In the reader, type a link's number to open it (Enter when it has two digits).",
        "Filter: words, \"phrases\", OR, -word, source: category: tag: author: title:,",
        "is:unread is:saved is:alert, has:doi, since:7d, before:2026-10-01.",
    ];
    lines.extend(
        notes
            .iter()
            .map(|note| Line::styled(fit::truncate(note, width), theme.dim)),
    );
    lines
}

//! What a new user sees: no sources yet, and the three ways to get some.

use crate::tui::action::Action;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .title(Line::styled(" rounds ", theme.accent));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let command = |name: &'static str, what: &'static str| {
        Line::from(vec![
            Span::styled(format!("  {name:<20}"), theme.accent),
            Span::raw(what),
        ])
    };
    let key = |action| app.keymap.hint(action).unwrap_or_default();
    let lines = vec![
        Line::styled("Welcome to rounds.", theme.heading),
        Line::default(),
        Line::raw("You do not follow any source yet. In a shell, try one of:"),
        Line::default(),
        command(
            "rounds add URL",
            "follow a feed, a journal or agency page, @user@server",
        ),
        command("rounds import FILE", "import an OPML or newsboat urls file"),
        command(
            "rounds demo",
            "look around with bundled sample feeds, offline",
        ),
        Line::default(),
        Line::raw("then open rounds again."),
        Line::default(),
        Line::styled(
            format!(
                "{} quits · {} lists the keys",
                key(Action::BackOrQuit),
                key(Action::Help)
            ),
            theme.dim,
        ),
    ];
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let [_, middle, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(height),
        Constraint::Fill(1),
    ])
    .areas(inner);
    let [_, text, _] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Max(76),
        Constraint::Fill(1),
    ])
    .areas(middle);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), text);
}

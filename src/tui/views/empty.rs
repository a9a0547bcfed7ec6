//! What a new user sees: no sources yet. The starter pack first (one key imports it all,
//! another picks categories), then the other ways to follow things.

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Layer;
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
    let key = |action| app.keymap.hint(action).unwrap_or_default();
    let first_run_key = |action| {
        app.keymap
            .layered_keys_for(action)
            .find(|(layer, _)| *layer == Layer::FirstRun)
            .map(|(_, key)| key.to_string())
            .unwrap_or_default()
    };
    let offer = |keys: String, what: String| {
        Line::from(vec![
            Span::styled(format!("  {keys:<6}"), theme.accent),
            Span::raw(what),
        ])
    };
    let mut lines = vec![
        Line::styled("Welcome to rounds.", theme.heading),
        Line::default(),
        Line::raw("You do not follow any source yet. Start with the starter pack:"),
    ];
    match &app.starter {
        Some(categories) => {
            let total: usize = categories.iter().map(|(_, count)| count).sum();
            let listed: Vec<String> = categories
                .iter()
                .map(|(name, count)| format!("{name} ({count})"))
                .collect();
            lines.push(Line::styled(
                format!("  {total} clinician sources: {}.", listed.join(", ")),
                theme.dim,
            ));
        }
        None => lines.push(Line::styled("  clinician sources by category.", theme.dim)),
    }
    lines.extend([
        Line::default(),
        offer(
            first_run_key(Action::ImportStarter),
            "import the starter pack".into(),
        ),
        offer(
            first_run_key(Action::PickStarter),
            "pick its categories".into(),
        ),
        offer(
            key(Action::AddSource),
            "follow a feed, a page, @user@server or a Bluesky handle".into(),
        ),
        Line::default(),
        Line::styled(
            "In a shell: rounds add URL, rounds import FILE, or rounds demo to look around.",
            theme.dim,
        ),
        Line::default(),
        Line::styled(
            format!(
                "{} quits · {} lists the keys",
                key(Action::BackOrQuit),
                key(Action::Help)
            ),
            theme.dim,
        ),
    ]);
    // Lines wrap in the 76-column text area: count the rows they take.
    let columns = usize::from(inner.width.min(76)).max(1);
    let rows: usize = lines
        .iter()
        .map(|line| line.width().div_ceil(columns).max(1))
        .sum();
    let height = u16::try_from(rows).unwrap_or(u16::MAX);
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

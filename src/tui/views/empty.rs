//! What a new user sees: no sources yet. The starter pack first (one key imports it all,
//! another picks categories), then the other ways to follow things.

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::fit;
use crate::tui::keymap::Layer;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

/// The text is never wider than this: longer lines are hard to read.
const TEXT_WIDTH: u16 = 76;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .title(Line::styled(" rounds ", theme.accent));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width.min(TEXT_WIDTH)).max(1);
    let key = |action| app.keymap.hint(action).unwrap_or_default();
    let mut lines = vec![
        Line::styled("Welcome to rounds.", theme.heading),
        Line::default(),
    ];
    lines.extend(indented(
        "You do not follow any source yet. Start with the starter pack:",
        0,
        width,
        Style::new(),
    ));
    lines.extend(indented(&starter_summary(app), 2, width, theme.dim));
    lines.push(Line::default());
    lines.extend(offers(app, width));
    lines.push(Line::default());
    lines.extend(indented(
        "In a shell: rounds add URL, rounds import FILE, or rounds demo to look around.",
        0,
        width,
        theme.dim,
    ));
    lines.push(Line::default());
    lines.push(Line::styled(
        format!(
            "{} quits · {} lists the keys",
            key(Action::BackOrQuit),
            key(Action::Help)
        ),
        theme.dim,
    ));
    let text = centred(inner, lines.len());
    frame.render_widget(Paragraph::new(lines), text);
}

/// "25 clinician sources: Public health (7), Regulators (8), …".
fn starter_summary(app: &App) -> String {
    let Some(categories) = &app.starter else {
        return "clinician sources by category.".to_string();
    };
    let total: usize = categories.iter().map(|(_, count)| count).sum();
    let listed: Vec<String> = categories
        .iter()
        .map(|(name, count)| format!("{name} ({count})"))
        .collect();
    format!("{total} clinician sources: {}.", listed.join(", "))
}

/// The keys that follow something: the starter pack (all or by category), or anything else.
fn offers(app: &App, width: usize) -> Vec<Line<'static>> {
    let first_run_key = |action| {
        app.keymap
            .layered_keys_for(action)
            .find(|(layer, _)| *layer == Layer::FirstRun)
            .map(|(_, key)| key.to_string())
            .unwrap_or_default()
    };
    let add = app.keymap.hint(Action::AddSource).unwrap_or_default();
    [
        (
            first_run_key(Action::ImportStarter),
            "import the starter pack",
        ),
        (first_run_key(Action::PickStarter), "pick its categories"),
        (
            add,
            "follow a feed, a page, @user@server or a Bluesky handle",
        ),
    ]
    .into_iter()
    .flat_map(|(keys, what)| {
        let mut lines = indented(what, 8, width, Style::new());
        if let Some(first) = lines.first_mut() {
            first.spans[0] = Span::styled(format!("  {keys:<6}"), app.theme.accent);
        }
        lines
    })
    .collect()
}

/// `text` wrapped to `width` columns, every line of it `indent` columns in.
fn indented(text: &str, indent: usize, width: usize, style: Style) -> Vec<Line<'static>> {
    fit::wrap(text, width.saturating_sub(indent).max(1))
        .into_iter()
        .map(|line| {
            Line::from(vec![
                Span::raw(" ".repeat(indent)),
                Span::styled(line, style),
            ])
        })
        .collect()
}

/// The text's area: `rows` high, in the middle of `inner`, at most `TEXT_WIDTH` wide.
fn centred(inner: Rect, rows: usize) -> Rect {
    let height = u16::try_from(rows).unwrap_or(u16::MAX);
    let [_, middle, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(height),
        Constraint::Fill(1),
    ])
    .areas(inner);
    let [_, text, _] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Max(TEXT_WIDTH),
        Constraint::Fill(1),
    ])
    .areas(middle);
    text
}

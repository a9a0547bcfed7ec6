//! The status bar: a prompt, refresh progress or the last message on the left; key hints on
//! the right.

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Layer;
use crate::tui::layout::Focus;
use crate::tui::status::{Message, RefreshProgress};
use crate::tui::{fit, sanitize};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const GAUGE_CELLS: usize = 10;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let (left, style) = left_text(app);
    // What the program says comes before the key hints: they give way when both do not fit
    // (the message lasts until the next key; the hints come back then).
    let mut hints = hints(app);
    if fit::width(&left) + fit::width(&hints) + 2 > usize::from(area.width) {
        hints.clear();
    }
    let room = usize::from(area.width).saturating_sub(fit::width(&hints) + 2);
    let left = fit::truncate(&left, room);
    let gap = usize::from(area.width).saturating_sub(fit::width(&left) + fit::width(&hints) + 1);
    let line = Line::from(vec![
        Span::styled(format!(" {left}"), style),
        Span::raw(" ".repeat(gap)),
        Span::styled(hints, theme.dim),
    ]);
    frame.render_widget(Paragraph::new(line).style(theme.status), area);
}

fn left_text(app: &App) -> (String, Style) {
    let theme = &app.theme;
    if let Some(prompt) = app
        .reader
        .as_ref()
        .and_then(|reader| reader.link_prompt.as_ref())
    {
        return (
            format!("Open link number: {prompt}▏ Enter opens, Esc cancels"),
            theme.accent,
        );
    }
    if let Some(progress) = app.status.refresh {
        let mut text = refresh_text(progress);
        if app.status.refresh_queued {
            text.push_str(" · another queued");
        }
        return (text, Style::new());
    }
    match &app.status.message {
        Some(Message::Info(text)) => (sanitize::line(text), Style::new()),
        Some(Message::Error(text)) => (sanitize::line(text), theme.error),
        None => (String::new(), Style::new()),
    }
}

/// "Refreshing 12/100 ▰▰▱▱▱▱▱▱▱▱ 5 new, 1 failed"
fn refresh_text(progress: RefreshProgress) -> String {
    if progress.total == 0 {
        return "Refreshing…".to_string();
    }
    let filled = (progress.done * GAUGE_CELLS / progress.total).min(GAUGE_CELLS);
    let gauge: String = "▰".repeat(filled) + &"▱".repeat(GAUGE_CELLS - filled);
    let mut text = format!(
        "Refreshing {}/{} {gauge} {} new",
        progress.done, progress.total, progress.new_items
    );
    if progress.failed > 0 {
        text.push_str(&format!(", {} failed", progress.failed));
    }
    text
}

/// The keys for the few actions that matter where the focus is, from the keymap in force.
fn hints(app: &App) -> String {
    let kept = app.filter.is_kept();
    let actions: &[(Action, &str)] = match app.focus {
        _ if app.filter.editing && app.filter.error.is_some() => {
            return "fix the query, or Esc clears it ".to_string();
        }
        _ if app.filter.editing => return "Enter keeps · Esc clears ".to_string(),
        _ if app.tagging.is_some() => {
            return "Tab completes · Enter saves · Esc cancels ".to_string();
        }
        _ if app.watch_editor.is_some() => return "Esc closes the watches ".to_string(),
        _ if app.exporting.is_some() => return "Enter exports · Esc cancels ".to_string(),
        _ if app.admin.is_some() => return String::new(),
        _ if app.sources.is_empty() => &[
            (Action::AddSource, "follow"),
            (Action::Help, "help"),
            (Action::BackOrQuit, "quit"),
        ],
        Focus::Reader if app.reader.as_ref().is_some_and(|r| r.versions.len() > 1) => &[
            (Action::OpenInBrowser, "browser"),
            (Action::NextVersion, "next version"),
            (Action::BackOrQuit, "back"),
            (Action::Help, "help"),
        ],
        Focus::Reader => &[
            (Action::OpenInBrowser, "browser"),
            (Action::FollowLink, "link"),
            (Action::BackOrQuit, "back"),
            (Action::Help, "help"),
        ],
        Focus::Sources if app.panes().sources_over_river => &[
            (Action::Open, "show its items"),
            (Action::Back, "close"),
            (Action::Help, "help"),
        ],
        Focus::Sources if kept => &[
            (Action::Open, "river"),
            (Action::Help, "help"),
            (Action::BackOrQuit, "clear filter"),
        ],
        Focus::Sources => &[
            (Action::Open, "river"),
            (Action::AddSource, "add"),
            (Action::SourceHealth, "health"),
            (Action::Help, "help"),
            (Action::BackOrQuit, "quit"),
        ],
        Focus::River if kept => &[
            (Action::Back, "clear filter"),
            (Action::Filter, "edit filter"),
            (Action::Save, "save"),
            (Action::Help, "help"),
        ],
        // No sources pane beside the river: say how to bring it.
        Focus::River if app.panes().sources_over_river => &[
            (Action::Filter, "filter"),
            (Action::Sources, "sources"),
            (Action::Help, "help"),
            (Action::BackOrQuit, "quit"),
        ],
        Focus::River if !app.pinned.is_empty() => &[
            (Action::Acknowledge, "acknowledge"),
            (Action::Filter, "filter"),
            (Action::Help, "help"),
            (Action::BackOrQuit, "quit"),
        ],
        Focus::River => &[
            (Action::Filter, "filter"),
            (Action::Save, "save"),
            (Action::Help, "help"),
            (Action::BackOrQuit, "quit"),
        ],
    };
    // In the sources pane, a key of its own layer is the one to show (`a` adds there).
    let layered = |action: Action| {
        app.keymap
            .layered_keys_for(action)
            .find(|(layer, _)| app.focus == Focus::Sources && *layer == Layer::SourcesPane)
            .map(|(_, key)| key.to_string())
    };
    let parts: Vec<String> = actions
        .iter()
        .filter_map(|(action, label)| {
            layered(*action)
                .or_else(|| app.keymap.hint(*action))
                .map(|key| format!("{key} {label}"))
        })
        .collect();
    format!("{} ", parts.join(" · "))
}

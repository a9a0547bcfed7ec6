//! The help screen's content, generated from the keymap in force so it cannot drift from the
//! bindings, and wrapped to the terminal: its geometry is shared by the view and by `update`
//! (which keeps the scroll within the text).

use super::action::{Action, Group};
use super::app::App;
use super::fit;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// The help box is never wider than this: longer lines are hard to read.
const MAX_WIDTH: u16 = 100;
/// The keys column, at most.
const KEYS_WIDTH: usize = 22;

/// Where the help box goes on a screen of `area`.
pub fn popup(area: Rect) -> Rect {
    let width = area.width.saturating_sub(4).min(MAX_WIDTH);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + 1,
        width,
        height: area.height.saturating_sub(2),
    }
}

/// Inside the box's border.
pub fn text_area(area: Rect) -> Rect {
    crate::tui::layout::inner(popup(area))
}

/// The first line shown when scrolled to `scroll`: never past the last screenful.
pub fn clamp_scroll(app: &App, scroll: usize) -> usize {
    let text = text_area(app.area);
    let count = lines(app, usize::from(text.width)).len();
    scroll.min(count.saturating_sub(usize::from(text.height)))
}

/// Every line of help for a text `width` columns wide: each group of keys, then notes.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines = Vec::new();
    for group in [
        Group::Move,
        Group::Read,
        Group::Triage,
        Group::River,
        Group::Sources,
        Group::General,
    ] {
        lines.push(Line::styled(group.title(), theme.heading));
        for action in Action::ALL.into_iter().filter(|a| a.group() == group) {
            lines.extend(key_lines(app, action, width));
        }
        lines.push(Line::default());
    }
    lines.push(Line::styled("Good to know", theme.heading));
    for note in notes(app) {
        for (index, text) in fit::wrap(&note, width.saturating_sub(4))
            .into_iter()
            .enumerate()
        {
            let indent = if index == 0 { "  • " } else { "    " };
            lines.push(Line::raw(format!("{indent}{text}")));
        }
    }
    lines
}

/// "  j ↓          next item / scroll down", the description wrapped under itself.
fn key_lines(app: &App, action: Action, width: usize) -> Vec<Line<'static>> {
    let mut keys: Vec<String> = app.keymap.keys_for(action).map(|k| k.to_string()).collect();
    keys.extend(
        app.keymap
            .layered_keys_for(action)
            .map(|(layer, key)| format!("{key} ({})", layer.describe())),
    );
    if keys.is_empty() {
        return Vec::new();
    }
    let keys_width = KEYS_WIDTH.min(width / 3);
    let indent = 2 + keys_width + 1;
    let description = fit::wrap(action.description(), width.saturating_sub(indent).max(8));
    description
        .into_iter()
        .enumerate()
        .map(|(index, text)| {
            let keys = if index == 0 {
                fit::pad(&keys.join(" "), keys_width)
            } else {
                " ".repeat(keys_width)
            };
            Line::from(vec![
                Span::styled(format!("  {keys} "), app.theme.accent),
                Span::raw(text),
            ])
        })
        .collect()
}

/// What the key list cannot say, with the keys in force.
fn notes(app: &App) -> Vec<String> {
    let key = |action| app.keymap.hint(action).unwrap_or_else(|| "?".into());
    let (filter, back, quit) = (
        key(Action::Filter),
        key(Action::Back),
        key(Action::BackOrQuit),
    );
    vec![
        format!(
            "{filter} opens the filter bar and filters as you type. Enter keeps the filter; \
             {back} in the bar clears it. While a kept filter applies, {back} in the river or \
             {quit} clears it (the footer says so)."
        ),
        "A query that does not parse applies nothing: the rows under the error are the last \
         valid query's, dimmed, with their count."
            .to_string(),
        format!(
            "{back} steps back: it closes the reader, this help or the sources shown over the \
             river, clears a kept filter, then moves from the river to the sources pane. {} \
             moves between panes; {} shows the sources (over the river on a narrow terminal).",
            key(Action::FocusNext),
            key(Action::Sources),
        ),
        format!(
            "! after a source's name: its last fetch failed. {} shows every source's health and \
             why; so does `rounds sources` in a shell. ! after a watch's name: it is urgent, its \
             alerts are pinned.",
            key(Action::SourceHealth)
        ),
        format!(
            "Urgent alerts stay pinned above the river, in every lane and filter, until {} \
             acknowledges them (k from the first row reaches them); reading does not. ! in the \
             river marks an item a watch alerted. {} manages the watches: it saves the filter \
             as one.",
            key(Action::Acknowledge),
            key(Action::Watches)
        ),
        "Mouse: the wheel scrolls the pane under the pointer; a click selects an item or a \
         source, and a click on the selected item opens it."
            .to_string(),
        "In the reader, type a link's number to open it (Enter when it has two digits)."
            .to_string(),
        "Query: words, \"phrases\", prefix*, OR, -word or NOT word, ( ); source: category: \
         tag: (or #tag) author: title: journal: doi: pmid: nct: watch:; is:unread is:read \
         is:saved is:alert is:urgent is:preprint is:retracted; has:doi has:pmid has:pmcid \
         has:nct has:tag has:enclosure; since:7d since:2026-11-01 before:2026-10-01."
            .to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    /// Every field, `is:` and `has:` of the README's query block is in the help's summary.
    #[test]
    fn the_query_summary_names_everything_the_readme_lists() {
        let readme = include_str!("../../README.md");
        let block = readme
            .split("### Queries")
            .nth(1)
            .and_then(|rest| rest.split("```").nth(1))
            .expect("the README's query block");
        let app = App::new(&Config::default(), chrono::Utc::now(), 100, 40);
        let help = notes(&app).join(" ");
        let mut checked = 0;
        for word in block.split_whitespace() {
            let Some((name, value)) = word.split_once(':') else {
                continue;
            };
            if !name.chars().all(|c| c.is_ascii_lowercase()) || name.is_empty() {
                continue;
            }
            let wanted = match name {
                "is" | "has" => format!("{name}:{value}"),
                _ => format!("{name}:"),
            };
            assert!(help.contains(&wanted), "help does not mention {wanted}");
            checked += 1;
        }
        assert!(checked > 25, "the README block was read ({checked} terms)");
    }
}

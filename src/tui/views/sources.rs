//! The sources pane: the watches with their unacknowledged alerts, categories with their
//! unread counts, sources under them, failing ones marked.

use super::{pane_block, thousands};
use crate::model::Watch;
use crate::tui::app::App;
use crate::tui::layout::{self, Focus};
use crate::tui::sources::{SourceRow, is_failing};
use crate::tui::{fit, sanitize};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

const FAILING_MARK: &str = "!";

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let focused = app.focus == Focus::Sources;
    frame.render_widget(Clear, area);
    frame.render_widget(
        pane_block(Line::from(" Sources "), focused, &app.theme),
        area,
    );
    let inner = layout::inner(area);
    let pane = &app.sources;
    let lines: Vec<Line> = pane
        .rows
        .iter()
        .enumerate()
        .skip(pane.top)
        .take(usize::from(inner.height))
        .map(|(index, row)| {
            let line = row_line(app, row, usize::from(inner.width));
            if index != pane.selected {
                line
            } else if focused {
                app.theme.select(line)
            } else {
                line.patch_style(app.theme.accent)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn row_line<'a>(app: &App, row: &SourceRow, width: usize) -> Line<'a> {
    let theme = &app.theme;
    let (name, count, name_style, failing) = match row {
        SourceRow::All { unread } => ("All sources".to_string(), *unread, theme.heading, false),
        SourceRow::Category { name, unread } => {
            let label = name.as_deref().map_or("No category".to_string(), |n| {
                capitalize(&sanitize::line(n))
            });
            (label, *unread, theme.heading, false)
        }
        SourceRow::Source(index) => {
            let source = &app.sources.sources[*index];
            let title = format!("  {}", sanitize::line(&source.title));
            (title, source.unread_count, Style::new(), is_failing(source))
        }
        SourceRow::Watches { unacknowledged } => {
            ("Watches".to_string(), *unacknowledged, theme.heading, false)
        }
        SourceRow::Watch(index) => return watch_line(app, &app.sources.watches[*index], width),
    };
    let count_style = if count > 0 { theme.unread } else { theme.dim };
    counted_line(app, name, name_style, count, count_style, failing, width)
}

/// A watch: `  safety !` in the error colour when urgent, with its unacknowledged alerts.
fn watch_line<'a>(app: &App, watch: &Watch, width: usize) -> Line<'a> {
    let theme = &app.theme;
    let (name_style, count_style) = match (watch.urgent, watch.unacknowledged > 0) {
        (true, true) => (theme.error, theme.error),
        (_, true) => (Style::new(), theme.unread),
        (_, false) => (Style::new(), theme.dim),
    };
    let name = format!(
        "  {}{}",
        sanitize::line(&watch.name),
        if watch.urgent { " !" } else { "" }
    );
    counted_line(
        app,
        name,
        name_style,
        watch.unacknowledged,
        count_style,
        false,
        width,
    )
}

fn counted_line<'a>(
    app: &App,
    name: String,
    name_style: Style,
    count: u64,
    count_style: Style,
    failing: bool,
    width: usize,
) -> Line<'a> {
    let count = if count > 0 {
        thousands(usize::try_from(count).unwrap_or(usize::MAX))
    } else {
        String::new()
    };
    let mark = if failing { FAILING_MARK } else { " " };
    let name_width = width.saturating_sub(fit::width(&count) + 2);
    Line::from(vec![
        Span::styled(fit::pad(&name, name_width), name_style),
        Span::styled(format!(" {count}"), count_style),
        Span::styled(mark.to_string(), app.theme.error),
    ])
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

//! Drawing the watches: the pinned lane at the top of the river, the river's alert marker, and
//! the watch editor's window. Pure functions of the state.

use super::editor::{EditorMode, WatchEditor};
use crate::model::{AlertState, ItemSummary, Watch};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::clock::{self, AGE_WIDTH};
use crate::tui::views::Columns;
use crate::tui::{fit, sanitize};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

/// Marks an item a watch alerted; pinned items carry it in the error colour.
pub const ALERT_MARK: &str = "!";

/// The river's alert column for a row: `!` unacknowledged, dim `!` acknowledged.
pub fn alert_mark(app: &App, row: &ItemSummary) -> Span<'static> {
    match row.alert {
        AlertState::None => Span::raw(" "),
        AlertState::Acknowledged => Span::styled(ALERT_MARK, app.theme.dim),
        AlertState::Unacknowledged | AlertState::Urgent => {
            Span::styled(ALERT_MARK, app.theme.error)
        }
    }
}

/// The pinned lane: one row per urgent item in the error colour, with its watches, and a rule
/// that says how many wait and which key acknowledges.
pub fn draw_pinned(frame: &mut Frame, area: Rect, app: &App, list_height: usize) {
    let pinned = &app.pinned;
    let visible = pinned.visible_rows(list_height);
    let width = usize::from(area.width);
    let focused = app.pinned_selected();
    let mut lines: Vec<Line> = (pinned.top..pinned.len().min(pinned.top + visible))
        .map(|index| {
            let line = pinned_line(app, &pinned.rows[index], width);
            if focused && pinned.selected == Some(index) {
                app.theme.select(line)
            } else {
                line
            }
        })
        .collect();
    lines.push(rule(app, visible, width));
    frame.render_widget(Paragraph::new(lines), area);
}

/// `  2h FDA recalls  ! [safety] Harborview Biologics Recalls Albumin…`
fn pinned_line(app: &App, row: &ItemSummary, width: usize) -> Line<'static> {
    let theme = &app.theme;
    // The river's source column, so the pinned rows line up with the rows under them.
    let source_width = Columns::for_width(width, true).source.max(6);
    let age = fit::truncate(&clock::relative(app.now, row.published), AGE_WIDTH);
    let time = format!("{age:>AGE_WIDTH$} ");
    let source = format!(
        "{} ",
        fit::pad(&sanitize::line(&row.source_title), source_width)
    );
    let watches = format!("[{}] ", sanitize::line(&row.watches.join(", ")));
    let room = width.saturating_sub(AGE_WIDTH + 1 + source_width + 1 + 2 + fit::width(&watches));
    let title_style = if row.read {
        theme.error
    } else {
        theme.error.add_modifier(Modifier::BOLD)
    };
    Line::from(vec![
        Span::styled(time, theme.dim),
        Span::styled(source, theme.dim),
        Span::styled(
            format!("{ALERT_MARK} "),
            theme.error.add_modifier(Modifier::BOLD),
        ),
        Span::styled(watches, theme.error.add_modifier(Modifier::BOLD)),
        Span::styled(fit::pad(&sanitize::line(&row.title), room), title_style),
    ])
}

/// `── 3 urgent, pinned until acknowledged · a acknowledges ──────`
fn rule(app: &App, visible: usize, width: usize) -> Line<'static> {
    let count = app.pinned.len();
    let shown = if visible < count {
        format!(
            "{}–{} of {count} urgent",
            app.pinned.top + 1,
            app.pinned.top + visible
        )
    } else {
        format!("{count} urgent")
    };
    let key = app.keymap.hint(Action::Acknowledge).unwrap_or_default();
    let text = format!("── {shown}, pinned until acknowledged · {key} acknowledges ");
    let text = fit::truncate(&text, width);
    let fill = "─".repeat(width.saturating_sub(fit::width(&text)));
    Line::styled(format!("{text}{fill}"), app.theme.error)
}

/// The editor's window, centred over the screen.
pub fn draw_editor(frame: &mut Frame, area: Rect, app: &App, editor: &WatchEditor) {
    let watches = &app.sources.watches;
    let width = area.width.saturating_sub(4).min(96);
    let wanted = u16::try_from(watches.len().max(1) + 5).unwrap_or(u16::MAX);
    let height = wanted
        .min(area.height.saturating_sub(2))
        .max(3.min(area.height));
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.border_focused)
        .title(Line::styled(" Watches ", app.theme.accent));
    let inner = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    let list_height = usize::from(inner.height.saturating_sub(3));
    let top = editor
        .selected
        .saturating_sub(list_height.saturating_sub(1));
    let inner_width = usize::from(inner.width);
    let mut lines: Vec<Line> = if watches.is_empty() {
        vec![Line::styled(
            "No watches yet. Filter with /, then W and n save the filter as one.",
            app.theme.dim,
        )]
    } else {
        watches
            .iter()
            .enumerate()
            .skip(top)
            .take(list_height)
            .map(|(index, watch)| {
                let line = watch_line(app, watch, inner_width);
                if index == editor.selected {
                    app.theme.select(line)
                } else {
                    line
                }
            })
            .collect()
    };
    lines.resize(list_height.max(lines.len()), Line::default());
    lines.truncate(list_height);
    lines.push(context_line(app, editor, inner_width));
    let (prompt, cursor) = prompt_line(app, editor, inner_width);
    lines.push(prompt);
    lines.push(Line::styled(
        fit::truncate(hints(editor), inner_width),
        app.theme.dim,
    ));
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some(column) = cursor {
        let x = inner.x + u16::try_from(column).unwrap_or(inner.width);
        let y = inner.y + u16::try_from(list_height + 1).unwrap_or(0);
        if y < inner.bottom() {
            frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), y));
        }
    }
}

/// `! safety      3 new  recall OR "market withdrawal" …`
fn watch_line(app: &App, watch: &Watch, width: usize) -> Line<'static> {
    let theme = &app.theme;
    let mark = if watch.urgent { ALERT_MARK } else { " " };
    let name = fit::pad(&sanitize::line(&watch.name), 14);
    let count = format!("{:>4} new ", watch.unacknowledged);
    let room = width.saturating_sub(2 + 14 + 1 + fit::width(&count));
    let name_style = if watch.urgent {
        theme.error
    } else {
        Style::new()
    };
    Line::from(vec![
        Span::styled(format!("{mark} "), theme.error),
        Span::styled(name, name_style.add_modifier(Modifier::BOLD)),
        Span::raw(" "),
        Span::styled(
            count,
            if watch.unacknowledged > 0 {
                theme.unread
            } else {
                theme.dim
            },
        ),
        Span::styled(
            fit::truncate(&sanitize::line(&watch.query), room),
            theme.dim,
        ),
    ])
}

/// The prompt, the confirmation or the error, with the cursor's column when typing.
fn prompt_line(app: &App, editor: &WatchEditor, width: usize) -> (Line<'static>, Option<usize>) {
    if let Some(error) = &editor.error {
        return (
            Line::styled(
                fit::truncate(&sanitize::line(error), width),
                app.theme.error,
            ),
            None,
        );
    }
    let selected = app.sources.watches.get(editor.selected);
    let label = match &editor.mode {
        EditorMode::Browse => {
            let notice = editor.notice.as_deref().unwrap_or_default();
            let line = Line::styled(
                fit::truncate(&sanitize::line(notice), width),
                app.theme.accent,
            );
            return (line, None);
        }
        EditorMode::ConfirmDelete => {
            let text = selected.map_or(String::new(), |watch| {
                let alerts = match watch.alerts {
                    1 => "1 alert".to_string(),
                    n => format!("{n} alerts"),
                };
                format!(
                    "Delete the watch {} and its {alerts}? y deletes, any other key keeps it",
                    sanitize::line(&watch.name),
                )
            });
            return (
                Line::styled(fit::truncate(&text, width), app.theme.error),
                None,
            );
        }
        EditorMode::Naming(_) => "Name: ".to_string(),
        EditorMode::Renaming(_) => "New name: ".to_string(),
        EditorMode::EditingQuery(_) => "Query: ".to_string(),
    };
    let Some(input) = editor.input() else {
        return (Line::default(), None);
    };
    let room = width.saturating_sub(fit::width(&label) + 1);
    let (shown, cursor) = input.view(room);
    let column = fit::width(&label) + cursor;
    let line = Line::from(vec![
        Span::styled(label, app.theme.accent),
        Span::raw(sanitize::line(&shown)),
    ]);
    (line, Some(column))
}

/// Above the prompt: the query a new watch will have.
fn context_line(app: &App, editor: &WatchEditor, width: usize) -> Line<'static> {
    match editor.mode {
        EditorMode::Naming(_) => Line::styled(
            fit::truncate(
                &format!("New watch: {}", sanitize::line(&editor.filter)),
                width,
            ),
            app.theme.dim,
        ),
        _ => Line::default(),
    }
}

fn hints(editor: &WatchEditor) -> &'static str {
    match editor.mode {
        EditorMode::Browse => {
            "n new from the filter · r rename · e query · u urgent · d delete · Enter alerts · Esc close"
        }
        EditorMode::ConfirmDelete => "y deletes · any other key keeps it",
        _ => "Enter saves · Esc cancels",
    }
}

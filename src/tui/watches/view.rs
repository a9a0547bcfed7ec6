//! Drawing the watches: the pinned lane at the top of the river, the river's alert marker, and
//! the watch editor's window. Pure functions of the state.

use super::editor::{EditorMode, WatchEditor};
use crate::model::{AlertState, ItemSummary, Watch};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::clock::{self, AGE_WIDTH};
use crate::tui::views::window::{Window, input_line, place_cursor, wrapped};
use crate::tui::views::{self, Columns};
use crate::tui::{fit, sanitize};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

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

/// `  2h FDA recalls  ●  ! [safety] Harborview Biologics Recalls Albumin…`: the river's
/// columns, then the watches that pinned it.
fn pinned_line(app: &App, row: &ItemSummary, width: usize) -> Line<'static> {
    let theme = &app.theme;
    let columns = Columns::for_width(width, true);
    let source_width = columns.source.max(6);
    let age = fit::truncate(&clock::relative(app.now, row.published), AGE_WIDTH);
    let mut spans = vec![
        Span::styled(format!("{age:>AGE_WIDTH$} "), theme.dim),
        Span::styled(
            format!(
                "{} ",
                fit::pad(&sanitize::line(&row.source_title), source_width)
            ),
            theme.dim,
        ),
    ];
    spans.extend(views::marks(app, row));
    let watches = format!("[{}] ", sanitize::line(&row.watches.join(", ")));
    let room = width.saturating_sub(AGE_WIDTH + 1 + source_width + 1 + 4 + fit::width(&watches));
    let title_style = if row.read {
        theme.error
    } else {
        theme.error.add_modifier(Modifier::BOLD)
    };
    spans.push(Span::styled(
        watches,
        theme.error.add_modifier(Modifier::BOLD),
    ));
    spans.push(Span::styled(
        fit::pad(&sanitize::line(&row.title), room),
        title_style,
    ));
    Line::from(spans)
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

/// The editor's window, centred over the screen: the watches, then what is being typed or
/// asked, the last error or notice and the keys, wrapped to the window.
pub fn draw_editor(frame: &mut Frame, area: Rect, app: &App, editor: &WatchEditor) {
    let watches = &app.sources.watches;
    let width = area.width.saturating_sub(4).min(96);
    let inner_width = usize::from(width.saturating_sub(2));
    let (prompt, cursor) = prompt_lines(app, editor, inner_width);
    let mut below = vec![context_line(app, editor, inner_width)];
    below.extend(prompt);
    if let Some(error) = &editor.error {
        below.extend(wrapped(error, inner_width, app.theme.error));
    }
    below.extend(wrapped(hints(editor), inner_width, app.theme.dim));
    let wanted = u16::try_from(watches.len().max(1) + below.len() + 2).unwrap_or(u16::MAX);
    let height = wanted
        .min(area.height.saturating_sub(2))
        .max(3.min(area.height));
    let inner = Window::new(app, "Watches").centred(frame, area, width, height);
    let list_height = usize::from(inner.height).saturating_sub(below.len()).max(1);
    let mut lines = list_lines(app, editor, list_height, inner_width);
    lines.resize(list_height, Line::default());
    lines.extend(below);
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some(column) = cursor {
        // Under the list and the context line.
        place_cursor(frame, inner, column, list_height + 1);
    }
}

/// The watches that fit in `height` rows, the selected one in view.
fn list_lines(app: &App, editor: &WatchEditor, height: usize, width: usize) -> Vec<Line<'static>> {
    let watches = &app.sources.watches;
    if watches.is_empty() {
        return vec![Line::styled(
            fit::truncate(
                "No watches yet. Filter with /, then W and n save the filter as one.",
                width,
            ),
            app.theme.dim,
        )];
    }
    let top = editor.selected.saturating_sub(height.saturating_sub(1));
    watches
        .iter()
        .enumerate()
        .skip(top)
        .take(height)
        .map(|(index, watch)| {
            let line = watch_line(app, watch, width);
            if index == editor.selected {
                app.theme.select(line)
            } else {
                line
            }
        })
        .collect()
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

/// The prompt being typed (with the cursor's column), the confirmation asked, or the notice
/// of the last change.
fn prompt_lines(
    app: &App,
    editor: &WatchEditor,
    width: usize,
) -> (Vec<Line<'static>>, Option<usize>) {
    let label = match &editor.mode {
        EditorMode::Browse => {
            let notice = editor.notice.as_deref().unwrap_or_default();
            return (wrapped(notice, width, app.theme.accent), None);
        }
        EditorMode::ConfirmDelete => {
            let question = app
                .sources
                .watches
                .get(editor.selected)
                .map_or(String::new(), deletion_question);
            return (wrapped(&question, width, app.theme.error), None);
        }
        EditorMode::Naming(_) => "Name: ",
        EditorMode::Renaming(_) => "New name: ",
        EditorMode::EditingQuery(_) => "Query: ",
    };
    let Some(input) = editor.input() else {
        return (Vec::new(), None);
    };
    let (line, cursor) = input_line(Span::styled(label, app.theme.accent), input, width);
    (vec![line], Some(cursor))
}

fn deletion_question(watch: &Watch) -> String {
    let alerts = match watch.alerts {
        1 => "1 alert".to_string(),
        n => format!("{n} alerts"),
    };
    format!(
        "Delete the watch {} and its {alerts}?",
        sanitize::line(&watch.name),
    )
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

//! Drawing the sources panels: pure functions of the state, sanitizing every feed string.

pub(super) mod health;

use super::{AddPrompt, Chooser, Panel, RemovalConfirm, SourceEditor, StarterPicker};
use crate::tui::app::App;
use crate::tui::sources_admin::EditorField;
use crate::tui::views::window::{LinePrompt, Window, inner_width, place_cursor, wrapped};
use crate::tui::{fit, sanitize};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, status: Rect, app: &App) {
    match &app.admin {
        Some(Panel::Add(prompt)) => draw_add(frame, status, app, prompt),
        Some(Panel::Choose(chooser)) => draw_chooser(frame, area, app, chooser),
        Some(Panel::Edit(editor)) => draw_editor(frame, area, app, editor),
        Some(Panel::ConfirmRemove(confirm)) => draw_confirm(frame, area, app, confirm),
        Some(Panel::Health { scroll }) => health::draw(frame, area, app, *scroll),
        Some(Panel::Starter(picker)) => draw_starter(frame, area, app, picker),
        None => {}
    }
}

/// A window of `width`×`height` centred in `area`, kept a little inside it; returns its inside.
fn centred(frame: &mut Frame, area: Rect, app: &App, title: String, size: (u16, u16)) -> Rect {
    let width = size.0.min(area.width.saturating_sub(2)).max(10);
    let height = size.1.min(area.height.saturating_sub(1)).max(3);
    Window::new(app, title).centred(frame, area, width, height)
}

const ADD_WIDTH: u16 = 90;
const ADD_HELP: &str = "A feed or page URL, @user@instance, #tag@instance, name.bsky.social, r/sub, x.com/NAME · Enter follows · Esc cancels";

/// The add prompt sits just above the status bar, like the tag prompt; an error grows it.
fn draw_add(frame: &mut Frame, status: Rect, app: &App, prompt: &AddPrompt) {
    let width = inner_width(status.width, ADD_WIDTH);
    let below = match (&prompt.pending, &prompt.error) {
        (Some(target), _) => wrapped(
            &format!("Looking for feeds at {}…", sanitize::line(target)),
            width,
            app.theme.dim,
        ),
        (None, Some(error)) => wrapped(error, width, app.theme.error),
        (None, None) => wrapped(ADD_HELP, width, app.theme.dim),
    };
    LinePrompt {
        title: "Follow".to_string(),
        input: &prompt.input,
        below,
        max_width: ADD_WIDTH,
        typing: prompt.pending.is_none(),
    }
    .draw(frame, status, app);
}

fn draw_chooser(frame: &mut Frame, area: Rect, app: &App, chooser: &Chooser) {
    let title = format!("Feeds at {}", chooser.target);
    let height = chooser.choices.len() as u16 + 4;
    let inner = centred(frame, area, app, title, (76, height));
    let choices = chooser.choices.iter().enumerate().map(|(index, choice)| {
        let title = choice
            .title
            .as_deref()
            .map(sanitize::line)
            .unwrap_or_else(|| "(untitled)".to_string());
        format!("{}. {title}  {}", index + 1, sanitize::line(&choice.url))
    });
    let hint = "Enter or 1-9 follows · a follows all · Esc cancels";
    let lines = choice_lines(app, choices, chooser.selected, hint, inner.width);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// One line per choice, the selected one highlighted across the width; then the keys.
fn choice_lines(
    app: &App,
    choices: impl Iterator<Item = String>,
    selected: usize,
    hint: &str,
    width: u16,
) -> Vec<Line<'static>> {
    let width = usize::from(width);
    let mut lines: Vec<Line> = choices
        .enumerate()
        .map(|(index, text)| {
            let line = Line::raw(fit::pad(&text, width));
            if index == selected {
                line.patch_style(app.theme.selection)
            } else {
                line
            }
        })
        .collect();
    lines.push(Line::default());
    lines.extend(wrapped(hint, width, app.theme.dim));
    lines
}

const LABEL_WIDTH: usize = 15;
const EDITOR_WIDTH: u16 = 72;
const EDITOR_HELP: &str = "Tab moves · Enter saves · Esc cancels · interval: 15m, 2h, 1d or empty";

fn draw_editor(frame: &mut Frame, area: Rect, app: &App, editor: &SourceEditor) {
    let width = usize::from(
        EDITOR_WIDTH
            .min(area.width.saturating_sub(2))
            .saturating_sub(2),
    );
    let footer = match &editor.error {
        Some(error) => wrapped(error, width, app.theme.error),
        None => wrapped(EDITOR_HELP, width, app.theme.dim),
    };
    let height = (EditorField::ALL.len() + 1 + footer.len() + 2) as u16;
    let title = format!("Edit · {}", editor.original_title);
    let inner = centred(frame, area, app, title, (EDITOR_WIDTH, height));
    let mut lines = Vec::new();
    let mut cursor = None;
    for (index, field) in EditorField::ALL.iter().enumerate() {
        let (line, at) = field_line(app, editor, index, *field, usize::from(inner.width));
        if index == editor.focus {
            cursor = Some((at, index));
        }
        lines.push(line);
    }
    lines.push(Line::default());
    lines.extend(footer);
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some((column, row)) = cursor {
        place_cursor(frame, inner, column, row);
    }
}

/// "Title          The BMJ", with the cursor's column when the field has the focus.
fn field_line(
    app: &App,
    editor: &SourceEditor,
    index: usize,
    field: EditorField,
    width: usize,
) -> (Line<'static>, usize) {
    let focused = index == editor.focus;
    let (shown, at) = editor.fields[index].view(width.saturating_sub(LABEL_WIDTH));
    let label_style = if focused {
        app.theme.accent
    } else {
        app.theme.dim
    };
    let mut value = sanitize::line(&shown);
    if value.is_empty() && field == EditorField::Every && !focused {
        value = "its category's default".to_string();
    }
    let line = Line::from(vec![
        Span::styled(fit::pad(field.label(), LABEL_WIDTH), label_style),
        Span::raw(value),
    ]);
    (line, LABEL_WIDTH + at)
}

fn draw_confirm(frame: &mut Frame, area: Rect, app: &App, confirm: &RemovalConfirm) {
    let title = format!("Stop following {}?", confirm.title);
    let width = usize::from(64u16.min(area.width.saturating_sub(2)).saturating_sub(2));
    let mut text = format!(
        "{} of this source will be deleted.",
        crate::tui::status::plural(confirm.deleted as usize, "item")
    );
    if confirm.kept > 0 {
        text.push_str(&format!(
            " {} saved or tagged are kept, under Removed sources.",
            confirm.kept
        ));
    }
    let mut lines = wrapped(&text, width, ratatui::style::Style::new());
    lines.push(Line::default());
    lines.extend(wrapped(
        "y removes it · n or Esc keeps it",
        width,
        app.theme.dim,
    ));
    let height = lines.len() as u16 + 2;
    let inner = centred(frame, area, app, title, (64, height));
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_starter(frame: &mut Frame, area: Rect, app: &App, picker: &StarterPicker) {
    let height = picker.categories.len() as u16 + 4;
    let title = "The starter pack".to_string();
    let inner = centred(frame, area, app, title, (56, height));
    let categories = picker.categories.iter().map(|(name, count, chosen)| {
        let mark = if *chosen { "[x]" } else { "[ ]" };
        format!("{mark} {name} ({count})")
    });
    let hint = "Space ticks · Enter imports · Esc cancels";
    let lines = choice_lines(app, categories, picker.selected, hint, inner.width);
    frame.render_widget(Paragraph::new(lines), inner);
}

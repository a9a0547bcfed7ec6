//! Drawing the sources panels: pure functions of the state, sanitizing every feed string.

mod health;

use super::{AddPrompt, Chooser, Panel, RemovalConfirm, SourceEditor, StarterPicker};
use crate::tui::app::App;
use crate::tui::sources_admin::EditorField;
use crate::tui::{fit, sanitize};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

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

/// A framed popup of `width`×`height` centred in `area` (clipped to it), cleared.
fn popup(frame: &mut Frame, area: Rect, width: u16, height: u16, title: String, app: &App) -> Rect {
    let width = width.min(area.width.saturating_sub(2)).max(10);
    let height = height.min(area.height.saturating_sub(1)).max(3);
    let rect = Rect {
        x: area.x + (area.width.saturating_sub(width)) / 2,
        y: area.y + (area.height.saturating_sub(height)) / 2,
        width,
        height,
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.border_focused)
        .title(Line::styled(
            fit::truncate(&title, usize::from(width).saturating_sub(2)),
            app.theme.accent,
        ));
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    inner
}

/// The add prompt sits just above the status bar, like the tag prompt; an error grows it.
fn draw_add(frame: &mut Frame, status: Rect, app: &App, prompt: &AddPrompt) {
    let width = status.width.saturating_sub(4).min(90);
    let inner_width = usize::from(width.saturating_sub(2));
    let (hint, style) = match (&prompt.pending, &prompt.error) {
        (Some(target), _) => (
            format!("Looking for feeds at {}…", sanitize::line(target)),
            app.theme.dim,
        ),
        (None, Some(error)) => (sanitize::multiline(error), app.theme.error),
        (None, None) => (
            "A feed or page URL, @user@instance, #tag@instance, name.bsky.social, r/sub, x.com/NAME · Enter follows · Esc cancels".to_string(),
            app.theme.dim,
        ),
    };
    let hint_lines: Vec<Line> = wrap(&hint, inner_width)
        .into_iter()
        .map(|line| Line::styled(line, style))
        .collect();
    let height = (hint_lines.len() as u16 + 3).min(status.y);
    let rect = Rect {
        x: status.x + (status.width - width) / 2,
        y: status.y.saturating_sub(height),
        width,
        height,
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.border_focused)
        .title(Line::styled(" Follow ", app.theme.accent));
    let inner = block.inner(rect);
    let (shown, cursor) = prompt.input.view(inner_width);
    let mut lines = vec![Line::raw(sanitize::line(&shown))];
    lines.extend(hint_lines);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    frame.render_widget(Paragraph::new(lines), inner);
    if prompt.pending.is_none() {
        let x = inner.x + u16::try_from(cursor).unwrap_or(inner.width);
        frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), inner.y));
    }
}

/// Wrapped to `width` columns, keeping the text's own line breaks.
fn wrap(text: &str, width: usize) -> Vec<String> {
    text.lines()
        .flat_map(|line| fit::wrap(line, width))
        .collect()
}

fn draw_chooser(frame: &mut Frame, area: Rect, app: &App, chooser: &Chooser) {
    let title = format!(" Feeds at {} ", sanitize::line(&chooser.target));
    let height = chooser.choices.len() as u16 + 4;
    let inner = popup(frame, area, 76, height, title, app);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = chooser
        .choices
        .iter()
        .enumerate()
        .map(|(index, choice)| {
            let title = choice
                .title
                .as_deref()
                .map(sanitize::line)
                .unwrap_or_else(|| "(untitled)".to_string());
            let text = format!("{}. {title}  {}", index + 1, sanitize::line(&choice.url));
            let line = Line::raw(fit::pad(&text, width));
            if index == chooser.selected {
                line.patch_style(app.theme.selection)
            } else {
                line
            }
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::styled(
        fit::truncate("Enter or 1-9 follows · a follows all · Esc cancels", width),
        app.theme.dim,
    ));
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_editor(frame: &mut Frame, area: Rect, app: &App, editor: &SourceEditor) {
    let title = format!(" Edit · {} ", sanitize::line(&editor.original_title));
    let inner = popup(frame, area, 72, 9, title, app);
    let label_width = 15;
    let field_width = usize::from(inner.width).saturating_sub(label_width);
    let mut lines = Vec::new();
    let mut cursor = None;
    for (index, field) in EditorField::ALL.iter().enumerate() {
        let (shown, at) = editor.fields[index].view(field_width);
        let focused = index == editor.focus;
        if focused {
            cursor = Some((inner.x + (label_width + at) as u16, inner.y + index as u16));
        }
        let label_style = if focused {
            app.theme.accent
        } else {
            app.theme.dim
        };
        let mut value = sanitize::line(&shown);
        if value.is_empty() && *field == EditorField::Every {
            value = if focused {
                String::new()
            } else {
                "its category's default".to_string()
            };
        }
        lines.push(Line::from(vec![
            Span::styled(fit::pad(field.label(), label_width), label_style),
            Span::raw(value),
        ]));
    }
    lines.push(Line::default());
    let footer = match &editor.error {
        Some(error) => Line::styled(
            fit::truncate(error, usize::from(inner.width)),
            app.theme.error,
        ),
        None => Line::styled(
            fit::truncate(
                "Tab moves · Enter saves · Esc cancels · interval: 15m, 2h, 1d or empty",
                usize::from(inner.width),
            ),
            app.theme.dim,
        ),
    };
    lines.push(footer);
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some((x, y)) = cursor {
        frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), y));
    }
}

fn draw_confirm(frame: &mut Frame, area: Rect, app: &App, confirm: &RemovalConfirm) {
    let title = format!(" Stop following {}? ", sanitize::line(&confirm.title));
    let inner = popup(frame, area, 64, 7, title, app);
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
    let lines = vec![
        Line::raw(text),
        Line::default(),
        Line::styled("y removes it · n or Esc keeps it", app.theme.dim),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

fn draw_starter(frame: &mut Frame, area: Rect, app: &App, picker: &StarterPicker) {
    let height = picker.categories.len() as u16 + 4;
    let inner = popup(
        frame,
        area,
        56,
        height,
        " The starter pack ".to_string(),
        app,
    );
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = picker
        .categories
        .iter()
        .enumerate()
        .map(|(index, (name, count, chosen))| {
            let mark = if *chosen { "[x]" } else { "[ ]" };
            let line = Line::raw(fit::pad(&format!("{mark} {name} ({count})"), width));
            if index == picker.selected {
                line.patch_style(app.theme.selection)
            } else {
                line
            }
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::styled(
        fit::truncate("Space ticks · Enter imports · Esc cancels", width),
        app.theme.dim,
    ));
    frame.render_widget(Paragraph::new(lines), inner);
}

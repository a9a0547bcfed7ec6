//! The health view: every source with its last success, HTTP status, consecutive failures,
//! next fetch and last error (or, when it has none, what its last document needed repaired,
//! so the user can tell the publisher); failing sources first.

use crate::model::Source;
use crate::tui::app::App;
use crate::tui::sources::is_failing;
use crate::tui::{clock, fit, sanitize};
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

const COLUMNS: [(&str, usize); 5] = [
    ("Last ok", 8),
    ("HTTP", 5),
    ("Fails", 6),
    ("Next", 8),
    ("Problem", 0),
];

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: usize) {
    let popup = Rect {
        x: area.x + 1,
        y: area.y + 1,
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(3),
    };
    let failing = app.sources.sources.iter().filter(|s| is_failing(s)).count();
    let title = format!(
        " Health · {} sources, {failing} failing ",
        app.sources.sources.len()
    );
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.border_focused)
        .title(Line::styled(title, app.theme.accent))
        .title_bottom(Line::styled(" j/k scroll · Esc closes ", app.theme.dim).right_aligned());
    let inner = block.inner(popup);
    let width = usize::from(inner.width);
    let title_width = (width / 3).clamp(12, 36);
    let mut lines = vec![header(app, title_width, width)];
    let rows = ordered(&app.sources.sources);
    let visible = usize::from(inner.height).saturating_sub(1);
    let scroll = scroll.min(rows.len().saturating_sub(visible));
    lines.extend(
        rows.iter()
            .skip(scroll)
            .take(visible)
            .map(|source| row(app, source, title_width, width)),
    );
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Failing sources first (most failures first), then by title.
fn ordered(sources: &[Source]) -> Vec<&Source> {
    let mut rows: Vec<&Source> = sources.iter().collect();
    rows.sort_by_key(|s| {
        (
            std::cmp::Reverse(s.failures),
            !is_failing(s),
            s.title.to_lowercase(),
        )
    });
    rows
}

fn header(app: &App, title_width: usize, width: usize) -> Line<'static> {
    let mut text = fit::pad(" Source", title_width + 1);
    for (name, column) in COLUMNS {
        text.push_str(&if column == 0 {
            name.to_string()
        } else {
            fit::pad(name, column)
        });
    }
    Line::styled(fit::truncate(&text, width), app.theme.heading)
}

fn row(app: &App, source: &Source, title_width: usize, width: usize) -> Line<'static> {
    let failing = is_failing(source);
    let mark = if failing { "!" } else { " " };
    let name = fit::pad(
        &sanitize::line(&source.title),
        title_width.saturating_sub(1),
    ) + " ";
    let status = source
        .last_status
        .map(|s| s.to_string())
        .unwrap_or_else(|| "-".into());
    let fixed = format!(
        "{}{}{}{}",
        fit::pad(&ago(app.now, source.last_success), COLUMNS[0].1),
        fit::pad(&status, COLUMNS[1].1),
        fit::pad(&source.failures.to_string(), COLUMNS[2].1),
        fit::pad(&until(app.now, source.due), COLUMNS[3].1),
    );
    let used = title_width + 1 + fit::width(&fixed);
    let (problem, problem_style) = match &source.last_error {
        Some(error) => (sanitize::line(error), app.theme.error),
        None if !source.repairs.is_empty() => (
            sanitize::line(&format!("repaired: {}", source.repairs.join(", "))),
            app.theme.dim,
        ),
        None => (String::new(), Style::new()),
    };
    let style = if failing {
        app.theme.error
    } else {
        Style::new()
    };
    Line::from(vec![
        Span::styled(mark.to_string(), app.theme.error),
        Span::styled(name, style),
        Span::raw(fixed),
        Span::styled(
            fit::truncate(&problem, width.saturating_sub(used)),
            problem_style,
        ),
    ])
}

/// "3h ago", "never".
fn ago(now: DateTime<Utc>, then: Option<DateTime<Utc>>) -> String {
    match then {
        None => "never".to_string(),
        Some(then) => match clock::relative(now, Some(then)).as_str() {
            "now" => "now".to_string(),
            short if short.ends_with(['m', 'h', 'd']) => format!("{short} ago"),
            date => date.to_string(),
        },
    }
}

/// "in 20m", "now" (due, or never fetched).
fn until(now: DateTime<Utc>, due: Option<DateTime<Utc>>) -> String {
    let Some(due) = due.filter(|due| *due > now) else {
        return "now".to_string();
    };
    let minutes = (due - now).num_minutes().max(1);
    match minutes {
        1..60 => format!("in {minutes}m"),
        60..1440 => format!("in {}h", minutes / 60),
        _ => format!("in {}d", minutes / 1440),
    }
}

//! The health view: every source with its last success, HTTP status, consecutive failures,
//! next fetch and last error (or, when it has none, what its last document needed repaired,
//! so the user can tell the publisher); failing sources first.

use crate::model::Source;
use crate::tui::app::App;
use crate::tui::sources::is_failing;
use crate::tui::views::window::Window;
use crate::tui::{clock, fit, sanitize};
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const COLUMNS: [(&str, usize); 5] = [
    ("Last ok", 8),
    ("HTTP", 5),
    ("Fails", 6),
    ("Next", 8),
    ("Problem", 0),
];

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: usize) {
    let failing = app.sources.sources.iter().filter(|s| is_failing(s)).count();
    let title = format!(
        "Health · {} sources, {failing} failing",
        app.sources.sources.len()
    );
    let inner = Window::new(app, title)
        .footer(app, " j/k scroll · Esc closes ")
        .draw_at(frame, popup(area));
    let (header, rows) = lines(app, usize::from(inner.width));
    let visible = usize::from(inner.height).saturating_sub(1);
    let scroll = scroll.min(rows.len().saturating_sub(visible));
    let mut shown = vec![header];
    shown.extend(rows.into_iter().skip(scroll).take(visible));
    frame.render_widget(Paragraph::new(shown), inner);
}

/// The view over the screen's `main` area (all but the status bar).
fn popup(main: Rect) -> Rect {
    Rect {
        x: main.x + 1,
        y: main.y + 1,
        width: main.width.saturating_sub(2),
        height: main.height.saturating_sub(3),
    }
}

/// The first line shown when scrolled to `scroll`: never past the last screenful.
pub fn clamp_scroll(app: &App, scroll: usize) -> usize {
    let main = Rect {
        height: app.area.height.saturating_sub(1),
        ..app.area
    };
    let inner = crate::tui::layout::inner(popup(main));
    let (_, rows) = lines(app, usize::from(inner.width));
    scroll.min(
        rows.len()
            .saturating_sub(usize::from(inner.height).saturating_sub(1)),
    )
}

/// The header, and every source's lines (a long problem wraps under its column).
fn lines(app: &App, width: usize) -> (Line<'static>, Vec<Line<'static>>) {
    let title_width = title_width(&app.sources.sources, width);
    let rows = ordered(&app.sources.sources)
        .into_iter()
        .flat_map(|source| row(app, source, title_width, width))
        .collect();
    (header(app, title_width, width), rows)
}

/// Room for the longest title, as far as the fixed columns and a readable problem allow;
/// never less than a third of the width (up to 36).
fn title_width(sources: &[Source], width: usize) -> usize {
    let fixed: usize = COLUMNS.iter().map(|(_, column)| column).sum();
    let longest = sources
        .iter()
        .map(|source| fit::width(&sanitize::line(&source.title)) + 2)
        .max()
        .unwrap_or(0);
    let spare = width.saturating_sub(fixed + 1 + PROBLEM_AT_LEAST);
    longest.min(spare).max((width / 3).clamp(12, 36))
}

/// The problem column keeps this many columns before the titles may take more.
const PROBLEM_AT_LEAST: usize = 30;

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

fn row(app: &App, source: &Source, title_width: usize, width: usize) -> Vec<Line<'static>> {
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
    let (problem, problem_style) = problem(app, source);
    let style = if failing {
        app.theme.error
    } else {
        Style::new()
    };
    let mut problem = fit::wrap(&problem, width.saturating_sub(used).max(1)).into_iter();
    let mut lines = vec![Line::from(vec![
        Span::styled(mark.to_string(), app.theme.error),
        Span::styled(name, style),
        Span::raw(fixed),
        Span::styled(problem.next().unwrap_or_default(), problem_style),
    ])];
    lines.extend(problem.map(|more| {
        Line::from(vec![
            Span::raw(" ".repeat(used)),
            Span::styled(more, problem_style),
        ])
    }));
    lines
}

/// The last error, or else what the last document needed repaired.
fn problem(app: &App, source: &Source) -> (String, Style) {
    match &source.last_error {
        Some(error) => (sanitize::line(error), app.theme.error),
        None if !source.repairs.is_empty() => (
            sanitize::line(&format!("repaired: {}", source.repairs.join(", "))),
            app.theme.dim,
        ),
        None => (String::new(), Style::new()),
    }
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

//! The river: newest first, one row per story (or per item, flat), with the filter bar on top
//! when it is in use.

use super::{pane_block, thousands};
use crate::model::{ItemSummary, Notice};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::clock::{self, AGE_WIDTH};
use crate::tui::layout::{self, Focus};
use crate::tui::protocol::{Lane, Scope};
use crate::tui::{fit, sanitize, watches};
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Wrap};

const UNREAD_MARK: &str = "●";
const SAVED_MARK: &str = "★";

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let focused = app.focus == Focus::River;
    let block = pane_block(title(app), focused, &app.theme).title(lanes(app).right_aligned());
    frame.render_widget(block, area);
    let (filter_area, list) = layout::river_parts(area, app.filter.height());
    if filter_area.height > 0 {
        super::filter_bar::draw(frame, filter_area, app);
    }
    let list_height = usize::from(list.height);
    let (pinned_area, list) = layout::pinned_parts(list, app.pinned.height(list_height));
    if pinned_area.height > 0 {
        watches::view::draw_pinned(frame, pinned_area, app, list_height);
    }
    let river = &app.river;
    let focused = focused && !app.pinned_selected();
    if river.total == 0 {
        let message = Line::styled(empty_message(app), app.theme.dim);
        frame.render_widget(
            Paragraph::new(message).wrap(Wrap { trim: true }),
            list.inner(Margin::new(1, 1)),
        );
        return;
    }
    let width = usize::from(list.width);
    // Under a query that does not parse, the rows are the last valid query's: dimmed.
    let stale = app.filter.error.is_some();
    let lines: Vec<Line> = (river.top..river.total.min(river.top + usize::from(list.height)))
        .map(|index| {
            let line = river
                .row(index)
                .map_or_else(|| placeholder(app), |row| row_line(app, row, width));
            let line = if stale { app.theme.fade(line) } else { line };
            if index == river.selected && focused {
                app.theme.select(line)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    if river.total > list.height.into() {
        let mut state =
            ScrollbarState::new(river.total.saturating_sub(list.height.into())).position(river.top);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None);
        frame.render_stateful_widget(bar, area.inner(Margin::new(0, 1)), &mut state);
    }
}

/// " Unread · NEJM · 1,204 "
fn title(app: &App) -> Line<'static> {
    let river = &app.river;
    let mut parts = vec![lane_name(river.shown.lane).to_string()];
    match &river.shown.scope {
        Scope::Everything => {}
        Scope::Source(id) => {
            parts.extend(app.sources.source(*id).map(|s| sanitize::line(&s.title)))
        }
        Scope::Category(name) => parts.push(sanitize::line(name)),
        Scope::Uncategorized => parts.push("No category".to_string()),
        Scope::Alerts => parts.push("Alerts".to_string()),
        Scope::Watch(id) => parts.extend(
            app.sources
                .watches
                .iter()
                .find(|watch| watch.id == *id)
                .map(|watch| format!("watch {}", sanitize::line(&watch.name))),
        ),
    }
    if river.loaded {
        parts.push(counted(app));
    }
    Line::from(format!(" {} ", parts.join(" · ")))
}

/// "1,204 stories", "1 item": what the river holds, in the unit its rows are.
pub(super) fn counted(app: &App) -> String {
    let river = &app.river;
    let noun = match (river.shown.grouped(), river.total) {
        (true, 1) => "story",
        (true, _) => "stories",
        (false, 1) => "item",
        (false, _) => "items",
    };
    format!("{} {noun}", thousands(river.total))
}

fn lanes(app: &App) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    for (lane, action) in [
        (Lane::All, Action::LaneAll),
        (Lane::Unread, Action::LaneUnread),
        (Lane::Saved, Action::LaneSaved),
    ] {
        let key = app.keymap.hint(action).unwrap_or_default();
        let style = if lane == app.river.wanted.lane {
            app.theme.accent.add_modifier(Modifier::REVERSED)
        } else {
            app.theme.dim
        };
        spans.push(Span::styled(format!("{key} {}", lane_name(lane)), style));
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

fn lane_name(lane: Lane) -> &'static str {
    match lane {
        Lane::All => "All",
        Lane::Unread => "Unread",
        Lane::Saved => "Saved",
    }
}

/// "  3h NEJM      ● Empagliflozin after acute MI  #cardio"
fn row_line(app: &App, row: &ItemSummary, width: usize) -> Line<'static> {
    let theme = &app.theme;
    // One source's river needs no source column, except the placeholder's: its items come
    // from every removed source.
    let show_source = match app.river.shown.scope {
        Scope::Source(id) => app.sources.source(id).is_some_and(|s| s.is_placeholder()),
        _ => true,
    };
    let columns = Columns::for_width(width, show_source);
    let age = fit::truncate(&clock::relative(app.now, row.published), AGE_WIDTH);
    let mut spans = vec![Span::styled(format!("{age:>AGE_WIDTH$} "), theme.dim)];
    if columns.source > 0 {
        spans.push(Span::styled(
            format!(
                "{} ",
                fit::pad(&sanitize::line(&row.source_title), columns.source)
            ),
            theme.dim,
        ));
    }
    spans.extend(marks(app, row));
    spans.extend(title_spans(app, row, columns.title));
    Line::from(spans)
}

/// The unread, saved and alert marks and a space: the columns between the source and the
/// title, in the river and in the pinned lane above it.
pub(crate) fn marks(app: &App, row: &ItemSummary) -> [Span<'static>; 4] {
    let theme = &app.theme;
    [
        if row.read {
            Span::raw(" ")
        } else {
            Span::styled(UNREAD_MARK, theme.unread)
        },
        if row.saved {
            Span::styled(SAVED_MARK, theme.saved)
        } else {
            Span::raw(" ")
        },
        watches::view::alert_mark(app, row),
        Span::raw(" "),
    ]
}

/// Badges, the title, `+N` for a story's other versions and the tags, in `room` columns.
fn title_spans(app: &App, row: &ItemSummary, mut room: usize) -> Vec<Span<'static>> {
    let theme = &app.theme;
    let mut spans = Vec::new();
    for (badge, style) in row_badges(app, row) {
        room = room.saturating_sub(fit::width(&badge));
        spans.push(Span::styled(badge, style));
    }
    // "+3": the other versions of this story, in other feeds.
    let others = if app.river.shown.grouped() && row.story.versions > 1 {
        format!(" +{}", row.story.versions - 1)
    } else {
        String::new()
    };
    room = room.saturating_sub(fit::width(&others));
    let tags: String = row
        .tags
        .iter()
        .map(|tag| format!(" #{}", sanitize::line(tag)))
        .collect();
    let title = sanitize::line(&row.title);
    // Tags follow the title and get at most a third of the room; the row is padded to its
    // width so that a selection spans all of it.
    let tags = fit::truncate(&tags, room / 3);
    let title = fit::truncate(&title, room.saturating_sub(fit::width(&tags)));
    let rest = room.saturating_sub(fit::width(&title) + fit::width(&tags));
    let title_style = if row.read {
        Style::new()
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    };
    spans.push(Span::styled(title, title_style));
    spans.push(Span::styled(others, theme.accent));
    spans.push(Span::styled(tags, theme.tag));
    spans.push(Span::raw(" ".repeat(rest)));
    spans
}

/// "RETRACTED ", "concern ", "preprint ": short, before the title.
fn row_badges(app: &App, row: &ItemSummary) -> Vec<(String, Style)> {
    let theme = &app.theme;
    let mut badges = Vec::new();
    match row.evidence.notice {
        Some(Notice::Retraction) => badges.push((
            "RETRACTED ".to_string(),
            theme.error.add_modifier(Modifier::BOLD),
        )),
        Some(Notice::ExpressionOfConcern) => badges.push((
            "concern ".to_string(),
            theme.error.add_modifier(Modifier::BOLD),
        )),
        None => {}
    }
    if row.evidence.preprint {
        badges.push(("preprint ".to_string(), theme.unread));
    }
    badges
}

/// How a row's width is shared: the age and the marks are fixed; the title comes first, up to
/// a comfortable length, and the source column gets what it can spare beyond that (half of
/// the rest, within bounds). On a narrow river the source column shrinks first, to its
/// minimum, and goes when even that would crowd the title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    pub source: usize,
    pub title: usize,
}

impl Columns {
    const TITLE_FIRST: usize = 50;
    const SOURCE_MIN: usize = 8;
    const SOURCE_MAX: usize = 32;
    /// Below this, no source column: the title needs the room.
    const SOURCE_NEEDS: usize = 36;

    pub fn for_width(width: usize, show_source: bool) -> Columns {
        // Age and a space, then the unread, saved and alert marks and a space.
        let room = width.saturating_sub(AGE_WIDTH + 1 + 4);
        let source = if show_source && room >= Self::SOURCE_NEEDS {
            (room.saturating_sub(Self::TITLE_FIRST) / 2).clamp(Self::SOURCE_MIN, Self::SOURCE_MAX)
        } else {
            0
        };
        let title = room.saturating_sub(source + usize::from(source > 0));
        Columns { source, title }
    }
}

/// A row that is counted but not loaded yet (the window is on its way).
fn placeholder(app: &App) -> Line<'static> {
    Line::styled(format!("{:>AGE_WIDTH$}", "…"), app.theme.dim)
}

fn empty_message(app: &App) -> String {
    let key = |action| app.keymap.hint(action).unwrap_or_default();
    if !app.river.loaded {
        return "Loading…".to_string();
    }
    if !app.river.shown.text.is_empty() {
        return "No items match this filter.".to_string();
    }
    match app.river.shown.lane {
        Lane::Unread => format!(
            "Nothing unread here. {} shows all items.",
            key(Action::LaneAll)
        ),
        Lane::Saved => format!(
            "Nothing saved here yet. {} saves the selected item.",
            key(Action::Save)
        ),
        Lane::All => format!(
            "No items yet. {} refreshes every source.",
            key(Action::RefreshAll)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::Columns;

    #[test]
    fn titles_come_first_and_the_source_column_takes_what_they_spare() {
        let columns = |width| {
            let Columns { source, title } = Columns::for_width(width, true);
            (source, title)
        };
        assert_eq!(columns(56), (8, 38), "80 columns, beside the sources pane");
        assert_eq!(columns(58), (8, 40), "60 columns, the river alone");
        assert_eq!(columns(90), (15, 65), "120 columns");
        assert_eq!(columns(158), (32, 116), "200 columns");
        assert_eq!(columns(40), (0, 31), "too narrow: titles only");
        assert_eq!(Columns::for_width(158, false).source, 0, "one source shown");
    }
}

//! Where each pane goes for a terminal size. Pure, and shared by `update` (reader width,
//! list heights, mouse hit-testing) and the views, so they always agree.

use ratatui::layout::{Constraint, Layout, Rect};

/// From this width the reader opens beside the river instead of over it.
pub const WIDE: u16 = 120;
/// Below this width there is room for one pane: the sources come over the river when asked
/// for (Tab or `S`).
pub const NARROW: u16 = 70;
/// The reader's text never gets wider than this, for readability.
const MAX_TEXT_WIDTH: u16 = 100;
/// The sources pane grows from 22 columns at 80 to 40 at 200 (3 for every 20).
const SOURCES_MIN: u16 = 22;
const SOURCES_MAX: u16 = 40;
/// The sources pane over the river on a narrow terminal is at most this wide.
const OVERLAY_MAX: u16 = 44;

/// The pane that has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Sources,
    River,
    Reader,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub sources: Option<Rect>,
    pub river: Option<Rect>,
    pub reader: Option<Rect>,
    pub status: Rect,
    /// Too narrow for the sources beside the river: they come over it while they have the
    /// focus (then `sources` overlaps `river`).
    pub sources_over_river: bool,
}

impl Panes {
    /// The panes Tab goes through, in order: the visible ones, and the sources when they can
    /// come over the river.
    pub fn focus_order(&self) -> Vec<Focus> {
        let mut order = Vec::new();
        if self.sources.is_some() || self.sources_over_river {
            order.push(Focus::Sources);
        }
        if self.river.is_some() {
            order.push(Focus::River);
        }
        if self.reader.is_some() {
            order.push(Focus::Reader);
        }
        order
    }
}

pub fn panes(area: Rect, reader_open: bool, focus: Focus) -> Panes {
    let [main, status] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let none = Panes {
        sources: None,
        river: None,
        reader: None,
        status,
        sources_over_river: false,
    };
    if reader_open && area.width < WIDE {
        return Panes {
            reader: Some(main),
            ..none
        };
    }
    if !reader_open && area.width < NARROW {
        let overlay = Rect {
            width: main.width.min(OVERLAY_MAX),
            ..main
        };
        return Panes {
            sources: (focus == Focus::Sources).then_some(overlay),
            river: Some(main),
            sources_over_river: true,
            ..none
        };
    }
    let sources_width = match (reader_open, area.width) {
        (true, width) if width >= 160 => (width / 6).clamp(SOURCES_MIN, 32),
        (true, _) => 0,
        (false, width) => (SOURCES_MIN + width.saturating_sub(80) * 3 / 20).min(SOURCES_MAX),
    };
    let reader_width = if reader_open { main.width / 2 } else { 0 };
    let [sources, river, reader] = Layout::horizontal([
        Constraint::Length(sources_width),
        Constraint::Fill(1),
        Constraint::Length(reader_width),
    ])
    .areas(main);
    Panes {
        sources: (sources.width > 0).then_some(sources),
        river: (river.width > 0).then_some(river),
        reader: (reader.width > 0).then_some(reader),
        ..none
    }
}

/// Inside a bordered pane.
pub fn inner(pane: Rect) -> Rect {
    pane.inner(ratatui::layout::Margin {
        horizontal: 1,
        vertical: 1,
    })
}

/// The river pane split into the filter bar (`filter_height` lines, maybe 0) and the list.
pub fn river_parts(river: Rect, filter_height: u16) -> (Rect, Rect) {
    let [filter, list] = Layout::vertical([Constraint::Length(filter_height), Constraint::Fill(1)])
        .areas(inner(river));
    (filter, list)
}

/// The river's list split into the pinned lane (`pinned_height` lines, maybe 0) and the rows.
pub fn pinned_parts(list: Rect, pinned_height: u16) -> (Rect, Rect) {
    let [pinned, rows] =
        Layout::vertical([Constraint::Length(pinned_height), Constraint::Fill(1)]).areas(list);
    (pinned, rows)
}

/// Where the article text goes in the reader pane: a column of padding each side, capped.
pub fn reader_text(reader: Rect) -> Rect {
    let inside = inner(reader);
    let width = inside.width.saturating_sub(2).min(MAX_TEXT_WIDTH);
    Rect {
        x: inside.x + 1,
        width,
        ..inside
    }
}

/// The first row to show so that `selected` is visible in a list `height` rows high, moving
/// `top` as little as possible.
pub fn top_to_show(top: usize, selected: usize, height: usize) -> usize {
    let height = height.max(1);
    if selected < top {
        selected
    } else if selected >= top + height {
        selected + 1 - height
    } else {
        top
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_terminal_has_sources_and_river_then_a_full_screen_reader() {
        let area = Rect::new(0, 0, 80, 24);
        let closed = panes(area, false, Focus::River);
        assert_eq!(closed.sources.map(|r| r.width), Some(22));
        assert_eq!(closed.river.map(|r| r.width), Some(58));
        assert_eq!(closed.status, Rect::new(0, 23, 80, 1));
        let open = panes(area, true, Focus::Reader);
        assert_eq!((open.sources, open.river), (None, None));
        assert_eq!(open.reader, Some(Rect::new(0, 0, 80, 23)));
    }

    #[test]
    fn wide_terminal_reads_beside_the_river() {
        let open = panes(Rect::new(0, 0, 160, 40), true, Focus::Reader);
        assert_eq!(
            open.focus_order(),
            vec![Focus::Sources, Focus::River, Focus::Reader]
        );
        assert_eq!(open.reader.map(|r| r.width), Some(80));
        assert_eq!(reader_text(open.reader.expect("reader")).width, 76);
    }

    #[test]
    fn narrow_terminal_brings_the_sources_over_the_river() {
        let area = Rect::new(0, 0, 60, 20);
        let river = panes(area, false, Focus::River);
        assert_eq!(river.sources, None);
        assert_eq!(river.river, Some(Rect::new(0, 0, 60, 19)));
        assert_eq!(river.focus_order(), vec![Focus::Sources, Focus::River]);
        let sources = panes(area, false, Focus::Sources);
        assert_eq!(sources.sources, Some(Rect::new(0, 0, 44, 19)));
        assert_eq!(sources.river, river.river, "the river stays under it");
    }

    #[test]
    fn the_sources_pane_grows_with_the_width() {
        let width = |columns| {
            panes(Rect::new(0, 0, columns, 24), false, Focus::River)
                .sources
                .map(|r| r.width)
        };
        assert_eq!(width(80), Some(22));
        assert_eq!(width(100), Some(25));
        assert_eq!(width(120), Some(28));
        assert_eq!(width(160), Some(34));
        assert_eq!(width(200), Some(40));
        assert_eq!(width(300), Some(40));
    }

    #[test]
    fn the_view_moves_as_little_as_it_must() {
        assert_eq!(top_to_show(10, 12, 5), 10, "already visible");
        assert_eq!(
            top_to_show(10, 3, 5),
            3,
            "above: the selection becomes the top"
        );
        assert_eq!(
            top_to_show(10, 20, 5),
            16,
            "below: the selection becomes the bottom"
        );
        assert_eq!(top_to_show(0, 7, 0), 7, "a zero height counts as one row");
    }
}

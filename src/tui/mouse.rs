//! The wheel scrolls the pane under the pointer (or the help); a click selects a row or a
//! source, and a click on the selected row opens it.

use super::app::{App, Effect};
use super::layout::{self, Focus};
use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

const WHEEL_STEP: isize = 3;

impl App {
    pub(super) fn on_mouse(&mut self, mouse: &MouseEvent, effects: &mut Vec<Effect>) {
        if let Some(scroll) = self.help {
            let scroll = match mouse.kind {
                MouseEventKind::ScrollDown => scroll.saturating_add(WHEEL_STEP as usize),
                MouseEventKind::ScrollUp => scroll.saturating_sub(WHEEL_STEP as usize),
                _ => scroll,
            };
            self.help = Some(super::help::clamp_scroll(self, scroll));
            return;
        }
        if self.tagging.is_some() || self.watch_editor.is_some() || self.filter.editing {
            return;
        }
        let position = Position::new(mouse.column, mouse.row);
        let Some(pane) = self.pane_at(position) else {
            return;
        };
        match mouse.kind {
            MouseEventKind::ScrollDown => self.scroll_pane(pane, WHEEL_STEP, effects),
            MouseEventKind::ScrollUp => self.scroll_pane(pane, -WHEEL_STEP, effects),
            MouseEventKind::Down(MouseButton::Left) => self.click(pane, position, effects),
            _ => {}
        }
    }

    fn pane_at(&self, position: Position) -> Option<Focus> {
        let panes = self.panes();
        let hit = |rect: Option<Rect>| rect.is_some_and(|rect| rect.contains(position));
        [
            (panes.sources, Focus::Sources),
            (panes.river, Focus::River),
            (panes.reader, Focus::Reader),
        ]
        .into_iter()
        .find(|(rect, _)| hit(*rect))
        .map(|(_, focus)| focus)
    }

    /// Scrolls `pane` without moving the keyboard focus.
    fn scroll_pane(&mut self, pane: Focus, delta: isize, effects: &mut Vec<Effect>) {
        let focus = std::mem::replace(&mut self.focus, pane);
        self.move_by(delta, effects);
        self.focus = focus;
    }

    fn click(&mut self, pane: Focus, position: Position, effects: &mut Vec<Effect>) {
        let panes = self.panes();
        match pane {
            Focus::Sources => {
                let Some(list) = panes.sources.map(layout::inner) else {
                    return;
                };
                let Some(row) = row_under(list, position, self.sources.top) else {
                    return;
                };
                if row < self.sources.rows.len() {
                    self.focus = Focus::Sources;
                    let delta = row as isize - self.sources.selected as isize;
                    self.move_by(delta, effects);
                }
            }
            Focus::River => self.click_river(position, effects),
            Focus::Reader => self.focus = Focus::Reader,
        }
    }
}

impl App {
    /// A click on a pinned row or a river row selects it; on the selected row, opens it.
    fn click_river(&mut self, position: Position, effects: &mut Vec<Effect>) {
        let Some(river) = self.panes().river else {
            return;
        };
        let list = layout::river_parts(river, self.filter.height()).1;
        let lane_height = self.pinned.height(usize::from(list.height));
        let (lane, rows) = layout::pinned_parts(list, lane_height);
        // The lane's last line is its rule, not a row.
        let lane = Rect {
            height: lane.height.saturating_sub(1),
            ..lane
        };
        let (selected, row) = if let Some(row) = row_under(lane, position, self.pinned.top) {
            (
                self.pinned.selected,
                Some(row).filter(|r| *r < self.pinned.len()),
            )
        } else if let Some(row) = row_under(rows, position, self.river.top) {
            let selected = self
                .pinned
                .selected
                .is_none()
                .then_some(self.river.selected);
            let row = Some(row).filter(|r| *r < self.river.total);
            (
                selected.map(|s| s + self.pinned.len()),
                row.map(|r| r + self.pinned.len()),
            )
        } else {
            return;
        };
        let Some(row) = row else { return };
        let again = self.focus == Focus::River && selected.is_some_and(|s| s == row);
        self.focus = Focus::River;
        let current = self
            .pinned
            .selected
            .unwrap_or(self.pinned.len() + self.river.selected);
        self.move_in_river(row as isize - current as isize, effects);
        if again {
            self.open_selected(effects);
        }
    }
}

/// The absolute row index under the pointer in a list scrolled to `top`.
fn row_under(list: Rect, position: Position, top: usize) -> Option<usize> {
    list.contains(position)
        .then(|| top + usize::from(position.y - list.y))
}

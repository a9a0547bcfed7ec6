//! The pinned lane: urgent, unacknowledged items kept above the river in every lane and filter
//! until they are acknowledged. The selection can move up into it from the river's first row.

use crate::model::{ItemId, ItemSummary, Mark};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pinned {
    /// Newest first, as the worker sends them.
    pub rows: Vec<ItemSummary>,
    /// The selected pinned row, while the river's selection is up here.
    pub selected: Option<usize>,
    /// First pinned row on screen, when they do not all fit.
    pub top: usize,
}

impl Pinned {
    /// Replaces the rows; the selection stays on the same item, or on the row that took the
    /// place of one acknowledged (so `a`, `a`, `a` works down the list).
    pub fn set(&mut self, rows: Vec<ItemSummary>) {
        let kept = self.selected_row().map(|row| row.id);
        let position = kept.and_then(|id| rows.iter().position(|row| row.id == id));
        self.selected = match (position, self.selected) {
            (Some(position), _) => Some(position),
            (None, Some(index)) if !rows.is_empty() => Some(index.min(rows.len() - 1)),
            _ => None,
        };
        self.rows = rows;
        self.top = self.top.min(self.rows.len().saturating_sub(1));
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn selected_row(&self) -> Option<&ItemSummary> {
        self.selected.and_then(|index| self.rows.get(index))
    }

    /// Rows shown in a river list `list_height` rows high: all of them if they fit in a third
    /// of it, so the river never disappears under a long list of alerts.
    pub fn visible_rows(&self, list_height: usize) -> usize {
        if self.rows.is_empty() {
            return 0;
        }
        self.rows.len().min((list_height / 3).max(1))
    }

    /// Lines the block takes: its rows and a rule under them.
    pub fn height(&self, list_height: usize) -> u16 {
        match self.visible_rows(list_height) {
            0 => 0,
            rows => u16::try_from(rows + 1).unwrap_or(u16::MAX),
        }
    }

    pub fn scroll_into_view(&mut self, list_height: usize) {
        if let Some(selected) = self.selected {
            let rows = self.visible_rows(list_height);
            self.top = super::super::layout::top_to_show(self.top, selected, rows);
        }
        let last_top = self
            .rows
            .len()
            .saturating_sub(self.visible_rows(list_height));
        self.top = self.top.min(last_top);
    }

    pub fn apply_mark(&mut self, ids: &[ItemId], mark: Mark) {
        crate::tui::river::mark_rows(&mut self.rows, ids, mark);
    }

    pub fn apply_tags(&mut self, id: ItemId, tags: &[String]) {
        crate::tui::river::tag_rows(&mut self.rows, id, tags);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::summary;

    fn pinned(ids: &[i64]) -> Pinned {
        let mut pinned = Pinned::default();
        pinned.set(ids.iter().map(|id| summary(*id, "Recall")).collect());
        pinned
    }

    #[test]
    fn the_selection_follows_its_item_or_takes_the_next_one() {
        let mut lane = pinned(&[1, 2, 3]);
        lane.selected = Some(1);
        lane.set(vec![summary(4, "New"), summary(1, "a"), summary(2, "b")]);
        assert_eq!(lane.selected_row().map(|r| r.id), Some(ItemId(2)));
        // Item 2 acknowledged: the selection stays at its place, on the next one.
        lane.set(vec![summary(4, "New"), summary(1, "a"), summary(3, "c")]);
        assert_eq!(lane.selected_row().map(|r| r.id), Some(ItemId(3)));
        lane.set(Vec::new());
        assert_eq!(lane.selected, None);
    }

    #[test]
    fn the_block_keeps_to_a_third_of_the_river() {
        let lane = pinned(&[1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(lane.visible_rows(21), 7);
        assert_eq!(lane.height(21), 8);
        assert_eq!(lane.visible_rows(2), 1);
        assert_eq!(pinned(&[1]).height(30), 2);
        assert_eq!(Pinned::default().height(30), 0);
    }
}

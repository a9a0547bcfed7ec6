//! The river's rows, loaded a window at a time around the selection, and the generations that
//! let late answers to old queries be dropped.

use super::protocol::{Command, Lane, RiverQuery, Scope};
use crate::model::{ItemId, ItemSummary, Mark};

/// Rows asked for at once.
pub const WINDOW: usize = 200;
/// How close the selection may come to the edge of what is loaded before the next window is
/// asked for.
const MARGIN: usize = 50;

#[derive(Debug, Clone, PartialEq)]
struct Pending {
    generation: u64,
    query: RiverQuery,
    /// A different query than the one shown: its rows replace everything and the selection
    /// goes back to the top.
    new_query: bool,
}

/// Where the user was in the river, to come back to after the rows changed under them.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub anchor: Option<ItemId>,
    pub selected: usize,
    pub top: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct River {
    /// What the user asked for (filter text, lane, scope); may differ from `shown` while an
    /// answer is pending or after the worker rejected the filter.
    pub wanted: RiverQuery,
    /// The query the rows belong to: the last one that loaded.
    pub shown: RiverQuery,
    pub total: usize,
    /// Absolute index of `rows[0]`.
    pub offset: usize,
    pub rows: Vec<ItemSummary>,
    pub selected: usize,
    /// First row on screen.
    pub top: usize,
    /// At least one answer arrived.
    pub loaded: bool,
    last_generation: u64,
    pending: Option<Pending>,
    /// The item to keep selected across a reload of the same query.
    anchor: Option<ItemId>,
}

impl River {
    pub fn new(lane: Lane) -> River {
        let query = RiverQuery {
            text: String::new(),
            lane,
            scope: Scope::Everything,
            stories: true,
        };
        River {
            wanted: query.clone(),
            shown: query,
            total: 0,
            offset: 0,
            rows: Vec::new(),
            selected: 0,
            top: 0,
            loaded: false,
            last_generation: 0,
            pending: None,
            anchor: None,
        }
    }

    /// Asks for the first window of `wanted`.
    pub fn request_wanted(&mut self) -> Command {
        let query = self.wanted.clone();
        self.request(query, 0, true)
    }

    /// Asks again for what is shown (after a refresh or a mark that may change the lane),
    /// keeping the selected item selected if it is still there.
    pub fn reload(&mut self) -> Command {
        if self.wanted != self.shown || !self.loaded {
            return self.request_wanted();
        }
        self.anchor = self.selected_row().map(|row| row.id);
        let query = self.shown.clone();
        self.request(query, self.window_start_for(self.selected), false)
    }

    pub fn place(&self) -> Place {
        Place {
            anchor: self.selected_row().map(|row| row.id),
            selected: self.selected,
            top: self.top,
        }
    }

    /// Asks again for what is shown around a remembered place (after an undo brought rows
    /// back): its item is selected again if the answer holds it, else its position.
    pub fn restore(&mut self, place: &Place) -> Command {
        if self.wanted != self.shown || !self.loaded {
            return self.request_wanted();
        }
        self.selected = place.selected;
        self.top = place.top;
        self.anchor = place.anchor;
        let query = self.shown.clone();
        self.request(query, self.window_start_for(place.selected), false)
    }

    /// The next window if the selection is near the edge of the loaded rows. Never while a
    /// new query is pending: its answer brings its own rows.
    pub fn window_request(&mut self) -> Option<Command> {
        if self.pending.as_ref().is_some_and(|p| p.new_query) || self.total == 0 {
            return None;
        }
        let end = self.offset + self.rows.len();
        let needs_before = self.offset > 0 && self.selected < self.offset + MARGIN;
        let needs_after = end < self.total && self.selected + MARGIN >= end;
        if !(needs_before || needs_after) {
            return None;
        }
        let start = self.window_start_for(self.selected);
        // The same window again cannot bring more rows (a short answer stays short).
        if start == self.offset {
            return None;
        }
        let query = self.shown.clone();
        Some(self.request(query, start, false))
    }

    fn window_start_for(&self, index: usize) -> usize {
        index.saturating_sub(WINDOW / 2)
    }

    fn request(&mut self, query: RiverQuery, offset: usize, new_query: bool) -> Command {
        self.last_generation += 1;
        let generation = self.last_generation;
        self.pending = Some(Pending {
            generation,
            query: query.clone(),
            new_query,
        });
        Command::LoadRiver {
            generation,
            query,
            offset,
            limit: WINDOW,
        }
    }

    /// Takes an answer; false (and nothing changes) when it answers an older request.
    pub fn on_loaded(
        &mut self,
        generation: u64,
        total: usize,
        offset: usize,
        rows: Vec<ItemSummary>,
    ) -> bool {
        let Some(pending) = self.pending.take_if(|p| p.generation == generation) else {
            return false;
        };
        self.shown = pending.query;
        self.total = total;
        self.offset = offset;
        self.rows = rows;
        self.loaded = true;
        if pending.new_query {
            self.selected = 0;
            self.top = 0;
        } else if let Some(anchor) = self.anchor.take()
            && let Some(position) = self.rows.iter().position(|row| row.id == anchor)
        {
            self.selected = self.offset + position;
        }
        self.selected = self.selected.min(self.total.saturating_sub(1));
        true
    }

    /// The worker rejected the pending query; false when it was an older one. The shown rows
    /// stay.
    pub fn on_rejected(&mut self, generation: u64) -> bool {
        self.pending
            .take_if(|p| p.generation == generation)
            .is_some()
    }

    pub fn is_pending(&self) -> bool {
        self.pending.is_some()
    }

    /// The row at an absolute index, if it is loaded.
    pub fn row(&self, index: usize) -> Option<&ItemSummary> {
        index
            .checked_sub(self.offset)
            .and_then(|i| self.rows.get(i))
    }

    pub fn selected_row(&self) -> Option<&ItemSummary> {
        self.row(self.selected)
    }

    pub fn select(&mut self, index: usize) {
        self.selected = index.min(self.total.saturating_sub(1));
    }

    pub fn move_by(&mut self, delta: isize) {
        self.select(self.selected.saturating_add_signed(delta));
    }

    /// Scrolls so the selection is on screen in a list `height` rows high.
    pub fn scroll_into_view(&mut self, height: usize) {
        let top = super::layout::top_to_show(self.top, self.selected, height);
        self.top = top.min(self.total.saturating_sub(height.max(1)));
    }

    /// The first loaded unread row at position `from` or after.
    pub fn next_unread(&self, from: usize) -> Option<usize> {
        let start = from.saturating_sub(self.offset);
        let found = self.rows.iter().skip(start).position(|row| !row.read)?;
        Some(self.offset + start + found)
    }

    /// Every row of the answer is loaded: a search of the rows is a search of the river.
    pub fn fully_loaded(&self) -> bool {
        self.loaded && self.offset == 0 && self.rows.len() >= self.total
    }

    pub fn apply_mark(&mut self, ids: &[ItemId], mark: Mark) {
        mark_rows(&mut self.rows, ids, mark);
    }

    pub fn apply_tags(&mut self, id: ItemId, tags: &[String]) {
        tag_rows(&mut self.rows, id, tags);
    }
}

/// A mark applied to the loaded rows it names (the river's and the pinned lane's).
pub fn mark_rows(rows: &mut [ItemSummary], ids: &[ItemId], mark: Mark) {
    for row in rows.iter_mut().filter(|row| ids.contains(&row.id)) {
        match mark {
            Mark::Read => row.read = true,
            Mark::Unread => row.read = false,
            Mark::Save => row.saved = true,
            Mark::Unsave => row.saved = false,
        }
    }
}

/// New tags on the loaded rows of one item.
pub fn tag_rows(rows: &mut [ItemSummary], id: ItemId, tags: &[String]) {
    for row in rows.iter_mut().filter(|row| row.id == id) {
        row.tags = tags.to_vec();
    }
}

#[cfg(test)]
#[path = "river_tests.rs"]
mod tests;

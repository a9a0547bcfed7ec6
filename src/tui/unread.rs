//! Getting through what is unread: `n` to the next unread item (wrapping to the top, and
//! saying so), `A` to mark everything shown read, and `u` to take that back in place.

use super::app::{App, Effect};
use super::layout::Focus;
use super::protocol::Command;
use super::status::plural;
use crate::model::Mark;

pub(super) const WRAPPED_TO_THE_TOP: &str = "Back to the top: no unread items below";

impl App {
    /// The next unread item below the selection, else the first one from the top, saying so.
    /// Rows not loaded yet are searched by the worker.
    pub(super) fn next_unread(&mut self, effects: &mut Vec<Effect>) {
        // In the Unread lane the item being read leaves the river: the selected row is then
        // already the next one.
        let reading = self.reader.as_ref().map(|reader| reader.id);
        let past_selected =
            self.focus != Focus::Reader || reading == self.river.selected_row().map(|row| row.id);
        let from = self.river.selected + usize::from(past_selected);
        if let Some(index) = self.river.next_unread(from) {
            return self.go_to_unread(index, effects);
        }
        if !self.river.fully_loaded() {
            let query = self.river.shown.clone();
            effects.push(Effect::Send(Command::FindUnread { query, from }));
            return;
        }
        match self.river.next_unread(0).filter(|index| *index < from) {
            Some(index) if past_selected && index == self.river.selected => {
                self.status.info("No other unread items here")
            }
            Some(index) => {
                self.status.info(WRAPPED_TO_THE_TOP);
                self.go_to_unread(index, effects);
            }
            None => self.status.info("No unread items here"),
        }
    }

    /// Selects a row `n` found; in the reader, opens it (once it has arrived).
    pub(super) fn go_to_unread(&mut self, index: usize, effects: &mut Vec<Effect>) {
        self.pinned.selected = None;
        self.river.select(index);
        self.follow_river_selection(effects);
        if self.focus == Focus::Reader {
            if self.river.selected_row().is_some() {
                self.open_selected(effects);
            } else {
                self.open_found_unread = true;
            }
        }
    }

    pub(super) fn mark_all_read(&mut self, effects: &mut Vec<Effect>) {
        if self.river.total == 0 {
            self.status.info("Nothing to mark read");
            return;
        }
        effects.push(Effect::Send(Command::MarkAllRead {
            query: self.river.shown.clone(),
        }));
    }

    /// Marks the batch unread again; when the worker confirms, the river comes back where the
    /// user was (`on_marked`).
    pub(super) fn undo_mark_all(&mut self, effects: &mut Vec<Effect>) {
        let Some(undone) = self.undo.pop() else {
            self.status.info("Nothing to undo");
            return;
        };
        self.status.info(format!(
            "Marked {} unread again",
            plural(undone.ids.len(), "item")
        ));
        effects.push(Effect::Send(Command::Mark {
            ids: undone.ids.clone(),
            mark: Mark::Unread,
        }));
        self.restoring = Some(undone);
    }
}

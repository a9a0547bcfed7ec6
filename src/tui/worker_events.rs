//! How the state takes the worker's answers.

use super::app::{App, Effect};
use super::protocol::{Command, Event};
use super::status::plural;
use crate::model::{Item, ItemId, ItemSummary, Mark};
use crate::query::QueryError;
use crate::sync::progress::Progress;

impl App {
    pub(super) fn on_event(&mut self, event: Event, effects: &mut Vec<Effect>) {
        let Some(event) = self.on_admin_event(event, effects) else {
            return;
        };
        match event {
            Event::SourcesLoaded(sources) => {
                self.schedule_refresh(&sources, effects);
                self.sources.set(sources);
                self.sources.scroll_into_view(self.sources_height());
            }
            Event::RiverLoaded {
                generation,
                total,
                offset,
                rows,
            } => self.on_river_loaded(generation, total, offset, rows, effects),
            Event::RiverRejected { generation, error } => self.on_river_rejected(generation, error),
            Event::ItemLoaded(item) => self.on_item_loaded(item),
            Event::VersionsLoaded { id, versions } => self.on_versions_loaded(id, versions),
            Event::Exported {
                path,
                count,
                format,
                papers,
            } => self.on_exported(&path, count, format, papers),
            // Taken by `on_admin_event` above.
            Event::SourcesAdded { .. }
            | Event::FeedsToChoose { .. }
            | Event::AddFailed { .. }
            | Event::SourceEdited(_)
            | Event::RemovalPlanned { .. }
            | Event::SourceRemoved { .. }
            | Event::StarterLoaded(_)
            | Event::StarterImported { .. } => {}
            Event::Marked { ids, mark } => self.on_marked(&ids, mark, effects),
            Event::MarkedAllRead { ids } => self.on_marked_all_read(ids, effects),
            Event::UnreadCounts(counts) => self.sources.set_unread(&counts),
            Event::UnreadFound { query, found } => self.on_unread_found(&query, found, effects),
            Event::TagsSet { id, tags } => self.on_tags_set(id, tags),
            Event::TagsLoaded(tags) => self.known_tags = tags,
            Event::WatchesLoaded(watches) => self.on_watches_loaded(watches, effects),
            Event::PinnedLoaded(rows) => self.on_pinned_loaded(rows),
            Event::Acknowledged { ids } => self.on_acknowledged(ids, effects),
            Event::WatchSaved { name } => self.on_watch_saved(name, effects),
            Event::WatchRejected(message) => self.on_watch_rejected(message),
            Event::Refresh(progress) => {
                if self.status.on_progress(&progress) {
                    self.reload_after_refresh(effects);
                    if let Progress::Finished(summary) = &progress {
                        self.announce_alerts(summary, effects);
                    }
                }
            }
            Event::RefreshFailed(message) => {
                self.status.refresh_failed(message);
                // Feeds written before the failure are in the database: show them.
                self.reload_after_refresh(effects);
            }
            Event::Failed(message) => self.status.error(message),
        }
    }

    /// After a refresh: the sources, the tags, the watches' counts, the pinned lane and the river.
    fn reload_after_refresh(&mut self, effects: &mut Vec<Effect>) {
        effects.push(Effect::Send(Command::LoadSources));
        effects.push(Effect::Send(Command::LoadTags));
        self.reload_watch_views(effects);
    }

    fn on_river_loaded(
        &mut self,
        generation: u64,
        total: usize,
        offset: usize,
        rows: Vec<ItemSummary>,
        effects: &mut Vec<Effect>,
    ) {
        if !self.river.on_loaded(generation, total, offset, rows) {
            return;
        }
        if self.river.shown == self.river.wanted {
            self.filter.error = None;
        }
        self.follow_river_selection(effects);
        if self.open_found_unread && self.river.selected_row().is_some() {
            self.open_found_unread = false;
            if self.focus == super::layout::Focus::Reader {
                self.open_selected(effects);
            }
        }
    }

    fn on_unread_found(
        &mut self,
        query: &super::protocol::RiverQuery,
        found: Option<(usize, bool)>,
        effects: &mut Vec<Effect>,
    ) {
        if *query != self.river.shown {
            return;
        }
        match found {
            None => self.status.info("No unread items here"),
            Some((index, wrapped)) => {
                if wrapped {
                    self.status.info(super::unread::WRAPPED_TO_THE_TOP);
                }
                self.go_to_unread(index, effects);
            }
        }
    }

    fn on_river_rejected(&mut self, generation: u64, error: QueryError) {
        if self.river.on_rejected(generation) {
            self.filter.error = Some(error);
            // The bar grew a line: the list got shorter.
            self.river.scroll_into_view(self.river_height());
        }
    }

    fn on_item_loaded(&mut self, item: Box<Item>) {
        let (width, _) = self.reader_size();
        if let Some(reader) = self.reader.as_mut().filter(|reader| reader.id == item.id) {
            reader.set_item(item, width, &self.theme);
        }
    }

    /// The row changes at once; then the river is asked again, so that its rows and its count
    /// agree with the lane (a read item leaves Unread, an unsaved one leaves Saved). An undo
    /// brings the river back to where the user was. The sources' counts come next
    /// (`Event::UnreadCounts`).
    fn on_marked(&mut self, ids: &[ItemId], mark: Mark, effects: &mut Vec<Effect>) {
        self.river.apply_mark(ids, mark);
        self.pinned.apply_mark(ids, mark);
        if let Some(reader) = &mut self.reader {
            reader.apply_mark(ids, mark, self.now);
        }
        let undone = self
            .restoring
            .take_if(|undone| mark == Mark::Unread && is_batch(ids, &undone.ids));
        let reload = match undone {
            Some(undone) => self.river.restore(&undone.place),
            None => self.river.reload(),
        };
        effects.push(Effect::Send(reload));
    }

    fn on_marked_all_read(&mut self, ids: Vec<ItemId>, effects: &mut Vec<Effect>) {
        if ids.is_empty() {
            self.status.info("Nothing was unread");
            return;
        }
        let place = self.river.place();
        self.river.apply_mark(&ids, Mark::Read);
        let undo_key = self
            .keymap
            .hint(super::action::Action::Undo)
            .unwrap_or_default();
        self.status.info(format!(
            "Marked {} read; {undo_key} to undo",
            plural(ids.len(), "item")
        ));
        self.undo.push(super::app::Undoable { ids, place });
        effects.push(Effect::Send(self.river.reload()));
    }

    fn on_tags_set(&mut self, id: ItemId, tags: Vec<String>) {
        self.river.apply_tags(id, &tags);
        self.pinned.apply_tags(id, &tags);
        for tag in &tags {
            if !self.known_tags.contains(tag) {
                self.known_tags.push(tag.clone());
            }
        }
        self.known_tags.sort();
        let (width, _) = self.reader_size();
        if let Some(reader) = self.reader.as_mut().filter(|reader| reader.id == id)
            && let Some(mut item) = reader.item.take()
        {
            item.tags = tags;
            reader.set_item(item, width, &self.theme);
        }
    }
}

/// The confirmed ids are the batch sent (less any item deleted meanwhile).
fn is_batch(confirmed: &[ItemId], sent: &[ItemId]) -> bool {
    let sent: std::collections::HashSet<&ItemId> = sent.iter().collect();
    confirmed.len() <= sent.len() && confirmed.iter().all(|id| sent.contains(id))
}

//! The worker's share of the watches: acknowledging alerts and the watch editor's changes,
//! each answered with the new list of watches (and the pinned items where they may change).

use super::Worker;
use crate::model::{ItemId, WatchId};
use crate::store::{StoreError, WatchChange};
use crate::tui::protocol::{Event, WatchEdit};
use crate::watch::{normalize_name, parse_query};
use chrono::Utc;

impl Worker {
    pub(super) fn acknowledge(&mut self, ids: Vec<ItemId>) -> Result<Event, StoreError> {
        let outcome = self.store.acknowledge(&ids, Utc::now())?;
        Ok(Event::Acknowledged { ids: outcome.items })
    }

    pub(super) fn add_watch(&mut self, name: &str, query: &str, urgent: bool) {
        let checked = normalize_name(name)
            .map_err(|error| error.to_string())
            .and_then(|name| {
                parse_query(query)
                    .map(|_| name)
                    .map_err(|error| format!("The query does not work: {error}"))
            });
        let result = checked.and_then(|name| {
            self.store
                .add_watch(&name, query.trim(), urgent, None, Utc::now())
                .map(|(watch, _)| watch.name)
                .map_err(|error| error.to_string())
        });
        self.answer(result);
    }

    pub(super) fn edit_watch(&mut self, id: WatchId, edit: WatchEdit) {
        let change = match edit {
            WatchEdit::Rename(name) => normalize_name(&name)
                .map(|name| WatchChange {
                    name: Some(name),
                    ..WatchChange::default()
                })
                .map_err(|error| error.to_string()),
            WatchEdit::Query(query) => parse_query(&query)
                .map(|_| WatchChange {
                    query: Some(query.trim().to_string()),
                    ..WatchChange::default()
                })
                .map_err(|error| format!("The query does not work: {error}")),
            WatchEdit::Urgent(urgent) => Ok(WatchChange {
                urgent: Some(urgent),
                ..WatchChange::default()
            }),
        };
        let result = change.and_then(|change| {
            self.store
                .change_watch(id, &change)
                .map(|watch| watch.name)
                .map_err(|error| error.to_string())
        });
        self.answer(result);
    }

    pub(super) fn remove_watch(&mut self, id: WatchId) {
        let result = self
            .store
            .remove_watch(id)
            .map(|watch| watch.name)
            .map_err(|error| error.to_string());
        self.answer(result);
    }

    /// The outcome of a watch change, then the lists it may have changed.
    fn answer(&mut self, result: Result<String, String>) {
        let event = match result {
            Ok(name) => Event::WatchSaved { name },
            Err(message) => Event::WatchRejected(capitalized(&message)),
        };
        let _ = self.events.send(event);
        for loaded in [
            self.store.watches().map(Event::WatchesLoaded),
            self.store
                .pinned_items(super::PINNED_LIMIT)
                .map(Event::PinnedLoaded),
        ] {
            let event = loaded.unwrap_or_else(|error| Event::Failed(error.to_string()));
            let _ = self.events.send(event);
        }
    }
}

/// Capitalised, like the other sentences of the status bar.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

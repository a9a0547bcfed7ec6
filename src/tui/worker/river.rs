//! The worker's share of the river: the rows of a query, marks (one, or everything shown),
//! the next unread item, the item being read, and exports of what is shown; all compiled
//! from the filter text, the lane and the scope by `river_filter`.

use super::Worker;
use crate::model::{ItemId, Mark, SourceId};
use crate::query::{Expr, Flag, Term, parse};
use crate::store::{Compiled, StoreError, compile};
use crate::tui::protocol::{Event, Lane, RiverQuery, Scope};
use chrono::Utc;

impl Worker {
    pub(super) fn river(
        &self,
        generation: u64,
        query: &RiverQuery,
        offset: usize,
        limit: usize,
    ) -> Result<Event, StoreError> {
        let filter = match river_filter(query) {
            Ok(filter) => filter,
            Err(error) => return Ok(Event::RiverRejected { generation, error }),
        };
        let (grouped, counter, counted) = (query.grouped(), &self.counter, &filter);
        let (total, rows) = std::thread::scope(|scope| {
            let counting = scope.spawn(move || {
                let counter = counter.lock().unwrap_or_else(|e| e.into_inner());
                match grouped {
                    true => counter.count_stories(counted),
                    false => counter.count_items(counted),
                }
            });
            let rows = match grouped {
                true => self.store.list_stories(&filter, limit, offset),
                false => self.store.list_items(&filter, limit, offset),
            };
            let total = counting
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (total, rows)
        });
        Ok(Event::RiverLoaded {
            generation,
            total: total?,
            offset,
            rows: rows?,
        })
    }

    /// Answers with `Marked` (every item marked: reading one version of a story reads them
    /// all), then (for read marks) the touched sources' new unread counts: a cheap probe per
    /// source instead of reloading every count.
    pub(super) fn mark(&mut self, ids: Vec<ItemId>, mark: Mark) -> Result<Event, StoreError> {
        let outcome = self.store.mark_stories(&ids, mark, Utc::now())?;
        let marked = Event::Marked {
            ids: outcome.ids,
            mark,
        };
        if matches!(mark, Mark::Save | Mark::Unsave) {
            return Ok(marked);
        }
        let _ = self.events.send(marked);
        Ok(Event::UnreadCounts(
            self.store.unread_counts(&outcome.sources)?,
        ))
    }

    /// The item, then its story's versions.
    pub(super) fn load_item(&self, id: ItemId) -> Result<Event, StoreError> {
        let item = self.store.item(id)?;
        let _ = self.events.send(Event::ItemLoaded(Box::new(item)));
        let versions = self.store.versions(id)?;
        Ok(Event::VersionsLoaded { id, versions })
    }

    pub(super) fn export(&self, query: &RiverQuery, path: &str) -> Event {
        let filter = match river_filter(query) {
            Ok(filter) => filter,
            Err(error) => {
                return Event::Failed(format!("Cannot export: the filter is invalid ({error})"));
            }
        };
        match crate::sync::export::export_to_file(&self.store, &filter, query.grouped(), path) {
            Ok(written) => Event::Exported {
                path: written.path.display().to_string(),
                count: written.count,
                format: written.format.name(),
                papers: written.format != crate::export::Format::Json,
            },
            Err(error) => Event::Failed(format!("Cannot export: {error}")),
        }
    }

    pub(super) fn mark_all_read(&mut self, query: &RiverQuery) -> Result<Event, StoreError> {
        let filter = match river_filter(query) {
            Ok(filter) => filter,
            Err(error) => {
                return Ok(Event::Failed(format!(
                    "cannot mark: the filter is invalid ({error})"
                )));
            }
        };
        let marked = self.store.mark_matching_read(&filter, Utc::now())?;
        let mut sources: Vec<SourceId> = marked.iter().map(|(_, source)| *source).collect();
        sources.sort_unstable();
        sources.dedup();
        let ids = marked.into_iter().map(|(id, _)| id).collect();
        let _ = self.events.send(Event::MarkedAllRead { ids });
        Ok(Event::UnreadCounts(self.store.unread_counts(&sources)?))
    }

    pub(super) fn find_unread(&self, query: RiverQuery, from: usize) -> Result<Event, StoreError> {
        let found = match river_filter(&query) {
            Ok(filter) if query.grouped() => {
                self.store.next_unread_story_position(&filter, from)?
            }
            Ok(filter) => self.store.next_unread_position(&filter, from)?,
            Err(_) => None,
        };
        Ok(Event::UnreadFound { query, found })
    }
}

/// The filter text, the lane and the scope as one compiled condition.
pub fn river_filter(query: &RiverQuery) -> Result<Compiled, crate::query::QueryError> {
    let expr = parse(&query.text)?;
    let lane = match query.lane {
        Lane::All => None,
        Lane::Unread => Some(Flag::Unread),
        Lane::Saved => Some(Flag::Saved),
    };
    let expr = match lane {
        None => expr,
        Some(flag) => Expr::And(vec![expr, Expr::Term(Term::Is(flag))]),
    };
    // Pinned items sit above the river, whatever the lane and filter, until acknowledged.
    let compiled = compile(&expr, Utc::now()).without_pinned();
    Ok(match &query.scope {
        Scope::Everything => compiled,
        Scope::Source(id) => compiled.only_source(*id),
        Scope::Category(name) => compiled.only_category(Some(name)),
        Scope::Uncategorized => compiled.only_category(None),
        Scope::Alerts => compiled.only_alerts(),
        Scope::Watch(id) => compiled.only_watch(*id),
    })
}

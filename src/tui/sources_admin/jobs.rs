//! The worker's side of managing sources: adding (discovery and a first fetch, as a task with
//! its own connection so the river stays responsive), removing, the starter pack.

use crate::model::SourceId;
use crate::store::{Store, StoreError};
use crate::sync::add::{AddContext, AddError, AddRequest, Pick, add};
use crate::tui::protocol::{Event, FeedChoice};
use crate::tui::worker::Worker;

impl Worker {
    /// Adds in a task: discovery and the first fetch take network time.
    pub(in crate::tui) fn start_add(&mut self, target: String, pick: Pick) {
        let (db_path, client, events) = (
            self.refresh_context.db_path.clone(),
            self.refresh_context.client.clone(),
            self.events.clone(),
        );
        let busy_timeout = self.refresh_context.busy_timeout;
        let context = AddContext {
            cwd: std::env::current_dir().unwrap_or_default(),
            bridges: self.bridges.clone(),
        };
        let schedule = self.refresh_context.schedule.clone();
        tokio::spawn(async move {
            let request = AddRequest {
                target: target.clone(),
                pick,
                ..AddRequest::default()
            };
            let mut store = match Store::open_waiting(&db_path, busy_timeout) {
                Ok(store) => store,
                Err(error) => {
                    let _ = events.send(Event::AddFailed {
                        target,
                        error: error.to_string(),
                    });
                    return;
                }
            };
            let event = match add(&mut store, client, &request, &context).await {
                Ok(outcome) => Event::SourcesAdded {
                    titles: outcome
                        .added
                        .iter()
                        .map(|a| a.source.title.clone())
                        .collect(),
                    new_items: outcome
                        .added
                        .iter()
                        .filter_map(|a| a.summary.as_ref())
                        .map(|s| s.new_items)
                        .sum(),
                },
                Err(AddError::Choose { candidates, .. }) => Event::FeedsToChoose {
                    target,
                    choices: candidates
                        .into_iter()
                        .map(|c| FeedChoice {
                            url: c.url,
                            title: c.title,
                        })
                        .collect(),
                },
                Err(error) => Event::AddFailed {
                    target,
                    error: error.to_string(),
                },
            };
            let _ = events.send(event);
            if let Ok(mut sources) = store.sources() {
                schedule.annotate(&mut sources);
                let _ = events.send(Event::SourcesLoaded(sources));
            }
        });
    }

    /// What removing will do: saved and tagged items are kept under "Removed sources".
    pub(in crate::tui) fn plan_removal(&mut self, id: SourceId) -> Result<Event, StoreError> {
        let plan = self.store.plan_removal(id)?;
        Ok(Event::RemovalPlanned {
            id,
            title: plan.source.title,
            deleted: plan.deleted,
            kept: plan.kept,
        })
    }

    pub(in crate::tui) fn remove_source(&mut self, id: SourceId) -> Result<Event, StoreError> {
        let removal = self.store.remove_source(id)?;
        Ok(Event::SourceRemoved {
            id,
            title: removal.source.title,
            deleted: removal.deleted,
            kept: removal.kept,
        })
    }

    pub(in crate::tui) fn import_starter(&mut self, categories: &[String]) {
        let event = match crate::sync::starter::import_starter(&mut self.store, categories) {
            Ok(report) => Event::StarterImported {
                added: report.added.len(),
            },
            Err(error) => Event::Failed(format!("cannot import the starter pack: {error}")),
        };
        let _ = self.events.send(event);
        if let Ok(sources) = self.sources() {
            let _ = self.events.send(Event::SourcesLoaded(sources));
        }
    }
}

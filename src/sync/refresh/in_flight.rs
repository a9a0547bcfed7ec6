//! The fetches in flight, each task's source remembered: a task that panics (a bug) still
//! hands its source to the writer, failed with an "internal error", so every source gets an
//! outcome and the summary adds up.

use super::fetching::Fetched;
use super::writing::Done;
use crate::model::Source;
use chrono::Utc;
use std::collections::HashMap;
use std::future::Future;
use tokio::task::{Id, JoinError, JoinSet};

/// What a source whose fetch task died is recorded with.
pub(super) const INTERNAL_ERROR: &str =
    "internal error while fetching this feed (a bug in rounds; the log has the details)";

#[derive(Default)]
pub(super) struct InFlight {
    tasks: JoinSet<Done>,
    sources: HashMap<Id, Source>,
}

impl InFlight {
    pub fn len(&self) -> usize {
        self.tasks.len()
    }

    /// Starts `fetch` for `source`; the task must hand back a `Done` for the same source.
    pub fn spawn(&mut self, source: Source, fetch: impl Future<Output = Done> + Send + 'static) {
        let id = self.tasks.spawn(fetch).id();
        self.sources.insert(id, source);
    }

    /// The next fetch to finish; `None` when none is left.
    pub async fn next(&mut self) -> Option<Done> {
        let joined = self.tasks.join_next_with_id().await?;
        Some(self.settle(joined))
    }

    /// A fetch already finished, without waiting.
    pub fn try_next(&mut self) -> Option<Done> {
        let joined = self.tasks.try_join_next_with_id()?;
        Some(self.settle(joined))
    }

    fn settle(&mut self, joined: Result<(Id, Done), JoinError>) -> Done {
        match joined {
            Ok((id, done)) => {
                self.sources.remove(&id);
                done
            }
            Err(error) => {
                tracing::error!(%error, "a fetch task died");
                let source = self
                    .sources
                    .remove(&error.id())
                    .expect("every task was spawned with its source");
                Done {
                    source,
                    fetched: Fetched::Failed {
                        status: None,
                        error: INTERNAL_ERROR.into(),
                    },
                    at: Utc::now(),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Real sources, as the store makes them (the model grows fields often).
    fn sources() -> (Source, Source) {
        let mut store = crate::store::Store::open_in_memory().unwrap();
        let mut add = |url: &str| {
            let new = crate::model::NewSource {
                url: url.into(),
                ..Default::default()
            };
            let id = store.add_source(&new, Utc::now()).unwrap();
            store.source(id).unwrap()
        };
        (
            add("https://feeds.example/1"),
            add("https://feeds.example/2"),
        )
    }

    #[tokio::test]
    async fn a_task_that_panics_fails_its_own_source() {
        let (broken, fine) = sources();
        let mut in_flight = InFlight::default();
        in_flight.spawn(broken.clone(), async { panic!("a bug in a fetch") });
        let done = Done {
            source: fine.clone(),
            fetched: Fetched::Failed {
                status: Some(404),
                error: "not found".into(),
            },
            at: Utc::now(),
        };
        in_flight.spawn(fine, async move { done });
        let mut finished = Vec::new();
        while let Some(done) = in_flight.next().await {
            finished.push(done);
        }
        finished.sort_by_key(|done| done.source.id.0);
        assert_eq!(finished.len(), 2, "every source has an outcome");
        assert_eq!(finished[0].source.id, broken.id);
        assert!(matches!(
            &finished[0].fetched,
            Fetched::Failed { status: None, error } if error == INTERNAL_ERROR
        ));
        assert!(matches!(
            &finished[1].fetched,
            Fetched::Failed {
                status: Some(404),
                ..
            }
        ));
        assert!(in_flight.sources.is_empty());
    }
}

//! The worker: owns the database and the network on its own thread, answers `Command`s with
//! `Event`s, and never shares state with the UI. Refreshes run as a task with their own
//! connection (WAL lets the river be queried while a refresh writes).

use super::protocol::{Command, Event, Lane, RiverQuery, Scope};
use crate::fetch::http::{HttpClient, HttpOptions};
use crate::model::{Mark, SourceId};
use crate::query::{Expr, Flag, Term, parse};
use crate::store::{Compiled, Store, StoreError, compile};
use crate::sync::progress::Progress;
use crate::sync::refresh::{RefreshOptions, refresh};
use chrono::Utc;
use std::path::PathBuf;
use std::sync::Arc;
use tokio::sync::mpsc::{self, UnboundedReceiver, UnboundedSender};
use tokio::task::JoinHandle;

#[derive(Debug, Clone)]
pub struct WorkerOptions {
    pub jobs: usize,
    pub http: HttpOptions,
    /// The config's `read_whole_story`.
    pub read_whole_story: bool,
}

impl Default for WorkerOptions {
    fn default() -> Self {
        WorkerOptions {
            jobs: 8,
            http: HttpOptions::default(),
            read_whole_story: true,
        }
    }
}

/// Starts the worker thread. It stops when the command sender is dropped or on `Quit`.
pub fn spawn(
    db_path: PathBuf,
    options: WorkerOptions,
) -> (UnboundedSender<Command>, UnboundedReceiver<Event>) {
    let (command_sender, commands) = mpsc::unbounded_channel();
    let (events, event_receiver) = mpsc::unbounded_channel();
    let started = std::thread::Builder::new()
        .name("rounds-worker".into())
        .spawn(move || {
            match tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
            {
                Ok(runtime) => runtime.block_on(Worker::run(db_path, options, commands, events)),
                Err(error) => {
                    let _ = events.send(Event::Failed(format!("cannot start the worker: {error}")));
                }
            }
        });
    if let Err(error) = started {
        tracing::error!(%error, "cannot start the worker thread");
    }
    (command_sender, event_receiver)
}

struct Worker {
    db_path: PathBuf,
    read_whole_story: bool,
    store: Store,
    client: Arc<HttpClient>,
    events: UnboundedSender<Event>,
    refreshing: Option<JoinHandle<()>>,
}

impl Worker {
    async fn run(
        db_path: PathBuf,
        options: WorkerOptions,
        mut commands: UnboundedReceiver<Command>,
        events: UnboundedSender<Event>,
    ) {
        let opened = Store::open(&db_path)
            .map_err(|e| e.to_string())
            .and_then(|mut store| {
                store.set_read_whole_story(options.read_whole_story);
                let http = HttpOptions {
                    max_in_flight: options.jobs,
                    ..options.http
                };
                let client = HttpClient::new(http).map_err(|e| e.to_string())?;
                Ok((store, client))
            });
        let (store, client) = match opened {
            Ok(parts) => parts,
            Err(error) => {
                let _ = events.send(Event::Failed(error));
                return;
            }
        };
        let mut worker = Worker {
            db_path,
            read_whole_story: options.read_whole_story,
            store,
            client: Arc::new(client),
            events,
            refreshing: None,
        };
        while let Some(first) = commands.recv().await {
            for command in coalesce(first, &mut commands) {
                if command == Command::Quit {
                    return;
                }
                worker.handle(command);
            }
        }
    }

    fn handle(&mut self, command: Command) {
        let result = match command {
            Command::LoadSources => self.store.sources().map(Event::SourcesLoaded),
            Command::LoadRiver {
                generation,
                query,
                offset,
                limit,
            } => self.river(generation, &query, offset, limit),
            Command::LoadItem(id) => self.load_item(id),
            Command::Mark { ids, mark } => self.mark(ids, mark),
            Command::MarkAllRead { query } => self.mark_all_read(&query),
            Command::SetTags { id, tags } => self
                .store
                .set_item_tags(id, &tags)
                .map(|tags| Event::TagsSet { id, tags }),
            Command::LoadTags => self.store.all_tags().map(Event::TagsLoaded),
            Command::Refresh { source } => {
                self.start_refresh(source);
                return;
            }
            Command::Export { query, path } => Ok(self.export(&query, &path)),
            Command::Quit => return,
        };
        let event = result.unwrap_or_else(|error| Event::Failed(error.to_string()));
        let _ = self.events.send(event);
    }

    fn river(
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
        let (total, rows) = if query.grouped() {
            let total = self.store.count_stories(&filter)?;
            (total, self.store.list_stories(&filter, limit, offset)?)
        } else {
            let total = self.store.count_items(&filter)?;
            (total, self.store.list_items(&filter, limit, offset)?)
        };
        Ok(Event::RiverLoaded {
            generation,
            total,
            offset,
            rows,
        })
    }

    /// Reading one version of a story reads them all: the answer names every item marked.
    fn mark(&mut self, ids: Vec<crate::model::ItemId>, mark: Mark) -> Result<Event, StoreError> {
        let marked = self.store.mark_stories(&ids, mark, Utc::now())?;
        Ok(Event::Marked {
            ids: marked.ids,
            mark,
        })
    }

    /// The item, then its story's versions.
    fn load_item(&self, id: crate::model::ItemId) -> Result<Event, StoreError> {
        let item = self.store.item(id)?;
        let _ = self.events.send(Event::ItemLoaded(Box::new(item)));
        let versions = self.store.versions(id)?;
        Ok(Event::VersionsLoaded { id, versions })
    }

    fn export(&self, query: &RiverQuery, path: &str) -> Event {
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

    fn mark_all_read(&mut self, query: &RiverQuery) -> Result<Event, StoreError> {
        match river_filter(query) {
            Ok(filter) => Ok(Event::MarkedAllRead {
                ids: self.store.mark_matching_read(&filter, Utc::now())?,
            }),
            Err(error) => Ok(Event::Failed(format!(
                "cannot mark: the filter is invalid ({error})"
            ))),
        }
    }

    /// One refresh at a time; a second request while one runs is dropped (its progress shows).
    fn start_refresh(&mut self, only: Option<SourceId>) {
        if self
            .refreshing
            .as_ref()
            .is_some_and(|task| !task.is_finished())
        {
            return;
        }
        let (db_path, client, events) = (
            self.db_path.clone(),
            self.client.clone(),
            self.events.clone(),
        );
        let options = RefreshOptions { only };
        let read_whole_story = self.read_whole_story;
        self.refreshing = Some(tokio::spawn(async move {
            let outcome =
                run_refresh(db_path, read_whole_story, client, options, events.clone()).await;
            if let Err(error) = outcome {
                let _ = events.send(Event::Failed(format!("refresh stopped: {error}")));
            }
        }));
    }
}

async fn run_refresh(
    db_path: PathBuf,
    read_whole_story: bool,
    client: Arc<HttpClient>,
    options: RefreshOptions,
    events: UnboundedSender<Event>,
) -> Result<(), StoreError> {
    let mut store = Store::open(&db_path)?;
    store.set_read_whole_story(read_whole_story);
    let (progress, mut receiver) = mpsc::unbounded_channel::<Progress>();
    let forward_to = events.clone();
    let forward = tokio::spawn(async move {
        while let Some(message) = receiver.recv().await {
            let _ = forward_to.send(Event::Refresh(message));
        }
    });
    let result = refresh(&mut store, client, &options, &progress).await;
    drop(progress);
    let _ = forward.await;
    result?;
    let _ = events.send(Event::SourcesLoaded(store.sources()?));
    Ok(())
}

/// Keeps only the newest of the river loads waiting in the queue: typing fast in the filter
/// must not make the worker answer every intermediate keystroke.
fn coalesce(first: Command, commands: &mut UnboundedReceiver<Command>) -> Vec<Command> {
    let mut batch = vec![first];
    while let Ok(next) = commands.try_recv() {
        batch.push(next);
    }
    let last_river = batch
        .iter()
        .rposition(|c| matches!(c, Command::LoadRiver { .. }));
    batch
        .into_iter()
        .enumerate()
        .filter(|(index, command)| {
            !matches!(command, Command::LoadRiver { .. }) || Some(*index) == last_river
        })
        .map(|(_, command)| command)
        .collect()
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
    let compiled = compile(&expr, Utc::now());
    Ok(match &query.scope {
        Scope::Everything => compiled,
        Scope::Source(id) => compiled.only_source(*id),
        Scope::Category(name) => compiled.only_category(Some(name)),
        Scope::Uncategorized => compiled.only_category(None),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(generation: u64) -> Command {
        let query = RiverQuery {
            text: String::new(),
            lane: Lane::All,
            scope: Scope::Everything,
            stories: true,
        };
        Command::LoadRiver {
            generation,
            query,
            offset: 0,
            limit: 10,
        }
    }

    #[test]
    fn only_the_newest_queued_river_load_survives_in_order_with_the_rest() {
        let (sender, mut receiver) = mpsc::unbounded_channel();
        for command in [
            load(2),
            Command::LoadTags,
            load(3),
            Command::LoadSources,
            load(4),
        ] {
            sender.send(command).unwrap();
        }
        let batch = coalesce(load(1), &mut receiver);
        assert_eq!(
            batch,
            vec![Command::LoadTags, Command::LoadSources, load(4)]
        );
        assert_eq!(
            coalesce(Command::LoadTags, &mut receiver),
            vec![Command::LoadTags]
        );
    }
}

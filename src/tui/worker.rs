//! The worker: owns the database and the network on its own thread, answers `Command`s with
//! `Event`s, and never shares state with the UI. Refreshes run as a task with their own
//! connection (WAL lets the river be queried while a refresh writes).

use super::protocol::{Command, Event, Lane, RiverQuery, Scope};
use super::worker_refresh::{RefreshContext, Refreshes};
use crate::fetch::http::{HttpClient, HttpOptions};
use crate::model::{Mark, SourceId};
use crate::query::{Expr, Flag, Term, parse};
use crate::store::{Compiled, DEFAULT_BUSY_TIMEOUT, Store, StoreError, compile};
use crate::sync::retention::RetentionPolicy;
use crate::sync::schedule::SchedulePolicy;
use crate::watch::notify::NotifySettings;
use chrono::Utc;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc::{self, UnboundedReceiver, UnboundedSender};
use tokio::task::JoinError;

#[path = "worker_watches.rs"]
mod watches;

#[derive(Debug, Clone)]
pub struct WorkerOptions {
    pub jobs: usize,
    pub http: HttpOptions,
    /// How long a write waits for another process's write lock before it fails.
    pub busy_timeout: Duration,
    /// The config's `read_whole_story`.
    pub read_whole_story: bool,
    /// The config's `[bridges]`, for adding accounts on networks without feeds.
    pub bridges: BTreeMap<String, String>,
    pub schedule: SchedulePolicy,
    pub retention: Option<RetentionPolicy>,
    /// The first fetch of a new source alerts only items this recent.
    pub alert_backlog_days: u32,
    /// Run after each refresh, off the UI, once per new alert.
    pub notify: NotifySettings,
}

impl Default for WorkerOptions {
    fn default() -> Self {
        WorkerOptions {
            jobs: 8,
            http: HttpOptions::default(),
            busy_timeout: DEFAULT_BUSY_TIMEOUT,
            read_whole_story: true,
            bridges: BTreeMap::new(),
            schedule: SchedulePolicy::default(),
            retention: Some(RetentionPolicy::default()),
            alert_backlog_days: crate::store::DEFAULT_ALERT_BACKLOG_DAYS,
            notify: NotifySettings::default(),
        }
    }
}

impl WorkerOptions {
    /// The settings the config gives: the lock wait, bridges, schedules, retention, alerts.
    pub fn from_config(config: &crate::config::Config) -> WorkerOptions {
        let defaults = WorkerOptions::default();
        WorkerOptions {
            http: config.http_options(defaults.jobs),
            busy_timeout: config.busy_timeout,
            read_whole_story: config.read_whole_story,
            bridges: config.bridges.clone(),
            schedule: SchedulePolicy::with_overrides(&config.schedules),
            retention: Some(RetentionPolicy {
                keep_days: config.keep_days,
                max_items_per_source: config.max_items_per_source,
            }),
            alert_backlog_days: config.alert_backlog_days,
            notify: config.notify.clone(),
            ..defaults
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

pub(super) struct Worker {
    pub(super) store: Store,
    pub(super) events: UnboundedSender<Event>,
    pub(super) refresh_context: RefreshContext,
    refreshes: Refreshes,
    pub(super) bridges: BTreeMap<String, String>,
}

/// What woke the worker up.
enum Wake {
    Command(Option<Command>),
    RefreshEnded(Result<(), JoinError>),
}

impl Worker {
    async fn run(
        db_path: PathBuf,
        options: WorkerOptions,
        mut commands: UnboundedReceiver<Command>,
        events: UnboundedSender<Event>,
    ) {
        let opened = Store::open_waiting(&db_path, options.busy_timeout)
            .map_err(|e| e.to_string())
            .and_then(|mut store| {
                store.set_read_whole_story(options.read_whole_story);
                let http = HttpOptions {
                    max_in_flight: options.jobs,
                    ..options.http.clone()
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
            store,
            refresh_context: RefreshContext {
                db_path,
                busy_timeout: options.busy_timeout,
                read_whole_story: options.read_whole_story,
                client: Arc::new(client),
                events: events.clone(),
                schedule: options.schedule,
                retention: options.retention,
                alert_backlog_days: options.alert_backlog_days,
                notify: Arc::new(options.notify),
            },
            events,
            refreshes: Refreshes::default(),
            bridges: options.bridges,
        };
        loop {
            let wake = tokio::select! {
                command = commands.recv() => Wake::Command(command),
                ended = worker.refreshes.ended() => Wake::RefreshEnded(ended),
            };
            match wake {
                Wake::Command(None) => return,
                Wake::Command(Some(first)) => {
                    for command in coalesce(first, &mut commands) {
                        if command == Command::Quit {
                            return;
                        }
                        worker.handle(command);
                    }
                }
                Wake::RefreshEnded(result) => {
                    worker.refreshes.on_ended(result, &worker.refresh_context)
                }
            }
        }
    }

    fn handle(&mut self, command: Command) {
        let result = match command {
            Command::LoadSources => self.sources().map(Event::SourcesLoaded),
            Command::LoadRiver {
                generation,
                query,
                offset,
                limit,
            } => self.river(generation, &query, offset, limit),
            Command::LoadItem(id) => self.load_item(id),
            Command::Mark { ids, mark } => self.mark(ids, mark),
            Command::MarkAllRead { query } => self.mark_all_read(&query),
            Command::FindUnread { query, from } => self.find_unread(query, from),
            Command::SetTags { id, tags } => self
                .store
                .set_item_tags(id, &tags)
                .map(|tags| Event::TagsSet { id, tags }),
            Command::LoadTags => self.store.all_tags().map(Event::TagsLoaded),
            Command::Refresh { source } => {
                self.refreshes.request(source, false, &self.refresh_context);
                return;
            }
            Command::RefreshDue => {
                self.refreshes.request(None, true, &self.refresh_context);
                return;
            }
            Command::AddSource { target, pick } => {
                self.start_add(target, pick);
                return;
            }
            Command::EditSource { id, edit } => self
                .store
                .edit_source(id, &edit)
                .map(|source| Event::SourceEdited(Box::new(source))),
            Command::PlanRemoval(id) => self.plan_removal(id),
            Command::RemoveSource(id) => self.remove_source(id),
            Command::LoadStarter => Ok(Event::StarterLoaded(crate::sync::starter::categories())),
            Command::ImportStarter { categories } => {
                self.import_starter(&categories);
                return;
            }
            Command::Export { query, path } => Ok(self.export(&query, &path)),
            Command::LoadWatches => self.store.watches().map(Event::WatchesLoaded),
            Command::LoadPinned => self
                .store
                .pinned_items(PINNED_LIMIT)
                .map(Event::PinnedLoaded),
            Command::Acknowledge { ids } => self.acknowledge(ids),
            Command::AddWatch {
                name,
                query,
                urgent,
            } => {
                self.add_watch(&name, &query, urgent);
                return;
            }
            Command::EditWatch { id, edit } => {
                self.edit_watch(id, edit);
                return;
            }
            Command::RemoveWatch { id } => {
                self.remove_watch(id);
                return;
            }
            Command::Quit => return,
        };
        let event = result.unwrap_or_else(|error| Event::Failed(error.to_string()));
        let _ = self.events.send(event);
    }

    /// The sources with when each is next due.
    pub(super) fn sources(&self) -> Result<Vec<crate::model::Source>, StoreError> {
        let mut sources = self.store.sources()?;
        self.refresh_context.schedule.annotate(&mut sources);
        Ok(sources)
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

    /// Answers with `Marked` (every item marked: reading one version of a story reads them
    /// all), then (for read marks) the touched sources' new unread counts: a cheap probe per
    /// source instead of reloading every count.
    fn mark(&mut self, ids: Vec<crate::model::ItemId>, mark: Mark) -> Result<Event, StoreError> {
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

    fn find_unread(&self, query: RiverQuery, from: usize) -> Result<Event, StoreError> {
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

/// Pinned items loaded at most: more than a screen holds.
const PINNED_LIMIT: usize = 500;

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

//! The worker: owns the database and the network on its own thread, answers `Command`s with
//! `Event`s, and never shares state with the UI. Refreshes run as a task with their own
//! connection (WAL lets the river be queried while a refresh writes).

use crate::fetch::http::{HttpClient, HttpOptions};
use crate::store::{Store, StoreError};
use crate::tui::protocol::{Command, Event};
use refresh::{RefreshContext, Refreshes};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tokio::sync::mpsc::{self, UnboundedReceiver, UnboundedSender};
use tokio::task::JoinError;

mod options;
mod refresh;
mod river;
mod watches;

pub use options::WorkerOptions;

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
    /// A second connection that counts a river query while `store` reads its page, so a
    /// filter keystroke waits for the slower of the two, not for both.
    pub(super) counter: Mutex<Store>,
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
        let mut worker = match Worker::open(db_path, options, events.clone()) {
            Ok(worker) => worker,
            Err(error) => {
                let _ = events.send(Event::Failed(error));
                return;
            }
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

    /// The database and the HTTP client, or why one of them could not be opened.
    fn open(
        db_path: PathBuf,
        options: WorkerOptions,
        events: UnboundedSender<Event>,
    ) -> Result<Worker, String> {
        let mut store =
            Store::open_waiting(&db_path, options.busy_timeout).map_err(|e| e.to_string())?;
        store.set_read_whole_story(options.read_whole_story);
        let http = HttpOptions {
            max_in_flight: options.jobs,
            ..options.http.clone()
        };
        let client = HttpClient::new(http).map_err(|e| e.to_string())?;
        let counter =
            Store::open_waiting(&db_path, options.busy_timeout).map_err(|e| e.to_string())?;
        Ok(Worker {
            store,
            counter: Mutex::new(counter),
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
        })
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

/// Pinned items loaded at most: more than a screen holds.
const PINNED_LIMIT: usize = 500;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::protocol::{Lane, RiverQuery, Scope};

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

//! The worker's refreshes. One runs at a time with its own connection; a request made while
//! one runs waits for it (several such requests merge into one), and is never dropped. Every
//! refresh that starts ends with `Progress::Finished` or `Event::RefreshFailed`, even when the
//! database refuses a write or the task panics, so the UI is never left "Refreshing…".

use crate::fetch::http::HttpClient;
use crate::model::SourceId;
use crate::store::{Store, StoreError};
use crate::sync::progress::Progress;
use crate::sync::refresh::{RefreshOptions, refresh};
use crate::sync::retention::RetentionPolicy;
use crate::sync::schedule::SchedulePolicy;
use crate::tui::protocol::Event;
use crate::watch::notify::{NotifySettings, notify};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc::{self, UnboundedSender};
use tokio::task::{JoinError, JoinHandle};

/// What a refresh needs to run on its own.
#[derive(Clone)]
pub(in crate::tui) struct RefreshContext {
    pub db_path: PathBuf,
    pub busy_timeout: Duration,
    /// The config's `read_whole_story`: new versions of read stories arrive read.
    pub read_whole_story: bool,
    pub client: Arc<HttpClient>,
    pub events: UnboundedSender<Event>,
    pub schedule: SchedulePolicy,
    pub retention: Option<RetentionPolicy>,
    /// The first fetch of a new source alerts only items this recent.
    pub alert_backlog_days: u32,
    pub notify: Arc<NotifySettings>,
}

/// Which sources a refresh fetches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Wanted {
    /// `None` is every source.
    only: Option<SourceId>,
    /// Only those the schedule says are due (the automatic refresh).
    due_only: bool,
}

#[derive(Default)]
pub(in crate::tui) struct Refreshes {
    running: Option<JoinHandle<()>>,
    /// Asked for while one runs.
    queued: Option<Wanted>,
}

impl Refreshes {
    /// Starts a refresh, or queues it behind the one running.
    pub fn request(&mut self, only: Option<SourceId>, due_only: bool, context: &RefreshContext) {
        self.start(Wanted { only, due_only }, context);
    }

    fn start(&mut self, wanted: Wanted, context: &RefreshContext) {
        if self.running.is_some() {
            self.queued = Some(merge(self.queued, wanted));
            return;
        }
        self.running = Some(tokio::spawn(run(wanted, context.clone())));
    }

    /// Resolves when the running refresh's task has ended; never, when none runs. Safe to
    /// drop and call again (the task is awaited by reference).
    pub async fn ended(&mut self) -> Result<(), JoinError> {
        match &mut self.running {
            Some(task) => task.await,
            None => std::future::pending().await,
        }
    }

    /// After `ended`: reports a task that died, then starts what was queued.
    pub fn on_ended(&mut self, result: Result<(), JoinError>, context: &RefreshContext) {
        self.running = None;
        if let Err(error) = result
            && error.is_panic()
        {
            tracing::error!(%error, "the refresh task panicked");
            let _ = context.events.send(Event::RefreshFailed(
                "Refresh stopped on an internal error (details in the log)".into(),
            ));
        }
        if let Some(wanted) = self.queued.take() {
            self.start(wanted, context);
        }
    }
}

/// Two requests as one: the same request stays itself; anything else is every source.
fn merge(queued: Option<Wanted>, wanted: Wanted) -> Wanted {
    match queued {
        None => wanted,
        Some(previous) if previous == wanted => wanted,
        Some(_) => Wanted {
            only: None,
            due_only: false,
        },
    }
}

async fn run(wanted: Wanted, context: RefreshContext) {
    let events = context.events.clone();
    if let Err(error) = refresh_and_reload(wanted, context).await {
        let _ = events.send(Event::RefreshFailed(format!("Refresh stopped: {error}")));
    }
}

async fn refresh_and_reload(wanted: Wanted, context: RefreshContext) -> Result<(), StoreError> {
    let mut store = Store::open_waiting(&context.db_path, context.busy_timeout)?;
    store.set_read_whole_story(context.read_whole_story);
    store.set_alert_backlog_days(context.alert_backlog_days);
    let (progress, mut receiver) = mpsc::unbounded_channel::<Progress>();
    let forward_to = context.events.clone();
    let forward = tokio::spawn(async move {
        while let Some(message) = receiver.recv().await {
            let _ = forward_to.send(Event::Refresh(message));
        }
    });
    let options = RefreshOptions {
        only: wanted.only,
        due_only: wanted.due_only,
        schedule: context.schedule.clone(),
        retention: context.retention,
    };
    let result = refresh(&mut store, context.client, &options, &progress).await;
    drop(progress);
    let _ = forward.await;
    let summary = result?;
    let mut sources = store.sources()?;
    context.schedule.annotate(&mut sources);
    let _ = context.events.send(Event::SourcesLoaded(sources));
    // Everything is committed: the notification command runs now, off the UI. A failure is
    // logged by `notify` and never fails the refresh.
    notify(&summary.alerts, &context.notify).await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_made_during_a_refresh_merge_into_one() {
        let wanted = |only: Option<i64>, due_only| Wanted {
            only: only.map(SourceId),
            due_only,
        };
        let (one, two, all, due) = (
            wanted(Some(1), false),
            wanted(Some(2), false),
            wanted(None, false),
            wanted(None, true),
        );
        assert_eq!(merge(None, one), one);
        assert_eq!(merge(None, all), all);
        assert_eq!(merge(Some(one), one), one, "the same source twice");
        assert_eq!(merge(Some(one), two), all, "two sources: all of them");
        assert_eq!(merge(Some(all), one), all, "all stays all");
        assert_eq!(merge(Some(one), all), all);
        assert_eq!(merge(Some(due), due), due, "due twice stays due");
        assert_eq!(merge(Some(due), one), all);
    }
}

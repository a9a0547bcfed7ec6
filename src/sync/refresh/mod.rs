//! Refresh: fetch sources concurrently, parse and prepare them off the async threads, store
//! them from one writer (each feed whole in a transaction), and report every step through a
//! channel.

mod fetching;
mod in_flight;
mod moves;
mod writing;

pub use fetching::{body_fingerprint, file_url, is_http};

use super::progress::{Progress, RefreshSummary, SourceOutcome, SourceReport};
use super::retention::{self, RetentionPolicy};
use super::schedule::SchedulePolicy;
use crate::fetch::http::HttpClient;
use crate::model::{Source, SourceId};
use crate::store::{Store, StoreError};
use chrono::Utc;
use in_flight::InFlight;
use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use tokio::sync::Semaphore;
use tokio::sync::mpsc::UnboundedSender;
use writing::{Done, tally, write_batch};

/// Fetches started but not yet written, at most: bounds the bodies and parsed items held in
/// memory when the network is faster than the writer.
const WINDOW: usize = 32;

/// How many requests run at once is the client's business (`HttpOptions`): it takes a host's
/// permit before a shared slot, so a busy host never holds slots the others could use.
#[derive(Debug, Clone, Default)]
pub struct RefreshOptions {
    /// Only this source; `None` for all.
    pub only: Option<SourceId>,
    /// Only the sources whose schedule says they are due (`refresh --due`, the newsfeed's
    /// automatic refresh); the others are reported as not due.
    pub due_only: bool,
    pub schedule: SchedulePolicy,
    /// Apply retention once the fetched feeds are stored.
    pub retention: Option<RetentionPolicy>,
}

/// Refreshes the sources, sending `Progress` as it goes; the summary is also the last message.
pub async fn refresh(
    store: &mut Store,
    client: Arc<HttpClient>,
    options: &RefreshOptions,
    progress: &UnboundedSender<Progress>,
) -> Result<RefreshSummary, StoreError> {
    let now = Utc::now();
    let sources: Vec<Source> = store
        .sources()?
        .into_iter()
        // The removed sources' placeholder holds items but is no feed.
        .filter(|s| !s.is_placeholder() && options.only.is_none_or(|only| only == s.id))
        .collect();
    let _ = progress.send(Progress::Started {
        total: sources.len(),
    });
    let mut summary = RefreshSummary {
        sources: sources.len(),
        ..RefreshSummary::default()
    };

    let mut waiting = VecDeque::new();
    for source in interleave_hosts(sources) {
        match skipped(&source, options, now) {
            Some(outcome) => {
                tally(&mut summary, &outcome);
                send(progress, &source, outcome);
            }
            None => waiting.push_back(source),
        }
    }

    // Parsing is CPU work: one at a time per core, leaving a core to the writer, which is
    // the bottleneck of a cold refresh (it indexes every word).
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let parsers = Arc::new(Semaphore::new(cores.saturating_sub(1).max(1)));
    let mut in_flight = InFlight::default();
    let start_more = |in_flight: &mut InFlight, waiting: &mut VecDeque<Source>| {
        while in_flight.len() < WINDOW
            && let Some(source) = waiting.pop_front()
        {
            let (client, parsers) = (client.clone(), parsers.clone());
            let _ = progress.send(Progress::SourceStarted {
                source_id: source.id,
                title: source.title.clone(),
            });
            in_flight.spawn(source.clone(), async move {
                let fetched = fetching::fetch_source(&client, &source, &parsers).await;
                Done {
                    source,
                    fetched,
                    at: Utc::now(),
                }
            });
        }
    };
    start_more(&mut in_flight, &mut waiting);
    let mut alerts = Vec::new();
    while let Some(first) = in_flight.next().await {
        let mut batch = vec![first];
        while let Some(next) = in_flight.try_next() {
            batch.push(next);
        }
        let written = write_batch(store, batch)?;
        for (source, outcome) in written.outcomes {
            tally(&mut summary, &outcome);
            send(progress, &source, outcome);
        }
        alerts.extend(written.alerts);
        start_more(&mut in_flight, &mut waiting);
    }
    if let Some(policy) = options.retention {
        summary.retention = Some(retention::apply(store, policy, Utc::now())?);
    }
    alerts.sort_by_key(|alert| !alert.urgent);
    summary.alerts = Arc::new(alerts);
    let _ = progress.send(Progress::Finished(summary.clone()));
    Ok(summary)
}

/// Why a source is not fetched this time, if it is not: a server's Retry-After, or (with
/// `due_only`) a schedule that does not want it yet.
fn skipped(
    source: &Source,
    options: &RefreshOptions,
    now: chrono::DateTime<Utc>,
) -> Option<SourceOutcome> {
    if options.due_only {
        let due = options.schedule.due_at(source)?;
        return (due > now).then_some(SourceOutcome::NotDue { due });
    }
    let until = source.next_fetch.filter(|until| *until > now)?;
    Some(SourceOutcome::Deferred { until })
}

/// Orders the sources so that consecutive ones are on different hosts where possible: the
/// window of fetches in flight then spreads over many servers instead of queueing on one.
fn interleave_hosts(sources: Vec<Source>) -> Vec<Source> {
    let mut by_host: Vec<VecDeque<Source>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for source in sources {
        let host = url::Url::parse(&source.url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
            .unwrap_or_default();
        let slot = *index.entry(host).or_insert_with(|| {
            by_host.push(VecDeque::new());
            by_host.len() - 1
        });
        by_host[slot].push_back(source);
    }
    let mut ordered = Vec::new();
    while by_host.iter().any(|queue| !queue.is_empty()) {
        ordered.extend(by_host.iter_mut().filter_map(VecDeque::pop_front));
    }
    ordered
}

fn send(progress: &UnboundedSender<Progress>, source: &Source, outcome: SourceOutcome) {
    let _ = progress.send(Progress::SourceFinished(SourceReport {
        source_id: source.id,
        title: source.title.clone(),
        url: source.url.clone(),
        outcome,
    }));
}

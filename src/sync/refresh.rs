//! Refresh: fetch sources concurrently, parse off the async threads, write each feed in one
//! transaction from this one task, and report every step through a channel.

use super::progress::{Progress, RefreshSummary, SourceOutcome, SourceReport};
use crate::fetch::http::{FetchOutcome, FetchedBody, HttpClient, Validators};
use crate::fetch::parse::parse_feed;
use crate::fingerprint::Fingerprint;
use crate::model::{NewItem, Source, SourceId};
use crate::store::{FetchRecord, SourceUpdate, Store, StoreError};
use chrono::{DateTime, Utc};
use std::sync::Arc;
use tokio::sync::Semaphore;
use tokio::sync::mpsc::UnboundedSender;
use tokio::task::JoinSet;

/// Local feed files bigger than this are refused, like HTTP bodies.
const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct RefreshOptions {
    /// Fetches in flight at once, over all hosts.
    pub jobs: usize,
    /// Only this source; `None` for all.
    pub only: Option<SourceId>,
}

impl Default for RefreshOptions {
    fn default() -> Self {
        RefreshOptions {
            jobs: 8,
            only: None,
        }
    }
}

/// What one fetch task hands back to the writer.
enum Fetched {
    Parsed {
        update: SourceUpdate,
        items: Vec<NewItem>,
    },
    /// Nothing to parse; the update carries validators that may have changed.
    Unchanged {
        update: Option<SourceUpdate>,
        status: Option<u16>,
    },
    Postponed {
        status: u16,
        until: DateTime<Utc>,
    },
    Failed {
        status: Option<u16>,
        error: String,
    },
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
        .filter(|s| options.only.is_none_or(|only| only == s.id))
        .collect();
    let _ = progress.send(Progress::Started {
        total: sources.len(),
    });
    let mut summary = RefreshSummary {
        sources: sources.len(),
        ..RefreshSummary::default()
    };

    let permits = Arc::new(Semaphore::new(options.jobs.max(1)));
    let mut tasks = JoinSet::new();
    for source in sources {
        if let Some(until) = source.next_fetch.filter(|until| *until > now) {
            summary.postponed += 1;
            send(progress, &source, SourceOutcome::Deferred { until });
            continue;
        }
        let (client, permits) = (client.clone(), permits.clone());
        tasks.spawn(async move {
            let _permit = permits.acquire_owned().await;
            let fetched = fetch_source(&client, &source).await;
            (source, fetched, Utc::now())
        });
    }
    while let Some(joined) = tasks.join_next().await {
        let Ok((source, fetched, at)) = joined else {
            continue; // a panicking task is a bug, already logged by tokio; the others go on
        };
        let outcome = write(store, &source, fetched, at)?;
        tally(&mut summary, &outcome);
        send(progress, &source, outcome);
    }
    let _ = progress.send(Progress::Finished(summary.clone()));
    Ok(summary)
}

fn send(progress: &UnboundedSender<Progress>, source: &Source, outcome: SourceOutcome) {
    let _ = progress.send(Progress::SourceFinished(SourceReport {
        source_id: source.id,
        title: source.title.clone(),
        url: source.url.clone(),
        outcome,
    }));
}

fn tally(summary: &mut RefreshSummary, outcome: &SourceOutcome) {
    match outcome {
        SourceOutcome::Updated { new, updated } => {
            summary.new_items += new;
            summary.updated_items += updated;
        }
        SourceOutcome::NotModified => summary.not_modified += 1,
        SourceOutcome::Postponed { .. } | SourceOutcome::Deferred { .. } => summary.postponed += 1,
        SourceOutcome::Failed { .. } => summary.failed += 1,
    }
}

/// Stores what a fetch brought; a failure to write is a database problem and stops the refresh.
fn write(
    store: &mut Store,
    source: &Source,
    fetched: Fetched,
    at: DateTime<Utc>,
) -> Result<SourceOutcome, StoreError> {
    Ok(match fetched {
        Fetched::Parsed { update, items } => {
            let stats = store.store_feed(source.id, &update, &items, at)?;
            SourceOutcome::Updated {
                new: stats.new.len(),
                updated: stats.updated,
            }
        }
        Fetched::Unchanged {
            update: Some(update),
            ..
        } => {
            store.store_feed(source.id, &update, &[], at)?;
            SourceOutcome::NotModified
        }
        Fetched::Unchanged {
            update: None,
            status,
        } => {
            store.record_fetch(source.id, &FetchRecord::NotModified { status, at })?;
            SourceOutcome::NotModified
        }
        Fetched::Postponed { status, until } => {
            store.record_fetch(source.id, &FetchRecord::Postponed { status, until, at })?;
            SourceOutcome::Postponed { until }
        }
        Fetched::Failed { status, error } => {
            store.record_fetch(
                source.id,
                &FetchRecord::Failed {
                    status,
                    error: error.clone(),
                    at,
                },
            )?;
            SourceOutcome::Failed { error }
        }
    })
}

async fn fetch_source(client: &HttpClient, source: &Source) -> Fetched {
    if !is_http(&source.url) {
        return read_file(source).await;
    }
    let validators = Validators {
        etag: source.etag.clone(),
        last_modified: source.last_modified.clone(),
    };
    match client.fetch(&source.url, &validators).await {
        Ok(FetchOutcome::NotModified) => Fetched::Unchanged {
            update: None,
            status: Some(304),
        },
        Ok(FetchOutcome::RetryLater { status, until }) => Fetched::Postponed { status, until },
        Ok(FetchOutcome::Fetched(body)) => parse_body(source, body).await,
        Err(error) => Fetched::Failed {
            status: error.status(),
            error: error.to_string(),
        },
    }
}

pub fn is_http(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

async fn read_file(source: &Source) -> Fetched {
    let path = source
        .url
        .strip_prefix("file://")
        .unwrap_or(&source.url)
        .to_string();
    let failed = |error: String| Fetched::Failed {
        status: None,
        error,
    };
    match tokio::fs::metadata(&path).await {
        Ok(meta) if meta.len() > MAX_FILE_BYTES => {
            return failed(format!("{path} is larger than 16 MiB"));
        }
        Ok(_) => {}
        Err(error) => return failed(format!("cannot read {path}: {error}")),
    }
    match tokio::fs::read(&path).await {
        Ok(bytes) => {
            let body = FetchedBody {
                status: 200,
                final_url: file_url(&path),
                moved_permanently_to: None,
                validators: Validators::default(),
                charset: None,
                content_type: None,
                body: bytes,
            };
            parse_body(source, body).await
        }
        Err(error) => failed(format!("cannot read {path}: {error}")),
    }
}

/// Identifies a body already stored. The version is part of it: a newer parser reads an
/// unchanged body again.
pub fn body_fingerprint(body: &[u8]) -> String {
    Fingerprint::new()
        .field(Some(env!("CARGO_PKG_VERSION")))
        .bytes(body)
        .hex()
}

/// A base URL for a local file, so relative links in it still resolve to something.
pub fn file_url(path: &str) -> String {
    url::Url::from_file_path(path)
        .map(String::from)
        .unwrap_or_else(|_| format!("file://{path}"))
}

/// Parses on the blocking pool: a large feed must not stall the fetches of the others.
async fn parse_body(source: &Source, body: FetchedBody) -> Fetched {
    let body_hash = body_fingerprint(&body.body);
    let mut update = SourceUpdate {
        status: Some(body.status),
        etag: body.validators.etag.clone(),
        last_modified: body.validators.last_modified.clone(),
        body_hash: Some(body_hash.clone()),
        moved_to: body.moved_permanently_to.clone(),
        ..SourceUpdate::default()
    };
    if source.body_hash.as_deref() == Some(body_hash.as_str()) {
        return Fetched::Unchanged {
            update: Some(update),
            status: Some(body.status),
        };
    }
    let parsed = tokio::task::spawn_blocking(move || {
        parse_feed(
            &body.body,
            body.charset.as_deref(),
            &body.final_url,
            Utc::now(),
        )
    })
    .await;
    match parsed {
        Ok(Ok(feed)) => {
            update.feed_title = feed.title;
            update.site_url = feed.site_url;
            update.kind = Some(feed.kind);
            Fetched::Parsed {
                update,
                items: feed.items,
            }
        }
        Ok(Err(error)) => Fetched::Failed {
            status: Some(body.status),
            error: error.to_string(),
        },
        Err(_) => Fetched::Failed {
            status: Some(body.status),
            error: "the feed parser crashed on this document".into(),
        },
    }
}

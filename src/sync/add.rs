//! `rounds add` and the newsfeed's add prompt: resolve what the user typed, find the feeds of
//! a page, subscribe, and fetch each once so a typo is caught now.

use super::progress::{Progress, RefreshSummary, SourceOutcome};
use super::refresh::{RefreshOptions, refresh};
use super::targets::{TargetError, resolve};
use crate::fetch::discover::{Candidate, DiscoverError, Found, discover};
use crate::fetch::http::HttpClient;
use crate::model::{NewSource, Source, SourceId};
use crate::store::{Store, StoreError};
use chrono::Utc;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;

/// Which of several feeds found on a page to follow.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Pick {
    /// Several found: ask (the CLI lists them, the newsfeed shows a chooser).
    #[default]
    Ask,
    /// The N-th, from 1, as listed.
    Number(usize),
    All,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct AddRequest {
    pub target: String,
    pub title: Option<String>,
    pub category: Option<String>,
    pub tags: Vec<String>,
    /// The refresh interval (`--every`); `None` for the category's default.
    pub every: Option<Duration>,
    pub pick: Pick,
    /// Subscribe to the address as given, without discovery or a first fetch.
    pub no_fetch: bool,
}

/// Where `add` looks things up besides the request.
#[derive(Debug, Clone, Default)]
pub struct AddContext {
    /// For relative file paths.
    pub cwd: std::path::PathBuf,
    /// The config's `[bridges]`.
    pub bridges: BTreeMap<String, String>,
}

#[derive(Debug, thiserror::Error)]
pub enum AddError {
    #[error(transparent)]
    Target(#[from] TargetError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Discover(#[from] DiscoverError),
    #[error(
        "{url} could not be followed: {error} (nothing was added; use --no-fetch to add it anyway)"
    )]
    FirstFetch { url: String, error: String },
    #[error("{page} has {} feeds; choose one with --pick N, or --all", candidates.len())]
    Choose {
        page: String,
        candidates: Vec<Candidate>,
    },
    #[error("there is no feed number {pick}: {page} has {count}")]
    BadPick {
        page: String,
        pick: usize,
        count: usize,
    },
}

/// One source added, with how its feed was found and what its first fetch brought.
#[derive(Debug, Clone)]
pub struct Added {
    pub source: Source,
    pub found: Found,
    pub summary: Option<RefreshSummary>,
}

/// What an `add` did: the sources added, and those among several that could not be.
#[derive(Debug, Clone, Default)]
pub struct AddOutcome {
    pub added: Vec<Added>,
    /// Feeds of the page left out: already followed, or their first fetch failed.
    pub skipped: Vec<(String, String)>,
}

pub async fn add(
    store: &mut Store,
    client: Arc<HttpClient>,
    request: &AddRequest,
    context: &AddContext,
) -> Result<AddOutcome, AddError> {
    let resolved = resolve(&request.target, &context.cwd, &context.bridges)?;
    let candidates = if resolved.discover && !request.no_fetch {
        discover(&client, &resolved.url)
            .await
            .map_err(|error| match error {
                // The address itself cannot be read: as unreachable as a feed that fails.
                DiscoverError::Page { url, error } => AddError::FirstFetch {
                    url,
                    error: error.to_string(),
                },
                other => AddError::Discover(other),
            })?
    } else {
        vec![Candidate {
            url: resolved.url.clone(),
            title: None,
            found: Found::Itself,
        }]
    };
    let chosen = choose(&resolved.url, candidates, request.pick)?;
    let several = chosen.len() > 1;
    let mut outcome = AddOutcome::default();
    for candidate in chosen {
        let new = NewSource {
            url: candidate.url.clone(),
            // A title given for one feed would be wrong for the others.
            title: request.title.clone().filter(|_| !several),
            site_url: None,
            category: request
                .category
                .clone()
                .or(resolved.category.map(str::to_string)),
            tags: request.tags.clone(),
            refresh_every: request.every,
            origin: resolved.origin.clone(),
        };
        match subscribe(store, client.clone(), &new, request.no_fetch).await {
            Ok((source, summary)) => outcome.added.push(Added {
                source,
                found: candidate.found,
                summary,
            }),
            Err(error) if several => outcome.skipped.push((candidate.url, error.to_string())),
            Err(error) => return Err(error),
        }
    }
    if outcome.added.is_empty()
        && let Some((url, error)) = outcome.skipped.first()
    {
        return Err(AddError::FirstFetch {
            url: url.clone(),
            error: error.clone(),
        });
    }
    Ok(outcome)
}

/// The candidates to follow: the only one, the picked one, all, or an error listing them.
fn choose(page: &str, candidates: Vec<Candidate>, pick: Pick) -> Result<Vec<Candidate>, AddError> {
    match pick {
        _ if candidates.len() == 1 => Ok(candidates),
        Pick::All => Ok(candidates),
        Pick::Number(number) if (1..=candidates.len()).contains(&number) => {
            Ok(vec![candidates[number - 1].clone()])
        }
        Pick::Number(pick) => Err(AddError::BadPick {
            page: page.to_string(),
            pick,
            count: candidates.len(),
        }),
        Pick::Ask => Err(AddError::Choose {
            page: page.to_string(),
            candidates,
        }),
    }
}

/// Adds the source and, unless told not to, fetches it once; a failed first fetch takes the
/// source away again.
async fn subscribe(
    store: &mut Store,
    client: Arc<HttpClient>,
    new: &NewSource,
    no_fetch: bool,
) -> Result<(Source, Option<RefreshSummary>), AddError> {
    let id = store.add_source(new, Utc::now())?;
    if no_fetch {
        return Ok((store.source(id)?, None));
    }
    let (summary, failure) = first_fetch(store, client, id).await?;
    if let Some(error) = failure {
        store.remove_source(id)?;
        return Err(AddError::FirstFetch {
            url: new.url.clone(),
            error,
        });
    }
    Ok((store.source(id)?, Some(summary)))
}

async fn first_fetch(
    store: &mut Store,
    client: Arc<HttpClient>,
    id: SourceId,
) -> Result<(RefreshSummary, Option<String>), StoreError> {
    let (sender, mut receiver) = mpsc::unbounded_channel();
    let options = RefreshOptions {
        only: Some(id),
        ..RefreshOptions::default()
    };
    let summary = refresh(store, client, &options, &sender).await?;
    drop(sender);
    let mut failure = None;
    while let Some(message) = receiver.recv().await {
        if let Progress::SourceFinished(report) = message
            && let SourceOutcome::Failed { error } = report.outcome
        {
            failure = Some(error);
        }
    }
    Ok((summary, failure))
}

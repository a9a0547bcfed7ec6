//! `rounds add`: resolve what the user typed, subscribe, and fetch it once so a typo is caught now.

use super::progress::{Progress, RefreshSummary, SourceOutcome};
use super::refresh::{RefreshOptions, refresh};
use super::targets::{TargetError, resolve};
use crate::fetch::http::HttpClient;
use crate::model::{NewSource, Source, SourceId};
use crate::store::{Store, StoreError};
use chrono::Utc;
use std::path::Path;
use std::sync::Arc;
use tokio::sync::mpsc;

#[derive(Debug, Clone, Default)]
pub struct AddRequest {
    pub target: String,
    pub title: Option<String>,
    pub category: Option<String>,
    pub tags: Vec<String>,
    /// Subscribe without fetching now.
    pub no_fetch: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum AddError {
    #[error(transparent)]
    Target(#[from] TargetError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(
        "{url} could not be followed: {error} (nothing was added; use --no-fetch to add it anyway)"
    )]
    FirstFetch { url: String, error: String },
}

/// The new source as stored after its first fetch, and what that fetch found.
#[derive(Debug, Clone)]
pub struct Added {
    pub source: Source,
    pub summary: Option<RefreshSummary>,
}

pub async fn add(
    store: &mut Store,
    client: Arc<HttpClient>,
    request: &AddRequest,
    cwd: &Path,
) -> Result<Added, AddError> {
    let resolved = resolve(&request.target, cwd)?;
    let new = NewSource {
        url: resolved.url.clone(),
        title: request.title.clone(),
        site_url: None,
        category: request
            .category
            .clone()
            .or(resolved.category.map(str::to_string)),
        tags: request.tags.clone(),
    };
    let id = store.add_source(&new, Utc::now())?;
    if request.no_fetch {
        return Ok(Added {
            source: store.source(id)?,
            summary: None,
        });
    }
    let (summary, failure) = first_fetch(store, client, id).await?;
    if let Some(error) = failure {
        store.remove_source(id)?;
        return Err(AddError::FirstFetch {
            url: resolved.url,
            error,
        });
    }
    Ok(Added {
        source: store.source(id)?,
        summary: Some(summary),
    })
}

async fn first_fetch(
    store: &mut Store,
    client: Arc<HttpClient>,
    id: SourceId,
) -> Result<(RefreshSummary, Option<String>), StoreError> {
    let (sender, mut receiver) = mpsc::unbounded_channel();
    let options = RefreshOptions { only: Some(id) };
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

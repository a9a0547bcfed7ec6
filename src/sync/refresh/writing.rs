//! The single writer: stores what the fetches brought, batching the feeds that are ready at
//! the same moment into one transaction.

use super::fetching::Fetched;
use crate::model::{NewAlert, Source};
use crate::store::{FeedWrite, FetchRecord, PreparedItem, SourceUpdate, Store, StoreError};
use crate::sync::progress::{RefreshSummary, SourceOutcome};
use chrono::{DateTime, Utc};

/// A finished fetch waiting for the writer.
pub(super) struct Done {
    pub source: Source,
    pub fetched: Fetched,
    pub at: DateTime<Utc>,
}

/// What a batch did: each source with its outcome, in the batch's order, and the alerts raised.
pub(super) struct Written {
    pub outcomes: Vec<(Source, SourceOutcome)>,
    pub alerts: Vec<NewAlert>,
}

/// Writes a batch: every feed with content in one transaction, the rest as small records.
/// A failure to write is a database problem and stops the refresh.
pub(super) fn write_batch(store: &mut Store, batch: Vec<Done>) -> Result<Written, StoreError> {
    let feeds: Vec<FeedWrite> = batch
        .iter()
        .filter_map(|done| {
            let (update, items) = content(&done.fetched)?;
            Some(FeedWrite {
                source: done.source.id,
                update,
                items,
                fetched_at: done.at,
            })
        })
        .collect();
    let mut stored = store.store_feeds(&feeds)?.into_iter();
    let mut outcomes = Vec::with_capacity(batch.len());
    let mut alerts = Vec::new();
    for done in batch {
        let outcome = match done.fetched {
            Fetched::Parsed { .. } => {
                let stats = stored.next().unwrap_or_default();
                alerts.extend(stats.alerts);
                SourceOutcome::Updated {
                    new: stats.new.len(),
                    updated: stats.updated,
                }
            }
            Fetched::Unchanged {
                update: Some(_), ..
            } => {
                stored.next();
                SourceOutcome::NotModified
            }
            other => record(store, &done.source, other, done.at)?,
        };
        outcomes.push((done.source, outcome));
    }
    Ok(Written { outcomes, alerts })
}

/// What goes into the batch's transaction for this fetch, if anything.
fn content(fetched: &Fetched) -> Option<(&SourceUpdate, &[PreparedItem])> {
    match fetched {
        Fetched::Parsed { update, items, .. } => Some((update, items)),
        Fetched::Unchanged {
            update: Some(update),
            ..
        } => Some((update, &[])),
        _ => None,
    }
}

/// A fetch that brought nothing to store.
fn record(
    store: &mut Store,
    source: &Source,
    fetched: Fetched,
    at: DateTime<Utc>,
) -> Result<SourceOutcome, StoreError> {
    let (record, outcome) = match fetched {
        Fetched::Postponed { status, until } => (
            FetchRecord::Postponed { status, until, at },
            SourceOutcome::Postponed { until },
        ),
        Fetched::Failed { status, error } => {
            // Errors quote what the server or the feed sent (element names, headers): stored
            // and reported clean, whatever shows them later.
            let error = crate::text::sanitize_line(&error);
            (
                FetchRecord::Failed {
                    status,
                    error: error.clone(),
                    at,
                },
                SourceOutcome::Failed { error },
            )
        }
        Fetched::Unchanged { status, .. } => (
            FetchRecord::NotModified { status, at },
            SourceOutcome::NotModified,
        ),
        Fetched::Parsed { .. } => unreachable!("stored in the batch's transaction"),
    };
    store.record_fetch(source.id, &record)?;
    Ok(outcome)
}

pub(super) fn tally(summary: &mut RefreshSummary, outcome: &SourceOutcome) {
    match outcome {
        SourceOutcome::Updated { new, updated } => {
            summary.new_items += new;
            summary.updated_items += updated;
        }
        SourceOutcome::NotModified => summary.not_modified += 1,
        SourceOutcome::Postponed { .. } | SourceOutcome::Deferred { .. } => summary.postponed += 1,
        SourceOutcome::NotDue { .. } => summary.not_due += 1,
        SourceOutcome::Failed { .. } => summary.failed += 1,
    }
}

//! Retention: after a refresh, items past keeping go, in batches that each hold the writer
//! for at most about `BATCH_BUDGET`. Saved, tagged, alerted (unacknowledged or urgent) items
//! and items still in their feed are never deleted (see `store::retention`).

use crate::store::{RetentionCursor, Store, StoreError};
use chrono::{DateTime, TimeDelta, Utc};
use std::time::Duration;

/// The writer is checked after each chunk: a batch ends soon after this much time.
pub const BATCH_BUDGET: Duration = Duration::from_millis(25);

/// From the config; 0 turns a limit off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionPolicy {
    pub keep_days: u32,
    pub max_items_per_source: u32,
}

impl Default for RetentionPolicy {
    fn default() -> Self {
        RetentionPolicy {
            keep_days: 180,
            max_items_per_source: 1000,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RetentionReport {
    pub removed: usize,
    pub batches: usize,
    /// The longest any batch held the write transaction.
    pub longest_hold: Duration,
}

/// Removes what the policy no longer keeps, batch by batch.
pub fn apply(
    store: &mut Store,
    policy: RetentionPolicy,
    now: DateTime<Utc>,
) -> Result<RetentionReport, StoreError> {
    let cutoff = match policy.keep_days {
        0 => DateTime::<Utc>::MIN_UTC,
        days => now - TimeDelta::days(i64::from(days)),
    };
    let cap = match policy.max_items_per_source {
        0 => u64::MAX,
        cap => u64::from(cap),
    };
    let plan = store.retention_plan(cutoff, cap)?;
    let mut report = RetentionReport::default();
    let mut cursor = Some(RetentionCursor::default());
    while let Some(at) = cursor {
        let batch = store.retention_batch(&plan, at, BATCH_BUDGET)?;
        report.removed += batch.removed;
        report.batches += 1;
        report.longest_hold = report.longest_hold.max(batch.held);
        cursor = batch.next;
    }
    Ok(report)
}

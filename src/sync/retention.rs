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
    apply_in_batches(store, policy, now, BATCH_BUDGET)
}

/// `apply`, each batch ending once `budget` has passed (checked between small chunks).
fn apply_in_batches(
    store: &mut Store,
    policy: RetentionPolicy,
    now: DateTime<Utc>,
    budget: Duration,
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
        let batch = store.retention_batch(&plan, at, budget)?;
        report.removed += batch.removed;
        report.batches += 1;
        report.longest_hold = report.longest_hold.max(batch.held);
        cursor = batch.next;
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NewItem, NewSource};
    use crate::store::SourceUpdate;
    use chrono::TimeZone;

    fn day(n: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).unwrap() + TimeDelta::days(n)
    }

    /// A source whose first document listed `old` items and whose current one lists 3 others.
    fn source_with_old_items(store: &mut Store, old: usize) {
        let new = NewSource {
            url: "https://journal.example/feed".into(),
            ..NewSource::default()
        };
        let id = store.add_source(&new, day(0)).unwrap();
        let items = |range: std::ops::Range<usize>| -> Vec<NewItem> {
            range
                .map(|n| NewItem {
                    guid: format!("g{n}"),
                    title: format!("Item {n}"),
                    published: Some(day(n as i64 % 300)),
                    ..NewItem::default()
                })
                .collect()
        };
        let parsed = SourceUpdate {
            parsed: true,
            ..SourceUpdate::default()
        };
        store
            .store_feed(id, &parsed, &items(0..old), day(300))
            .unwrap();
        store
            .store_feed(id, &parsed, &items(old..old + 3), day(301))
            .unwrap();
    }

    /// The bound is structural, not a stopwatch: with no time to spare, every batch stops after
    /// one chunk of a few dozen items, and the batches together still remove everything due.
    #[test]
    fn a_batch_ends_at_its_budget_and_the_next_one_goes_on() {
        let mut store = Store::open_in_memory().unwrap();
        source_with_old_items(&mut store, 200);
        let policy = RetentionPolicy {
            keep_days: 0,
            max_items_per_source: 50,
        };
        let report = apply_in_batches(&mut store, policy, day(302), Duration::ZERO).unwrap();
        assert_eq!(report.removed, 153, "{report:?}");
        // A chunk examines 16 items: one chunk a batch is at least ten batches for 153.
        assert!(report.batches >= 10, "{report:?}");
        let left = store.stats().unwrap().items;
        assert_eq!(left, 50);
        assert!(store.integrity_ok().unwrap());
    }
}

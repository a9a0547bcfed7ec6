//! Deleting old items in small, time-boxed transactions, so a cron refresh never holds the
//! writer long enough to stall the open newsfeed. The full-text rows, tags and alerts follow
//! their items (trigger and cascades).

use super::convert::to_unix;
use super::{Result, Store};
use crate::model::SourceId;
use chrono::{DateTime, Utc};
use rusqlite::{Transaction, params};
use std::time::{Duration, Instant};

/// Items examined per statement inside a batch.
const CHUNK: i64 = 16;

/// An item retention must never delete: saved, tagged, under an unacknowledged alert or any
/// urgent watch's alert, or still listed by its feed's current document (it would come back
/// as new on the next refresh). A source never parsed since this column existed counts as
/// "still listed": we cannot tell.
const PROTECTED: &str = "(i.saved_at IS NOT NULL \
     OR EXISTS (SELECT 1 FROM item_tag t WHERE t.item_id = i.id) \
     OR EXISTS (SELECT 1 FROM item_alert a WHERE a.item_id = i.id AND (a.acknowledged_at IS NULL \
        OR a.watch_id IN (SELECT w.id FROM watch w WHERE w.urgent != 0))) \
     OR s.document_seq IS NULL OR i.seen_in = s.document_seq)";

/// Which items are past keeping: older than `cutoff`, or beyond a source's newest `cap`.
#[derive(Debug, Clone, PartialEq)]
pub struct RetentionPlan {
    pub cutoff: DateTime<Utc>,
    /// Per source over its cap: the (published, id) of the newest item that goes.
    pub over_cap: Vec<(SourceId, i64, i64)>,
}

/// Where a pass stopped, so the next batch resumes after it instead of rescanning the kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RetentionCursor {
    /// Index into the plan's steps: 0 is the age rule, 1.. the sources over their cap.
    step: usize,
    after: Option<(i64, i64)>,
}

/// What one batch did.
#[derive(Debug, Clone, PartialEq)]
pub struct RetentionBatch {
    pub removed: usize,
    /// How long the batch held the write transaction.
    pub held: Duration,
    /// `None` when everything past keeping is gone.
    pub next: Option<RetentionCursor>,
}

impl Store {
    /// The sources holding more than `cap` items, with the first of their items past it.
    pub fn retention_plan(&self, cutoff: DateTime<Utc>, cap: u64) -> Result<RetentionPlan> {
        let mut over_cap = Vec::new();
        let mut crowded = self
            .conn
            .prepare_cached("SELECT source_id FROM item GROUP BY source_id HAVING count(*) > ?1")?;
        let ids: Vec<i64> = crowded
            .query_map([i64::try_from(cap).unwrap_or(i64::MAX)], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut first_past = self.conn.prepare_cached(
            "SELECT published, id FROM item WHERE source_id = ?1 \
             ORDER BY published DESC, id DESC LIMIT 1 OFFSET ?2",
        )?;
        for id in ids {
            let (published, item) = first_past
                .query_row(params![id, i64::try_from(cap).unwrap_or(i64::MAX)], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
                })?;
            over_cap.push((SourceId(id), published, item));
        }
        Ok(RetentionPlan { cutoff, over_cap })
    }

    /// Deletes unprotected items past keeping, in one transaction that ends once `budget`
    /// has passed (checked between chunks of a few dozen items).
    pub fn retention_batch(
        &mut self,
        plan: &RetentionPlan,
        cursor: RetentionCursor,
        budget: Duration,
    ) -> Result<RetentionBatch> {
        let started = Instant::now();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut cursor = Some(cursor);
        let mut removed = 0;
        while let Some(at) = cursor {
            let (deleted, next) = delete_chunk(&tx, plan, at)?;
            removed += deleted;
            cursor = next;
            if started.elapsed() >= budget {
                break;
            }
        }
        tx.commit()?;
        Ok(RetentionBatch {
            removed,
            held: started.elapsed(),
            next: cursor,
        })
    }

    /// Merges the full-text index's segments and rebuilds the file without its free pages.
    /// Returns the file's size before and after, in bytes.
    pub fn vacuum(&mut self) -> Result<(u64, u64)> {
        let before = self.size_in_bytes()?;
        self.conn
            .execute("INSERT INTO item_fts (item_fts) VALUES ('optimize')", [])?;
        self.conn.execute_batch("VACUUM")?;
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok((before, self.size_in_bytes()?))
    }

    fn size_in_bytes(&self) -> Result<u64> {
        let pages: i64 = self.conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
        let size: i64 = self.conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
        Ok(u64::try_from(pages * size).unwrap_or(0))
    }
}

/// One chunk of the current step: the ids to delete, deleted. Returns the cursor to go on
/// from, `None` when every step is done.
fn delete_chunk(
    tx: &Transaction,
    plan: &RetentionPlan,
    at: RetentionCursor,
) -> Result<(usize, Option<RetentionCursor>)> {
    let (after_published, after_id) = at.after.unwrap_or((i64::MIN, i64::MIN));
    let rows: Vec<(i64, i64, bool)> = if at.step == 0 {
        let sql = format!(
            "SELECT i.published, i.id, {PROTECTED} FROM item i JOIN source s ON s.id = i.source_id \
             WHERE i.published < ?1 AND (i.published, i.id) > (?2, ?3) \
             ORDER BY i.published, i.id LIMIT ?4"
        );
        let mut statement = tx.prepare_cached(&sql)?;
        statement
            .query_map(
                params![to_unix(plan.cutoff), after_published, after_id, CHUNK],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?
            .collect::<rusqlite::Result<_>>()?
    } else {
        let Some((source, last_published, last_id)) = plan.over_cap.get(at.step - 1) else {
            return Ok((0, None));
        };
        let sql = format!(
            "SELECT i.published, i.id, {PROTECTED} FROM item i JOIN source s ON s.id = i.source_id \
             WHERE i.source_id = ?1 AND (i.published, i.id) <= (?2, ?3) \
             AND (i.published, i.id) > (?4, ?5) ORDER BY i.published, i.id LIMIT ?6"
        );
        let mut statement = tx.prepare_cached(&sql)?;
        statement
            .query_map(
                params![
                    source.0,
                    last_published,
                    last_id,
                    after_published,
                    after_id,
                    CHUNK
                ],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?
            .collect::<rusqlite::Result<_>>()?
    };
    let mut delete = tx.prepare_cached("DELETE FROM item WHERE id = ?1")?;
    let mut removed = 0;
    for (_, id, protected) in &rows {
        if !protected {
            removed += delete.execute([id])?;
        }
    }
    let next = match rows.last() {
        Some((published, id, _)) if rows.len() as i64 == CHUNK => Some(RetentionCursor {
            step: at.step,
            after: Some((*published, *id)),
        }),
        _ if at.step < plan.over_cap.len() => Some(RetentionCursor {
            step: at.step + 1,
            after: None,
        }),
        _ => None,
    };
    Ok((removed, next))
}

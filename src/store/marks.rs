//! The user's marks and what they change: which sources' unread counts moved, and where the
//! next unread item of a river is.

use super::convert::to_unix;
use super::search::Compiled;
use super::{Result, Store};
use crate::model::{ItemId, Mark, SourceId};
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params, params_from_iter};
use std::collections::BTreeSet;

/// What `mark_items` did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MarkOutcome {
    /// Ids that name no item.
    pub missing: Vec<ItemId>,
    /// The sources of the items marked, each once: their counts may have moved.
    pub sources: Vec<SourceId>,
}

impl Store {
    /// Applies a mark to each item, in one transaction.
    pub fn mark_items(
        &mut self,
        ids: &[ItemId],
        mark: Mark,
        now: DateTime<Utc>,
    ) -> Result<MarkOutcome> {
        let sql = match mark {
            Mark::Read => {
                "UPDATE item SET read_at = coalesce(read_at, ?2) WHERE id = ?1 RETURNING source_id"
            }
            Mark::Unread => {
                "UPDATE item SET read_at = NULL WHERE id = ?1 AND ?2 IS NOT NULL RETURNING source_id"
            }
            Mark::Save => {
                "UPDATE item SET saved_at = coalesce(saved_at, ?2) WHERE id = ?1 RETURNING source_id"
            }
            Mark::Unsave => {
                "UPDATE item SET saved_at = NULL WHERE id = ?1 AND ?2 IS NOT NULL RETURNING source_id"
            }
        };
        let tx = self.write()?;
        let mut missing = Vec::new();
        let mut sources = BTreeSet::new();
        {
            let mut statement = tx.prepare_cached(sql)?;
            for id in ids {
                let source: Option<i64> = statement
                    .query_row(params![id.0, to_unix(now)], |r| r.get(0))
                    .optional()?;
                match source {
                    Some(source) => sources.insert(SourceId(source)),
                    None => {
                        missing.push(*id);
                        false
                    }
                };
            }
        }
        tx.commit()?;
        Ok(MarkOutcome {
            missing,
            sources: sources.into_iter().collect(),
        })
    }

    /// The unread count of each of these sources: one probe of the unread index per source,
    /// so a mark never costs a scan of every item.
    pub fn unread_counts(&self, sources: &[SourceId]) -> Result<Vec<(SourceId, u64)>> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT count(*) FROM item WHERE source_id = ?1 AND read_at IS NULL")?;
        sources
            .iter()
            .map(|source| {
                let count: i64 = statement.query_row([source.0], |r| r.get(0))?;
                Ok((*source, count as u64))
            })
            .collect()
    }

    /// The position in the river (newest first) of the first unread item at position `from`
    /// or below it, else of the first unread item from the top: `(position, wrapped)`. `None`
    /// when nothing the filter matches is unread.
    pub fn next_unread_position(
        &self,
        filter: &Compiled,
        from: usize,
    ) -> Result<Option<(usize, bool)>> {
        let sql = format!(
            "SELECT n FROM (SELECT row_number() OVER (ORDER BY i.published DESC, i.id DESC) - 1 AS n, \
             i.read_at IS NULL AS unread FROM item i WHERE {}) \
             WHERE unread ORDER BY n < {from}, n LIMIT 1",
            filter.sql,
            from = from as i64,
        );
        let position: Option<i64> = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(&filter.params), |r| r.get(0))
            .optional()?;
        Ok(position.map(|n| (n as usize, (n as usize) < from)))
    }
}

#[cfg(test)]
#[path = "marks_tests.rs"]
mod tests;

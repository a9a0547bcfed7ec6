//! Removing a source without losing what the user kept: its saved and tagged items move to the
//! "removed sources" placeholder (a source row of kind `removed`, listed and searchable like
//! any other, never fetched), and only the rest is deleted.

use super::convert::to_unix;
use super::{Result, Store, StoreError};
use crate::model::{Source, SourceId, SourceKind};
use chrono::Utc;
use rusqlite::{OptionalExtension, Transaction, params};

/// The placeholder's address: not a URL anything can fetch, and unique like every source's.
pub const REMOVED_SOURCES_URL: &str = "rounds:removed-sources";
pub const REMOVED_SOURCES_TITLE: &str = "Removed sources";
/// Its category, so `category:removed` finds the kept items and the newsfeed groups them.
pub const REMOVED_SOURCES_CATEGORY: &str = "removed";

/// An item the user chose to keep: saved or tagged. Over the alias `i`.
const KEPT: &str =
    "(i.saved_at IS NOT NULL OR EXISTS (SELECT 1 FROM item_tag t WHERE t.item_id = i.id))";

/// What removing a source does (before: `plan_removal`) or did (`remove_source`).
#[derive(Debug, Clone, PartialEq)]
pub struct Removal {
    pub source: Source,
    /// Items deleted with the source.
    pub deleted: u64,
    /// Saved or tagged items that outlive it.
    pub kept: u64,
    /// Where the kept items are: the placeholder (`None` when nothing is kept, or when the
    /// removed source was itself the placeholder and it is gone).
    pub kept_in: Option<SourceId>,
}

impl Store {
    /// Counts what `remove_source` would delete and keep; changes nothing. For confirmations.
    pub fn plan_removal(&self, id: SourceId) -> Result<Removal> {
        let source = self.source(id)?;
        let kept = count_kept(&self.conn, id)?;
        let kept_in = if kept == 0 {
            None
        } else if source.is_placeholder() {
            Some(source.id)
        } else {
            self.placeholder_id()?
        };
        Ok(Removal {
            deleted: source.item_count - kept,
            kept,
            kept_in,
            source,
        })
    }

    /// Removes a source in one transaction. Its saved and tagged items move to the placeholder
    /// (created on first use) and remember their source's title and address; the others are
    /// deleted with it (their full-text rows follow through a trigger). Removing the
    /// placeholder itself deletes the items no longer saved or tagged, and the placeholder once
    /// it holds nothing.
    pub fn remove_source(&mut self, id: SourceId) -> Result<Removal> {
        let source = self.source(id)?;
        let tx = self.write()?;
        let kept = count_kept(&tx, id)?;
        let kept_in = if source.is_placeholder() {
            prune_placeholder(&tx, id, kept)?
        } else {
            let placeholder = (kept > 0)
                .then(|| move_kept_items(&tx, &source))
                .transpose()?;
            tx.execute("DELETE FROM source WHERE id = ?1", [id.0])?;
            placeholder
        };
        tx.commit()?;
        Ok(Removal {
            deleted: source.item_count - kept,
            kept,
            kept_in,
            source,
        })
    }

    /// The placeholder's id, if a removal has created it.
    pub fn placeholder_id(&self) -> Result<Option<SourceId>> {
        placeholder_id(&self.conn)
    }
}

fn count_kept(conn: &rusqlite::Connection, id: SourceId) -> Result<u64> {
    let sql = format!("SELECT count(*) FROM item i WHERE i.source_id = ?1 AND {KEPT}");
    let kept: i64 = conn.query_row(&sql, [id.0], |r| r.get(0))?;
    Ok(kept as u64)
}

fn placeholder_id(conn: &rusqlite::Connection) -> Result<Option<SourceId>> {
    Ok(conn
        .query_row(
            "SELECT id FROM source WHERE url = ?1",
            [REMOVED_SOURCES_URL],
            |r| r.get(0).map(SourceId),
        )
        .optional()?)
}

/// Moves the source's kept items to the placeholder. The guid gets the item's id in front:
/// guids are unique per source, and two removed sources may have used the same one.
fn move_kept_items(tx: &Transaction, source: &Source) -> Result<SourceId> {
    let placeholder = ensure_placeholder(tx)?;
    let sql = format!(
        "UPDATE item AS i SET source_id = ?2, guid = i.id || ' ' || i.guid, \
         former_source = coalesce(i.former_source, ?3), \
         former_source_url = coalesce(i.former_source_url, ?4) \
         WHERE i.source_id = ?1 AND {KEPT}"
    );
    tx.execute(
        &sql,
        params![source.id.0, placeholder.0, source.title, source.url],
    )?;
    Ok(placeholder)
}

fn ensure_placeholder(tx: &Transaction) -> Result<SourceId> {
    if let Some(id) = placeholder_id(tx)? {
        return Ok(id);
    }
    tx.execute(
        "INSERT INTO source (url, title, kind, category, added) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            REMOVED_SOURCES_URL,
            REMOVED_SOURCES_TITLE,
            SourceKind::Removed.as_str(),
            REMOVED_SOURCES_CATEGORY,
            to_unix(Utc::now()),
        ],
    )?;
    Ok(SourceId(tx.last_insert_rowid()))
}

/// The placeholder keeps what is still saved or tagged; it goes once it keeps nothing.
fn prune_placeholder(tx: &Transaction, id: SourceId, kept: u64) -> Result<Option<SourceId>> {
    let sql = format!("DELETE FROM item AS i WHERE i.source_id = ?1 AND NOT {KEPT}");
    tx.execute(&sql, [id.0])?;
    if kept > 0 {
        return Ok(Some(id));
    }
    let removed = tx.execute("DELETE FROM source WHERE id = ?1", [id.0])?;
    if removed == 0 {
        return Err(StoreError::UnknownSource(id.to_string()));
    }
    Ok(None)
}

#[cfg(test)]
#[path = "removal_tests.rs"]
mod tests;

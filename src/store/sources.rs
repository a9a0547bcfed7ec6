//! Subscriptions: add, find, list with counts, remove, and what each fetch learnt.

use super::convert::{
    SOURCE_COLUMN_COUNT, SOURCE_COLUMNS, join_lines, source_from_row, to_seconds, to_unix,
};
use super::{Result, Store, StoreError};
use crate::model::{NewSource, Source, SourceEdit, SourceId, SourceKind};
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, params};
use std::collections::HashMap;

/// What a fetch that did not bring new content did to a source.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchRecord {
    NotModified {
        status: Option<u16>,
        at: DateTime<Utc>,
    },
    Failed {
        status: Option<u16>,
        error: String,
        at: DateTime<Utc>,
    },
    Postponed {
        status: u16,
        until: DateTime<Utc>,
        at: DateTime<Utc>,
    },
}

/// What a successful fetch learnt about its source; written with the items, in one transaction.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SourceUpdate {
    pub status: Option<u16>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub body_hash: Option<String>,
    pub feed_title: Option<String>,
    pub site_url: Option<String>,
    pub kind: Option<SourceKind>,
    /// A permanent redirect's target, or the new address a document announced and that
    /// answered: the source's new URL.
    pub moved_to: Option<String>,
    /// The shortest interval the feed or its server asks for.
    pub feed_interval: Option<std::time::Duration>,
    /// The document was parsed (not a body identical to the last one): its items are the
    /// feed's current ones.
    pub parsed: bool,
    /// What the parsed document needed repaired; `None` when no document was parsed (the
    /// body was unchanged), so the last report stands.
    pub repairs: Option<Vec<String>>,
}

impl Store {
    pub fn add_source(&mut self, new: &NewSource, now: DateTime<Utc>) -> Result<SourceId> {
        let tx = self.write()?;
        let id = insert_source(&tx, new, now)?;
        tx.commit()?;
        Ok(id)
    }

    /// Adds many sources at once: all or none.
    pub fn add_sources(&mut self, new: &[NewSource], now: DateTime<Utc>) -> Result<Vec<SourceId>> {
        let tx = self.write()?;
        let ids = new
            .iter()
            .map(|s| insert_source(&tx, s, now))
            .collect::<Result<Vec<_>>>()?;
        tx.commit()?;
        Ok(ids)
    }

    pub fn has_source_url(&self, url: &str) -> Result<bool> {
        let found: Option<i64> = self
            .conn
            .query_row("SELECT id FROM source WHERE url = ?1", [url], |r| r.get(0))
            .optional()?;
        Ok(found.is_some())
    }

    /// Every source, ordered by category then title, with item and unread counts.
    pub fn sources(&self) -> Result<Vec<Source>> {
        let counts = self.item_counts()?;
        let sql = format!(
            "SELECT {SOURCE_COLUMNS} FROM source s \
             ORDER BY coalesce(s.category, '~') COLLATE NOCASE, coalesce(s.title, s.feed_title, s.url) COLLATE NOCASE"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([], |row| {
            let id: i64 = row.get(0)?;
            let (items, unread) = counts.get(&id).copied().unwrap_or((0, 0));
            source_from_row(row, items, unread)
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn item_counts(&self) -> Result<HashMap<i64, (u64, u64)>> {
        let mut counts = HashMap::new();
        let mut all = self
            .conn
            .prepare_cached("SELECT source_id, count(*) FROM item GROUP BY source_id")?;
        for row in all.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))? {
            let (id, n) = row?;
            counts.insert(id, (n as u64, 0));
        }
        let mut unread = self.conn.prepare_cached(
            "SELECT source_id, count(*) FROM item WHERE read_at IS NULL GROUP BY source_id",
        )?;
        for row in unread.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))? {
            let (id, n) = row?;
            counts.entry(id).or_insert((0, 0)).1 = n as u64;
        }
        Ok(counts)
    }

    pub fn source(&self, id: SourceId) -> Result<Source> {
        let sql = format!(
            "SELECT {SOURCE_COLUMNS}, (SELECT count(*) FROM item WHERE source_id = s.id), \
             (SELECT count(*) FROM item WHERE source_id = s.id AND read_at IS NULL) \
             FROM source s WHERE s.id = ?1"
        );
        self.conn
            .query_row(&sql, [id.0], |row| {
                let items: i64 = row.get(SOURCE_COLUMN_COUNT)?;
                let unread: i64 = row.get(SOURCE_COLUMN_COUNT + 1)?;
                source_from_row(row, items as u64, unread as u64)
            })
            .optional()?
            .ok_or_else(|| StoreError::UnknownSource(id.to_string()))
    }

    /// A source named by its id or its exact URL.
    pub fn find_source(&self, key: &str) -> Result<Source> {
        let key = key.trim();
        let id: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM source WHERE url = ?1 OR (?2 IS NOT NULL AND id = ?2)",
                params![key, key.parse::<i64>().ok()],
                |r| r.get(0),
            )
            .optional()?;
        match id {
            Some(id) => self.source(SourceId(id)),
            None => Err(StoreError::UnknownSource(key.to_string())),
        }
    }

    /// Records a fetch that brought nothing to store.
    pub fn record_fetch(&mut self, id: SourceId, record: &FetchRecord) -> Result<()> {
        let sql_and_params = match record {
            FetchRecord::NotModified { status, at } => self.conn.execute(
                "UPDATE source SET last_fetch = ?2, last_status = ?3, last_error = NULL, \
                 failures = 0, next_fetch = NULL, last_success = ?2 WHERE id = ?1",
                params![id.0, to_unix(*at), status.map(i64::from)],
            ),
            FetchRecord::Failed { status, error, at } => self.conn.execute(
                "UPDATE source SET last_fetch = ?2, last_status = ?3, last_error = ?4, \
                 failures = failures + 1, next_fetch = NULL WHERE id = ?1",
                params![id.0, to_unix(*at), status.map(i64::from), error],
            ),
            FetchRecord::Postponed { status, until, at } => self.conn.execute(
                "UPDATE source SET last_fetch = ?2, last_status = ?3, \
                 last_error = 'asked to retry later', next_fetch = ?4 WHERE id = ?1",
                params![id.0, to_unix(*at), i64::from(*status), to_unix(*until)],
            ),
        };
        sql_and_params?;
        Ok(())
    }

    /// Changes what the user may change: title, category, tags, refresh interval.
    pub fn edit_source(&mut self, id: SourceId, edit: &SourceEdit) -> Result<Source> {
        let tx = self.conn.transaction()?;
        let exists = tx.execute(
            "UPDATE source SET \
             title = CASE WHEN ?2 THEN nullif(trim(?3), '') ELSE title END, \
             category = CASE WHEN ?4 THEN nullif(trim(?5), '') ELSE category END, \
             refresh_every = CASE WHEN ?6 THEN ?7 ELSE refresh_every END WHERE id = ?1",
            params![
                id.0,
                edit.title.is_some(),
                edit.title,
                edit.category.is_some(),
                edit.category,
                edit.refresh_every.is_some(),
                edit.refresh_every.flatten().map(to_seconds),
            ],
        )?;
        if exists == 0 {
            return Err(StoreError::UnknownSource(id.to_string()));
        }
        if let Some(tags) = &edit.tags {
            tx.execute("DELETE FROM source_tag WHERE source_id = ?1", [id.0])?;
            insert_source_tags(&tx, id, tags)?;
        }
        tx.commit()?;
        self.source(id)
    }

    pub fn set_source_tags(&mut self, id: SourceId, tags: &[String]) -> Result<()> {
        let tx = self.write()?;
        tx.execute("DELETE FROM source_tag WHERE source_id = ?1", [id.0])?;
        insert_source_tags(&tx, id, tags)?;
        tx.commit()?;
        Ok(())
    }
}

fn insert_source(tx: &Transaction, new: &NewSource, now: DateTime<Utc>) -> Result<SourceId> {
    let inserted = tx.execute(
        "INSERT INTO source (url, title, site_url, category, added, refresh_every, origin) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(url) DO NOTHING",
        params![
            new.url,
            new.title,
            new.site_url,
            new.category,
            to_unix(now),
            new.refresh_every.map(to_seconds),
            new.origin,
        ],
    )?;
    if inserted == 0 {
        return Err(StoreError::DuplicateSource(new.url.clone()));
    }
    let id = SourceId(tx.last_insert_rowid());
    insert_source_tags(tx, id, &new.tags)?;
    Ok(id)
}

fn insert_source_tags(tx: &Transaction, id: SourceId, tags: &[String]) -> Result<()> {
    let mut statement =
        tx.prepare_cached("INSERT OR IGNORE INTO source_tag (source_id, tag) VALUES (?1, ?2)")?;
    for tag in tags.iter().filter_map(|t| super::tags::normalize_tag(t)) {
        statement.execute(params![id.0, tag])?;
    }
    Ok(())
}

/// Writes what a successful fetch learnt; part of the transaction that stores its items.
/// Returns the number of the document when it was parsed: its items are marked seen in it.
pub(super) fn apply_source_update(
    tx: &Transaction,
    id: SourceId,
    update: &SourceUpdate,
    at: DateTime<Utc>,
) -> Result<Option<i64>> {
    tx.execute(
        "UPDATE source SET last_fetch = ?2, last_status = ?3, last_error = NULL, failures = 0, \
         last_success = ?2, next_fetch = NULL, etag = ?4, last_modified = ?5, body_hash = coalesce(?6, body_hash), \
         feed_title = coalesce(?7, feed_title), site_url = coalesce(site_url, ?8), \
         kind = coalesce(?9, kind), feed_interval = coalesce(?10, feed_interval), \
         document_seq = CASE WHEN ?11 THEN coalesce(document_seq, 0) + 1 ELSE document_seq END, \
         repairs = coalesce(?12, repairs) \
         WHERE id = ?1",
        params![
            id.0,
            to_unix(at),
            update.status.map(i64::from),
            update.etag,
            update.last_modified,
            update.body_hash,
            update.feed_title,
            update.site_url,
            update.kind.map(SourceKind::as_str),
            update.feed_interval.map(to_seconds),
            update.parsed,
            update
                .repairs
                .as_ref()
                .map(|repairs| join_lines(repairs).unwrap_or_default()),
        ],
    )?;
    if let Some(new_url) = &update.moved_to {
        // Another subscription may already use the new address; then keep the old one.
        tx.execute(
            "UPDATE OR IGNORE source SET url = ?2 WHERE id = ?1",
            params![id.0, new_url],
        )?;
    }
    if !update.parsed {
        return Ok(None);
    }
    let document = tx.query_row(
        "SELECT document_seq FROM source WHERE id = ?1",
        [id.0],
        |r| r.get(0),
    )?;
    Ok(Some(document))
}

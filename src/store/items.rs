//! Items: storing a feed's items in one transaction, reading them back, the user's marks.

use super::convert::{ITEM_COLUMNS, item_from_row, to_unix};
use super::sources::{SourceUpdate, apply_source_update};
use super::{Result, Store, StoreError};
use crate::fingerprint::Fingerprint;
use crate::model::{Item, ItemId, Mark, NewItem, SourceId};
use crate::text::plain_text;
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, params};
use std::collections::HashSet;

/// What storing one feed's items did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UpsertStats {
    /// Ids of the items seen for the first time, in feed order.
    pub new: Vec<ItemId>,
    pub updated: usize,
    pub unchanged: usize,
}

/// Sizes, for `sources` summaries and benchmarks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoreStats {
    pub sources: u64,
    pub items: u64,
    pub unread: u64,
}

impl Store {
    /// Stores a successful fetch: the source's new state and its items, in one transaction, so a
    /// crash leaves either all of it or none (and the validators never outrun the items).
    /// An item seen before keeps its read/saved/tags; its text is rewritten only if it changed.
    pub fn store_feed(
        &mut self,
        source: SourceId,
        update: &SourceUpdate,
        items: &[NewItem],
        fetched_at: DateTime<Utc>,
    ) -> Result<UpsertStats> {
        let tx = self.conn.transaction()?;
        apply_source_update(&tx, source, update, fetched_at)?;
        let mut stats = UpsertStats::default();
        let mut seen = HashSet::new();
        for item in items.iter().filter(|item| seen.insert(item.guid.as_str())) {
            upsert_item(&tx, source, item, fetched_at, &mut stats)?;
        }
        tx.commit()?;
        Ok(stats)
    }

    pub fn item(&self, id: ItemId) -> Result<Item> {
        let sql = format!(
            "SELECT {ITEM_COLUMNS} FROM item i JOIN source s ON s.id = i.source_id WHERE i.id = ?1"
        );
        self.conn
            .query_row(&sql, [id.0], item_from_row)
            .optional()?
            .ok_or(StoreError::UnknownItem(id.0))
    }

    /// Applies a mark to each item; returns the ids that do not exist.
    pub fn mark(&mut self, ids: &[ItemId], mark: Mark, now: DateTime<Utc>) -> Result<Vec<ItemId>> {
        let sql = match mark {
            Mark::Read => "UPDATE item SET read_at = coalesce(read_at, ?2) WHERE id = ?1",
            Mark::Unread => "UPDATE item SET read_at = NULL WHERE id = ?1 AND ?2 IS NOT NULL",
            Mark::Save => "UPDATE item SET saved_at = coalesce(saved_at, ?2) WHERE id = ?1",
            Mark::Unsave => "UPDATE item SET saved_at = NULL WHERE id = ?1 AND ?2 IS NOT NULL",
        };
        let tx = self.conn.transaction()?;
        let mut missing = Vec::new();
        {
            let mut statement = tx.prepare_cached(sql)?;
            for id in ids {
                if statement.execute(params![id.0, to_unix(now)])? == 0 {
                    missing.push(*id);
                }
            }
        }
        tx.commit()?;
        Ok(missing)
    }

    pub fn stats(&self) -> Result<StoreStats> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM source), (SELECT count(*) FROM item), \
             (SELECT count(*) FROM item WHERE read_at IS NULL)",
            [],
            |r| {
                Ok(StoreStats {
                    sources: r.get::<_, i64>(0)? as u64,
                    items: r.get::<_, i64>(1)? as u64,
                    unread: r.get::<_, i64>(2)? as u64,
                })
            },
        )?)
    }
}

fn upsert_item(
    tx: &Transaction,
    source: SourceId,
    item: &NewItem,
    fetched_at: DateTime<Utc>,
    stats: &mut UpsertStats,
) -> Result<()> {
    let hash = content_hash(item);
    let existing: Option<(i64, i64)> = tx
        .prepare_cached("SELECT id, content_hash FROM item WHERE source_id = ?1 AND guid = ?2")?
        .query_row(params![source.0, item.guid], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match existing {
        None => {
            let id = insert_item(tx, source, item, hash, fetched_at)?;
            index_item(tx, id, item)?;
            stats.new.push(ItemId(id));
        }
        Some((id, old_hash)) if old_hash != hash => {
            update_item(tx, id, item, hash)?;
            tx.prepare_cached("DELETE FROM item_fts WHERE rowid = ?1")?
                .execute([id])?;
            index_item(tx, id, item)?;
            stats.updated += 1;
        }
        Some(_) => stats.unchanged += 1,
    }
    Ok(())
}

fn insert_item(
    tx: &Transaction,
    source: SourceId,
    item: &NewItem,
    hash: i64,
    fetched_at: DateTime<Utc>,
) -> Result<i64> {
    let published = item.published.map(to_unix).unwrap_or(to_unix(fetched_at));
    tx.prepare_cached(
        "INSERT INTO item (source_id, guid, url, title, author, published, updated, summary, content, \
         enclosure_url, enclosure_type, categories, doi, pmid, cluster_key, content_hash, fetched) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?
    .execute(params![
        source.0,
        item.guid,
        item.url,
        item.title,
        item.author,
        published,
        item.updated.map(to_unix),
        item.summary,
        item.content,
        item.enclosure_url,
        item.enclosure_type,
        super::convert::join_lines(&item.categories),
        item.doi,
        item.pmid,
        cluster_key(item),
        hash,
        to_unix(fetched_at),
    ])?;
    Ok(tx.last_insert_rowid())
}

fn update_item(tx: &Transaction, id: i64, item: &NewItem, hash: i64) -> Result<()> {
    tx.prepare_cached(
        "UPDATE item SET url = ?2, title = ?3, author = ?4, published = coalesce(?5, published), \
         updated = ?6, summary = ?7, content = ?8, enclosure_url = ?9, enclosure_type = ?10, \
         categories = ?11, doi = ?12, pmid = ?13, cluster_key = ?14, content_hash = ?15 WHERE id = ?1",
    )?
    .execute(params![
        id,
        item.url,
        item.title,
        item.author,
        item.published.map(to_unix),
        item.updated.map(to_unix),
        item.summary,
        item.content,
        item.enclosure_url,
        item.enclosure_type,
        super::convert::join_lines(&item.categories),
        item.doi,
        item.pmid,
        cluster_key(item),
        hash,
    ])?;
    Ok(())
}

/// Writes the item's searchable text; the caller keeps it in the item's transaction.
fn index_item(tx: &Transaction, id: i64, item: &NewItem) -> Result<()> {
    let identifiers = [item.doi.as_deref(), item.pmid.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    tx.prepare_cached(
        "INSERT INTO item_fts (rowid, title, summary, content, authors, identifiers, categories) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        id,
        item.title,
        item.summary.as_deref().map(plain_text),
        item.content.as_deref().map(plain_text),
        item.author,
        identifiers,
        item.categories.join(" "),
    ])?;
    Ok(())
}

/// The same paper across feeds: by DOI, else PubMed id, else canonical link.
fn cluster_key(item: &NewItem) -> Option<String> {
    if let Some(doi) = &item.doi {
        return Some(format!("doi:{doi}"));
    }
    if let Some(pmid) = &item.pmid {
        return Some(format!("pmid:{pmid}"));
    }
    item.url.as_ref().map(|url| format!("url:{url}"))
}

/// A stable fingerprint of what the feed said about an item.
fn content_hash(item: &NewItem) -> i64 {
    let mut fingerprint = Fingerprint::new()
        .field(item.url.as_deref())
        .field(Some(&item.title))
        .field(item.author.as_deref())
        .field(item.summary.as_deref())
        .field(item.content.as_deref())
        .field(item.enclosure_url.as_deref())
        .field(item.doi.as_deref())
        .field(item.pmid.as_deref())
        .field(Some(&item.categories.join("\n")));
    for time in [item.published, item.updated] {
        fingerprint = fingerprint.bytes(&time.map(|t| t.timestamp()).unwrap_or(0).to_le_bytes());
    }
    fingerprint.finish() as i64
}

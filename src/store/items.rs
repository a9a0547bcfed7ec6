//! Items: storing a feed's items in one transaction, reading them back, the user's marks.

use super::alerting::{Candidate, alert_window, raise_alerts};
use super::convert::{ITEM_COLUMNS, item_from_row, to_unix};
use super::prepare::{PreparedItem, prepare};
use super::sources::{SourceUpdate, apply_source_update};
use super::stories;
use super::{Result, Store, StoreError, immediate};
use crate::model::{Item, ItemId, Mark, NewAlert, NewItem, Notice, SourceId};
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, ToSql, Transaction, params, params_from_iter};
use std::collections::HashSet;

/// What storing one feed's items did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UpsertStats {
    /// Ids of the items seen for the first time, in feed order.
    pub new: Vec<ItemId>,
    pub updated: usize,
    pub unchanged: usize,
    /// Alerts the watches raised on the new items.
    pub alerts: Vec<NewAlert>,
}

/// One feed's share of `Store::store_feeds`.
#[derive(Debug, Clone, Copy)]
pub struct FeedWrite<'a> {
    pub source: SourceId,
    pub update: &'a SourceUpdate,
    pub items: &'a [PreparedItem],
    pub fetched_at: DateTime<Utc>,
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
        let prepared = prepare(items.to_vec());
        self.store_prepared(source, update, &prepared, fetched_at)
    }

    /// `store_feed` for items prepared beforehand (on another thread).
    pub fn store_prepared(
        &mut self,
        source: SourceId,
        update: &SourceUpdate,
        items: &[PreparedItem],
        fetched_at: DateTime<Utc>,
    ) -> Result<UpsertStats> {
        let feed = FeedWrite {
            source,
            update,
            items,
            fetched_at,
        };
        Ok(self.store_feeds(&[feed])?.remove(0))
    }

    /// Stores several fetched feeds in one transaction: each feed is whole or absent after a
    /// crash, and a refresh that batches the feeds ready at the same moment commits (and grows
    /// the full-text index) far less often. The watches are tested on the new items in the same
    /// transaction, once for the whole batch.
    pub fn store_feeds(&mut self, feeds: &[FeedWrite]) -> Result<Vec<UpsertStats>> {
        let read_whole_story = self.read_whole_story;
        let backlog = self.alert_backlog;
        // The connection and the parsed watches, borrowed apart.
        let tx = immediate(&mut self.conn)?;
        let mut all = Vec::with_capacity(feeds.len());
        let mut candidates = Vec::new();
        for feed in feeds {
            let window = alert_window(&tx, feed.source, feed.fetched_at, backlog)?;
            let document = apply_source_update(&tx, feed.source, feed.update, feed.fetched_at)?;
            let mut stats = UpsertStats::default();
            let mut seen = HashSet::new();
            for prepared in feed
                .items
                .iter()
                .filter(|p| seen.insert(p.item.guid.as_str()))
            {
                let write = ItemWrite {
                    source: feed.source,
                    prepared,
                    fetched_at: feed.fetched_at,
                    document,
                    read_whole_story,
                };
                let new = upsert_item(&tx, &write, &mut stats)?;
                if let Some(id) = new.filter(|_| window.admits(prepared.item.published)) {
                    candidates.push(Candidate {
                        id,
                        feed: all.len(),
                        item: &prepared.item,
                        fetched_at: feed.fetched_at,
                    });
                }
            }
            all.push(stats);
        }
        if let Some(now) = feeds.iter().map(|feed| feed.fetched_at).max() {
            for (feed, alert) in
                raise_alerts(&tx, &mut self.watch_queries, &candidates, feeds, now)?
            {
                all[feed].alerts.push(alert);
            }
        }
        tx.commit()?;
        Ok(all)
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
        Ok(self.mark_items(ids, mark, now)?.missing)
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

/// One item of a feed being stored.
struct ItemWrite<'a> {
    source: SourceId,
    prepared: &'a PreparedItem,
    fetched_at: DateTime<Utc>,
    /// Which of its source's documents the item was seen in (retention keeps what is).
    document: Option<i64>,
    read_whole_story: bool,
}

/// Inserts or updates one item; returns its id when it is new.
fn upsert_item(
    tx: &Transaction,
    write: &ItemWrite,
    stats: &mut UpsertStats,
) -> Result<Option<ItemId>> {
    let (item, hash) = (&write.prepared.item, write.prepared.hash);
    let existing: Option<(i64, i64)> = tx
        .prepare_cached("SELECT id, content_hash FROM item WHERE source_id = ?1 AND guid = ?2")?
        .query_row(params![write.source.0, item.guid], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    match existing {
        None => {
            let placement = stories::place_new(tx, write.source, write.prepared)?;
            let id = insert_item(tx, write, &placement)?;
            stories::write_keys(tx, id, write.prepared)?;
            stories::settle_new(tx, &placement, write.prepared)?;
            index_item(tx, id, write.prepared)?;
            stats.new.push(ItemId(id));
            return Ok(Some(ItemId(id)));
        }
        Some((id, old_hash)) if old_hash != hash => {
            update_item(tx, id, write.prepared, write.document)?;
            stories::rekey(tx, id, write.source, write.prepared)?;
            super::story_candidates::revisit(tx, &write.prepared.keys)?;
            tx.prepare_cached("DELETE FROM item_fts WHERE rowid = ?1")?
                .execute([id])?;
            index_item(tx, id, write.prepared)?;
            stats.updated += 1;
        }
        Some((id, _)) => {
            // Still in the feed's current document: retention must keep it.
            if let Some(document) = write.document {
                tx.prepare_cached("UPDATE item SET seen_in = ?2 WHERE id = ?1")?
                    .execute(params![id, document])?;
            }
            stats.unchanged += 1;
        }
    }
    Ok(None)
}

/// The bibliographic fields, identifiers beyond DOI and PMID, and evidence cues, as bound
/// after the item's own columns (`?A` to `?A+11` in the statements below).
struct PaperColumns {
    ncts: Option<String>,
    authors: Option<String>,
    role: i64,
    notice: i64,
}

impl PaperColumns {
    fn of(prepared: &PreparedItem) -> PaperColumns {
        let paper = &prepared.item.paper;
        PaperColumns {
            ncts: super::convert::join_lines(&paper.ncts),
            authors: super::convert::join_lines(&paper.authors),
            role: paper.role.code(),
            notice: Notice::code(prepared.evidence.notice),
        }
    }

    fn values<'a>(&'a self, prepared: &'a PreparedItem) -> [&'a dyn ToSql; 12] {
        let paper = &prepared.item.paper;
        [
            &paper.pmcid,
            &self.ncts,
            &self.authors,
            &paper.journal,
            &paper.volume,
            &paper.issue,
            &paper.pages,
            &paper.article_type,
            &self.role,
            &prepared.authority,
            &prepared.evidence.preprint,
            &self.notice,
        ]
    }
}

fn insert_item(tx: &Transaction, write: &ItemWrite, placement: &stories::Placement) -> Result<i64> {
    let prepared = write.prepared;
    let (item, hash) = (&prepared.item, prepared.hash);
    let published = item
        .published
        .map(to_unix)
        .unwrap_or(to_unix(write.fetched_at));
    // A new version of a story already read arrives read: the paper is not news again.
    let read_at =
        (write.read_whole_story && placement.story_read).then_some(to_unix(write.fetched_at));
    let (categories, cluster, fetched) = (
        super::convert::join_lines(&item.categories),
        prepared.cluster_key(),
        to_unix(write.fetched_at),
    );
    let lead = placement.joined.is_empty();
    let seen_in = write.document;
    let paper = PaperColumns::of(prepared);
    let own: [&dyn ToSql; 20] = [
        &write.source.0,
        &item.guid,
        &item.url,
        &item.title,
        &item.author,
        &published,
        &item.updated.map(to_unix),
        &item.summary,
        &item.content,
        &item.enclosure_url,
        &item.enclosure_type,
        &categories,
        &item.doi,
        &item.pmid,
        &cluster,
        &hash,
        &fetched,
        &read_at,
        &placement.story,
        &lead,
    ];
    tx.prepare_cached(
        "INSERT INTO item (source_id, guid, url, title, author, published, updated, summary, content, \
         enclosure_url, enclosure_type, categories, doi, pmid, cluster_key, content_hash, fetched, \
         read_at, story, lead, story_size, story_latest, \
         pmcid, nct, authors, journal, volume, issue, pages, article_type, paper_role, authority, \
         preprint, notice, seen_in) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, \
                 ?18, ?19, ?20, 1, ?6, \
                 ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33)",
    )?
    .execute(params_from_iter(
        own.into_iter()
            .chain(paper.values(prepared))
            .chain([&seen_in as &dyn ToSql]),
    ))?;
    Ok(tx.last_insert_rowid())
}

fn update_item(
    tx: &Transaction,
    id: i64,
    prepared: &PreparedItem,
    document: Option<i64>,
) -> Result<()> {
    let (item, hash) = (&prepared.item, prepared.hash);
    let (published, updated, categories, cluster) = (
        item.published.map(to_unix),
        item.updated.map(to_unix),
        super::convert::join_lines(&item.categories),
        prepared.cluster_key(),
    );
    let paper = PaperColumns::of(prepared);
    let own: [&dyn ToSql; 15] = [
        &id,
        &item.url,
        &item.title,
        &item.author,
        &published,
        &updated,
        &item.summary,
        &item.content,
        &item.enclosure_url,
        &item.enclosure_type,
        &categories,
        &item.doi,
        &item.pmid,
        &cluster,
        &hash,
    ];
    tx.prepare_cached(
        "UPDATE item SET url = ?2, title = ?3, author = ?4, published = coalesce(?5, published), \
         updated = ?6, summary = ?7, content = ?8, enclosure_url = ?9, enclosure_type = ?10, \
         categories = ?11, doi = ?12, pmid = ?13, cluster_key = ?14, content_hash = ?15, \
         pmcid = ?16, nct = ?17, authors = ?18, journal = ?19, volume = ?20, issue = ?21, \
         pages = ?22, article_type = ?23, paper_role = ?24, authority = ?25, preprint = ?26, \
         notice = ?27, seen_in = coalesce(?28, seen_in) WHERE id = ?1",
    )?
    .execute(params_from_iter(
        own.into_iter()
            .chain(paper.values(prepared))
            .chain([&document as &dyn ToSql]),
    ))?;
    Ok(())
}

/// Writes the item's searchable text; the caller keeps it in the item's transaction.
fn index_item(tx: &Transaction, id: i64, prepared: &PreparedItem) -> Result<()> {
    let item = &prepared.item;
    let identifiers = [
        item.doi.as_deref(),
        item.pmid.as_deref(),
        item.paper.pmcid.as_deref(),
    ]
    .into_iter()
    .flatten()
    .chain(item.paper.ncts.iter().map(String::as_str))
    .collect::<Vec<_>>()
    .join(" ");
    tx.prepare_cached(
        "INSERT INTO item_fts (rowid, title, summary, content, authors, identifiers, categories) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        id,
        item.title,
        prepared.summary_text,
        prepared.content_text,
        item.author,
        identifiers,
        item.categories.join(" "),
    ])?;
    Ok(())
}

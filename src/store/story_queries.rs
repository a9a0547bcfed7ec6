//! Reading stories: the river with one row per story, the versions of a story, `also_in` for
//! a page of items, and marks that apply to a whole story. Each is one query per page (or per
//! chunk of ids), over the story columns kept on write.

use super::convert::{
    ITEM_COLUMNS, SUMMARY_COLUMNS, item_from_row, opt_from_unix, summary_from_row, to_unix,
};
use super::search::Compiled;
use super::story_plans::PagePlan;
use super::{Result, Store};
use crate::model::{Evidence, Item, ItemId, ItemSummary, Mark, Notice, SourceId, StoryId, Version};
use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};
use std::collections::HashMap;

/// Ids per `IN (…)` list, well under SQLite's limit on bound values.
const CHUNK: usize = 500;

/// Columns for `version_from_row`, over `item o JOIN source s JOIN item_rank r`.
const VERSION_COLUMNS: &str = "o.id, o.source_id, coalesce(s.title, s.feed_title, s.url), s.category, \
     o.title, o.url, o.published, o.read_at IS NOT NULL, \
     (o.preprint OR lower(coalesce(s.category, '')) IN ('preprint', 'preprints')), o.notice, o.lead";

const VERSION_JOINS: &str = "JOIN source s ON s.id = o.source_id JOIN item_rank r ON r.id = o.id";

fn version_from_row(row: &rusqlite::Row, first: usize) -> rusqlite::Result<Version> {
    Ok(Version {
        id: ItemId(row.get(first)?),
        source_id: SourceId(row.get(first + 1)?),
        source_title: row.get(first + 2)?,
        category: row.get(first + 3)?,
        title: row.get(first + 4)?,
        url: row.get(first + 5)?,
        published: opt_from_unix(row.get(first + 6)?),
        read: row.get(first + 7)?,
        evidence: Evidence {
            preprint: row.get(first + 8)?,
            notice: Notice::from_code(row.get(first + 9)?),
        },
        lead: row.get(first + 10)?,
    })
}

/// What a story row shows of all its versions.
#[derive(Debug, Clone, Default)]
struct Totals {
    latest: Option<DateTime<Utc>>,
    all_read: bool,
    any_saved: bool,
    notice: Option<Notice>,
    tags: Vec<String>,
}

/// Marks that took effect, including other versions of the stories marked read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marked {
    pub ids: Vec<ItemId>,
    pub missing: Vec<ItemId>,
    /// The sources of the items marked, each once: their counts may have moved.
    pub sources: Vec<SourceId>,
}

/// The filter narrowed to story leads: a story shows when any of its versions matches. An
/// item alone is tested directly; the versions of stories are tested once, as a set.
pub fn stories_matching(filter: &Compiled) -> Compiled {
    if filter.sql == "1" {
        return Compiled::new("i.lead = 1".into(), Vec::new());
    }
    // CASE, not OR: the planner cannot take the filter's own indexes for the leads' query
    // through it, so it keeps walking the leads newest first and stops at the page's end.
    let sql = format!(
        "i.lead = 1 AND CASE WHEN i.story_size = 1 THEN ({f}) ELSE i.story IN \
         (SELECT i.story FROM item i INDEXED BY item_story_versions \
          WHERE i.story_size > 1 AND ({f})) END",
        f = filter.sql
    );
    let mut params = filter.params.clone();
    params.extend(filter.params.iter().cloned());
    Compiled::new(sql, params)
}

fn placeholders(count: usize) -> String {
    vec!["?"; count].join(", ")
}

impl Store {
    /// One page of the river with a row per story: its lead, dated by its newest version,
    /// read when every version is, saved and tagged when any is.
    pub fn list_stories(
        &self,
        filter: &Compiled,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<ItemSummary>> {
        let plan = self.page_plan(filter, offset)?;
        self.list_stories_by(plan, filter, limit, offset)
    }

    /// `list_stories` with the way its leads are found chosen by the caller.
    pub(super) fn list_stories_by(
        &self,
        plan: PagePlan,
        filter: &Compiled,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<ItemSummary>> {
        let leads = plan.leads(filter);
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM item i JOIN source s ON s.id = i.source_id \
             WHERE i.id IN (SELECT i.id FROM item i WHERE {} \
                ORDER BY i.story_latest DESC, i.id DESC LIMIT {} OFFSET {}) \
             ORDER BY i.story_latest DESC, i.id DESC",
            leads.sql, limit as i64, offset as i64
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(params_from_iter(&leads.params), summary_from_row)?;
        let mut rows = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        self.apply_totals(&mut rows, true)?;
        Ok(rows)
    }

    /// Story leads in full, newest story first: `list --stories --json` and exports of the
    /// river as stories.
    pub fn list_full_stories(&self, filter: &Compiled, limit: usize) -> Result<Vec<Item>> {
        let leads = stories_matching(filter);
        let sql = format!(
            "SELECT {ITEM_COLUMNS} FROM item i JOIN source s ON s.id = i.source_id \
             WHERE {} ORDER BY i.story_latest DESC, i.id DESC LIMIT {}",
            leads.sql,
            limit.min(i64::MAX as usize) as i64
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(params_from_iter(&leads.params), item_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// `next_unread_position` for the river of stories: a story is unread while any of its
    /// versions is.
    pub fn next_unread_story_position(
        &self,
        filter: &Compiled,
        from: usize,
    ) -> Result<Option<(usize, bool)>> {
        let leads = stories_matching(filter);
        let sql = format!(
            "SELECT n FROM (SELECT row_number() OVER (ORDER BY i.story_latest DESC, i.id DESC) - 1 AS n, \
             ((i.story_size = 1 AND i.read_at IS NULL) OR (i.story_size > 1 AND i.story IN \
               (SELECT story FROM item WHERE story_size > 1 AND read_at IS NULL))) AS unread \
             FROM item i WHERE {}) WHERE unread ORDER BY n < {from}, n LIMIT 1",
            leads.sql,
            from = from as i64,
        );
        let position: Option<i64> = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(&leads.params), |r| r.get(0))
            .optional()?;
        Ok(position.map(|n| (n as usize, (n as usize) < from)))
    }

    /// How many stories have a version the filter matches: one statement for every filter.
    /// The story index holds the lanes' columns (read, saved, published), so for a filter
    /// without an index of its own SQLite walks that index alone, in story order, and counts
    /// distinct stories as they pass, with no sort; a selective filter uses its own index.
    pub fn count_stories(&self, filter: &Compiled) -> Result<usize> {
        let sql = format!(
            "SELECT count(DISTINCT i.story) FROM item i WHERE {}",
            filter.sql
        );
        let count: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(&filter.params), |r| r.get(0))?;
        Ok(count as usize)
    }

    /// Story rows take their story's totals; flat rows take only the story's notice (a
    /// retraction shows on every version).
    pub(super) fn apply_totals(&self, rows: &mut [ItemSummary], story_rows: bool) -> Result<()> {
        let stories: Vec<i64> = rows
            .iter()
            .filter(|row| row.story.versions > 1)
            .map(|row| row.story.id.0)
            .collect();
        if stories.is_empty() {
            return Ok(());
        }
        let totals = story_totals(&self.conn, &stories)?;
        for row in rows.iter_mut() {
            let Some(total) = totals.get(&row.story.id.0) else {
                continue;
            };
            row.evidence.notice = row.evidence.notice.max(total.notice);
            if story_rows {
                row.published = total.latest.or(row.published);
                row.read = total.all_read;
                row.saved = total.any_saved;
                row.tags = total.tags.clone();
            }
        }
        Ok(())
    }

    /// Every version of the item's story (the item too), most authoritative first.
    pub fn versions(&self, id: ItemId) -> Result<Vec<Version>> {
        let sql = format!(
            "SELECT {VERSION_COLUMNS} FROM item o {VERSION_JOINS} \
             WHERE o.story = (SELECT story FROM item WHERE id = ?1) \
             ORDER BY r.rank, o.published DESC, o.id DESC"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([id.0], |row| version_from_row(row, 0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The other versions of each item's story, most authoritative first: one query per
    /// chunk of ids, not one per item.
    pub fn also_in(&self, ids: &[ItemId]) -> Result<HashMap<ItemId, Vec<Version>>> {
        let mut found: HashMap<ItemId, Vec<Version>> = HashMap::new();
        for chunk in ids.chunks(CHUNK) {
            let sql = format!(
                "SELECT i.id, {VERSION_COLUMNS} FROM item i \
                 JOIN item o ON o.story = i.story AND o.id != i.id {VERSION_JOINS} \
                 WHERE i.id IN ({}) AND i.story_size > 1 \
                 ORDER BY i.id, r.rank, o.published DESC, o.id DESC",
                placeholders(chunk.len())
            );
            let mut statement = self.conn.prepare_cached(&sql)?;
            let rows = statement
                .query_map(params_from_iter(chunk.iter().map(|id| id.0)), |row| {
                    Ok((ItemId(row.get(0)?), version_from_row(row, 1)?))
                })?;
            for row in rows {
                let (id, version) = row?;
                found.entry(id).or_default().push(version);
            }
        }
        Ok(found)
    }

    /// Every version (in full) of these stories: for exports, which complete a paper's record
    /// from its other versions.
    pub fn story_items(&self, stories: &[StoryId]) -> Result<Vec<Item>> {
        let mut items = Vec::new();
        for chunk in stories.chunks(CHUNK) {
            let sql = format!(
                "SELECT {ITEM_COLUMNS} FROM item i JOIN source s ON s.id = i.source_id \
                 WHERE i.story IN ({}) ORDER BY i.id",
                placeholders(chunk.len())
            );
            let mut statement = self.conn.prepare_cached(&sql)?;
            let rows =
                statement.query_map(params_from_iter(chunk.iter().map(|s| s.0)), item_from_row)?;
            items.extend(rows.collect::<rusqlite::Result<Vec<_>>>()?);
        }
        Ok(items)
    }

    /// Applies a mark; with `read_whole_story`, reading an item reads every version of its
    /// story. Returns every item that took the mark.
    pub fn mark_stories(
        &mut self,
        ids: &[ItemId],
        mark: Mark,
        now: DateTime<Utc>,
    ) -> Result<Marked> {
        if mark != Mark::Read || !self.read_whole_story {
            let outcome = self.mark_items(ids, mark, now)?;
            let marked = ids
                .iter()
                .filter(|id| !outcome.missing.contains(id))
                .copied()
                .collect();
            return Ok(Marked {
                ids: marked,
                missing: outcome.missing,
                sources: outcome.sources,
            });
        }
        let tx = self.write()?;
        let mut marked = Marked::default();
        {
            let mut statement = tx.prepare_cached(
                "UPDATE item SET read_at = coalesce(read_at, ?2) \
                 WHERE story = (SELECT story FROM item WHERE id = ?1) RETURNING id, source_id",
            )?;
            for id in ids {
                let rows = statement.query_map(params![id.0, to_unix(now)], |r| {
                    Ok((ItemId(r.get(0)?), SourceId(r.get(1)?)))
                })?;
                let touched = rows.collect::<rusqlite::Result<Vec<_>>>()?;
                if touched.is_empty() {
                    marked.missing.push(*id);
                }
                for (other, source) in touched {
                    if !marked.ids.contains(&other) {
                        marked.ids.push(other);
                    }
                    if !marked.sources.contains(&source) {
                        marked.sources.push(source);
                    }
                }
            }
        }
        tx.commit()?;
        Ok(marked)
    }
}

fn story_totals(conn: &Connection, stories: &[i64]) -> Result<HashMap<i64, Totals>> {
    let mut totals: HashMap<i64, Totals> = HashMap::new();
    for chunk in stories.chunks(CHUNK) {
        let list = placeholders(chunk.len());
        let values: Vec<Value> = chunk.iter().map(|s| Value::Integer(*s)).collect();
        let sql = format!(
            "SELECT story, max(published), min(read_at IS NOT NULL), max(saved_at IS NOT NULL), \
             max(notice) FROM item WHERE story IN ({list}) GROUP BY story"
        );
        let mut statement = conn.prepare_cached(&sql)?;
        let rows = statement.query_map(params_from_iter(&values), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Totals {
                    latest: opt_from_unix(r.get(1)?),
                    all_read: r.get(2)?,
                    any_saved: r.get(3)?,
                    notice: Notice::from_code(r.get(4)?),
                    tags: Vec::new(),
                },
            ))
        })?;
        for row in rows {
            let (story, total) = row?;
            totals.insert(story, total);
        }
        let sql = format!(
            "SELECT DISTINCT i.story, t.tag FROM item i JOIN item_tag t ON t.item_id = i.id \
             WHERE i.story IN ({list}) ORDER BY t.tag"
        );
        let mut statement = conn.prepare_cached(&sql)?;
        let rows = statement.query_map(params_from_iter(&values), |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?;
        for row in rows {
            let (story, tag) = row?;
            totals.entry(story).or_default().tags.push(tag);
        }
    }
    Ok(totals)
}

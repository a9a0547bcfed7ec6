//! Conversions between SQLite values and the model.

use crate::model::{
    AlertState, Evidence, Item, ItemAlert, ItemId, ItemSummary, Notice, Paper, PaperRole, Source,
    SourceId, SourceKind, StoryId, StoryInfo,
};
use chrono::{DateTime, Utc};
use rusqlite::Row;

pub fn to_unix(time: DateTime<Utc>) -> i64 {
    time.timestamp()
}

pub fn from_unix(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

pub fn opt_from_unix(seconds: Option<i64>) -> Option<DateTime<Utc>> {
    seconds.map(from_unix)
}

/// Lists are stored newline-separated: tags and categories never contain a newline.
pub fn join_lines(values: &[String]) -> Option<String> {
    (!values.is_empty()).then(|| values.join("\n"))
}

pub fn split_lines(text: Option<String>) -> Vec<String> {
    text.map(|t| {
        t.split('\n')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    })
    .unwrap_or_default()
}

/// Columns of `SOURCE_COLUMNS`, in order.
pub const SOURCE_COLUMNS: &str = "s.id, s.url, coalesce(s.title, s.feed_title, s.url), s.site_url, s.kind, \
     s.category, (SELECT group_concat(tag, char(10)) FROM (SELECT tag FROM source_tag WHERE source_id = s.id ORDER BY tag)), \
     s.etag, s.last_modified, s.last_fetch, s.last_status, s.last_error, s.failures, s.next_fetch, s.body_hash, \
     s.refresh_every, s.feed_interval, s.origin, s.last_success, s.repairs";

/// How many columns `SOURCE_COLUMNS` has: queries add theirs after it.
pub const SOURCE_COLUMN_COUNT: usize = 20;

pub fn source_from_row(row: &Row, item_count: u64, unread_count: u64) -> rusqlite::Result<Source> {
    Ok(Source {
        id: SourceId(row.get(0)?),
        url: row.get(1)?,
        title: row.get(2)?,
        site_url: row.get(3)?,
        kind: SourceKind::parse(&row.get::<_, String>(4)?),
        category: row.get(5)?,
        tags: split_lines(row.get(6)?),
        etag: row.get(7)?,
        last_modified: row.get(8)?,
        last_fetch: opt_from_unix(row.get(9)?),
        last_status: row.get::<_, Option<i64>>(10)?.map(|s| s as u16),
        last_error: row.get(11)?,
        failures: row.get::<_, i64>(12)? as u32,
        next_fetch: opt_from_unix(row.get(13)?),
        body_hash: row.get(14)?,
        repairs: split_lines(row.get(19)?),
        item_count,
        unread_count,
        refresh_every: opt_seconds(row.get(15)?),
        feed_interval: opt_seconds(row.get(16)?),
        origin: row.get(17)?,
        last_success: opt_from_unix(row.get(18)?),
        due: None,
    })
}

/// Intervals are stored as whole seconds.
pub fn opt_seconds(seconds: Option<i64>) -> Option<std::time::Duration> {
    seconds
        .filter(|s| *s > 0)
        .map(|s| std::time::Duration::from_secs(s.unsigned_abs()))
}

pub fn to_seconds(duration: std::time::Duration) -> i64 {
    i64::try_from(duration.as_secs()).unwrap_or(i64::MAX)
}

/// Columns for `summary_from_row`, over `item i JOIN source s`. An item kept from a removed
/// source still names that source (see `removal`).
pub const SUMMARY_COLUMNS: &str = "i.id, i.source_id, coalesce(i.former_source, s.title, s.feed_title, s.url), i.title, i.url, \
     i.published, i.read_at IS NOT NULL, i.saved_at IS NOT NULL, \
     (SELECT group_concat(tag, char(10)) FROM (SELECT tag FROM item_tag WHERE item_id = i.id ORDER BY tag)), i.doi, \
     i.pmid, i.nct, (i.preprint OR lower(coalesce(s.category, '')) IN ('preprint', 'preprints')), \
     i.notice, coalesce(i.story, 0), i.story_size, i.lead, \
     (SELECT group_concat(name, char(10)) FROM (SELECT w.name FROM item_alert a JOIN watch w ON w.id = a.watch_id \
        WHERE a.item_id = i.id ORDER BY w.name)), \
     (SELECT max(CASE WHEN a.acknowledged_at IS NOT NULL THEN 1 WHEN w.urgent THEN 3 ELSE 2 END) \
        FROM item_alert a JOIN watch w ON w.id = a.watch_id WHERE a.item_id = i.id)";

pub fn summary_from_row(row: &Row) -> rusqlite::Result<ItemSummary> {
    Ok(ItemSummary {
        id: ItemId(row.get(0)?),
        source_id: SourceId(row.get(1)?),
        source_title: row.get(2)?,
        title: row.get(3)?,
        url: row.get(4)?,
        published: Some(from_unix(row.get(5)?)),
        read: row.get(6)?,
        saved: row.get(7)?,
        tags: split_lines(row.get(8)?),
        doi: row.get(9)?,
        pmid: row.get(10)?,
        nct: split_lines(row.get(11)?).into_iter().next(),
        evidence: Evidence {
            preprint: row.get(12)?,
            notice: Notice::from_code(row.get(13)?),
        },
        story: story_from_row(row, 14)?,
        watches: split_lines(row.get(17)?),
        alert: alert_state(row.get(18)?),
    })
}

fn alert_state(code: Option<i64>) -> AlertState {
    match code {
        None => AlertState::None,
        Some(1) => AlertState::Acknowledged,
        Some(3) => AlertState::Urgent,
        Some(_) => AlertState::Unacknowledged,
    }
}

fn story_from_row(row: &Row, first: usize) -> rusqlite::Result<StoryInfo> {
    Ok(StoryInfo {
        id: StoryId(row.get(first)?),
        versions: row.get::<_, i64>(first + 1)?.max(1) as usize,
        lead: row.get(first + 2)?,
    })
}

/// Columns for `item_from_row`, over `item i JOIN source s`.
pub const ITEM_COLUMNS: &str = "i.id, i.source_id, coalesce(i.former_source, s.title, s.feed_title, s.url), \
     coalesce(i.former_source_url, s.url), s.category, \
     i.guid, i.url, i.title, i.author, i.published, i.updated, i.summary, i.content, i.enclosure_url, \
     i.enclosure_type, i.categories, i.doi, i.pmid, i.fetched, i.read_at, i.saved_at, \
     (SELECT group_concat(tag, char(10)) FROM (SELECT tag FROM item_tag WHERE item_id = i.id ORDER BY tag)), \
     i.pmcid, i.nct, i.authors, i.journal, i.volume, i.issue, i.pages, i.article_type, i.paper_role, \
     (i.preprint OR lower(coalesce(s.category, '')) IN ('preprint', 'preprints')), i.notice, \
     coalesce(i.story, 0), i.story_size, i.lead, \
     (SELECT group_concat(alert, char(10)) FROM (SELECT w.name || char(9) || w.urgent || char(9) || a.raised \
        || char(9) || coalesce(a.acknowledged_at, '') AS alert FROM item_alert a JOIN watch w ON w.id = a.watch_id \
        WHERE a.item_id = i.id ORDER BY w.name))";

pub fn item_from_row(row: &Row) -> rusqlite::Result<Item> {
    Ok(Item {
        id: ItemId(row.get(0)?),
        source_id: SourceId(row.get(1)?),
        source_title: row.get(2)?,
        source_url: row.get(3)?,
        category: row.get(4)?,
        guid: row.get(5)?,
        url: row.get(6)?,
        title: row.get(7)?,
        author: row.get(8)?,
        published: Some(from_unix(row.get(9)?)),
        updated: opt_from_unix(row.get(10)?),
        summary: row.get(11)?,
        content: row.get(12)?,
        enclosure_url: row.get(13)?,
        enclosure_type: row.get(14)?,
        categories: split_lines(row.get(15)?),
        doi: row.get(16)?,
        pmid: row.get(17)?,
        fetched: from_unix(row.get(18)?),
        read: opt_from_unix(row.get(19)?),
        saved: opt_from_unix(row.get(20)?),
        tags: split_lines(row.get(21)?),
        paper: Paper {
            pmcid: row.get(22)?,
            ncts: split_lines(row.get(23)?),
            authors: split_lines(row.get(24)?),
            journal: row.get(25)?,
            volume: row.get(26)?,
            issue: row.get(27)?,
            pages: row.get(28)?,
            article_type: row.get(29)?,
            role: PaperRole::from_code(row.get(30)?),
            linked_url: None,
            published_as: None,
            candidates: Vec::new(),
        },
        evidence: Evidence {
            preprint: row.get(31)?,
            notice: Notice::from_code(row.get(32)?),
        },
        story: story_from_row(row, 33)?,
        alerts: split_lines(row.get(36)?)
            .iter()
            .filter_map(|line| item_alert(line))
            .collect(),
    })
}

/// `name TAB urgent TAB raised TAB acknowledged-or-empty`, as ITEM_COLUMNS writes it.
fn item_alert(line: &str) -> Option<ItemAlert> {
    let mut fields = line.split('\t');
    let watch = fields.next()?.to_string();
    let urgent = fields.next()? == "1";
    let raised = from_unix(fields.next()?.parse().ok()?);
    let acknowledged = fields.next()?.parse().ok().map(from_unix);
    Some(ItemAlert {
        watch,
        urgent,
        raised,
        acknowledged,
    })
}

//! Alerts on arrival: every watch tested against the items a transaction has just inserted, in
//! that same transaction, so a crash never leaves an item without its alert or an alert
//! without its item.

use super::Result;
use super::convert::to_unix;
use super::items::FeedWrite;
use super::search::compile_above;
use crate::model::{ItemId, NewAlert, NewItem, SourceId, WatchId};
use crate::watch::parse_query;
use chrono::{DateTime, Duration, Utc};
use rusqlite::types::Value;
use rusqlite::{Transaction, params, params_from_iter};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// Which of a feed's new items may alert: all of them, or on the source's first fetch only
/// those published since the cutoff (an undated item's age is unknown, so it does not).
#[derive(Debug, Clone, Copy)]
pub(super) struct AlertWindow {
    cutoff: Option<DateTime<Utc>>,
}

impl AlertWindow {
    pub fn admits(&self, published: Option<DateTime<Utc>>) -> bool {
        self.cutoff
            .is_none_or(|cutoff| published.is_some_and(|p| p >= cutoff))
    }
}

/// Records the source's first fetch if this is it, and returns its new items' window.
pub(super) fn alert_window(
    tx: &Transaction,
    source: SourceId,
    fetched_at: DateTime<Utc>,
    backlog: Duration,
) -> Result<AlertWindow> {
    let first = tx
        .prepare_cached("UPDATE source SET first_fetch = ?2 WHERE id = ?1 AND first_fetch IS NULL")?
        .execute(params![source.0, to_unix(fetched_at)])?
        > 0;
    Ok(AlertWindow {
        cutoff: first.then(|| fetched_at - backlog),
    })
}

/// A watch ready to test new items.
struct Rule {
    id: WatchId,
    name: String,
    urgent: bool,
    expr: crate::query::Expr,
}

/// An item this transaction inserted that may alert, with the feed (by index) it came in.
pub(super) struct Candidate<'a> {
    pub id: ItemId,
    pub feed: usize,
    pub item: &'a NewItem,
    pub fetched_at: DateTime<Utc>,
}

/// Tests every watch against the candidates and records an alert for each match, in the same
/// transaction. Returns each alert with the index of its feed; what it shows comes from the
/// items in hand, not from reading them back.
pub(super) fn raise_alerts(
    tx: &Transaction,
    candidates: &[Candidate],
    feeds: &[FeedWrite],
    now: DateTime<Utc>,
) -> Result<Vec<(usize, NewAlert)>> {
    let Some(lowest) = candidates.iter().map(|c| c.id).min() else {
        return Ok(Vec::new());
    };
    let rules = rules(tx)?;
    if rules.is_empty() {
        return Ok(Vec::new());
    }
    gather(tx, candidates)?;
    let by_id: HashMap<ItemId, &Candidate> = candidates.iter().map(|c| (c.id, c)).collect();
    let mut titles: HashMap<SourceId, String> = HashMap::new();
    let mut raised = Vec::new();
    for rule in rules {
        for id in matches(tx, &rule, lowest, now)? {
            let Some(candidate) = by_id.get(&id) else {
                continue;
            };
            let source = feeds[candidate.feed].source;
            let title = match titles.entry(source) {
                Entry::Occupied(known) => known.into_mut(),
                Entry::Vacant(slot) => slot.insert(source_title(tx, source)?),
            };
            raised.push((candidate.feed, new_alert(candidate, &rule, title)));
        }
    }
    tx.execute("DELETE FROM temp.alert_candidate", [])?;
    Ok(raised)
}

/// Copies the candidates' rows, without their bodies, to a small temporary table that every
/// watch then reads: one pass over the large item rows per transaction instead of one per
/// watch. It has whatever columns `item` has, so any query the language compiles runs on it.
fn gather(tx: &Transaction, candidates: &[Candidate]) -> Result<()> {
    let columns: String = tx.query_row(
        "SELECT group_concat(name, ', ') FROM pragma_table_info('item') \
         WHERE name NOT IN ('summary', 'content')",
        [],
        |r| r.get(0),
    )?;
    tx.execute_batch(&format!(
        "CREATE TEMP TABLE IF NOT EXISTS alert_candidate AS SELECT {columns} FROM item WHERE 0; \
         DELETE FROM temp.alert_candidate;"
    ))?;
    let ids: Vec<String> = candidates.iter().map(|c| c.id.0.to_string()).collect();
    tx.prepare_cached(&format!(
        "INSERT INTO temp.alert_candidate ({columns}) SELECT {columns} FROM item \
         WHERE id IN (SELECT value FROM json_each(?1))"
    ))?
    .execute([format!("[{}]", ids.join(","))])?;
    Ok(())
}

/// Records the rule's alerts on the gathered candidates and returns their items.
fn matches(
    tx: &Transaction,
    rule: &Rule,
    lowest: ItemId,
    now: DateTime<Utc>,
) -> Result<Vec<ItemId>> {
    // The candidates are the newest rows: the full-text probes start just below them.
    let condition = compile_above(&rule.expr, now, lowest.0 - 1);
    let sql = format!(
        "INSERT OR IGNORE INTO item_alert (item_id, watch_id, raised) \
         SELECT i.id, ?, ? FROM temp.alert_candidate i WHERE ({}) RETURNING item_id",
        condition.sql
    );
    let mut values = vec![Value::Integer(rule.id.0), Value::Integer(to_unix(now))];
    values.extend(condition.params);
    let mut statement = tx.prepare_cached(&sql)?;
    let rows = statement.query_map(params_from_iter(values), |r| r.get(0).map(ItemId))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn new_alert(candidate: &Candidate, rule: &Rule, source: &str) -> NewAlert {
    NewAlert {
        item_id: candidate.id,
        watch: rule.name.clone(),
        urgent: rule.urgent,
        title: candidate.item.title.clone(),
        source: source.to_string(),
        url: candidate.item.url.clone(),
        // As stored: an undated item is dated by its first fetch.
        published: candidate.item.published.or(Some(candidate.fetched_at)),
    }
}

fn source_title(tx: &Transaction, source: SourceId) -> Result<String> {
    Ok(tx
        .prepare_cached("SELECT coalesce(title, feed_title, url) FROM source WHERE id = ?1")?
        .query_row([source.0], |r| r.get(0))?)
}

/// The watches, parsed. One whose stored query no longer parses is skipped and logged.
fn rules(tx: &Transaction) -> Result<Vec<Rule>> {
    let mut statement =
        tx.prepare_cached("SELECT id, name, query, urgent FROM watch ORDER BY urgent DESC, name")?;
    let rows = statement.query_map([], |r| {
        Ok((
            WatchId(r.get(0)?),
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get(3)?,
        ))
    })?;
    let mut rules = Vec::new();
    for row in rows {
        let (id, name, query, urgent) = row?;
        match parse_query(&query) {
            Ok(expr) => rules.push(Rule {
                id,
                name,
                urgent,
                expr,
            }),
            Err(error) => tracing::warn!(%name, %error, "watch skipped: its query does not parse"),
        }
    }
    Ok(rules)
}

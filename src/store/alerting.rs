//! Alerts on arrival: every watch tested against the items a transaction has just inserted, in
//! that same transaction, so a crash never leaves an item without its alert or an alert
//! without its item.

use super::Result;
use super::alert_match::Matcher;
use super::convert::to_unix;
use super::items::FeedWrite;
use super::plan::{Node, plan};
use crate::model::{ItemId, NewAlert, NewItem, SourceId, WatchId};
use crate::query::Expr;
use crate::watch::parse_query;
use chrono::{DateTime, Duration, Utc};
use rusqlite::{Transaction, params};
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
    plan: Node,
}

/// An item this transaction inserted that may alert, with the feed (by index) it came in.
pub(super) struct Candidate<'a> {
    pub id: ItemId,
    pub feed: usize,
    pub item: &'a NewItem,
    pub fetched_at: DateTime<Utc>,
}

/// Tests every watch against the candidates and records an alert for each match, in the same
/// transaction, watch after watch (a watch that asks about alerts sees those of the watches
/// before it). Returns each alert with the index of its feed; what it shows comes from the
/// items in hand, not from reading them back. Never inlined, so a profile shows what the
/// watches cost apart from the rest of the transaction.
#[inline(never)]
pub(super) fn raise_alerts(
    tx: &Transaction,
    parsed: &mut ParsedQueries,
    candidates: &[Candidate],
    feeds: &[FeedWrite],
    now: DateTime<Utc>,
) -> Result<Vec<(usize, NewAlert)>> {
    if candidates.is_empty() {
        return Ok(Vec::new());
    }
    let rules = rules(tx, parsed, now)?;
    if rules.is_empty() {
        return Ok(Vec::new());
    }
    let plans: Vec<&Node> = rules.iter().map(|rule| &rule.plan).collect();
    let items = candidates
        .iter()
        .map(|c| (c.id.0, feeds[c.feed].source.0))
        .collect();
    let mut matcher = Matcher::new(tx, items, &plans)?;
    let by_id: HashMap<ItemId, &Candidate> = candidates.iter().map(|c| (c.id, c)).collect();
    let mut titles: HashMap<SourceId, String> = HashMap::new();
    let mut raised = Vec::new();
    for rule in &rules {
        let found = matcher.matching(&rule.plan)?;
        for id in record(tx, rule, &found, now)? {
            let candidate = by_id[&id];
            let source = feeds[candidate.feed].source;
            let title = match titles.entry(source) {
                Entry::Occupied(known) => known.into_mut(),
                Entry::Vacant(slot) => slot.insert(source_title(tx, source)?),
            };
            raised.push((candidate.feed, new_alert(candidate, rule, title)));
        }
    }
    Ok(raised)
}

/// Records the rule's alerts on the items it found before the next rule is tested; returns the
/// items that had no alert from it yet, ascending. One prepared single-row insert per alert:
/// cheaper than one statement over a list, which needs a statement journal (and makes the
/// full-text index flush at each) and a RETURNING table.
fn record(
    tx: &Transaction,
    rule: &Rule,
    found: &[ItemId],
    now: DateTime<Utc>,
) -> Result<Vec<ItemId>> {
    if found.is_empty() {
        return Ok(Vec::new());
    }
    let mut statement = tx.prepare_cached(
        "INSERT OR IGNORE INTO item_alert (item_id, watch_id, raised) VALUES (?1, ?2, ?3)",
    )?;
    let raised = to_unix(now);
    let mut recorded = Vec::with_capacity(found.len());
    for &id in found {
        if statement.execute(params![id.0, rule.id.0, raised])? > 0 {
            recorded.push(id);
        }
    }
    Ok(recorded)
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

/// The watches' queries as parsed, by their text, kept by the store between transactions: a
/// refresh writes in many, and the watches are read in each (they may change between two) but
/// parsed only when their text is new. `None`: the text does not parse.
#[derive(Debug, Default)]
pub(super) struct ParsedQueries(HashMap<String, Option<Expr>>);

/// The watches, planned. One whose stored query no longer parses is skipped and logged.
fn rules(tx: &Transaction, parsed: &mut ParsedQueries, now: DateTime<Utc>) -> Result<Vec<Rule>> {
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
    let mut known = HashMap::with_capacity(parsed.0.len());
    for row in rows {
        let (id, name, query, urgent) = row?;
        if !known.contains_key(&query) {
            let expr = parsed.0.remove(&query).unwrap_or_else(|| {
                parse_query(&query)
                    .inspect_err(|error| {
                        tracing::warn!(%name, %error, "watch skipped: its query does not parse");
                    })
                    .ok()
            });
            known.insert(query.clone(), expr);
        }
        if let Some(expr) = &known[&query] {
            rules.push(Rule {
                id,
                name,
                urgent,
                plan: plan(expr, to_unix(now)),
            });
        }
    }
    // Only the queries of today's watches are kept.
    parsed.0 = known;
    Ok(rules)
}

//! Alerts on arrival: every watch tested against the items a transaction has just inserted, in
//! that same transaction, so a crash never leaves an item without its alert or an alert
//! without its item.

use super::Result;
use super::convert::{from_unix, to_unix};
use super::search::compile_above;
use crate::model::{ItemId, NewAlert, SourceId, WatchId};
use crate::watch::parse_query;
use chrono::{DateTime, Duration, Utc};
use rusqlite::types::Value;
use rusqlite::{Transaction, params, params_from_iter};

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

/// Tests every watch against `candidates` (items inserted by this transaction) and records an
/// alert for each match, in the same transaction. Returns the alerts with their sources.
pub(super) fn raise_alerts(
    tx: &Transaction,
    candidates: &[ItemId],
    now: DateTime<Utc>,
) -> Result<Vec<(SourceId, NewAlert)>> {
    let Some(lowest) = candidates.iter().min() else {
        return Ok(Vec::new());
    };
    let ids: Vec<String> = candidates.iter().map(|id| id.0.to_string()).collect();
    let ids = Value::Text(format!("[{}]", ids.join(",")));
    let mut raised = Vec::new();
    for rule in rules(tx)? {
        // The candidates are the newest rows: the full-text probes start just below them.
        let condition = compile_above(&rule.expr, now, lowest.0 - 1);
        let sql = format!(
            "INSERT OR IGNORE INTO item_alert (item_id, watch_id, raised) \
             SELECT i.id, ?, ? FROM item i \
             WHERE i.id IN (SELECT value FROM json_each(?)) AND ({}) RETURNING item_id",
            condition.sql
        );
        let mut values = vec![
            Value::Integer(rule.id.0),
            Value::Integer(to_unix(now)),
            ids.clone(),
        ];
        values.extend(condition.params);
        let items = tx
            .prepare_cached(&sql)?
            .query_map(params_from_iter(values), |r| r.get(0).map(ItemId))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for item in items {
            raised.push(new_alert(tx, item, &rule)?);
        }
    }
    Ok(raised)
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

fn new_alert(tx: &Transaction, item: ItemId, rule: &Rule) -> Result<(SourceId, NewAlert)> {
    let mut statement = tx.prepare_cached(
        "SELECT i.source_id, i.title, i.url, i.published, coalesce(s.title, s.feed_title, s.url) \
         FROM item i JOIN source s ON s.id = i.source_id WHERE i.id = ?1",
    )?;
    Ok(statement.query_row([item.0], |r| {
        Ok((
            SourceId(r.get(0)?),
            NewAlert {
                item_id: item,
                watch: rule.name.clone(),
                urgent: rule.urgent,
                title: r.get(1)?,
                url: r.get(2)?,
                published: Some(from_unix(r.get(3)?)),
                source: r.get(4)?,
            },
        ))
    })?)
}

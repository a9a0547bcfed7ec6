//! Watches and their alerts: the watches, the alerts raised on newly stored items inside the
//! writer's transaction, acknowledgement, and the items pinned until acknowledged.

use super::convert::{SUMMARY_COLUMNS, from_unix, summary_from_row, to_unix};
use super::search::{Compiled, compile};
use super::{Result, Store, StoreError};
use crate::model::{ItemId, ItemSummary, Watch, WatchId};
use crate::watch::defaults::DEFAULT_WATCHES;
use crate::watch::parse_query;
use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row, Transaction, params, params_from_iter};

/// A condition over the alias `i` (item): true while an alert keeps the item from being
/// deleted, because it is unacknowledged or comes from an urgent watch. Retention uses it.
pub const PROTECTED_BY_ALERT: &str = "EXISTS (SELECT 1 FROM item_alert a JOIN watch w \
     ON w.id = a.watch_id WHERE a.item_id = i.id AND (a.acknowledged_at IS NULL OR w.urgent = 1))";

/// The items an urgent watch alerted that nobody has acknowledged yet: they stay pinned.
/// Asked by watch, so that only the urgent watches' unacknowledged alerts are read (through
/// `item_alert_by_watch`).
pub(super) const PINNED_IDS: &str = "SELECT a.item_id FROM item_alert a \
     WHERE a.watch_id IN (SELECT id FROM watch WHERE urgent = 1) AND a.acknowledged_at IS NULL";

pub(super) const WATCH_COLUMNS: &str = "w.id, w.name, w.query, w.urgent, w.created, \
     (SELECT count(*) FROM item_alert a WHERE a.watch_id = w.id), \
     (SELECT count(*) FROM item_alert a WHERE a.watch_id = w.id AND a.acknowledged_at IS NULL)";

/// What `change_watch` changes; `None` leaves a field as it is. Names and queries are
/// validated by the caller (`crate::watch`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WatchChange {
    pub name: Option<String>,
    pub query: Option<String>,
    pub urgent: Option<bool>,
}

/// What `acknowledge` did, id by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Acknowledged {
    /// Items whose alerts are all acknowledged now.
    pub items: Vec<ItemId>,
    pub missing: Vec<ItemId>,
    /// Items that exist but no watch alerted.
    pub without_alert: Vec<ItemId>,
}

impl Store {
    /// Every watch, urgent ones first, with their alert counts.
    pub fn watches(&self) -> Result<Vec<Watch>> {
        let sql = format!("SELECT {WATCH_COLUMNS} FROM watch w ORDER BY w.urgent DESC, w.name");
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([], watch_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn watch_named(&self, name: &str) -> Result<Watch> {
        let sql = format!("SELECT {WATCH_COLUMNS} FROM watch w WHERE w.name = ?1");
        self.conn
            .query_row(&sql, [name], watch_from_row)
            .optional()?
            .ok_or_else(|| StoreError::UnknownWatch(name.to_string()))
    }

    fn watch(&self, id: WatchId) -> Result<Watch> {
        let sql = format!("SELECT {WATCH_COLUMNS} FROM watch w WHERE w.id = ?1");
        self.conn
            .query_row(&sql, [id.0], watch_from_row)
            .optional()?
            .ok_or_else(|| StoreError::UnknownWatch(id.0.to_string()))
    }

    /// Adds a watch. It alerts items stored from now on; with `backfill_since`, also the
    /// matching items published since then. Returns the watch and how many it backfilled.
    pub fn add_watch(
        &mut self,
        name: &str,
        query: &str,
        urgent: bool,
        backfill_since: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<(Watch, usize)> {
        let expr = parse_query(query).map_err(|error| StoreError::WatchQuery {
            name: name.to_string(),
            error,
        })?;
        let tx = self.write()?;
        let inserted = tx.execute(
            "INSERT INTO watch (name, query, urgent, created) VALUES (?1, ?2, ?3, ?4) \
             ON CONFLICT(name) DO NOTHING",
            params![name, query, urgent, to_unix(now)],
        )?;
        if inserted == 0 {
            return Err(StoreError::DuplicateWatch(name.to_string()));
        }
        let id = WatchId(tx.last_insert_rowid());
        let backfilled = match backfill_since {
            Some(since) => backfill(&tx, id, &compile(&expr, now), since, now)?,
            None => 0,
        };
        tx.commit()?;
        Ok((self.watch(id)?, backfilled))
    }

    /// Renames a watch, changes its query or its urgency. Alerts already raised stay.
    pub fn change_watch(&mut self, id: WatchId, change: &WatchChange) -> Result<Watch> {
        let current = self.watch(id)?;
        if let Some(query) = &change.query {
            parse_query(query).map_err(|error| StoreError::WatchQuery {
                name: current.name.clone(),
                error,
            })?;
        }
        let name = change.name.as_deref().unwrap_or(&current.name);
        let updated = self.conn.execute(
            "UPDATE OR IGNORE watch SET name = ?2, query = coalesce(?3, query), \
             urgent = coalesce(?4, urgent) WHERE id = ?1",
            params![id.0, name, change.query, change.urgent],
        )?;
        if updated == 0 {
            return Err(StoreError::DuplicateWatch(name.to_string()));
        }
        self.watch(id)
    }

    /// Removes a watch and its alerts; returns it as it was.
    pub fn remove_watch(&mut self, id: WatchId) -> Result<Watch> {
        let watch = self.watch(id)?;
        self.conn
            .execute("DELETE FROM watch WHERE id = ?1", [id.0])?;
        Ok(watch)
    }

    /// Acknowledges every alert on these items: they are no longer pinned. Reading is untouched.
    pub fn acknowledge(&mut self, ids: &[ItemId], now: DateTime<Utc>) -> Result<Acknowledged> {
        let tx = self.write()?;
        let mut outcome = Acknowledged::default();
        for id in ids {
            let (exists, alerts): (bool, i64) = tx
                .prepare_cached(
                    "SELECT EXISTS (SELECT 1 FROM item WHERE id = ?1), \
                     (SELECT count(*) FROM item_alert WHERE item_id = ?1)",
                )?
                .query_row([id.0], |r| Ok((r.get(0)?, r.get(1)?)))?;
            if !exists {
                outcome.missing.push(*id);
            } else if alerts == 0 {
                outcome.without_alert.push(*id);
            } else {
                tx.prepare_cached(
                    "UPDATE item_alert SET acknowledged_at = ?2 \
                     WHERE item_id = ?1 AND acknowledged_at IS NULL",
                )?
                .execute(params![id.0, to_unix(now)])?;
                outcome.items.push(*id);
            }
        }
        tx.commit()?;
        Ok(outcome)
    }

    /// Acknowledges every alert, or every alert of one watch; returns the items acknowledged.
    pub fn acknowledge_all(
        &mut self,
        watch: Option<WatchId>,
        now: DateTime<Utc>,
    ) -> Result<Vec<ItemId>> {
        let mut statement = self.conn.prepare_cached(
            "UPDATE item_alert SET acknowledged_at = ?1 \
             WHERE acknowledged_at IS NULL AND (?2 IS NULL OR watch_id = ?2) RETURNING item_id",
        )?;
        let rows = statement.query_map(params![to_unix(now), watch.map(|w| w.0)], |r| {
            r.get(0).map(ItemId)
        })?;
        let mut ids = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        ids.sort_unstable();
        ids.dedup();
        Ok(ids)
    }

    /// The pinned items (urgent, unacknowledged), newest first.
    pub fn pinned_items(&self, limit: usize) -> Result<Vec<ItemSummary>> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM item i JOIN source s ON s.id = i.source_id \
             WHERE i.id IN ({PINNED_IDS}) ORDER BY i.published DESC, i.id DESC LIMIT ?1"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([limit as i64], summary_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// True while an alert keeps the item from retention (see `PROTECTED_BY_ALERT`).
    pub fn is_protected_by_alert(&self, id: ItemId) -> Result<bool> {
        let sql = format!("SELECT {PROTECTED_BY_ALERT} FROM item i WHERE i.id = ?1");
        let protected: Option<bool> = self.conn.query_row(&sql, [id.0], |r| r.get(0)).optional()?;
        protected.ok_or(StoreError::UnknownItem(id.0))
    }
}

impl Compiled {
    /// Narrows the condition to the items one watch alerted.
    pub fn only_watch(self, id: WatchId) -> Compiled {
        self.and(
            "i.id IN (SELECT item_id FROM item_alert WHERE watch_id = ?)",
            &[Value::Integer(id.0)],
        )
    }

    /// Narrows the condition to the items any watch alerted.
    pub fn only_alerts(self) -> Compiled {
        self.and("i.id IN (SELECT item_id FROM item_alert)", &[])
    }

    /// Leaves out the pinned items: the newsfeed shows them above the river instead.
    pub fn without_pinned(self) -> Compiled {
        self.and(&format!("i.id NOT IN ({PINNED_IDS})"), &[])
    }
}

fn watch_from_row(row: &Row) -> rusqlite::Result<Watch> {
    Ok(Watch {
        id: WatchId(row.get(0)?),
        name: row.get(1)?,
        query: row.get(2)?,
        urgent: row.get(3)?,
        created: from_unix(row.get(4)?),
        alerts: row.get::<_, i64>(5)? as u64,
        unacknowledged: row.get::<_, i64>(6)? as u64,
    })
}

fn backfill(
    tx: &Transaction,
    watch: WatchId,
    condition: &Compiled,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<usize> {
    let sql = format!(
        "INSERT OR IGNORE INTO item_alert (item_id, watch_id, raised) \
         SELECT i.id, ?, ? FROM item i WHERE i.published >= ? AND ({})",
        condition.sql
    );
    let mut values = vec![
        Value::Integer(watch.0),
        Value::Integer(to_unix(now)),
        Value::Integer(to_unix(since)),
    ];
    values.extend(condition.params.iter().cloned());
    Ok(tx.execute(&sql, params_from_iter(values))?)
}

/// The watches a new database starts with (`crate::watch::defaults`), written in the
/// transaction that creates it.
pub(super) fn add_default_watches(tx: &Transaction, now: DateTime<Utc>) -> Result<()> {
    for watch in DEFAULT_WATCHES {
        tx.execute(
            "INSERT OR IGNORE INTO watch (name, query, urgent, created) VALUES (?1, ?2, ?3, ?4)",
            params![watch.name, watch.query, watch.urgent, to_unix(now)],
        )?;
    }
    Ok(())
}

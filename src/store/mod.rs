//! The only home of rusqlite: one SQLite file in WAL mode holding sources, items, tags, watches
//! and the full-text index.

mod alert_match;
mod alerting;
mod convert;
mod items;
mod marks;
mod plan;
mod prepare;
mod removal;
mod retention;
mod schema;
mod search;
mod sources;
mod stories;
mod story_backfill;
mod story_candidates;
mod story_plans;
mod story_queries;
mod tags;
mod terms;
mod watches;

pub use crate::model::SourceId;
pub use items::{FeedWrite, StoreStats, UpsertStats};
pub use marks::MarkOutcome;
pub use prepare::{PreparedItem, prepare};
pub use removal::{REMOVED_SOURCES_CATEGORY, REMOVED_SOURCES_TITLE, REMOVED_SOURCES_URL, Removal};
pub use retention::{RetentionBatch, RetentionCursor, RetentionPlan};
pub use search::{Compiled, compile};
pub use sources::{FetchRecord, SourceUpdate};
pub use story_queries::{Marked, stories_matching};
pub use watches::{Acknowledged, PROTECTED_BY_ALERT, WatchChange};

use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode, Transaction, TransactionBehavior};
use std::path::Path;
use std::time::Duration;

/// How long a write waits for another connection (a cron `rounds refresh` while the newsfeed
/// runs) to release the database before it gives up.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error(
        "the database is busy: another rounds is writing to it (a scheduled `rounds refresh`?); \
         try again in a moment"
    )]
    Busy,
    #[error(
        "the database was written by a newer rounds (schema {found}, this build knows {supported})"
    )]
    TooNew { found: i64, supported: i64 },
    #[error("could not create the database folder {path}: {error}")]
    Folder { path: String, error: std::io::Error },
    #[error("no source matches {0:?}")]
    UnknownSource(String),
    #[error("already subscribed to {0}")]
    DuplicateSource(String),
    #[error("no item with id {0}")]
    UnknownItem(i64),
    #[error(
        "{:?} is not a tag: a tag needs a letter or a digit, and no control characters",
        crate::text::sanitize_line(.0)
    )]
    BadTag(String),
    #[error("no watch is named \"{0}\"")]
    UnknownWatch(String),
    #[error("a watch named \"{0}\" already exists")]
    DuplicateWatch(String),
    #[error("the query of watch \"{name}\" is not valid: {error}")]
    WatchQuery {
        name: String,
        error: crate::query::QueryError,
    },
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> StoreError {
        match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            _ => StoreError::Sqlite(error),
        }
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// An open database. `Connection` is `Send` but not `Sync`: one thread owns a `Store`.
pub struct Store {
    conn: Connection,
    /// Reading a story marks all its versions read, and a new version of a read story
    /// arrives read (the config's `read_whole_story`).
    read_whole_story: bool,
    /// The first fetch of a source alerts only items published this recently.
    alert_backlog: chrono::Duration,
    /// The watches' queries, parsed once for the many transactions of a refresh.
    watch_queries: alerting::ParsedQueries,
}

/// `alert_backlog_days` when the config does not say.
pub const DEFAULT_ALERT_BACKLOG_DAYS: u32 = 3;

impl Store {
    /// Opens (creating if needed) the database at `path` and migrates it.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_waiting(path, DEFAULT_BUSY_TIMEOUT)
    }

    /// `open`, with writes waiting up to `busy_timeout` for another connection's write lock.
    pub fn open_waiting(path: &Path, busy_timeout: Duration) -> Result<Store> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|error| StoreError::Folder {
                path: parent.display().to_string(),
                error,
            })?;
        }
        Store::configure(Connection::open(path)?, busy_timeout)
    }

    /// A private in-memory database, for tests.
    pub fn open_in_memory() -> Result<Store> {
        Store::configure(Connection::open_in_memory()?, DEFAULT_BUSY_TIMEOUT)
    }

    fn configure(mut conn: Connection, busy_timeout: Duration) -> Result<Store> {
        // Another process (a cron `rounds refresh` while the TUI runs) may hold the write lock.
        conn.busy_timeout(busy_timeout)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Plans never depend on bound values. Without this, a statement whose parameter is
        // compared with a partial index's condition (the story indexes) or a LIKE pattern is
        // prepared again every time that parameter changes: a sixth of a cold refresh's work.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        conn.set_prepared_statement_cache_capacity(64);
        schema::migrate(&mut conn)?;
        let mut store = Store {
            conn,
            read_whole_story: true,
            alert_backlog: chrono::Duration::days(DEFAULT_ALERT_BACKLOG_DAYS.into()),
            watch_queries: alerting::ParsedQueries::default(),
        };
        store.cluster_unclustered()?;
        Ok(store)
    }

    /// How far back the first fetch of a newly added source raises alerts.
    pub fn set_alert_backlog_days(&mut self, days: u32) {
        self.alert_backlog = chrono::Duration::days(days.into());
    }

    /// See the config's `read_whole_story`: on by default.
    pub fn set_read_whole_story(&mut self, on: bool) {
        self.read_whole_story = on;
    }

    pub fn read_whole_story(&self) -> bool {
        self.read_whole_story
    }

    /// A transaction that takes the write lock at once. A deferred one that read first could
    /// not wait for the lock: SQLite fails the upgrade at once when another connection wrote
    /// in between, without calling the busy handler.
    fn write(&mut self) -> Result<Transaction<'_>> {
        immediate(&mut self.conn)
    }

    /// SQLite's own integrity check and FTS5's, plus `fts_in_step`: true when all pass.
    pub fn integrity_ok(&self) -> Result<bool> {
        let report: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        let fts = self.conn.execute(
            "INSERT INTO item_fts (item_fts) VALUES ('integrity-check')",
            [],
        );
        Ok(report == "ok" && fts.is_ok() && self.fts_in_step()?)
    }

    /// Checks that the full-text index holds exactly one row per item. For tests and `doctor`.
    pub fn fts_in_step(&self) -> Result<bool> {
        let items: i64 = self
            .conn
            .query_row("SELECT count(*) FROM item", [], |r| r.get(0))?;
        let indexed: i64 = self.conn.query_row(
            "SELECT count(*) FROM item_fts WHERE rowid IN (SELECT id FROM item)",
            [],
            |r| r.get(0),
        )?;
        let all_indexed: i64 = self
            .conn
            .query_row("SELECT count(*) FROM item_fts", [], |r| r.get(0))?;
        Ok(items == indexed && indexed == all_indexed)
    }
}

/// `Store::write` over the connection alone, for a caller that also borrows another field.
fn immediate(conn: &mut Connection) -> Result<Transaction<'_>> {
    Ok(conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
}

#[cfg(test)]
mod test_support;

#[cfg(test)]
mod tests;

#[cfg(test)]
#[path = "watches_tests.rs"]
mod watches_tests;

#[cfg(test)]
#[path = "alert_match_tests.rs"]
mod alert_match_tests;

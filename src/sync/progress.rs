//! What a running refresh reports, as messages: the CLI prints them, the TUI shows them.

use crate::model::{NewAlert, SourceId};
use chrono::{DateTime, Utc};

/// One message from a refresh in progress.
#[derive(Debug, Clone, PartialEq)]
pub enum Progress {
    /// The refresh is about to fetch this many sources.
    Started { total: usize },
    /// A fetch began (for progress displays that show what is in flight).
    SourceStarted { source_id: SourceId, title: String },
    /// One source is done, whatever happened to it.
    SourceFinished(SourceReport),
    /// Everything is done; the same summary `refresh` returns.
    Finished(RefreshSummary),
}

#[derive(Debug, Clone, PartialEq)]
pub struct SourceReport {
    pub source_id: SourceId,
    pub title: String,
    pub url: String,
    pub outcome: SourceOutcome,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SourceOutcome {
    /// New content: `new` items stored for the first time, `updated` items whose text changed.
    Updated {
        new: usize,
        updated: usize,
    },
    /// 304, or a body identical to the last one: nothing parsed or written.
    NotModified,
    /// The server asked us to come back later (429/503 with Retry-After).
    Postponed {
        until: DateTime<Utc>,
    },
    /// Skipped because a previous Retry-After has not expired yet.
    Deferred {
        until: DateTime<Utc>,
    },
    /// Skipped by `refresh --due`: its schedule wants it at `due`.
    NotDue {
        due: DateTime<Utc>,
    },
    Failed {
        error: String,
    },
}

impl SourceOutcome {
    pub fn is_failure(&self) -> bool {
        matches!(self, SourceOutcome::Failed { .. })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RefreshSummary {
    pub sources: usize,
    pub new_items: usize,
    pub updated_items: usize,
    pub not_modified: usize,
    pub postponed: usize,
    pub failed: usize,
    /// Skipped by `--due` because their schedule does not want them yet.
    pub not_due: usize,
    /// What retention removed afterwards, when it ran.
    pub retention: Option<super::retention::RetentionReport>,
    /// The alerts the watches raised on the new items, urgent ones first. Shared: the same
    /// summary goes to the newsfeed and back to the caller, and a first refresh may raise many.
    pub alerts: std::sync::Arc<Vec<NewAlert>>,
}

impl RefreshSummary {
    pub fn urgent_alerts(&self) -> usize {
        self.alerts.iter().filter(|alert| alert.urgent).count()
    }
}

//! What the worker is told when it starts: the limits of the network and the database, and
//! the config's schedules, retention, bridges and alerts.

use crate::fetch::http::HttpOptions;
use crate::store::DEFAULT_BUSY_TIMEOUT;
use crate::sync::retention::RetentionPolicy;
use crate::sync::schedule::SchedulePolicy;
use crate::watch::notify::NotifySettings;
use std::collections::BTreeMap;
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct WorkerOptions {
    pub jobs: usize,
    pub http: HttpOptions,
    /// How long a write waits for another process's write lock before it fails.
    pub busy_timeout: Duration,
    /// The config's `read_whole_story`.
    pub read_whole_story: bool,
    /// The config's `[bridges]`, for adding accounts on networks without feeds.
    pub bridges: BTreeMap<String, String>,
    pub schedule: SchedulePolicy,
    pub retention: Option<RetentionPolicy>,
    /// The first fetch of a new source alerts only items this recent.
    pub alert_backlog_days: u32,
    /// Run after each refresh, off the UI, once per new alert.
    pub notify: NotifySettings,
}

impl Default for WorkerOptions {
    fn default() -> Self {
        WorkerOptions {
            jobs: 8,
            http: HttpOptions::default(),
            busy_timeout: DEFAULT_BUSY_TIMEOUT,
            read_whole_story: true,
            bridges: BTreeMap::new(),
            schedule: SchedulePolicy::default(),
            retention: Some(RetentionPolicy::default()),
            alert_backlog_days: crate::store::DEFAULT_ALERT_BACKLOG_DAYS,
            notify: NotifySettings::default(),
        }
    }
}

impl WorkerOptions {
    /// The settings the config gives: the lock wait, bridges, schedules, retention, alerts.
    pub fn from_config(config: &crate::config::Config) -> WorkerOptions {
        let defaults = WorkerOptions::default();
        WorkerOptions {
            http: config.http_options(defaults.jobs),
            busy_timeout: config.busy_timeout,
            read_whole_story: config.read_whole_story,
            bridges: config.bridges.clone(),
            schedule: SchedulePolicy::with_overrides(&config.schedules),
            retention: Some(RetentionPolicy {
                keep_days: config.keep_days,
                max_items_per_source: config.max_items_per_source,
            }),
            alert_backlog_days: config.alert_backlog_days,
            notify: config.notify.clone(),
            ..defaults
        }
    }
}

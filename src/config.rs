//! The user's config file: TOML at `$XDG_CONFIG_HOME/rounds/config.toml` (or `--config`),
//! read by every command. A missing default file means defaults; anything wrong in a file is
//! an error that names its line, never a panic. `assets/config.toml` is the commented default.
//!
//! This is plain data: the newsfeed turns `[keys]` and `[theme]` into its keymap and theme
//! (`tui::settings`), keeping each entry's position for its errors.

mod follow;

pub use follow::BRIDGE_NETWORKS;

use crate::fetch::http::HttpOptions;
use crate::watch::notify::NotifySettings;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;
use toml::Spanned;

mod alerts;

/// Validated settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// How often the TUI refreshes every source by itself; `None` turns that off.
    pub refresh_interval: Option<Duration>,
    /// Refresh once when the TUI opens.
    pub refresh_on_start: bool,
    /// Reading a story (one paper across feeds) marks every version read, and a new version
    /// of a story already read arrives read.
    pub read_whole_story: bool,
    /// How long a write waits for another rounds process to release the database.
    pub busy_timeout: Duration,
    /// `ROUNDS_TIMEOUT` (seconds): a shorter limit per request, for slow links and tests.
    pub request_timeout: Option<Duration>,
    /// `[keys]`, in file order: an action's name and the keys it gets instead of its own.
    pub keys: Vec<Entry<Vec<String>>>,
    /// `[theme]`, in file order: a role and its colour.
    pub theme: Vec<Entry<String>>,
    /// `NO_COLOR` is set and the file sets no colour: draw with modifiers only.
    pub monochrome: bool,
    /// The file read, for error messages.
    pub path: Option<PathBuf>,
    /// The first fetch of a newly added source alerts only items published this many days back.
    pub alert_backlog_days: u32,
    /// The command run once per new alert, and its limits.
    pub notify: NotifySettings,
    /// Feed templates for networks that publish none (`x`, `facebook`, ...), by network.
    pub bridges: BTreeMap<String, String>,
    /// Refresh intervals by category (`other` for the rest): the defaults, then `[schedules]`.
    pub schedules: BTreeMap<String, Duration>,
    /// Items older than this many days go after a refresh; 0 keeps them forever.
    pub keep_days: u32,
    /// The newest this many items of each source are kept; 0 for no limit.
    pub max_items_per_source: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            refresh_interval: Some(Duration::from_secs(30 * 60)),
            refresh_on_start: true,
            read_whole_story: true,
            busy_timeout: crate::store::DEFAULT_BUSY_TIMEOUT,
            request_timeout: None,
            keys: Vec::new(),
            theme: Vec::new(),
            monochrome: false,
            path: None,
            alert_backlog_days: crate::store::DEFAULT_ALERT_BACKLOG_DAYS,
            notify: NotifySettings::default(),
            bridges: BTreeMap::new(),
            schedules: crate::interval::CATEGORY_DEFAULTS
                .iter()
                .map(|(name, seconds)| (name.to_string(), Duration::from_secs(*seconds)))
                .collect(),
            keep_days: follow::DEFAULT_KEEP_DAYS,
            max_items_per_source: follow::DEFAULT_MAX_ITEMS_PER_SOURCE,
        }
    }
}

/// One entry of a table, with where its name and its value are in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<T> {
    pub name: String,
    pub value: T,
    pub name_at: Position,
    pub value_at: Position,
}

/// 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the config file {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}line {line}, column {column}: {message}", origin(path))]
    Invalid {
        path: Option<PathBuf>,
        line: usize,
        column: usize,
        message: String,
    },
}

fn origin(path: &Option<PathBuf>) -> String {
    path.as_ref()
        .map(|p| format!("{} ", p.display()))
        .unwrap_or_default()
}

/// Where the config lives when `--config` is not given.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "rounds")
        .map(|dirs| dirs.config_dir().join("config.toml"))
}

impl Config {
    /// Reads `path` (which must exist), or the default path (which may not). Honours
    /// `NO_COLOR` unless the file sets colours itself, and `ROUNDS_TIMEOUT`.
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        let mut config = Config::read(path)?;
        config.monochrome = no_color_requested() && config.theme.is_empty();
        config.request_timeout = timeout_from_environment();
        Ok(config)
    }

    fn read(path: Option<&Path>) -> Result<Config, ConfigError> {
        let (path, required) = match path {
            Some(path) => (path.to_path_buf(), true),
            None => match default_path() {
                Some(path) => (path, false),
                None => return Ok(Config::default()),
            },
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if !required && error.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Config::default());
            }
            Err(source) => return Err(ConfigError::Read { path, source }),
        };
        let mut config = Config::from_toml(&text).map_err(|error| error.with_path(&path))?;
        config.path = Some(path);
        Ok(config)
    }

    /// Parses and validates a config file's text.
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|error| {
            let offset = error.span().map(|span| span.start).unwrap_or(0);
            invalid(text, offset, error.message().trim_end().to_string())
        })?;
        let mut config = Config::default();
        alerts::apply(text, &raw, &mut config)?;
        if let Some(interval) = &raw.refresh_interval {
            config.refresh_interval = parse_interval(interval.get_ref())
                .map_err(|message| invalid(text, interval.span().start, message))?;
        }
        if let Some(on_start) = raw.refresh_on_start {
            config.refresh_on_start = on_start;
        }
        if let Some(whole) = raw.read_whole_story {
            config.read_whole_story = whole;
        }
        if let Some(wait) = &raw.busy_timeout {
            config.busy_timeout = parse_busy_timeout(wait.get_ref())
                .map_err(|message| invalid(text, wait.span().start, message))?;
        }
        follow::apply(text, &raw, &mut config)?;
        config.keys = entries(text, raw.keys, |list| match list {
            KeyList::One(one) => vec![one],
            KeyList::Many(many) => many,
        });
        config.theme = entries(text, raw.theme, |colour| colour);
        Ok(config)
    }

    /// An error about an entry of this config, at `at`.
    pub fn invalid_at(&self, at: Position, message: String) -> ConfigError {
        ConfigError::Invalid {
            path: self.path.clone(),
            line: at.line,
            column: at.column,
            message,
        }
    }

    /// The HTTP limits for `jobs` fetches at once, with `ROUNDS_TIMEOUT` applied.
    pub fn http_options(&self, jobs: usize) -> HttpOptions {
        let mut options = HttpOptions {
            max_in_flight: jobs,
            ..HttpOptions::default()
        };
        if let Some(timeout) = self.request_timeout {
            options.timeout = timeout;
            options.connect_timeout = options.connect_timeout.min(timeout);
        }
        options
    }
}

/// A table's entries in file order, with their positions.
fn entries<Raw, T>(
    text: &str,
    table: BTreeMap<Spanned<String>, Spanned<Raw>>,
    convert: impl Fn(Raw) -> T,
) -> Vec<Entry<T>> {
    let mut entries: Vec<(usize, Entry<T>)> = table
        .into_iter()
        .map(|(name, value)| {
            let (name_span, value_span) = (name.span().start, value.span().start);
            let entry = Entry {
                name: name.into_inner(),
                value: convert(value.into_inner()),
                name_at: position(text, name_span),
                value_at: position(text, value_span),
            };
            (name_span, entry)
        })
        .collect();
    entries.sort_by_key(|(offset, _)| *offset);
    entries.into_iter().map(|(_, entry)| entry).collect()
}

/// `ROUNDS_TIMEOUT=SECONDS`, when it is a positive number.
fn timeout_from_environment() -> Option<Duration> {
    let seconds = std::env::var("ROUNDS_TIMEOUT")
        .ok()?
        .trim()
        .parse::<f64>()
        .ok()?;
    (seconds.is_finite() && seconds > 0.0 && seconds < 1e9)
        .then(|| Duration::from_secs_f64(seconds))
}

impl ConfigError {
    fn with_path(self, file: &Path) -> ConfigError {
        match self {
            ConfigError::Invalid {
                line,
                column,
                message,
                ..
            } => ConfigError::Invalid {
                path: Some(file.to_path_buf()),
                line,
                column,
                message,
            },
            other => other,
        }
    }
}

/// https://no-color.org: set and not empty.
fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty())
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    refresh_interval: Option<Spanned<Interval>>,
    refresh_on_start: Option<bool>,
    read_whole_story: Option<bool>,
    busy_timeout: Option<Spanned<Interval>>,
    alert_backlog_days: Option<Spanned<i64>>,
    notify_command: Option<Spanned<alerts::CommandLine>>,
    notify_timeout_seconds: Option<Spanned<i64>>,
    notify_burst_limit: Option<Spanned<i64>>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<KeyList>>,
    #[serde(default)]
    theme: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    bridges: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    schedules: BTreeMap<Spanned<String>, Spanned<String>>,
    keep_days: Option<Spanned<i64>>,
    max_items_per_source: Option<Spanned<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Interval {
    Minutes(i64),
    Text(String),
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum KeyList {
    One(String),
    Many(Vec<String>),
}

/// `30` (minutes), `"30m"`, `"2h"`, `"90s"`; `0` or `"off"` turns automatic refresh off.
fn parse_interval(interval: &Interval) -> Result<Option<Duration>, String> {
    let seconds = match interval {
        Interval::Minutes(minutes) if *minutes >= 0 => minutes.unsigned_abs().saturating_mul(60),
        Interval::Minutes(_) => return Err("refresh_interval cannot be negative".to_string()),
        Interval::Text(text) => parse_interval_text(text.trim()).ok_or_else(|| {
            format!(
                "refresh_interval \"{text}\" is not a duration (try \"30m\", \"2h\" or \"off\")"
            )
        })?,
    };
    if seconds == 0 {
        return Ok(None);
    }
    if seconds < 60 {
        return Err("refresh_interval must be at least one minute".to_string());
    }
    Ok(Some(Duration::from_secs(seconds)))
}

/// `10` (seconds), `"10s"`, `"1m"`: how long a write waits for the database.
fn parse_busy_timeout(wait: &Interval) -> Result<Duration, String> {
    let seconds = match wait {
        Interval::Minutes(seconds) if *seconds >= 0 => Some(seconds.unsigned_abs()),
        Interval::Minutes(_) => None,
        Interval::Text(text) => {
            let text = text.trim();
            let bare = text.chars().all(|c| c.is_ascii_digit());
            match bare {
                true => text.parse().ok(),
                false => parse_interval_text(text).filter(|_| !text.eq_ignore_ascii_case("off")),
            }
        }
    };
    match seconds {
        Some(seconds) if seconds <= 3600 => Ok(Duration::from_secs(seconds)),
        _ => Err("busy_timeout must be a duration up to an hour, like \"10s\" or \"1m\"".into()),
    }
}

fn parse_interval_text(text: &str) -> Option<u64> {
    if text.eq_ignore_ascii_case("off") {
        return Some(0);
    }
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: u64 = number.parse().ok()?;
    let unit_seconds = match unit.trim() {
        "s" => 1,
        "" | "m" | "min" => 60,
        "h" => 3600,
        _ => return None,
    };
    number.checked_mul(unit_seconds)
}

fn invalid(text: &str, offset: usize, message: String) -> ConfigError {
    let Position { line, column } = position(text, offset);
    ConfigError::Invalid {
        path: None,
        line,
        column,
        message,
    }
}

/// The line and column of a byte offset.
fn position(text: &str, offset: usize) -> Position {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = before[line_start..].chars().count() + 1;
    Position { line, column }
}

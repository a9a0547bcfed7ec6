//! The user's config file: TOML at `$XDG_CONFIG_HOME/rounds/config.toml` (or `--config`).
//! A missing default file means defaults; anything wrong in a file is an error that names its
//! line, never a panic. `assets/config.toml` is the commented default.

use crate::tui::action::Action;
use crate::tui::keymap::{KeyChord, Keymap, parse_key};
use crate::tui::theme::Theme;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;
use toml::Spanned;

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
    pub keymap: Keymap,
    pub theme: Theme,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            refresh_interval: Some(Duration::from_secs(30 * 60)),
            refresh_on_start: true,
            read_whole_story: true,
            keymap: Keymap::default(),
            theme: Theme::default(),
        }
    }
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
    /// `NO_COLOR` unless the file sets colours itself.
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        let (path, required) = match path {
            Some(path) => (path.to_path_buf(), true),
            None => match default_path() {
                Some(path) => (path, false),
                None => {
                    return Ok(Config::with_no_color(
                        Config::default(),
                        no_color_requested(),
                    ));
                }
            },
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if !required && error.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Config::with_no_color(
                    Config::default(),
                    no_color_requested(),
                ));
            }
            Err(source) => return Err(ConfigError::Read { path, source }),
        };
        let sets_colours = text_sets_colours(&text);
        let config = Config::from_toml(&text).map_err(|error| error.with_path(&path))?;
        Ok(Config::with_no_color(
            config,
            no_color_requested() && !sets_colours,
        ))
    }

    /// Parses and validates a config file's text.
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|error| {
            let offset = error.span().map(|span| span.start).unwrap_or(0);
            invalid(text, offset, error.message().trim_end().to_string())
        })?;
        let mut config = Config::default();
        if let Some(interval) = raw.refresh_interval {
            config.refresh_interval = parse_interval(interval.get_ref())
                .map_err(|message| invalid(text, interval.span().start, message))?;
        }
        if let Some(on_start) = raw.refresh_on_start {
            config.refresh_on_start = on_start;
        }
        if let Some(whole) = raw.read_whole_story {
            config.read_whole_story = whole;
        }
        config.keymap = build_keymap(text, &raw.keys)?;
        for (key, value) in &raw.theme {
            config
                .theme
                .set(key.get_ref(), value.get_ref())
                .map_err(|error| invalid(text, value.span().start, error.to_string()))?;
        }
        Ok(config)
    }

    fn with_no_color(mut self, monochrome: bool) -> Config {
        if monochrome {
            self.theme = Theme::monochrome();
        }
        self
    }
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

fn text_sets_colours(text: &str) -> bool {
    toml::from_str::<RawConfig>(text).is_ok_and(|raw| !raw.theme.is_empty())
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    refresh_interval: Option<Spanned<Interval>>,
    refresh_on_start: Option<bool>,
    read_whole_story: Option<bool>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<KeyList>>,
    #[serde(default)]
    theme: BTreeMap<Spanned<String>, Spanned<String>>,
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

fn build_keymap(
    text: &str,
    keys: &BTreeMap<Spanned<String>, Spanned<KeyList>>,
) -> Result<Keymap, ConfigError> {
    let mut overrides: Vec<(Action, Vec<KeyChord>)> = Vec::new();
    for (name, list) in keys {
        let action = Action::from_name(name.get_ref()).ok_or_else(|| {
            let message = format!("unknown action \"{}\" in [keys]", name.get_ref());
            invalid(text, name.span().start, message)
        })?;
        let strings = match list.get_ref() {
            KeyList::One(one) => std::slice::from_ref(one),
            KeyList::Many(many) => many.as_slice(),
        };
        let chords = strings
            .iter()
            .map(|key| parse_key(key))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|error| invalid(text, list.span().start, error.to_string()))?;
        overrides.push((action, chords));
    }
    // BTreeMap order is alphabetical, not file order: find the conflict's line by its second
    // action's entry.
    Keymap::with_overrides(&overrides).map_err(|conflict| {
        let offset = keys
            .keys()
            .find(|name| name.get_ref() == conflict.second)
            .map(|name| name.span().start)
            .unwrap_or(0);
        invalid(text, offset, conflict.to_string())
    })
}

fn invalid(text: &str, offset: usize, message: String) -> ConfigError {
    let (line, column) = line_and_column(text, offset);
    ConfigError::Invalid {
        path: None,
        line,
        column,
        message,
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

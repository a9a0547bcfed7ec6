//! The watches' settings: how far back a new source's first fetch alerts, and the
//! notification command with its limits.

use super::{Config, ConfigError, RawConfig, invalid};
use serde::Deserialize;
use std::time::Duration;
use toml::Spanned;

/// A list of arguments; a plain string is accepted here only to refuse it with a clear reason.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(super) enum CommandLine {
    Arguments(Vec<String>),
    ShellLine(String),
}

/// `alert_backlog_days`, `notify_command`, `notify_timeout_seconds`, `notify_burst_limit`.
pub(super) fn apply(text: &str, raw: &RawConfig, config: &mut Config) -> Result<(), ConfigError> {
    let number = |value: &Spanned<i64>, name: &str, range: std::ops::RangeInclusive<i64>| {
        let n = *value.get_ref();
        if range.contains(&n) {
            Ok(n)
        } else {
            let message = format!(
                "{name} must be a whole number from {} to {}",
                range.start(),
                range.end()
            );
            Err(invalid(text, value.span().start, message))
        }
    };
    if let Some(days) = &raw.alert_backlog_days {
        config.alert_backlog_days = number(days, "alert_backlog_days", 0..=36_500)? as u32;
    }
    if let Some(seconds) = &raw.notify_timeout_seconds {
        let seconds = number(seconds, "notify_timeout_seconds", 1..=600)?;
        config.notify.timeout = Duration::from_secs(seconds.unsigned_abs());
    }
    if let Some(limit) = &raw.notify_burst_limit {
        config.notify.burst_limit = number(limit, "notify_burst_limit", 1..=1000)? as usize;
    }
    if let Some(command) = &raw.notify_command {
        config.notify.command = match command.get_ref() {
            CommandLine::Arguments(arguments)
                if arguments.first().is_some_and(|p| p.trim().is_empty()) =>
            {
                let message = "notify_command starts with an empty program name".to_string();
                return Err(invalid(text, command.span().start, message));
            }
            CommandLine::Arguments(arguments) => arguments.clone(),
            CommandLine::ShellLine(line) => {
                let message = format!(
                    "notify_command is a list of arguments, like [\"notify-send\", \"{{title}}\"], \
                     not one line (\"{line}\"): it is never run through a shell"
                );
                return Err(invalid(text, command.span().start, message));
            }
        };
    }
    Ok(())
}

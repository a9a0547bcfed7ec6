//! The config file's `[keys]` and `[theme]` made into the keymap and theme in force. An
//! unknown action, a key that does not parse, two actions on one key, an unknown role or a bad
//! colour is an error at its entry's line.

use super::action::Action;
use super::keymap::{KeyChord, Keymap, parse_key};
use super::theme::Theme;
use crate::config::{Config, ConfigError};

/// What the newsfeed takes from the config file to look and react as the user asked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    pub keymap: Keymap,
    pub theme: Theme,
}

impl Settings {
    pub fn from_config(config: &Config) -> Result<Settings, ConfigError> {
        Ok(Settings {
            keymap: keymap(config)?,
            theme: theme(config)?,
        })
    }
}

fn keymap(config: &Config) -> Result<Keymap, ConfigError> {
    let mut overrides: Vec<(Action, Vec<KeyChord>)> = Vec::new();
    for entry in &config.keys {
        let action = Action::from_name(&entry.name).ok_or_else(|| {
            let message = format!("unknown action \"{}\" in [keys]", entry.name);
            config.invalid_at(entry.name_at, message)
        })?;
        let chords = entry
            .value
            .iter()
            .map(|key| parse_key(key))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|error| config.invalid_at(entry.value_at, error.to_string()))?;
        overrides.push((action, chords));
    }
    // The conflict is reported at the later of the two entries, in file order.
    Keymap::with_overrides(&overrides).map_err(|conflict| {
        let at = config
            .keys
            .iter()
            .find(|entry| entry.name == conflict.second)
            .map(|entry| entry.name_at)
            .unwrap_or_default();
        config.invalid_at(at, conflict.to_string())
    })
}

fn theme(config: &Config) -> Result<Theme, ConfigError> {
    if config.monochrome {
        return Ok(Theme::monochrome());
    }
    let mut theme = Theme::default();
    for entry in &config.theme {
        theme
            .set(&entry.name, &entry.value)
            .map_err(|error| config.invalid_at(entry.value_at, error.to_string()))?;
    }
    Ok(theme)
}

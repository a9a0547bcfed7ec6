//! The config file: defaults, rebinding, theme, and errors that name their line.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;
use rounds::config::{Config, ConfigError};
use rounds::tui::action::Action;
use rounds::tui::keymap::Keymap;
use rounds::tui::settings::Settings;
use std::time::Duration;

const DEFAULT_FILE: &str = include_str!("../assets/config.toml");

fn press(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

/// The config and what the newsfeed makes of it, as every command checks it.
fn settings(text: &str) -> Result<Settings, ConfigError> {
    Settings::from_config(&Config::from_toml(text)?)
}

fn error_position(text: &str) -> (usize, usize, String) {
    match settings(text) {
        Err(ConfigError::Invalid {
            line,
            column,
            message,
            ..
        }) => (line, column, message),
        other => panic!("expected an invalid-config error, got {other:?}"),
    }
}

#[test]
fn default_file_parses_to_the_defaults() {
    let config = Config::from_toml(DEFAULT_FILE).expect("default config parses");
    assert_eq!(config, Config::default());
}

/// The commented-out settings document the defaults: switched on, they change nothing.
#[test]
fn default_file_comments_are_the_defaults() {
    let uncommented: String = DEFAULT_FILE
        .lines()
        .map(|line| match line.strip_prefix("# ") {
            Some(rest) if rest.contains(" = ") && !rest.starts_with(' ') => rest,
            _ => line,
        })
        .map(|line| format!("{line}\n"))
        .collect();
    assert!(
        uncommented.contains("\nsave = \"s\"\n"),
        "comments were switched on"
    );
    let config = Config::from_toml(&uncommented).expect("uncommented config parses");
    assert_eq!(
        Settings::from_config(&config).expect("uncommented settings hold"),
        Settings::default()
    );
    // Every other setting too: keys and theme are compared above, as the newsfeed reads them.
    let settings = Config {
        keys: Vec::new(),
        theme: Vec::new(),
        ..config
    };
    assert_eq!(settings, Config::default());
}

/// The commented default lists every setting the config takes (the parser names them all when
/// it meets one it does not know), and every action of `[keys]`.
#[test]
fn default_file_lists_every_setting() {
    let Err(ConfigError::Invalid { message, .. }) = Config::from_toml("no_such_setting = 1\n")
    else {
        panic!("an unknown setting is refused");
    };
    let expected = message
        .split_once("expected one of")
        .expect("the parser lists the settings")
        .1;
    let settings: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    assert!(settings.len() >= 14, "{message}");
    for setting in settings {
        let listed = DEFAULT_FILE.lines().any(|line| {
            let line = line.trim_start_matches("# ");
            line.starts_with(&format!("{setting} = ")) || line == format!("[{setting}]")
        });
        assert!(listed, "assets/config.toml does not list {setting}");
    }
    for action in Action::ALL {
        // Bound by default ("# save = ..."), or named in the note on first-run keys.
        let listed = DEFAULT_FILE
            .split(|c: char| !(c.is_ascii_lowercase() || c == '_'))
            .any(|word| word == action.name());
        assert!(
            listed,
            "assets/config.toml does not name the action {}",
            action.name()
        );
    }
}

#[test]
fn empty_file_is_the_defaults() {
    let config = Config::from_toml("").expect("empty config");
    assert_eq!(config.refresh_interval, Some(Duration::from_secs(1800)));
    assert!(config.refresh_on_start);
}

#[test]
fn rebinding_by_action_name() {
    let keymap: Keymap = settings("[keys]\nsave = \"S\"\ntag = [\"t\", \"ctrl-t\"]\n")
        .expect("valid config")
        .keymap;
    assert_eq!(keymap.resolve(&press('S')), Some(Action::Save));
    assert_eq!(keymap.resolve(&press('s')), None);
    let ctrl_t = KeyEvent::new(KeyCode::Char('t'), KeyModifiers::CONTROL);
    assert_eq!(keymap.resolve(&ctrl_t), Some(Action::Tag));
}

#[test]
fn interval_forms() {
    let minutes = |text: &str| Config::from_toml(text).expect("valid").refresh_interval;
    assert_eq!(
        minutes("refresh_interval = 15"),
        Some(Duration::from_secs(900))
    );
    assert_eq!(
        minutes("refresh_interval = \"2h\""),
        Some(Duration::from_secs(7200))
    );
    assert_eq!(minutes("refresh_interval = \"off\""), None);
    assert_eq!(minutes("refresh_interval = 0"), None);
}

#[test]
fn theme_colours() {
    let theme = settings("[theme]\naccent = \"#ff8800\"\nerror = \"lightred\"\n")
        .expect("valid theme")
        .theme;
    assert_eq!(theme.accent.fg, Some(Color::Rgb(0xff, 0x88, 0x00)));
    assert_eq!(theme.error.fg, Some(Color::LightRed));
}

#[test]
fn toml_syntax_error_names_its_line() {
    let (line, _, message) = error_position("refresh_interval = \"30m\"\n\n[keys\nsave = \"S\"\n");
    assert_eq!(line, 3, "{message}");
}

#[test]
fn unknown_action_names_its_line_and_column() {
    let (line, column, message) = error_position("[keys]\nsave = \"S\"\nsvae = \"x\"\n");
    assert_eq!((line, column), (3, 1));
    assert!(message.contains("unknown action \"svae\""), "{message}");
}

#[test]
fn bad_key_string_names_its_line() {
    let (line, column, message) = error_position("[keys]\n\ntag = \"hyper-t\"\n");
    assert_eq!((line, column), (3, 7));
    assert!(message.contains("\"hyper-t\" is not a key"), "{message}");
}

#[test]
fn key_conflict_is_an_error() {
    let (line, _, message) = error_position("[keys]\ntag = \"x\"\nsave = \"x\"\n");
    assert!(message.contains("bound to both"), "{message}");
    assert_eq!(line, 3, "the later entry, in file order");
}

#[test]
fn bad_colour_and_unknown_setting_are_errors() {
    let (line, _, message) = error_position("[theme]\naccent = \"chartreuse-ish\"\n");
    assert_eq!(line, 2);
    assert!(message.contains("not a colour"), "{message}");
    let (line, _, message) = error_position("refresh_intervall = 5\n");
    assert_eq!(line, 1);
    assert!(message.contains("refresh_intervall"), "{message}");
}

#[test]
fn bad_interval_is_an_error() {
    let (line, _, message) = error_position("\nrefresh_interval = \"soon\"\n");
    assert_eq!(line, 2);
    assert!(message.contains("not a duration"), "{message}");
}

#[test]
fn load_reports_a_missing_explicit_file_and_names_the_file_on_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("nope.toml");
    assert!(matches!(
        Config::load(Some(&missing)),
        Err(ConfigError::Read { .. })
    ));
    let bad = dir.path().join("config.toml");
    std::fs::write(&bad, "[keys]\nquit = \"ctrl-\"\n").expect("write config");
    let config = Config::load(Some(&bad)).expect("the file is TOML");
    let message = Settings::from_config(&config)
        .expect_err("bad key")
        .to_string();
    assert!(message.contains("config.toml line 2"), "{message}");
}

#[test]
fn busy_timeout_is_seconds_or_a_duration() {
    let wait = |text: &str| Config::from_toml(text).map(|config| config.busy_timeout);
    assert_eq!(wait("").unwrap(), Duration::from_secs(10));
    assert_eq!(wait("busy_timeout = 3").unwrap(), Duration::from_secs(3));
    assert_eq!(
        wait("busy_timeout = \"1m\"").unwrap(),
        Duration::from_secs(60)
    );
    assert_eq!(
        wait("busy_timeout = \"500\"").unwrap(),
        Duration::from_secs(500)
    );
    let (line, _, message) = error_position("refresh_on_start = true\nbusy_timeout = \"soon\"\n");
    assert_eq!(line, 2);
    assert!(message.contains("busy_timeout"), "{message}");
    assert!(wait("busy_timeout = -1").is_err());
    assert!(wait("busy_timeout = \"2h\"").is_err(), "more than an hour");
}

#[test]
fn alert_settings_and_their_errors() {
    let config = Config::from_toml(
        "alert_backlog_days = 7\nnotify_command = [\"notify-send\", \"{title}\"]\n\
         notify_timeout_seconds = 3\nnotify_burst_limit = 2\n",
    )
    .expect("valid alert settings");
    assert_eq!(config.alert_backlog_days, 7);
    assert_eq!(config.notify.command, ["notify-send", "{title}"]);
    assert_eq!(config.notify.timeout, Duration::from_secs(3));
    assert_eq!(config.notify.burst_limit, 2);

    let (line, _, message) =
        error_position("refresh_on_start = true\nnotify_command = \"notify-send {title}\"\n");
    assert_eq!(line, 2);
    assert!(message.contains("never run through a shell"), "{message}");
    let (line, _, message) = error_position("\nalert_backlog_days = -1\n");
    assert_eq!(line, 2);
    assert!(message.contains("alert_backlog_days"), "{message}");
    let (_, _, message) = error_position("notify_command = [\"\", \"x\"]\n");
    assert!(message.contains("empty program"), "{message}");
}

//! Keys to actions: the default bindings, rebinding from the config file, and the one pure
//! function that resolves a key press.

use super::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::fmt;

/// A key with its modifiers, normalised so that what the terminal reports and what a config
/// file writes compare equal: a character carries its own case, so Shift is dropped for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyChord {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl KeyChord {
    pub fn new(code: KeyCode, modifiers: KeyModifiers) -> KeyChord {
        let mut modifiers =
            modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        if matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
            modifiers.remove(KeyModifiers::SHIFT);
        }
        KeyChord { code, modifiers }
    }

    pub fn plain(code: KeyCode) -> KeyChord {
        KeyChord::new(code, KeyModifiers::NONE)
    }

    pub fn from_event(event: &KeyEvent) -> KeyChord {
        KeyChord::new(event.code, event.modifiers)
    }
}

/// Why a key string from the config file is not a key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a key (try \"j\", \"S\", \"ctrl-d\", \"enter\", \"pagedown\", \"f5\")")]
pub struct KeyParseError(pub String);

/// Parses `j`, `S`, `?`, `ctrl-d`, `alt-x`, `shift-tab`, `enter`, `esc`, `pagedown`, `f5`...
pub fn parse_key(text: &str) -> Result<KeyChord, KeyParseError> {
    let error = || KeyParseError(text.to_string());
    let mut modifiers = KeyModifiers::NONE;
    let mut rest = text;
    // A lone "-" or a chord ending in "-" ("ctrl--") names the minus key itself.
    while let Some((prefix, tail)) = rest.split_once('-').filter(|(_, tail)| !tail.is_empty()) {
        modifiers |= match prefix.to_ascii_lowercase().as_str() {
            "ctrl" | "c" => KeyModifiers::CONTROL,
            "alt" | "a" | "m" => KeyModifiers::ALT,
            "shift" | "s" => KeyModifiers::SHIFT,
            _ => return Err(error()),
        };
        rest = tail;
    }
    let code = parse_key_code(rest).ok_or_else(error)?;
    if code == KeyCode::Tab && modifiers.contains(KeyModifiers::SHIFT) {
        return Ok(KeyChord::new(KeyCode::BackTab, modifiers));
    }
    Ok(KeyChord::new(code, modifiers))
}

fn parse_key_code(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(KeyCode::Char(c));
    }
    let lower = name.to_ascii_lowercase();
    let code = match lower.as_str() {
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "space" => KeyCode::Char(' '),
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" => KeyCode::PageDown,
        _ => {
            let number: u8 = lower.strip_prefix('f')?.parse().ok()?;
            return (1..=24).contains(&number).then_some(KeyCode::F(number));
        }
    };
    Some(code)
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::Insert => f.write_str("Ins"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            other => write!(f, "{other:?}"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    pub key: KeyChord,
    pub action: Action,
}

/// Two actions rebound to the same key in the config file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("key {key} is bound to both {first} and {second}")]
pub struct KeyConflict {
    pub key: String,
    pub first: &'static str,
    pub second: &'static str,
}

/// Where the keyboard is, for the few bindings that depend on it: they are checked before
/// the others, so a key can mean one thing in the sources pane and another elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// The sources pane has the focus.
    SourcesPane,
    /// No sources yet: the first-run screen.
    FirstRun,
}

impl Layer {
    pub fn describe(self) -> &'static str {
        match self {
            Layer::SourcesPane => "in sources",
            Layer::FirstRun => "first run",
        }
    }
}

/// The bindings in force, in help-screen order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
    layered: Vec<(Layer, Binding)>,
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULT_BINDINGS
            .iter()
            .flat_map(|(action, keys)| {
                keys.iter().map(move |key| Binding {
                    key: parse_key(key).unwrap_or_else(|_| unreachable!("default key {key}")),
                    action: *action,
                })
            })
            .collect();
        let layered = LAYERED_BINDINGS
            .iter()
            .flat_map(|(layer, action, keys)| {
                keys.iter().map(move |key| {
                    let binding = Binding {
                        key: parse_key(key).unwrap_or_else(|_| unreachable!("default key {key}")),
                        action: *action,
                    };
                    (*layer, binding)
                })
            })
            .collect();
        Keymap { bindings, layered }
    }
}

impl Keymap {
    /// The defaults, with each overridden action's keys replaced. A key taken by an override
    /// is removed from whatever default action had it.
    pub fn with_overrides(overrides: &[(Action, Vec<KeyChord>)]) -> Result<Keymap, KeyConflict> {
        let mut claimed: Vec<Binding> = Vec::new();
        for (action, keys) in overrides {
            for key in keys {
                if let Some(other) = claimed
                    .iter()
                    .find(|b| b.key == *key && b.action != *action)
                {
                    return Err(KeyConflict {
                        key: key.to_string(),
                        first: other.action.name(),
                        second: action.name(),
                    });
                }
                claimed.push(Binding {
                    key: *key,
                    action: *action,
                });
            }
        }
        let overridden = |action: Action| overrides.iter().any(|(a, _)| *a == action);
        let defaults = Keymap::default();
        let mut bindings: Vec<Binding> = defaults
            .bindings
            .iter()
            .copied()
            .filter(|b| !overridden(b.action) && !claimed.iter().any(|c| c.key == b.key))
            .collect();
        bindings.extend(claimed.iter().copied());
        bindings.sort_by_key(|b| Action::ALL.iter().position(|a| *a == b.action));
        // A layered key stays with its action unless the user gives that key to another
        // action: then it is theirs everywhere. Restating a default (`acknowledge = "a"`)
        // gives nothing new, so it takes nothing.
        let layered = defaults
            .layered
            .into_iter()
            .filter(|(_, b)| {
                !claimed.iter().any(|c| {
                    c.key == b.key && c.action != b.action && !defaults.bindings.contains(c)
                })
            })
            .collect();
        Ok(Keymap { bindings, layered })
    }

    /// `resolve`, with the bindings of the active layers checked first.
    pub fn resolve_in(&self, layers: &[Layer], event: &KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let chord = KeyChord::from_event(event);
        self.layered
            .iter()
            .find(|(layer, binding)| layers.contains(layer) && binding.key == chord)
            .map(|(_, binding)| binding.action)
            .or_else(|| self.resolve(event))
    }

    /// The keys an action has in a layer only, for the help screen.
    pub fn layered_keys_for(&self, action: Action) -> impl Iterator<Item = (Layer, KeyChord)> + '_ {
        self.layered
            .iter()
            .filter(move |(_, b)| b.action == action)
            .map(|(layer, b)| (*layer, b.key))
    }

    /// The action a key press asks for, if any. Releases (reported on some platforms) are not
    /// presses.
    pub fn resolve(&self, event: &KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let chord = KeyChord::from_event(event);
        self.bindings
            .iter()
            .find(|b| b.key == chord)
            .map(|b| b.action)
    }

    pub fn keys_for(&self, action: Action) -> impl Iterator<Item = KeyChord> + '_ {
        self.bindings
            .iter()
            .filter(move |b| b.action == action)
            .map(|b| b.key)
    }

    /// The first key of an action, as the status bar hints show it.
    pub fn hint(&self, action: Action) -> Option<String> {
        self.keys_for(action).next().map(|key| key.to_string())
    }

    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }
}

const DEFAULT_BINDINGS: &[(Action, &[&str])] = &[
    (Action::MoveDown, &["j", "down"]),
    (Action::MoveUp, &["k", "up"]),
    (Action::PageDown, &["ctrl-d", "pagedown", "space"]),
    (Action::PageUp, &["ctrl-u", "pageup"]),
    (Action::Top, &["g", "home"]),
    (Action::Bottom, &["G", "end"]),
    (Action::NextUnread, &["n"]),
    (Action::FocusNext, &["tab"]),
    (Action::FocusPrevious, &["backtab"]),
    (Action::Sources, &["S"]),
    (Action::Open, &["enter", "l", "right"]),
    (Action::Back, &["esc", "h", "left"]),
    (Action::OpenInBrowser, &["o"]),
    (Action::FollowLink, &["f"]),
    (Action::CopyLink, &["y"]),
    (Action::OpenDoi, &["D"]),
    (Action::OpenPubmed, &["P"]),
    (Action::OpenTrial, &["T"]),
    (Action::NextVersion, &["v"]),
    (Action::ToggleRead, &["m"]),
    (Action::Save, &["s"]),
    (Action::Tag, &["t"]),
    (Action::MarkAllRead, &["A"]),
    (Action::Undo, &["u"]),
    (Action::Acknowledge, &["a"]),
    (Action::Filter, &["/"]),
    (Action::LaneAll, &["1"]),
    (Action::LaneUnread, &["2"]),
    (Action::LaneSaved, &["3"]),
    (Action::FlatRiver, &["="]),
    (Action::Export, &["e"]),
    (Action::Refresh, &["r"]),
    (Action::RefreshAll, &["R"]),
    (Action::AddSource, &["+"]),
    (Action::EditSource, &["E"]),
    (Action::RemoveSource, &["d"]),
    (Action::SourceHealth, &["H"]),
    (Action::Watches, &["W"]),
    (Action::Help, &["?"]),
    (Action::BackOrQuit, &["q"]),
    (Action::Quit, &["ctrl-c"]),
];

/// Bindings that hold only where the keyboard is: `a` adds a source in the sources pane (it
/// acknowledges alerts elsewhere); the first-run screen imports the starter pack.
const LAYERED_BINDINGS: &[(Layer, Action, &[&str])] = &[
    (Layer::SourcesPane, Action::AddSource, &["a"]),
    (Layer::FirstRun, Action::ImportStarter, &["i"]),
    (Layer::FirstRun, Action::PickStarter, &["p"]),
];

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;

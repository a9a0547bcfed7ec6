//! Colours. Views ask the theme for a style by role, never for a colour; `NO_COLOR` gives a
//! monochrome theme that still shows selection, unread and links through modifiers.

use ratatui::style::{Color, Modifier, Style};
use std::str::FromStr;

/// The colour roles a config file's `[theme]` table can set.
pub const THEME_KEYS: [&str; 11] = [
    "accent",
    "dim",
    "border",
    "unread",
    "saved",
    "tag",
    "error",
    "link",
    "selection_bg",
    "status_fg",
    "status_bg",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub accent: Style,
    pub dim: Style,
    pub border: Style,
    pub border_focused: Style,
    pub unread: Style,
    pub saved: Style,
    pub tag: Style,
    pub error: Style,
    pub link: Style,
    pub selection: Style,
    pub status: Style,
    pub heading: Style,
}

impl Default for Theme {
    fn default() -> Self {
        let mut theme = Theme::monochrome();
        for (key, colour) in DEFAULT_COLOURS {
            let colour = Color::from_str(colour).unwrap_or(Color::Reset);
            theme.set_colour(key, colour);
        }
        theme
    }
}

/// The default palette: 16 ANSI colours, so the user's terminal scheme decides the shades.
pub const DEFAULT_COLOURS: [(&str, &str); 11] = [
    ("accent", "cyan"),
    ("dim", "darkgray"),
    ("border", "darkgray"),
    ("unread", "yellow"),
    ("saved", "magenta"),
    ("tag", "green"),
    ("error", "red"),
    ("link", "blue"),
    ("selection_bg", "darkgray"),
    ("status_fg", "white"),
    ("status_bg", "black"),
];

/// A `[theme]` entry that is not a role or not a colour.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ThemeError {
    #[error("unknown theme colour \"{0}\" (known: {known})", known = THEME_KEYS.join(", "))]
    UnknownKey(String),
    #[error(
        "\"{0}\" is not a colour (use a name like \"cyan\" or \"lightred\", \"#rrggbb\" or 0-255)"
    )]
    BadColour(String),
}

impl Theme {
    /// Modifiers only, for `NO_COLOR` and monochrome terminals.
    pub fn monochrome() -> Theme {
        let plain = Style::new();
        Theme {
            accent: plain.add_modifier(Modifier::BOLD),
            dim: plain.add_modifier(Modifier::DIM),
            border: plain,
            border_focused: plain.add_modifier(Modifier::BOLD),
            unread: plain.add_modifier(Modifier::BOLD),
            saved: plain.add_modifier(Modifier::BOLD),
            tag: plain.add_modifier(Modifier::ITALIC),
            error: plain.add_modifier(Modifier::BOLD),
            link: plain.add_modifier(Modifier::UNDERLINED),
            selection: plain.add_modifier(Modifier::REVERSED),
            status: plain.add_modifier(Modifier::REVERSED),
            heading: plain.add_modifier(Modifier::BOLD),
        }
    }

    /// Sets one role from a config entry.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), ThemeError> {
        if !THEME_KEYS.contains(&key) {
            return Err(ThemeError::UnknownKey(key.to_string()));
        }
        let colour =
            Color::from_str(value).map_err(|_| ThemeError::BadColour(value.to_string()))?;
        self.set_colour(key, colour);
        Ok(())
    }

    fn set_colour(&mut self, key: &str, colour: Color) {
        match key {
            "accent" => {
                self.accent = self.accent.fg(colour);
                self.border_focused = self.border_focused.fg(colour);
                self.heading = self.heading.fg(colour);
            }
            "dim" => self.dim = Style::new().fg(colour),
            "border" => self.border = self.border.fg(colour),
            "unread" => self.unread = self.unread.fg(colour),
            "saved" => self.saved = self.saved.fg(colour),
            "tag" => self.tag = Style::new().fg(colour),
            "error" => self.error = self.error.fg(colour),
            "link" => self.link = self.link.fg(colour),
            "selection_bg" => self.selection = Style::new().bg(colour).add_modifier(Modifier::BOLD),
            "status_fg" => self.status = self.status.fg(colour).remove_modifier(Modifier::REVERSED),
            "status_bg" => self.status = self.status.bg(colour).remove_modifier(Modifier::REVERSED),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_by_name_and_hex() {
        let mut theme = Theme::default();
        theme.set("accent", "#1e90ff").expect("hex colour");
        assert_eq!(theme.accent.fg, Some(Color::Rgb(0x1e, 0x90, 0xff)));
        theme.set("error", "light-red").expect("named colour");
        assert_eq!(theme.error.fg, Some(Color::LightRed));
    }

    #[test]
    fn bad_entries_are_errors() {
        let mut theme = Theme::default();
        assert_eq!(
            theme.set("sparkle", "red"),
            Err(ThemeError::UnknownKey("sparkle".into()))
        );
        assert_eq!(
            theme.set("accent", "#12"),
            Err(ThemeError::BadColour("#12".into()))
        );
    }

    #[test]
    fn monochrome_has_no_colour() {
        let theme = Theme::monochrome();
        for style in [
            theme.accent,
            theme.unread,
            theme.selection,
            theme.link,
            theme.status,
        ] {
            assert_eq!((style.fg, style.bg), (None, None));
        }
    }
}

//! A note the user must see whole before going on, drawn over the screen until the next key:
//! the status bar would cut it. Today: a link the browser could not open.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub title: String,
    pub paragraphs: Vec<String>,
}

impl Notice {
    /// The browser did not start: the error, and the whole link (also on the clipboard), so it
    /// can be opened by hand.
    pub fn browser_failed(url: &str, error: &str) -> Notice {
        Notice {
            title: "The browser did not open".into(),
            paragraphs: vec![
                format!("{error}."),
                "The link, also copied to the clipboard (where the terminal allows it):".into(),
                url.into(),
            ],
        }
    }
}

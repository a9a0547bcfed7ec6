//! The export prompt, just above the status bar: the file name, and what the extension means.

use super::window::{LinePrompt, inner_width, wrapped};
use crate::tui::app::App;
use crate::tui::stories::export_prompt::ExportPrompt;
use ratatui::Frame;
use ratatui::layout::Rect;

const MAX_WIDTH: u16 = 72;

pub fn draw(frame: &mut Frame, status: Rect, app: &App, prompt: &ExportPrompt) {
    let width = inner_width(status.width, MAX_WIDTH);
    let noun = if prompt.stories { "stories" } else { "items" };
    let below = match &prompt.error {
        Some(error) => wrapped(error, width, app.theme.error),
        None => wrapped(
            ".ris .bib .csl.json .md .json · Enter exports · Esc cancels",
            width,
            app.theme.dim,
        ),
    };
    LinePrompt {
        title: format!("Export {} {noun} to", super::thousands(prompt.shown)),
        input: &prompt.input,
        below,
        max_width: MAX_WIDTH,
        typing: true,
    }
    .draw(frame, status, app);
}

//! The filter bar: what is typed, whether it has the keyboard, and the worker's last verdict.

use super::input::LineInput;
use crate::query::QueryError;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub input: LineInput,
    /// The bar has the keyboard.
    pub editing: bool,
    /// Why the worker rejected the current text; the rows of the last good query stay shown.
    pub error: Option<QueryError>,
}

impl Filter {
    pub fn text(&self) -> &str {
        self.input.text()
    }

    /// Shown while typing, while a filter applies, or while an error needs reading.
    pub fn is_visible(&self) -> bool {
        self.editing || !self.text().is_empty() || self.error.is_some()
    }

    /// Lines the bar takes at the top of the river: the query; with an error, the caret and
    /// the reason, and what the dimmed rows below are.
    pub fn height(&self) -> u16 {
        match (self.is_visible(), self.error.is_some()) {
            (false, _) => 0,
            (true, false) => 1,
            (true, true) => 3,
        }
    }

    /// A filter applies to the river and the bar no longer has the keyboard.
    pub fn is_kept(&self) -> bool {
        !self.editing && !self.text().is_empty()
    }

    pub fn start(&mut self) {
        self.editing = true;
    }

    /// Esc: no filter any more.
    pub fn clear(&mut self) {
        *self = Filter::default();
    }
}

//! A one-line text editor for the filter bar and the tag prompt. Cursor positions count
//! characters, not bytes.

use super::fit;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_width::UnicodeWidthChar;

/// The most characters one paste inserts: a query or a tag is never longer, and a whole
/// clipboard pasted by mistake must not stall the screen.
pub const MAX_PASTE: usize = 2_000;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    cursor: usize,
}

/// What a key did to the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Changed,
    Moved,
    Ignored,
}

impl LineInput {
    pub fn with_text(text: &str) -> LineInput {
        LineInput {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    /// `text` with the cursor after `cursor` characters.
    pub fn with_cursor(text: &str, cursor: usize) -> LineInput {
        LineInput {
            text: text.to_string(),
            cursor: cursor.min(text.chars().count()),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn set_text(&mut self, text: &str) {
        *self = LineInput::with_text(text);
    }

    /// Applies an editing key: characters, Backspace, Delete, arrows, Home/End, and the
    /// readline keys Ctrl-a, Ctrl-e, Ctrl-u, Ctrl-k, Ctrl-w.
    pub fn handle(&mut self, key: &KeyEvent) -> Edit {
        let control = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('a') if control => self.move_to(0),
            KeyCode::Char('e') if control => self.move_to(self.len()),
            KeyCode::Char('u') if control => self.delete_range(0, self.cursor),
            KeyCode::Char('k') if control => self.delete_range(self.cursor, self.len()),
            KeyCode::Char('w') if control => self.delete_range(self.word_start(), self.cursor),
            KeyCode::Char(_) if control || key.modifiers.contains(KeyModifiers::ALT) => {
                Edit::Ignored
            }
            KeyCode::Char(c) if !c.is_control() => self.insert(c),
            KeyCode::Backspace => self.delete_range(self.cursor.saturating_sub(1), self.cursor),
            KeyCode::Delete => self.delete_range(self.cursor, (self.cursor + 1).min(self.len())),
            KeyCode::Left => self.move_to(self.cursor.saturating_sub(1)),
            KeyCode::Right => self.move_to((self.cursor + 1).min(self.len())),
            KeyCode::Home => self.move_to(0),
            KeyCode::End => self.move_to(self.len()),
            _ => Edit::Ignored,
        }
    }

    /// Inserts pasted text, its first `MAX_PASTE` characters (newlines and control
    /// characters become spaces), in one insertion.
    pub fn paste(&mut self, text: &str) -> Edit {
        let pasted: String = text
            .chars()
            .take(MAX_PASTE)
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let at = self.byte_index(self.cursor);
        self.text.insert_str(at, &pasted);
        self.cursor += pasted.chars().count();
        Edit::Changed
    }

    /// The part to show in `columns` columns, and the cursor's column within it. It runs every
    /// frame: one pass over the text, whatever its length.
    pub fn view(&self, columns: usize) -> (String, usize) {
        let cursor = self.byte_index(self.cursor);
        // Keep the cursor on screen: the longest end of the text before it that is narrower
        // than the line, found walking back from the cursor.
        let (mut start, mut before) = (cursor, 0);
        for (index, c) in self.text[..cursor].char_indices().rev() {
            let width = c.width().unwrap_or(0);
            if before + width >= columns.max(1) {
                break;
            }
            (start, before) = (index, before + width);
        }
        // From there, just enough to fill the line and tell whether it goes on.
        let (mut end, mut width) = (start, 0);
        for (index, c) in self.text[start..].char_indices() {
            if width > columns {
                break;
            }
            width += c.width().unwrap_or(0);
            end = start + index + c.len_utf8();
        }
        (fit::truncate(&self.text[start..end], columns), before)
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    fn byte_index(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    fn insert(&mut self, c: char) -> Edit {
        let at = self.byte_index(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
        Edit::Changed
    }

    fn delete_range(&mut self, from: usize, to: usize) -> Edit {
        if from >= to {
            return Edit::Ignored;
        }
        let (start, end) = (self.byte_index(from), self.byte_index(to));
        self.text.replace_range(start..end, "");
        self.cursor = from;
        Edit::Changed
    }

    fn move_to(&mut self, position: usize) -> Edit {
        self.cursor = position;
        Edit::Moved
    }

    fn word_start(&self) -> usize {
        let chars: Vec<char> = self.text.chars().take(self.cursor).collect();
        let mut i = chars.len();
        while i > 0 && chars[i - 1] == ' ' {
            i -= 1;
        }
        while i > 0 && chars[i - 1] != ' ' {
            i -= 1;
        }
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn type_keys(input: &mut LineInput, codes: &[KeyCode]) {
        for code in codes {
            input.handle(&KeyEvent::new(*code, KeyModifiers::NONE));
        }
    }

    #[test]
    fn edits_in_the_middle_of_unicode_text() {
        let mut input = LineInput::with_text("café");
        type_keys(
            &mut input,
            &[KeyCode::Left, KeyCode::Backspace, KeyCode::Char('F')],
        );
        assert_eq!(input.text(), "caFé");
        assert_eq!(input.cursor(), 3);
    }

    #[test]
    fn control_w_deletes_the_last_word() {
        let mut input = LineInput::with_text("sglt2 OR glp-1");
        let ctrl_w = KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL);
        assert_eq!(input.handle(&ctrl_w), Edit::Changed);
        assert_eq!(input.text(), "sglt2 OR ");
    }

    #[test]
    fn view_keeps_the_cursor_visible() {
        let input = LineInput::with_text("measles outbreak");
        let (shown, cursor) = input.view(8);
        assert_eq!(cursor, 7);
        assert_eq!(shown, "utbreak");
    }

    /// A whole clipboard pasted by mistake: one insertion, at most `MAX_PASTE` characters.
    #[test]
    fn a_huge_paste_is_capped_and_stays_one_line() {
        let mut input = LineInput::with_text("measles ");
        let clipboard = "outbreak\nreport ".repeat(100_000);
        assert_eq!(input.paste(&clipboard), Edit::Changed);
        assert_eq!(input.text().chars().count(), 8 + MAX_PASTE);
        assert_eq!(input.cursor(), 8 + MAX_PASTE);
        assert!(input.text().starts_with("measles outbreak report "));
        assert!(!input.text().contains('\n'));
        let (shown, cursor) = input.view(40);
        assert_eq!(fit::width(&shown), cursor);
        assert!(cursor < 40);
    }

    /// The one-pass view shows what the first version (which dropped characters from the left
    /// one at a time) showed, for any text, cursor and width.
    #[test]
    fn view_matches_the_simple_definition() {
        use proptest::prelude::*;
        fn reference(input: &LineInput, columns: usize) -> (String, usize) {
            let before: String = input.text.chars().take(input.cursor).collect();
            let mut start = 0;
            let mut visible = before.as_str();
            while fit::width(visible) >= columns.max(1) && !visible.is_empty() {
                start += 1;
                visible = before
                    .char_indices()
                    .nth(start)
                    .map_or("", |(i, _)| &before[i..]);
            }
            let shown: String = input.text.chars().skip(start).collect();
            (fit::truncate(&shown, columns), fit::width(visible))
        }
        proptest!(|(text in "[a-z é流感\\-]{0,40}", cursor in 0usize..45, columns in 0usize..30)| {
            let input = LineInput::with_cursor(&text, cursor);
            prop_assert_eq!(input.view(columns), reference(&input, columns));
        });
    }
}

//! The tag prompt: edit an item's tags as words, with Tab completing from the tags in use.

use super::input::LineInput;
use crate::model::ItemId;

#[derive(Debug, Clone, PartialEq)]
pub struct TagEditor {
    pub id: ItemId,
    pub title: String,
    pub input: LineInput,
    completion: Option<Completion>,
}

/// Tab pressed on a word: the candidates it had, and which one is in the input now.
#[derive(Debug, Clone, PartialEq)]
struct Completion {
    candidates: Vec<String>,
    index: usize,
}

impl TagEditor {
    /// Opens on the item's tags, cursor after a trailing space ready for a new one.
    pub fn new(id: ItemId, title: &str, tags: &[String]) -> TagEditor {
        let mut text = tags.join(" ");
        if !text.is_empty() {
            text.push(' ');
        }
        TagEditor {
            id,
            title: title.to_string(),
            input: LineInput::with_text(&text),
            completion: None,
        }
    }

    /// The word being typed (before the cursor).
    pub fn current_word(&self) -> &str {
        let text = self.input.text();
        let before_cursor = text
            .char_indices()
            .nth(self.input.cursor())
            .map_or(text, |(i, _)| &text[..i]);
        before_cursor.rsplit([' ', ',']).next().unwrap_or("")
    }

    /// Known tags that start with the current word and are not in the input yet.
    pub fn suggestions<'a>(&self, known: &'a [String]) -> Vec<&'a str> {
        let word = self.current_word().trim_start_matches('#').to_lowercase();
        let present = self.tags();
        known
            .iter()
            .filter(|tag| tag.to_lowercase().starts_with(&word) && !present.contains(tag))
            .map(String::as_str)
            .collect()
    }

    /// Tab: the first suggestion replaces the word; pressed again, the next one.
    pub fn complete(&mut self, known: &[String]) {
        let (candidates, index) = match self.completion.take() {
            Some(completion) => {
                let next = (completion.index + 1) % completion.candidates.len();
                (completion.candidates, next)
            }
            None => {
                let candidates: Vec<String> = self
                    .suggestions(known)
                    .into_iter()
                    .map(String::from)
                    .collect();
                if candidates.is_empty() {
                    return;
                }
                (candidates, 0)
            }
        };
        self.replace_current_word(&candidates[index]);
        self.completion = Some(Completion { candidates, index });
    }

    /// Any key other than Tab ends a completion cycle.
    pub fn end_completion(&mut self) {
        self.completion = None;
    }

    /// The candidate Tab put in the input, to highlight it among the suggestions.
    pub fn completed(&self) -> Option<&str> {
        self.completion
            .as_ref()
            .map(|c| c.candidates[c.index].as_str())
    }

    fn replace_current_word(&mut self, replacement: &str) {
        let word_chars = self.current_word().chars().count();
        let text = self.input.text();
        let cursor = self.input.cursor();
        let before: String = text.chars().take(cursor - word_chars).collect();
        let after: String = text.chars().skip(cursor).collect();
        let head = format!("{before}{replacement}");
        self.input = LineInput::with_cursor(&format!("{head}{after}"), head.chars().count());
    }

    /// The tags as typed: split on spaces and commas, `#` dropped, duplicates removed.
    pub fn tags(&self) -> Vec<String> {
        let mut tags: Vec<String> = Vec::new();
        for word in self.input.text().split([' ', ',']) {
            let tag = word.trim().trim_start_matches('#');
            if !tag.is_empty() && !tags.iter().any(|t| t == tag) {
                tags.push(tag.to_string());
            }
        }
        tags
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Vec<String> {
        ["cardio", "cardiology", "infectious", "journal-club"]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn opens_on_current_tags() {
        let editor = TagEditor::new(ItemId(1), "t", &["cardio".into()]);
        assert_eq!(editor.input.text(), "cardio ");
        assert_eq!(editor.current_word(), "");
    }

    #[test]
    fn tab_completes_and_cycles() {
        let mut editor = TagEditor::new(ItemId(1), "t", &["infectious".into()]);
        editor.input.paste("car");
        assert_eq!(editor.suggestions(&known()), vec!["cardio", "cardiology"]);
        editor.complete(&known());
        assert_eq!(editor.input.text(), "infectious cardio");
        editor.complete(&known());
        assert_eq!(editor.input.text(), "infectious cardiology");
        assert_eq!(editor.completed(), Some("cardiology"));
        editor.complete(&known());
        assert_eq!(editor.input.text(), "infectious cardio");
    }

    #[test]
    fn tags_are_split_deduplicated_and_unhashed() {
        let mut editor = TagEditor::new(ItemId(1), "t", &[]);
        editor.input.paste("#sepsis, icu sepsis  ");
        assert_eq!(editor.tags(), vec!["sepsis", "icu"]);
    }
}

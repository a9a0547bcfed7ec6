//! The source editor: title, category, tags and refresh interval, one line each.

use crate::interval;
use crate::model::{Source, SourceEdit, SourceId};
use crate::tui::input::LineInput;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorField {
    Title,
    Category,
    Tags,
    Every,
}

impl EditorField {
    pub const ALL: [EditorField; 4] = [
        EditorField::Title,
        EditorField::Category,
        EditorField::Tags,
        EditorField::Every,
    ];

    pub fn label(self) -> &'static str {
        match self {
            EditorField::Title => "Title",
            EditorField::Category => "Category",
            EditorField::Tags => "Tags",
            EditorField::Every => "Refresh every",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SourceEditor {
    pub id: SourceId,
    /// The source's title when the editor opened, for the frame.
    pub original_title: String,
    pub fields: [LineInput; 4],
    pub focus: usize,
    pub error: Option<String>,
}

impl SourceEditor {
    pub fn new(source: &Source) -> SourceEditor {
        let every = source
            .refresh_every
            .map(interval::format)
            .unwrap_or_default();
        SourceEditor {
            id: source.id,
            original_title: source.title.clone(),
            fields: [
                LineInput::with_text(&source.title),
                LineInput::with_text(source.category.as_deref().unwrap_or("")),
                LineInput::with_text(&source.tags.join(" ")),
                LineInput::with_text(&every),
            ],
            focus: 0,
            error: None,
        }
    }

    pub fn focused(&mut self) -> &mut LineInput {
        &mut self.fields[self.focus]
    }

    pub fn move_focus(&mut self, step: isize) {
        let count = self.fields.len() as isize;
        self.focus = (self.focus as isize + step).rem_euclid(count) as usize;
    }

    /// The edit to send, or why the interval is not one (the editor stays open).
    pub fn edit(&mut self) -> Option<SourceEdit> {
        let every = self.fields[3].text().trim();
        let refresh_every = if every.is_empty() || every.eq_ignore_ascii_case("default") {
            None
        } else {
            match interval::parse(every) {
                Ok(duration) => Some(duration),
                Err(error) => {
                    self.error = Some(error.to_string());
                    self.focus = 3;
                    return None;
                }
            }
        };
        let tags = self.fields[2]
            .text()
            .split([' ', ','])
            .map(|tag| tag.trim().trim_start_matches('#'))
            .filter(|tag| !tag.is_empty())
            .map(str::to_string)
            .collect();
        Some(SourceEdit {
            title: Some(self.fields[0].text().to_string()),
            category: Some(self.fields[1].text().to_string()),
            tags: Some(tags),
            refresh_every: Some(refresh_every),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::source;
    use std::time::Duration;

    #[test]
    fn opens_on_the_source_and_reads_the_edit_back() {
        let mut editor = SourceEditor::new(&source(3, "BMJ", Some("journal"), 2));
        assert_eq!(editor.fields[0].text(), "BMJ");
        editor.move_focus(-1);
        assert_eq!(editor.focus, 3);
        editor.focused().paste("2h");
        editor.fields[2].paste("#cardio, weekly");
        let edit = editor.edit().expect("valid");
        assert_eq!(edit.refresh_every, Some(Some(Duration::from_secs(7200))));
        assert_eq!(
            edit.tags,
            Some(vec!["cardio".to_string(), "weekly".to_string()])
        );
        assert_eq!(edit.category.as_deref(), Some("journal"));
    }

    #[test]
    fn a_bad_interval_keeps_the_editor_open_with_a_reason() {
        let mut editor = SourceEditor::new(&source(3, "BMJ", None, 2));
        editor.fields[3].paste("sometimes");
        editor.focus = 0;
        assert_eq!(editor.edit(), None);
        assert_eq!(editor.focus, 3);
        assert!(editor.error.as_deref().is_some_and(|e| e.contains("15m")));
    }
}

//! The export prompt: a file name whose extension picks the format.

use crate::export::Format;
use crate::tui::input::LineInput;
use std::path::Path;

/// What the prompt starts with: a file in the home folder, in RIS (what reference managers
/// import most widely).
pub const SUGGESTED: &str = "~/rounds-export.ris";

#[derive(Debug, Clone, PartialEq)]
pub struct ExportPrompt {
    pub input: LineInput,
    /// Why the last Enter was refused, until the name changes.
    pub error: Option<String>,
    /// How many rows the river shows (what will be exported).
    pub shown: usize,
    pub stories: bool,
}

impl ExportPrompt {
    pub fn new(last: Option<&str>, shown: usize, stories: bool) -> ExportPrompt {
        ExportPrompt {
            input: LineInput::with_text(last.unwrap_or(SUGGESTED)),
            error: None,
            shown,
            stories,
        }
    }

    /// The name if its extension names a format, else the reason it does not.
    pub fn accepted(&self) -> Result<(String, Format), String> {
        let name = self.input.text().trim();
        if name.is_empty() {
            return Err("Name a file, for example ~/club.md".to_string());
        }
        Format::from_path(Path::new(name))
            .map(|format| (name.to_string(), format))
            .map_err(|_| "End the name in .ris, .bib, .csl.json, .md or .json".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_picks_the_format() {
        let prompt = ExportPrompt::new(None, 3, true);
        assert_eq!(prompt.accepted(), Ok((SUGGESTED.to_string(), Format::Ris)));
        let prompt = ExportPrompt::new(Some("club.md"), 3, true);
        assert_eq!(prompt.accepted().map(|(_, f)| f), Ok(Format::Markdown));
        let prompt = ExportPrompt::new(Some("notes.txt"), 3, true);
        assert!(prompt.accepted().unwrap_err().contains(".ris"));
        let prompt = ExportPrompt::new(Some("  "), 3, true);
        assert!(prompt.accepted().is_err());
    }
}

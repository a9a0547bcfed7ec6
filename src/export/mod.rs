//! Writers over the model: pure functions from sources or items to text. OPML for
//! subscriptions; for papers, the formats reference managers and journal clubs read (RIS,
//! BibTeX, CSL-JSON, a Markdown digest) and the item JSON scripts read.

pub mod bibtex;
pub mod csljson;
pub mod json;
pub mod keys;
pub mod markdown;
pub mod names;
pub mod opml;
pub mod reference;
pub mod ris;

use chrono::{DateTime, Utc};
use reference::Reference;
use std::path::Path;

/// An export format for items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Ris,
    Bibtex,
    CslJson,
    Markdown,
    /// The item JSON, as `list --json` prints it.
    Json,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "cannot tell the format from the file name {0:?}: end it in .ris, .bib, .csl.json (for Zotero and Pandoc), .md or .json"
)]
pub struct UnknownFormat(pub String);

impl Format {
    /// The format a file name asks for: `.ris`, `.bib`, `.csl.json`/`.csljson`, `.md`,
    /// `.json`.
    pub fn from_path(path: &Path) -> Result<Format, UnknownFormat> {
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let format = if name.ends_with(".csl.json") || name.ends_with(".csljson") {
            Format::CslJson
        } else if name.ends_with(".ris") {
            Format::Ris
        } else if name.ends_with(".bib") || name.ends_with(".bibtex") {
            Format::Bibtex
        } else if name.ends_with(".md") || name.ends_with(".markdown") {
            Format::Markdown
        } else if name.ends_with(".json") {
            Format::Json
        } else {
            return Err(UnknownFormat(path.display().to_string()));
        };
        Ok(format)
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Ris => "RIS",
            Format::Bibtex => "BibTeX",
            Format::CslJson => "CSL-JSON",
            Format::Markdown => "Markdown",
            Format::Json => "JSON",
        }
    }
}

/// References in one of the reference formats; `Json` is written from items, not here.
pub fn write_references(format: Format, references: &[Reference], now: DateTime<Utc>) -> String {
    match format {
        Format::Ris => ris::write_ris(references),
        Format::Bibtex => bibtex::write_bibtex(references),
        Format::CslJson => csljson::write_csljson(references),
        Format::Markdown => markdown::write_markdown(references, now),
        Format::Json => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        let format = |name: &str| Format::from_path(Path::new(name));
        assert_eq!(format("saved.ris"), Ok(Format::Ris));
        assert_eq!(format("/tmp/Club.BIB"), Ok(Format::Bibtex));
        assert_eq!(format("refs.csl.json"), Ok(Format::CslJson));
        assert_eq!(format("digest.md"), Ok(Format::Markdown));
        assert_eq!(format("items.json"), Ok(Format::Json));
        assert!(format("notes.txt").is_err());
        assert!(format("noextension").is_err());
    }
}

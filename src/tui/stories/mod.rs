//! Stories in the newsfeed: the same paper across feeds as one river row, its versions in the
//! reader, the identifier keys (doi.org, PubMed, ClinicalTrials.gov), the flat river and
//! exporting what is shown.

pub mod export_prompt;
pub mod versions;

use super::app::{App, Effect};
use super::keyboard::web_link;
use super::layout::Focus;
use super::protocol::Command;
use super::reader::Reader;
use crate::model::{ItemId, Mark, Version};
use export_prompt::ExportPrompt;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// Which of an item's identifiers to open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Identifier {
    Doi,
    Pubmed,
    Trial,
}

impl Identifier {
    /// The page for an identifier: doi.org resolves a DOI to the publisher's page.
    pub fn url(self, value: &str) -> String {
        match self {
            Identifier::Doi => format!("https://doi.org/{}", escape_path(value.trim())),
            Identifier::Pubmed => format!("https://pubmed.ncbi.nlm.nih.gov/{}/", value.trim()),
            Identifier::Trial => format!("https://clinicaltrials.gov/study/{}", value.trim()),
        }
    }

    fn missing(self) -> &'static str {
        match self {
            Identifier::Doi => "This item has no DOI",
            Identifier::Pubmed => "This item has no PubMed id",
            Identifier::Trial => "This item names no ClinicalTrials.gov registration",
        }
    }
}

/// What a URL path cannot hold as it is; a DOI's `/`, `(`, `)` and `;` stay.
fn escape_path(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' | '"' | '#' | '?' | ' ' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}' => {
                out.push_str(&format!("%{:02X}", c as u32));
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

impl App {
    pub(super) fn open_identifier(&mut self, kind: Identifier, effects: &mut Vec<Effect>) {
        let Some(target) = self.target() else {
            return;
        };
        let value = match kind {
            Identifier::Doi => target.doi,
            Identifier::Pubmed => target.pmid,
            Identifier::Trial => target.nct,
        };
        match value {
            Some(value) => {
                let url = kind.url(&value);
                if web_link(&url).is_some() {
                    effects.push(Effect::OpenUrl(url));
                } else {
                    self.status
                        .error("That identifier does not make a web link");
                }
            }
            None => self.status.info(kind.missing()),
        }
    }

    pub(super) fn toggle_flat(&mut self, effects: &mut Vec<Effect>) {
        let stories = !self.river.wanted.stories;
        self.river.wanted.stories = stories;
        self.status.info(if stories {
            "One row per story: the same paper in several feeds shows once"
        } else {
            "Flat river: every item its own row"
        });
        self.reload_river(effects);
    }

    /// In the reader, the story's next version (round to the first); in the river, opens the
    /// selected story, whose versions the reader lists.
    pub(super) fn next_version(&mut self, effects: &mut Vec<Effect>) {
        let Some(reader) = self.reader.as_ref().filter(|_| self.focus == Focus::Reader) else {
            self.open_selected(effects);
            return;
        };
        if reader.versions.len() < 2 {
            self.status.info("This paper is in no other feed");
            return;
        }
        let position = reader
            .versions
            .iter()
            .position(|version| version.id == reader.id)
            .unwrap_or(0);
        let next = reader.versions[(position + 1) % reader.versions.len()].clone();
        let versions = reader.versions.clone();
        self.open_version(&next, versions, effects);
    }

    fn open_version(
        &mut self,
        version: &Version,
        versions: Vec<Version>,
        effects: &mut Vec<Effect>,
    ) {
        let mut reader = Reader::new(version.id, self.zone);
        reader.versions = versions;
        self.reader = Some(reader);
        self.focus = Focus::Reader;
        effects.push(Effect::Send(Command::LoadItem(version.id)));
        if !version.read {
            effects.push(Effect::Send(Command::Mark {
                ids: vec![version.id],
                mark: Mark::Read,
            }));
        }
    }

    pub(super) fn on_versions_loaded(&mut self, id: ItemId, versions: Vec<Version>) {
        let (width, _) = self.reader_size();
        let next_key = self
            .keymap
            .hint(super::action::Action::NextVersion)
            .unwrap_or_default();
        if let Some(reader) = self.reader.as_mut().filter(|reader| reader.id == id) {
            reader.set_versions(versions, &next_key, width, &self.theme);
        }
    }

    pub(super) fn start_export(&mut self) {
        let river = &self.river;
        if river.total == 0 {
            self.status.info("Nothing to export here");
            return;
        }
        self.exporting = Some(ExportPrompt::new(
            self.last_export.as_deref(),
            river.total,
            river.shown.grouped(),
        ));
    }

    /// Keys while the export prompt is open: Enter exports (if the name has a known
    /// extension), Esc cancels, the rest edit the name.
    pub(super) fn export_key(&mut self, key: &KeyEvent, effects: &mut Vec<Effect>) {
        let Some(prompt) = &mut self.exporting else {
            return;
        };
        match key.code {
            KeyCode::Esc => self.exporting = None,
            KeyCode::Enter => match prompt.accepted() {
                Ok((path, format)) => {
                    self.last_export = Some(path.clone());
                    self.status
                        .info(format!("Exporting to {} ({})…", path, format.name()));
                    effects.push(Effect::Send(Command::Export {
                        query: self.river.shown.clone(),
                        path,
                    }));
                    self.exporting = None;
                }
                Err(reason) => prompt.error = Some(reason),
            },
            _ => {
                prompt.error = None;
                prompt.input.handle(key);
            }
        }
    }

    /// `papers`: one entry per paper (reference formats), else per item (JSON).
    pub(super) fn on_exported(&mut self, path: &str, count: usize, format: &str, papers: bool) {
        let noun = if papers { "reference" } else { "item" };
        let entries = match count {
            1 => format!("1 {noun}"),
            n => format!("{n} {noun}s"),
        };
        self.status
            .info(format!("Exported {entries} to {path} ({format})"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifier_pages() {
        assert_eq!(
            Identifier::Doi.url("10.1016/S0140-6736(26)02231-6"),
            "https://doi.org/10.1016/S0140-6736(26)02231-6"
        );
        assert_eq!(
            Identifier::Doi.url("10.1000/a b#c"),
            "https://doi.org/10.1000/a%20b%23c"
        );
        assert_eq!(
            Identifier::Pubmed.url("42318806"),
            "https://pubmed.ncbi.nlm.nih.gov/42318806/"
        );
        assert_eq!(
            Identifier::Trial.url("NCT04509674"),
            "https://clinicaltrials.gov/study/NCT04509674"
        );
    }
}

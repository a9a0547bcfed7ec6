//! The worker's answers about sources, applied to the state.

use super::{AddPrompt, Chooser, Panel, RemovalConfirm};
use crate::model::Source;
use crate::tui::app::{App, Effect};
use crate::tui::protocol::{Command, Event, Scope};
use crate::tui::status::plural;

impl App {
    /// Takes the sources events; gives back any other.
    pub(in crate::tui) fn on_admin_event(
        &mut self,
        event: Event,
        effects: &mut Vec<Effect>,
    ) -> Option<Event> {
        match event {
            Event::SourcesAdded { titles, new_items } => {
                self.admin = None;
                let names = titles.join(", ");
                self.status.info(format!(
                    "Following {names}: {}",
                    plural(new_items, "new item")
                ));
                self.reload_everything(effects);
            }
            Event::FeedsToChoose { target, choices } => {
                self.admin = Some(Panel::Choose(Chooser::new(target, choices)));
            }
            Event::AddFailed { target, error } => match &mut self.admin {
                Some(Panel::Add(prompt)) if prompt.pending.as_deref() == Some(target.as_str()) => {
                    prompt.pending = None;
                    prompt.error = Some(error);
                }
                _ => {
                    let mut prompt = AddPrompt::default();
                    prompt.input.paste(&target);
                    prompt.error = Some(error);
                    self.admin = Some(Panel::Add(prompt));
                }
            },
            Event::SourceEdited(source) => self.on_source_edited(&source, effects),
            Event::RemovalPlanned {
                id,
                title,
                deleted,
                kept,
            } => {
                let confirm = RemovalConfirm {
                    id,
                    title,
                    deleted,
                    kept,
                };
                self.admin = Some(Panel::ConfirmRemove(confirm));
            }
            Event::SourceRemoved {
                id,
                title,
                deleted,
                kept,
            } => {
                let mut text = format!(
                    "Stopped following {title}: {} deleted",
                    plural(deleted as usize, "item")
                );
                if kept > 0 {
                    text.push_str(&format!(", {kept} saved or tagged kept"));
                }
                self.status.info(text);
                if self.river.wanted.scope == Scope::Source(id) {
                    self.river.wanted.scope = Scope::Everything;
                }
                self.reload_everything(effects);
            }
            Event::StarterLoaded(categories) => self.starter = Some(categories),
            Event::StarterImported { added } => {
                self.status.info(format!(
                    "Imported {} from the starter pack; fetching them",
                    plural(added, "source")
                ));
                effects.push(Effect::Send(Command::LoadSources));
                self.start_refresh(None, effects);
            }
            other => return Some(other),
        }
        None
    }

    fn on_source_edited(&mut self, source: &Source, effects: &mut Vec<Effect>) {
        self.status.info(format!("Saved {}", source.title));
        self.reload_everything(effects);
    }

    fn reload_everything(&mut self, effects: &mut Vec<Effect>) {
        effects.push(Effect::Send(Command::LoadSources));
        effects.push(Effect::Send(Command::LoadTags));
        self.reload_river(effects);
    }
}

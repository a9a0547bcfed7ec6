//! Keys while a sources panel is open: each panel takes its keys first.

use super::{AddPrompt, Chooser, Panel, SourceEditor, StarterPicker};
use crate::model::SourceId;
use crate::tui::action::Action;
use crate::tui::app::{App, Effect};
use crate::tui::layout::Focus;
use crate::tui::protocol::{Command, Pick};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

impl App {
    /// Routes a key to the open panel. The panel is taken out and put back unless the key
    /// closed it (or replaced it).
    pub(in crate::tui) fn admin_key(&mut self, key: &KeyEvent, effects: &mut Vec<Effect>) {
        let Some(panel) = self.admin.take() else {
            return;
        };
        self.admin = match panel {
            Panel::Add(prompt) => add_key(prompt, key, effects),
            Panel::Choose(chooser) => choose_key(chooser, key, effects),
            Panel::Edit(editor) => edit_key(editor, key, effects),
            Panel::ConfirmRemove(confirm) => match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => {
                    effects.push(Effect::Send(Command::RemoveSource(confirm.id)));
                    None
                }
                KeyCode::Char('n') | KeyCode::Esc | KeyCode::Char('q') => None,
                _ => Some(Panel::ConfirmRemove(confirm)),
            },
            Panel::Health { scroll } => self.health_key(scroll, key),
            Panel::Starter(picker) => starter_key(picker, key, effects),
        };
    }

    pub(in crate::tui) fn admin_paste(&mut self, text: &str) {
        if let Some(Panel::Add(prompt)) = &mut self.admin {
            prompt.input.paste(text.trim());
        } else if let Some(Panel::Edit(editor)) = &mut self.admin {
            editor.focused().paste(text);
        }
    }

    fn health_key(&mut self, scroll: usize, key: &KeyEvent) -> Option<Panel> {
        let page = usize::from(self.area.height.saturating_sub(6)).max(1);
        let scroll = match self.keymap.resolve(key) {
            Some(Action::MoveDown) => scroll + 1,
            Some(Action::MoveUp) => scroll.saturating_sub(1),
            Some(Action::PageDown) => scroll + page,
            Some(Action::PageUp) => scroll.saturating_sub(page),
            Some(Action::Top) => 0,
            Some(Action::Bottom) => usize::MAX,
            Some(Action::SourceHealth | Action::Back | Action::BackOrQuit | Action::Quit) => {
                return None;
            }
            _ => scroll,
        };
        Some(Panel::Health {
            scroll: super::view::health::clamp_scroll(self, scroll),
        })
    }

    /// The source E and d act on: the selected one in the sources pane, else the source of
    /// the selected item (or of the one being read).
    pub(in crate::tui) fn target_source(&self) -> Option<SourceId> {
        match self.focus {
            Focus::Sources => self.sources.selected_source(),
            Focus::River => self.river.selected_row().map(|row| row.source_id),
            Focus::Reader => self
                .reader
                .as_ref()
                .and_then(|reader| reader.item.as_ref())
                .map(|item| item.source_id),
        }
    }

    pub(in crate::tui) fn open_add_prompt(&mut self) {
        self.admin = Some(Panel::Add(AddPrompt::default()));
    }

    pub(in crate::tui) fn open_editor(&mut self) {
        match self.target_source().and_then(|id| self.sources.source(id)) {
            Some(source) => self.admin = Some(Panel::Edit(SourceEditor::new(source))),
            None => self
                .status
                .info("Select a source (or an item of it) to edit"),
        }
    }

    pub(in crate::tui) fn ask_to_remove(&mut self, effects: &mut Vec<Effect>) {
        match self.target_source() {
            Some(id) => effects.push(Effect::Send(Command::PlanRemoval(id))),
            None => self
                .status
                .info("Select a source (or an item of it) to remove"),
        }
    }

    pub(in crate::tui) fn import_starter(
        &mut self,
        categories: Vec<String>,
        effects: &mut Vec<Effect>,
    ) {
        if !self.sources.is_empty() {
            self.status.info("The starter pack is offered on the first run; rounds import --starter adds it any time");
            return;
        }
        self.status.info("Importing the starter pack…");
        effects.push(Effect::Send(Command::ImportStarter { categories }));
    }

    pub(in crate::tui) fn open_starter_picker(&mut self) {
        match &self.starter {
            Some(categories) if self.sources.is_empty() => {
                self.admin = Some(Panel::Starter(StarterPicker::new(categories)));
            }
            _ => self
                .status
                .info("The starter pack is offered on the first run"),
        }
    }
}

fn add_key(mut prompt: AddPrompt, key: &KeyEvent, effects: &mut Vec<Effect>) -> Option<Panel> {
    match key.code {
        KeyCode::Esc => return None,
        KeyCode::Enter => {
            if let Some(target) = prompt.submit() {
                effects.push(Effect::Send(Command::AddSource {
                    target,
                    pick: Pick::Ask,
                }));
            }
        }
        _ if prompt.pending.is_none() => {
            prompt.input.handle(key);
            prompt.error = None;
        }
        _ => {}
    }
    Some(Panel::Add(prompt))
}

fn choose_key(mut chooser: Chooser, key: &KeyEvent, effects: &mut Vec<Effect>) -> Option<Panel> {
    let pick = match key.code {
        KeyCode::Esc | KeyCode::Char('q') => return None,
        KeyCode::Down | KeyCode::Char('j') => {
            chooser.move_by(1);
            None
        }
        KeyCode::Up | KeyCode::Char('k') => {
            chooser.move_by(-1);
            None
        }
        KeyCode::Enter => Some(Pick::Number(chooser.selected + 1)),
        KeyCode::Char('a') => Some(Pick::All),
        KeyCode::Char(digit @ '1'..='9') => {
            let number = digit as usize - '0' as usize;
            (number <= chooser.choices.len()).then_some(Pick::Number(number))
        }
        _ => None,
    };
    let Some(pick) = pick else {
        return Some(Panel::Choose(chooser));
    };
    effects.push(Effect::Send(Command::AddSource {
        target: chooser.target.clone(),
        pick,
    }));
    let mut prompt = AddPrompt::default();
    prompt.input.paste(&chooser.target);
    prompt.pending = Some(chooser.target);
    Some(Panel::Add(prompt))
}

fn edit_key(mut editor: SourceEditor, key: &KeyEvent, effects: &mut Vec<Effect>) -> Option<Panel> {
    match key.code {
        KeyCode::Esc => return None,
        KeyCode::Tab | KeyCode::Down => editor.move_focus(1),
        KeyCode::BackTab | KeyCode::Up => editor.move_focus(-1),
        KeyCode::Enter => {
            if let Some(edit) = editor.edit() {
                effects.push(Effect::Send(Command::EditSource {
                    id: editor.id,
                    edit,
                }));
                return None;
            }
        }
        _ => {
            editor.focused().handle(key);
            editor.error = None;
        }
    }
    Some(Panel::Edit(editor))
}

fn starter_key(
    mut picker: StarterPicker,
    key: &KeyEvent,
    effects: &mut Vec<Effect>,
) -> Option<Panel> {
    match key.code {
        KeyCode::Esc | KeyCode::Char('q') => return None,
        KeyCode::Down | KeyCode::Char('j') => picker.move_by(1),
        KeyCode::Up | KeyCode::Char('k') => picker.move_by(-1),
        KeyCode::Char(' ') | KeyCode::Char('x') => picker.toggle(),
        KeyCode::Enter => {
            effects.push(Effect::Send(Command::ImportStarter {
                categories: picker.chosen(),
            }));
            return None;
        }
        _ => {}
    }
    Some(Panel::Starter(picker))
}

//! The watch editor (`W`): the watches with their unacknowledged counts; a new watch from the
//! current filter text, rename, edit the query, toggle urgent, delete with confirmation, or
//! show a watch's alerts in the river.

use crate::tui::action::Action;
use crate::tui::app::{App, Effect};
use crate::tui::input::LineInput;
use crate::tui::protocol::{Command, Scope, WatchEdit};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

#[derive(Debug, Clone, PartialEq)]
pub struct WatchEditor {
    pub selected: usize,
    pub mode: EditorMode,
    /// The worker's last refusal, shown until the next key.
    pub error: Option<String>,
    /// What the last change did, shown until the next key.
    pub notice: Option<String>,
    /// The river's filter when the editor opened: what `n` saves as a new watch.
    pub filter: String,
    /// A watch just saved: selected when the new list arrives.
    pending: Option<String>,
    /// What the worker was asked to do, for the notice when it is done.
    asked: Option<Asked>,
}

/// A change sent to the worker and not answered yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Asked {
    Add,
    Rename,
    Query,
    Urgent(bool),
    Delete,
}

#[derive(Debug, Clone, PartialEq)]
pub enum EditorMode {
    Browse,
    /// Typing the name of a new watch made of the filter.
    Naming(LineInput),
    Renaming(LineInput),
    EditingQuery(LineInput),
    ConfirmDelete,
}

impl WatchEditor {
    pub fn new(filter: &str) -> WatchEditor {
        WatchEditor {
            selected: 0,
            mode: EditorMode::Browse,
            error: None,
            notice: None,
            filter: filter.trim().to_string(),
            pending: None,
            asked: None,
        }
    }

    /// The list changed: keep the selection in range, on a watch just saved if there is one.
    pub fn on_watches(&mut self, names: &[&str]) {
        if let Some(name) = self.pending.take()
            && let Some(index) = names.iter().position(|n| *n == name)
        {
            self.selected = index;
        }
        self.selected = self.selected.min(names.len().saturating_sub(1));
    }

    /// The worker did what was asked: the prompt closes and the notice says what changed.
    pub fn on_saved(&mut self, name: String) {
        let notice = match self.asked.take() {
            Some(Asked::Add) => {
                format!("Saved {name}. Items that arrive from now on and match it will alert.")
            }
            Some(Asked::Rename) => format!("Renamed: the watch is {name} now."),
            Some(Asked::Query) => {
                format!(
                    "Saved the query of {name}: items that arrive from now on are checked with it."
                )
            }
            Some(Asked::Urgent(true)) => {
                format!("{name} is urgent: its unacknowledged alerts are pinned above the river.")
            }
            Some(Asked::Urgent(false)) => {
                format!("{name} is no longer urgent: its alerts are not pinned.")
            }
            Some(Asked::Delete) => format!("Deleted the watch {name} and its alerts."),
            None => format!("Saved {name}."),
        };
        self.notice = Some(notice);
        if self.input().is_some() {
            self.mode = EditorMode::Browse;
        }
        self.pending = Some(name);
        self.error = None;
    }

    /// The worker refused: the prompt stays open with what was typed, under the reason.
    pub fn on_rejected(&mut self, message: String) {
        self.asked = None;
        self.error = Some(message);
    }

    /// The line being typed, if a prompt is open.
    pub fn input(&self) -> Option<&LineInput> {
        match &self.mode {
            EditorMode::Naming(input)
            | EditorMode::Renaming(input)
            | EditorMode::EditingQuery(input) => Some(input),
            EditorMode::Browse | EditorMode::ConfirmDelete => None,
        }
    }

    /// Pasted text goes into the prompt, if one is open.
    pub fn paste(&mut self, text: &str) {
        if let Some(input) = self.input_mut() {
            input.paste(text);
        }
    }

    fn input_mut(&mut self) -> Option<&mut LineInput> {
        match &mut self.mode {
            EditorMode::Naming(input)
            | EditorMode::Renaming(input)
            | EditorMode::EditingQuery(input) => Some(input),
            EditorMode::Browse | EditorMode::ConfirmDelete => None,
        }
    }
}

impl App {
    pub(in crate::tui) fn open_watch_editor(&mut self, effects: &mut Vec<Effect>) {
        self.watch_editor = Some(WatchEditor::new(self.filter.text()));
        effects.push(Effect::Send(Command::LoadWatches));
    }

    pub(in crate::tui) fn watch_editor_key(&mut self, key: &KeyEvent, effects: &mut Vec<Effect>) {
        let Some(editor) = &mut self.watch_editor else {
            return;
        };
        editor.error = None;
        editor.notice = None;
        match editor.mode {
            EditorMode::Browse => self.browse_key(key, effects),
            EditorMode::ConfirmDelete => self.confirm_delete(key, effects),
            _ => self.prompt_key(key, effects),
        }
    }

    fn confirm_delete(&mut self, key: &KeyEvent, effects: &mut Vec<Effect>) {
        let target = self.selected_watch().map(|watch| watch.id);
        let Some(editor) = &mut self.watch_editor else {
            return;
        };
        if let (KeyCode::Char('y'), Some(id)) = (key.code, target) {
            editor.asked = Some(Asked::Delete);
            effects.push(Effect::Send(Command::RemoveWatch { id }));
        }
        editor.mode = EditorMode::Browse;
    }

    fn prompt_key(&mut self, key: &KeyEvent, effects: &mut Vec<Effect>) {
        match key.code {
            KeyCode::Enter => self.submit_prompt(effects),
            KeyCode::Esc => {
                if let Some(editor) = &mut self.watch_editor {
                    editor.mode = EditorMode::Browse;
                }
            }
            _ => {
                if let Some(input) = self.watch_editor.as_mut().and_then(WatchEditor::input_mut) {
                    input.handle(key);
                }
            }
        }
    }

    fn selected_watch(&self) -> Option<&crate::model::Watch> {
        let editor = self.watch_editor.as_ref()?;
        self.sources.watches.get(editor.selected)
    }

    fn browse_key(&mut self, key: &KeyEvent, effects: &mut Vec<Effect>) {
        let count = self.sources.watches.len();
        let watch = self.selected_watch().cloned();
        let Some(editor) = &mut self.watch_editor else {
            return;
        };
        match (key.code, self.keymap.resolve(key)) {
            (_, Some(Action::MoveDown)) => {
                editor.selected = (editor.selected + 1).min(count.saturating_sub(1))
            }
            (_, Some(Action::MoveUp)) => editor.selected = editor.selected.saturating_sub(1),
            (KeyCode::Char('n'), _) if editor.filter.is_empty() => {
                editor.error = Some("Type a filter with / first: n saves it as a watch".into());
            }
            (KeyCode::Char('n'), _) => editor.mode = EditorMode::Naming(LineInput::default()),
            (KeyCode::Enter, _) => {
                if let Some(watch) = watch {
                    self.watch_editor = None;
                    self.show_watch(watch.id, effects);
                }
            }
            (KeyCode::Esc | KeyCode::Char('q'), _) | (_, Some(Action::Watches)) => {
                self.watch_editor = None;
            }
            (code, _) => {
                if let Some(watch) = watch {
                    self.edit_selected(code, &watch, effects);
                }
            }
        }
    }

    /// r, e, u and d on the selected watch.
    fn edit_selected(
        &mut self,
        code: KeyCode,
        watch: &crate::model::Watch,
        effects: &mut Vec<Effect>,
    ) {
        let Some(editor) = &mut self.watch_editor else {
            return;
        };
        match code {
            KeyCode::Char('r') => {
                editor.mode = EditorMode::Renaming(LineInput::with_text(&watch.name))
            }
            KeyCode::Char('e') => {
                editor.mode = EditorMode::EditingQuery(LineInput::with_text(&watch.query))
            }
            KeyCode::Char('u') => {
                editor.asked = Some(Asked::Urgent(!watch.urgent));
                effects.push(Effect::Send(Command::EditWatch {
                    id: watch.id,
                    edit: WatchEdit::Urgent(!watch.urgent),
                }));
            }
            KeyCode::Char('d') => editor.mode = EditorMode::ConfirmDelete,
            _ => {}
        }
    }

    /// Sends what the prompt holds; the prompt stays open until the worker answers, so a
    /// refusal loses nothing that was typed.
    fn submit_prompt(&mut self, effects: &mut Vec<Effect>) {
        let watch = self.selected_watch().map(|w| w.id);
        let Some(editor) = &mut self.watch_editor else {
            return;
        };
        let (asked, command) = match (&editor.mode, watch) {
            (EditorMode::Naming(input), _) => (
                Asked::Add,
                Command::AddWatch {
                    name: input.text().to_string(),
                    query: editor.filter.clone(),
                    urgent: false,
                },
            ),
            (EditorMode::Renaming(input), Some(id)) => (
                Asked::Rename,
                Command::EditWatch {
                    id,
                    edit: WatchEdit::Rename(input.text().to_string()),
                },
            ),
            (EditorMode::EditingQuery(input), Some(id)) => (
                Asked::Query,
                Command::EditWatch {
                    id,
                    edit: WatchEdit::Query(input.text().to_string()),
                },
            ),
            _ => return,
        };
        editor.asked = Some(asked);
        effects.push(Effect::Send(command));
    }

    /// Scopes the river to one watch's alerts, and the sources pane to its row.
    pub(in crate::tui) fn show_watch(
        &mut self,
        id: crate::model::WatchId,
        effects: &mut Vec<Effect>,
    ) {
        let scope = Scope::Watch(id);
        if let Some(index) = self
            .sources
            .rows
            .iter()
            .position(|row| self.sources.scope_of(row) == scope)
        {
            self.sources.select(index);
            self.sources.scroll_into_view(self.sources_height());
        }
        self.river.wanted.scope = scope;
        self.reload_river(effects);
    }
}

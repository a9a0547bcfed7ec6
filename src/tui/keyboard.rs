//! Keys, in order of who gets them first: a notice, the tag prompt, the export prompt, the
//! watch editor, the filter bar, the help screen, the reader's link prompt, and then the keymap.

use super::action::Action;
use super::app::{App, Effect};
use super::input::{Edit, MAX_PASTE};
use super::keymap::Layer;
use super::layout::Focus;
use super::protocol::Command;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

impl App {
    pub(super) fn on_key(&mut self, key: &KeyEvent, effects: &mut Vec<Effect>) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        // A message stays until the next key: by then it has been read.
        self.status.message = None;
        // Quit works from inside any prompt.
        if self.keymap.resolve(key) == Some(Action::Quit)
            && key.modifiers.contains(KeyModifiers::CONTROL)
        {
            effects.push(Effect::Quit);
            return;
        }
        if self.notice.take().is_some() {
            // Any key closes it, and does nothing else: it was read.
        } else if self.admin.is_some() {
            self.admin_key(key, effects);
        } else if self.tagging.is_some() {
            self.tag_key(key, effects);
        } else if self.exporting.is_some() {
            self.export_key(key, effects);
        } else if self.watch_editor.is_some() {
            self.watch_editor_key(key, effects);
        } else if self.filter.editing {
            self.filter_key(key, effects);
        } else if self.help.is_some() {
            self.help_key(key, effects);
        } else if !(self.focus == Focus::Reader && self.reader_key(key, effects))
            && let Some(action) = self.keymap.resolve_in(&self.layers(), key)
        {
            self.perform(action, effects);
        }
    }

    /// The keymap layers in force: the first-run screen, or the sources pane's.
    fn layers(&self) -> Vec<Layer> {
        if self.sources.is_empty() {
            vec![Layer::FirstRun]
        } else if self.focus == Focus::Sources {
            vec![Layer::SourcesPane]
        } else {
            Vec::new()
        }
    }

    pub(super) fn on_paste(&mut self, text: &str, effects: &mut Vec<Effect>) {
        if text.chars().nth(MAX_PASTE).is_some() {
            self.status
                .info(format!("Pasted the first {MAX_PASTE} characters only"));
        }
        if self.admin.is_some() {
            self.admin_paste(text);
        } else if let Some(prompt) = &mut self.exporting {
            prompt.input.paste(text);
        } else if let Some(editor) = &mut self.tagging {
            editor.input.paste(text);
        } else if let Some(editor) = &mut self.watch_editor {
            editor.paste(text);
        } else if self.filter.editing {
            self.filter.input.paste(text);
            self.reload_river(effects);
        }
    }

    /// Every change of the text asks the worker at once; answers to older texts get dropped.
    /// Enter keeps only a query that parses: a broken one keeps the bar open with its error.
    fn filter_key(&mut self, key: &KeyEvent, effects: &mut Vec<Effect>) {
        match key.code {
            KeyCode::Enter => match crate::query::parse(self.filter.text()) {
                Ok(_) => self.filter.editing = false,
                Err(error) => {
                    self.filter.error = Some(error);
                    self.river.scroll_into_view(self.river_height());
                }
            },
            KeyCode::Esc => {
                self.filter.clear();
                self.reload_river(effects);
            }
            _ => {
                if self.filter.input.handle(key) == Edit::Changed {
                    self.reload_river(effects);
                }
            }
        }
    }

    fn tag_key(&mut self, key: &KeyEvent, effects: &mut Vec<Effect>) {
        let Some(editor) = &mut self.tagging else {
            return;
        };
        match key.code {
            KeyCode::Enter => {
                let command = Command::SetTags {
                    id: editor.id,
                    tags: editor.tags(),
                };
                effects.push(Effect::Send(command));
                self.tagging = None;
            }
            KeyCode::Esc => self.tagging = None,
            KeyCode::Tab => editor.complete(&self.known_tags),
            _ => {
                editor.end_completion();
                editor.input.handle(key);
            }
        }
    }

    fn help_key(&mut self, key: &KeyEvent, effects: &mut Vec<Effect>) {
        let Some(scroll) = self.help else { return };
        let page = usize::from(super::help::text_area(self.area).height.saturating_sub(1)).max(1);
        let scroll = super::help::clamp_scroll(self, scroll);
        let next = match self.keymap.resolve(key) {
            Some(Action::MoveDown) => Some(scroll + 1),
            Some(Action::MoveUp) => Some(scroll.saturating_sub(1)),
            Some(Action::PageDown) => Some(scroll + page),
            Some(Action::PageUp) => Some(scroll.saturating_sub(page)),
            Some(Action::Top) => Some(0),
            Some(Action::Bottom) => Some(usize::MAX),
            Some(Action::Help | Action::Back | Action::BackOrQuit) => None,
            Some(Action::Quit) => {
                effects.push(Effect::Quit);
                None
            }
            _ => Some(scroll),
        };
        self.help = next.map(|scroll| super::help::clamp_scroll(self, scroll));
    }

    /// Digits type a link number in the reader; true when the key was used.
    fn reader_key(&mut self, key: &KeyEvent, effects: &mut Vec<Effect>) -> bool {
        let Some(reader) = &mut self.reader else {
            return false;
        };
        let digit = match key.code {
            KeyCode::Char(c) if c.is_ascii_digit() && key.modifiers == KeyModifiers::NONE => {
                Some(c)
            }
            _ => None,
        };
        if reader.link_prompt.is_none() && digit.is_none() {
            return false;
        }
        if reader.link_count() == 0 {
            reader.link_prompt = None;
            self.status.info("This article has no links");
            return true;
        }
        let chosen = match (digit, key.code) {
            (Some(digit), _) => reader.type_digit(digit),
            (None, KeyCode::Enter) => reader.take_link_number(),
            (None, KeyCode::Backspace) => {
                if let Some(prompt) = &mut reader.link_prompt {
                    prompt.pop();
                }
                None
            }
            (None, KeyCode::Esc) => {
                reader.link_prompt = None;
                None
            }
            // Any other key leaves the prompt and does its usual job.
            _ => {
                reader.link_prompt = None;
                return false;
            }
        };
        if let Some(number) = chosen {
            self.open_link(number, effects);
        }
        true
    }

    pub(super) fn open_link(&mut self, number: usize, effects: &mut Vec<Effect>) {
        let link = self
            .reader
            .as_ref()
            .and_then(|reader| reader.link(number))
            .map(str::to_string);
        match link {
            Some(url) => self.open_url(&url, effects),
            None => self.status.error(format!("There is no link {number}")),
        }
    }

    /// Only web links leave the program, parsed and normalised, and only as an argument to
    /// the browser.
    pub(super) fn open_url(&mut self, url: &str, effects: &mut Vec<Effect>) {
        if let Some(link) = web_link(url) {
            effects.push(Effect::OpenUrl(link.into()));
        } else {
            let shown = super::fit::truncate(&super::sanitize::line(url), 40);
            self.status
                .error(format!("Not a web link, not opened: {shown}"));
        }
    }
}

/// The link as a parsed, normalised http(s) URL; `None` for anything else.
pub fn web_link(url: &str) -> Option<url::Url> {
    url::Url::parse(url.trim())
        .ok()
        .filter(|url| matches!(url.scheme(), "http" | "https") && url.has_host())
}

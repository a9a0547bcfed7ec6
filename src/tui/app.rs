//! The UI state and `update`: messages in, state changed, effects out. No IO, no await, no
//! terminal; the event loop performs the effects.

use super::action::Action;
use super::filter::Filter;
use super::keymap::Keymap;
use super::layout::{self, Focus, Panes};
use super::notice::Notice;
use super::protocol::{Command, Event, Lane};
use super::reader::Reader;
use super::river::{Place, River};
use super::settings::Settings;
use super::sources::SourcesPane;
use super::sources_admin::Panel;
use super::status::Status;
use super::stories::export_prompt::ExportPrompt;
use super::tagging::TagEditor;
use super::theme::Theme;
use super::watches::editor::WatchEditor;
use super::watches::pinned::Pinned;
use crate::config::Config;
use crate::model::ItemId;
use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyEvent, MouseEvent};
use ratatui::layout::Rect;

/// Everything `update` reacts to.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(KeyEvent),
    /// An action without a key (tests, mouse).
    Action(Action),
    Mouse(MouseEvent),
    Paste(String),
    Resize {
        width: u16,
        height: u16,
    },
    /// The clock moved on: relative times and the automatic refresh.
    Tick(DateTime<Utc>),
    /// The browser did not start for this link.
    BrowserFailed {
        url: String,
        error: String,
    },
    Worker(Event),
}

/// What `update` asks the event loop to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Send(Command),
    /// An http(s) URL to hand to the browser.
    OpenUrl(String),
    /// Text for the terminal's clipboard (OSC 52).
    Copy(String),
    /// Ring the terminal bell: an urgent alert arrived.
    Bell,
    Quit,
}

impl Effect {
    /// The command for the worker, when this effect is one.
    pub fn command(&self) -> Option<&Command> {
        match self {
            Effect::Send(command) => Some(command),
            _ => None,
        }
    }
}

/// A "mark all read" that `undo` takes back, and where the user was in the river then.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Undoable {
    pub ids: Vec<ItemId>,
    pub place: Place,
}

#[derive(Debug, Clone)]
pub struct App {
    pub now: DateTime<Utc>,
    pub area: Rect,
    pub keymap: Keymap,
    pub theme: Theme,
    /// The clock full dates are shown in (local; tests fix it to UTC).
    pub zone: crate::dates::Zone,
    pub focus: Focus,
    pub sources: SourcesPane,
    pub river: River,
    pub reader: Option<Reader>,
    pub filter: Filter,
    pub tagging: Option<TagEditor>,
    /// The export prompt, while it is open.
    pub exporting: Option<ExportPrompt>,
    /// The last file exported to, offered again.
    pub last_export: Option<String>,
    /// Urgent alerts pinned above the river until acknowledged.
    pub pinned: Pinned,
    pub watch_editor: Option<WatchEditor>,
    /// The help screen's scroll offset while it is open.
    pub help: Option<usize>,
    /// Shown over everything until the next key.
    pub notice: Option<Notice>,
    /// The sources panel open over the rest (add, choose, edit, remove, health, starter).
    pub admin: Option<Panel>,
    /// The starter pack's categories with their sizes, for the first-run offer.
    pub starter: Option<Vec<(String, usize)>>,
    pub status: Status,
    /// Every tag in use, for completion.
    pub known_tags: Vec<String>,
    /// Batches marked read by `mark_all_read`, newest last.
    pub(super) undo: Vec<Undoable>,
    /// An undo sent to the worker: when it is confirmed, the river comes back to its place.
    pub(super) restoring: Option<Undoable>,
    /// `n` found the next unread item beyond the loaded rows while reading: open it once its
    /// row arrives.
    pub(super) open_found_unread: bool,
    refresh_interval: Option<chrono::Duration>,
    refresh_on_start: bool,
    next_refresh: Option<DateTime<Utc>>,
    /// Set by `start` when a refresh on opening is wanted; decided on the first sources.
    startup_refresh_pending: bool,
    /// Something visible changed since the last draw.
    pub dirty: bool,
}

impl App {
    pub fn new(config: &Config, now: DateTime<Utc>, width: u16, height: u16) -> App {
        // Every way into the newsfeed checks the config first (`cli`, `launch`); a config built
        // by hand that does not hold up falls back to the defaults.
        let settings = Settings::from_config(config).unwrap_or_else(|error| {
            tracing::warn!(%error, "keys and theme left at their defaults");
            Settings::default()
        });
        App {
            now,
            area: Rect::new(0, 0, width, height),
            keymap: settings.keymap,
            theme: settings.theme,
            zone: crate::dates::Zone::Local,
            focus: Focus::River,
            sources: SourcesPane::default(),
            river: River::new(Lane::Unread),
            reader: None,
            filter: Filter::default(),
            tagging: None,
            exporting: None,
            last_export: None,
            pinned: Pinned::default(),
            watch_editor: None,
            help: None,
            notice: None,
            admin: None,
            starter: None,
            status: Status::default(),
            known_tags: Vec::new(),
            undo: Vec::new(),
            restoring: None,
            open_found_unread: false,
            refresh_interval: config
                .refresh_interval
                .and_then(|d| chrono::Duration::from_std(d).ok()),
            refresh_on_start: config.refresh_on_start,
            next_refresh: None,
            startup_refresh_pending: false,
            dirty: true,
        }
    }

    /// The first commands: load everything, and refresh if configured to.
    pub fn start(&mut self) -> Vec<Effect> {
        let effects = vec![
            Effect::Send(Command::LoadSources),
            Effect::Send(Command::LoadWatches),
            Effect::Send(Command::LoadPinned),
            Effect::Send(self.river.request_wanted()),
            Effect::Send(Command::LoadTags),
            Effect::Send(Command::LoadStarter),
        ];
        // The first refresh waits for the sources: only those due are fetched.
        self.startup_refresh_pending = self.refresh_on_start;
        effects
    }

    /// On each list of sources (each carries when it is due): on the first, refresh what is
    /// due if asked to on opening; then plan the next automatic refresh for the earliest due
    /// source, at least a minute away and at most `refresh_interval` away.
    pub(super) fn schedule_refresh(
        &mut self,
        sources: &[crate::model::Source],
        effects: &mut Vec<Effect>,
    ) {
        let earliest = sources
            .iter()
            .filter(|source| !source.is_placeholder())
            .map(|source| source.due.unwrap_or(self.now))
            .min();
        let startup = std::mem::take(&mut self.startup_refresh_pending);
        if startup && earliest.is_some_and(|due| due <= self.now) {
            self.start_due_refresh(effects);
        }
        let Some(interval) = self.refresh_interval else {
            self.next_refresh = None;
            return;
        };
        let soonest = self.now + chrono::Duration::minutes(1);
        let latest = self.now + interval;
        let next = earliest.map_or(latest, |due| due.clamp(soonest, latest));
        // A reload (after a mark, say) never pushes a planned refresh later.
        self.next_refresh = Some(self.next_refresh.map_or(next, |planned| planned.min(next)));
    }

    /// The automatic refresh: only what is due, and quietly when nothing is.
    fn start_due_refresh(&mut self, effects: &mut Vec<Effect>) {
        if self.status.is_refreshing() {
            return;
        }
        self.status.refresh_requested();
        effects.push(Effect::Send(Command::RefreshDue));
    }

    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        let mut effects = Vec::new();
        let ticked = matches!(msg, Msg::Tick(_));
        match msg {
            Msg::Key(key) => self.on_key(&key, &mut effects),
            Msg::Action(action) => self.perform(action, &mut effects),
            Msg::Mouse(mouse) => self.on_mouse(&mouse, &mut effects),
            Msg::Paste(text) => self.on_paste(&text, &mut effects),
            Msg::Resize { width, height } => self.on_resize(width, height),
            Msg::Tick(now) => self.on_tick(now, &mut effects),
            Msg::BrowserFailed { url, error } => {
                self.notice = Some(Notice::browser_failed(&url, &error));
                effects.push(Effect::Copy(url));
            }
            Msg::Worker(event) => self.on_event(event, &mut effects),
        }
        if !ticked {
            self.dirty = true;
        }
        effects
    }

    pub fn panes(&self) -> Panes {
        layout::panes(self.area, self.reader.is_some(), self.focus)
    }

    /// Rows of the river pane's list: the pinned lane and the river under it.
    pub fn river_list_height(&self) -> usize {
        let panes = layout::panes(self.area, false, Focus::River);
        panes.river.map_or(1, |river| {
            usize::from(layout::river_parts(river, self.filter.height()).1.height)
        })
    }

    /// Rows the river list shows at this size, below the pinned lane.
    pub fn river_height(&self) -> usize {
        let list = self.river_list_height();
        list.saturating_sub(self.pinned.height(list).into()).max(1)
    }

    pub fn sources_height(&self) -> usize {
        let panes = layout::panes(self.area, false, Focus::Sources);
        panes
            .sources
            .map_or(1, |pane| usize::from(layout::inner(pane).height))
    }

    pub fn reader_size(&self) -> (u16, usize) {
        let panes = layout::panes(self.area, true, Focus::Reader);
        panes.reader.map_or((40, 1), |pane| {
            let text = layout::reader_text(pane);
            (text.width, usize::from(text.height))
        })
    }

    fn on_resize(&mut self, width: u16, height: u16) {
        self.area = Rect::new(0, 0, width, height);
        let (text_width, _) = self.reader_size();
        if let Some(reader) = &mut self.reader {
            reader.render(text_width, &self.theme);
        }
        if !self.panes().focus_order().contains(&self.focus) {
            self.focus = if self.reader.is_some() {
                Focus::Reader
            } else {
                Focus::River
            };
        }
        self.river.scroll_into_view(self.river_height());
        self.sources.scroll_into_view(self.sources_height());
    }

    fn on_tick(&mut self, now: DateTime<Utc>, effects: &mut Vec<Effect>) {
        // Relative times change by the minute; progress redraws on its own messages.
        if now.timestamp() / 60 != self.now.timestamp() / 60 {
            self.dirty = true;
        }
        self.now = now;
        let due = self.next_refresh.is_some_and(|at| now >= at);
        if due && !self.status.is_refreshing() {
            // The next one is planned when the refreshed sources come back.
            self.next_refresh = None;
            self.start_due_refresh(effects);
            self.dirty = true;
        }
    }

    pub(super) fn start_refresh(
        &mut self,
        source: Option<crate::model::SourceId>,
        effects: &mut Vec<Effect>,
    ) {
        // While one runs, the worker starts this one when it ends.
        self.status.refresh_requested();
        effects.push(Effect::Send(Command::Refresh { source }));
    }

    /// After the river selection moved: keep it on screen and its rows loaded.
    pub(super) fn follow_river_selection(&mut self, effects: &mut Vec<Effect>) {
        self.river.scroll_into_view(self.river_height());
        if let Some(command) = self.river.window_request() {
            effects.push(Effect::Send(command));
        }
    }

    /// The river's query changed (filter, lane, scope): ask for its first window.
    pub(super) fn reload_river(&mut self, effects: &mut Vec<Effect>) {
        self.river.wanted.text = self.filter.text().to_string();
        effects.push(Effect::Send(self.river.request_wanted()));
    }
}

#[cfg(test)]
#[path = "app_tests.rs"]
pub(crate) mod tests;

#[cfg(test)]
#[path = "app_triage_tests.rs"]
mod triage_tests;

#[cfg(test)]
#[path = "app_story_tests.rs"]
mod story_tests;

#[cfg(test)]
#[path = "app_agreement_tests.rs"]
mod agreement_tests;

#[cfg(test)]
#[path = "app_filter_tests.rs"]
mod filter_tests;

#[cfg(test)]
#[path = "app_layout_tests.rs"]
mod layout_tests;

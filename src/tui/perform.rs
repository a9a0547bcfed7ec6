//! What each action does, depending on which pane has the focus. One call per arm.

use super::action::Action;
use super::app::{App, Effect};
use super::layout::Focus;
use super::protocol::{Command, Lane};
use super::reader::Reader;
use super::stories::Identifier;
use super::tagging::TagEditor;
use crate::model::{AlertState, ItemId, Mark, SourceId};

/// The item an action applies to: the one in the reader when it has the focus, else the
/// selected row (pinned or in the river).
pub(super) struct Target {
    pub id: ItemId,
    pub source_id: SourceId,
    pub title: String,
    pub url: Option<String>,
    pub read: bool,
    pub saved: bool,
    pub tags: Vec<String>,
    pub doi: Option<String>,
    pub pmid: Option<String>,
    pub nct: Option<String>,
    pub alert: AlertState,
}

impl App {
    pub(super) fn perform(&mut self, action: Action, effects: &mut Vec<Effect>) {
        match action {
            Action::MoveDown => self.move_by(1, effects),
            Action::MoveUp => self.move_by(-1, effects),
            Action::PageDown => self.move_by(self.page_size(), effects),
            Action::PageUp => self.move_by(-self.page_size(), effects),
            Action::Top => self.move_by(isize::MIN, effects),
            Action::Bottom => self.move_by(isize::MAX, effects),
            Action::NextUnread => self.next_unread(effects),
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrevious => self.cycle_focus(-1),
            Action::Sources => self.toggle_sources(),
            Action::Open => self.open(effects),
            Action::Back => self.back(effects),
            Action::BackOrQuit => self.back_or_quit(effects),
            Action::Quit => effects.push(Effect::Quit),
            Action::OpenInBrowser => self.open_in_browser(effects),
            Action::FollowLink => self.start_link_prompt(),
            Action::CopyLink => self.copy_link(effects),
            Action::ToggleRead => self.toggle_read(effects),
            Action::Save => self.toggle_save(effects),
            Action::Tag => self.start_tagging(effects),
            Action::MarkAllRead => self.mark_all_read(effects),
            Action::Undo => self.undo_mark_all(effects),
            Action::Acknowledge => self.acknowledge(effects),
            Action::Watches => self.open_watch_editor(effects),
            Action::Filter => self.start_filter(),
            Action::LaneAll => self.set_lane(Lane::All, effects),
            Action::LaneUnread => self.set_lane(Lane::Unread, effects),
            Action::LaneSaved => self.set_lane(Lane::Saved, effects),
            Action::Refresh => self.refresh_current(effects),
            Action::RefreshAll => self.start_refresh(None, effects),
            Action::AddSource => self.open_add_prompt(),
            Action::EditSource => self.open_editor(),
            Action::RemoveSource => self.ask_to_remove(effects),
            Action::SourceHealth => {
                self.admin = Some(super::sources_admin::Panel::Health { scroll: 0 })
            }
            Action::ImportStarter => self.import_starter(Vec::new(), effects),
            Action::PickStarter => self.open_starter_picker(),
            Action::Help => self.help = Some(0),
            Action::OpenDoi => self.open_identifier(Identifier::Doi, effects),
            Action::OpenPubmed => self.open_identifier(Identifier::Pubmed, effects),
            Action::OpenTrial => self.open_identifier(Identifier::Trial, effects),
            Action::NextVersion => self.next_version(effects),
            Action::FlatRiver => self.toggle_flat(effects),
            Action::Export => self.start_export(),
        }
    }

    fn page_size(&self) -> isize {
        let height = match self.focus {
            Focus::Sources => self.sources_height(),
            Focus::River => self.river_height(),
            Focus::Reader => self.reader_size().1,
        };
        isize::try_from(height.saturating_sub(1).max(1)).unwrap_or(1)
    }

    /// Moves the focused pane's selection (the reader scrolls). Saturates at both ends.
    pub(super) fn move_by(&mut self, delta: isize, effects: &mut Vec<Effect>) {
        match self.focus {
            Focus::Sources => {
                self.sources.move_by(delta);
                self.sources.scroll_into_view(self.sources_height());
                let scope = self.sources.selected_scope();
                if scope != self.river.wanted.scope {
                    self.river.wanted.scope = scope;
                    self.reload_river(effects);
                }
            }
            Focus::River => self.move_in_river(delta, effects),
            Focus::Reader => {
                let height = self.reader_size().1;
                if let Some(reader) = &mut self.reader {
                    reader.scroll_by(delta, height);
                }
            }
        }
    }

    fn cycle_focus(&mut self, step: isize) {
        let order = self.panes().focus_order();
        let Some(position) = order.iter().position(|focus| *focus == self.focus) else {
            return;
        };
        let next = position.checked_add_signed(step).unwrap_or(order.len() - 1) % order.len();
        self.focus = order[next];
    }

    /// `S`: to the sources and back; on a narrow terminal they come over the river.
    fn toggle_sources(&mut self) {
        if self.focus == Focus::Sources {
            self.focus = Focus::River;
            return;
        }
        if self.reader.is_some() && self.panes().sources.is_none() {
            self.reader = None;
        }
        if self.panes().focus_order().contains(&Focus::Sources) {
            self.focus = Focus::Sources;
            self.sources.scroll_into_view(self.sources_height());
        }
    }

    /// The sources are over the river (narrow terminal): Esc, q or a choice closes them.
    fn sources_over_river(&self) -> bool {
        self.focus == Focus::Sources && self.panes().sources_over_river
    }

    fn open(&mut self, effects: &mut Vec<Effect>) {
        match self.focus {
            Focus::Sources => self.focus = Focus::River,
            Focus::River => self.open_selected(effects),
            Focus::Reader => {}
        }
    }

    /// Opens the selected row in the reader, marking it read.
    pub(super) fn open_selected(&mut self, effects: &mut Vec<Effect>) {
        let Some(row) = self.selected_row() else {
            return;
        };
        let (id, unread) = (row.id, !row.read);
        self.reader = Some(Reader::new(id, self.zone));
        self.focus = Focus::Reader;
        effects.push(Effect::Send(Command::LoadItem(id)));
        if unread {
            effects.push(Effect::Send(Command::Mark {
                ids: vec![id],
                mark: Mark::Read,
            }));
        }
    }

    /// Closes the reader; in the river, clears a kept filter, then moves to the sources pane.
    fn back(&mut self, effects: &mut Vec<Effect>) {
        if self.reader.take().is_some() || self.sources_over_river() {
            self.focus = Focus::River;
        } else if self.focus == Focus::River && self.filter.is_kept() {
            self.clear_filter(effects);
        } else if self.focus == Focus::River && self.panes().sources.is_some() {
            self.focus = Focus::Sources;
        }
    }

    /// `q`: closes the reader, else clears a kept filter, else quits.
    fn back_or_quit(&mut self, effects: &mut Vec<Effect>) {
        if self.reader.take().is_some() || self.sources_over_river() {
            self.focus = Focus::River;
        } else if self.filter.is_kept() {
            self.clear_filter(effects);
        } else {
            effects.push(Effect::Quit);
        }
    }

    pub(super) fn clear_filter(&mut self, effects: &mut Vec<Effect>) {
        self.filter.clear();
        self.reload_river(effects);
        self.status.info("Filter cleared");
    }

    pub(super) fn target(&self) -> Option<Target> {
        if self.focus == Focus::Reader {
            let item = self.reader.as_ref()?.item.as_ref()?;
            return Some(Target {
                id: item.id,
                source_id: item.source_id,
                title: item.title.clone(),
                url: item.url.clone(),
                read: item.read.is_some(),
                saved: item.saved.is_some(),
                tags: item.tags.clone(),
                doi: item.doi.clone(),
                pmid: item.pmid.clone(),
                nct: item.paper.ncts.first().cloned(),
                alert: super::watches::app::alert_state(item),
            });
        }
        let row = self.selected_row().filter(|_| self.focus == Focus::River)?;
        Some(Target {
            id: row.id,
            source_id: row.source_id,
            title: row.title.clone(),
            url: row.url.clone(),
            read: row.read,
            saved: row.saved,
            tags: row.tags.clone(),
            doi: row.doi.clone(),
            pmid: row.pmid.clone(),
            nct: row.nct.clone(),
            alert: row.alert,
        })
    }

    fn open_in_browser(&mut self, effects: &mut Vec<Effect>) {
        match self.target().and_then(|target| target.url) {
            Some(url) => self.open_url(&url, effects),
            None => self.status.info("This item has no link"),
        }
    }

    fn copy_link(&mut self, effects: &mut Vec<Effect>) {
        match self.target().and_then(|target| target.url) {
            Some(url) => {
                effects.push(Effect::Copy(url));
                self.status.info("Link copied");
            }
            None => self.status.info("This item has no link"),
        }
    }

    fn start_link_prompt(&mut self) {
        if let Some(reader) = self.reader.as_mut().filter(|_| self.focus == Focus::Reader) {
            reader.link_prompt = Some(String::new());
        }
    }

    /// Marks take effect when the worker confirms them (`Event::Marked`), so the screen never
    /// shows a state the database does not have.
    fn toggle_read(&mut self, effects: &mut Vec<Effect>) {
        if let Some(target) = self.target() {
            let mark = if target.read {
                Mark::Unread
            } else {
                Mark::Read
            };
            effects.push(Effect::Send(Command::Mark {
                ids: vec![target.id],
                mark,
            }));
        }
    }

    fn toggle_save(&mut self, effects: &mut Vec<Effect>) {
        if let Some(target) = self.target() {
            let mark = if target.saved {
                Mark::Unsave
            } else {
                Mark::Save
            };
            effects.push(Effect::Send(Command::Mark {
                ids: vec![target.id],
                mark,
            }));
        }
    }

    fn start_tagging(&mut self, effects: &mut Vec<Effect>) {
        if let Some(target) = self.target() {
            self.tagging = Some(TagEditor::new(target.id, &target.title, &target.tags));
            effects.push(Effect::Send(Command::LoadTags));
        }
    }

    /// The filter bar lives in the river: a full-screen reader makes way for it.
    fn start_filter(&mut self) {
        if self.panes().river.is_none() {
            self.reader = None;
            self.focus = Focus::River;
        }
        self.filter.start();
    }

    fn set_lane(&mut self, lane: Lane, effects: &mut Vec<Effect>) {
        if self.river.wanted.lane != lane {
            self.river.wanted.lane = lane;
            self.reload_river(effects);
        }
    }

    fn refresh_current(&mut self, effects: &mut Vec<Effect>) {
        let source = match self.focus {
            Focus::Sources => self.sources.selected_source(),
            _ => self.target().map(|target| target.source_id),
        };
        let placeholder = source
            .and_then(|id| self.sources.source(id))
            .filter(|source| source.is_placeholder());
        if let Some(placeholder) = placeholder {
            let title = super::sanitize::line(&placeholder.title);
            self.status
                .info(format!("{title} holds kept items and is never fetched"));
            return;
        }
        self.start_refresh(source, effects);
    }
}

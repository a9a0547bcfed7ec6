//! How the newsfeed's state takes the watches: acknowledging, moving through the pinned lane
//! and the river as one list, the worker's answers, and announcing urgent arrivals.

use crate::model::{AlertState, Item, ItemId, ItemSummary, Watch};
use crate::sync::progress::RefreshSummary;
use crate::tui::app::{App, Effect};
use crate::tui::fit;
use crate::tui::layout::Focus;
use crate::tui::protocol::{Command, Scope};
use crate::tui::sanitize;

impl App {
    /// `a`: acknowledges the alerts of the item in the reader or the selected row.
    pub(in crate::tui) fn acknowledge(&mut self, effects: &mut Vec<Effect>) {
        let Some(target) = self.target() else {
            return;
        };
        match target.alert {
            AlertState::Urgent | AlertState::Unacknowledged => {
                effects.push(Effect::Send(Command::Acknowledge {
                    ids: vec![target.id],
                }));
            }
            AlertState::Acknowledged => self.status.info("This alert is already acknowledged"),
            AlertState::None => self.status.info("No watch alerted this item"),
        }
    }

    /// The row the river's selection is on: a pinned one, or one of the river.
    pub(in crate::tui) fn selected_row(&self) -> Option<&ItemSummary> {
        match self.pinned.selected {
            Some(_) => self.pinned.selected_row(),
            None => self.river.selected_row(),
        }
    }

    /// Moves the selection through the pinned lane and the river as if they were one list:
    /// up from the river's first row into the pinned lane, down from its last row back out.
    pub(in crate::tui) fn move_in_river(&mut self, delta: isize, effects: &mut Vec<Effect>) {
        let pinned = self.pinned.len();
        let total = pinned + self.river.total;
        if total == 0 {
            return;
        }
        let current = self.pinned.selected.unwrap_or(pinned + self.river.selected);
        let target = current.saturating_add_signed(delta).min(total - 1);
        if target < pinned {
            self.pinned.selected = Some(target);
            self.pinned.scroll_into_view(self.river_list_height());
        } else {
            self.pinned.selected = None;
            self.river.select(target - pinned);
            self.follow_river_selection(effects);
        }
    }

    pub(in crate::tui) fn on_watches_loaded(
        &mut self,
        watches: Vec<Watch>,
        effects: &mut Vec<Effect>,
    ) {
        if let Some(editor) = &mut self.watch_editor {
            let names: Vec<&str> = watches.iter().map(|w| w.name.as_str()).collect();
            editor.on_watches(&names);
        }
        // A removed watch's lane has nothing left to show: back to everything.
        if let Scope::Watch(id) = self.river.wanted.scope
            && !watches.iter().any(|watch| watch.id == id)
        {
            self.river.wanted.scope = Scope::Everything;
            self.reload_river(effects);
        }
        self.sources.set_watches(watches);
        self.sources.scroll_into_view(self.sources_height());
    }

    pub(in crate::tui) fn on_pinned_loaded(&mut self, rows: Vec<ItemSummary>) {
        let list_height = self.river_list_height();
        self.pinned.set(rows);
        self.pinned.scroll_into_view(list_height);
        // The lane's height moved the river's rows.
        self.river.scroll_into_view(self.river_height());
    }

    pub(in crate::tui) fn on_acknowledged(&mut self, ids: Vec<ItemId>, effects: &mut Vec<Effect>) {
        if ids.is_empty() {
            self.status.info("Nothing left to acknowledge");
            return;
        }
        if let Some(item) = self.reader.as_mut().and_then(|reader| reader.item.as_mut())
            && ids.contains(&item.id)
        {
            acknowledge_in_place(item, self.now);
            let (width, _) = self.reader_size();
            if let Some(reader) = &mut self.reader {
                let item = reader.item.take();
                if let Some(item) = item {
                    reader.set_item(item, width, &self.theme);
                }
            }
        }
        self.status
            .info("Acknowledged: unpinned, and still unread if it was");
        self.reload_watch_views(effects);
    }

    pub(in crate::tui) fn on_watch_saved(&mut self, name: String, effects: &mut Vec<Effect>) {
        match &mut self.watch_editor {
            Some(editor) => editor.on_saved(name),
            None => self.status.info(format!("Watch {name} saved")),
        }
        // Urgency decides what is pinned, and so what the river leaves out.
        effects.push(Effect::Send(self.river.reload()));
    }

    pub(in crate::tui) fn on_watch_rejected(&mut self, message: String) {
        match &mut self.watch_editor {
            Some(editor) => editor.on_rejected(message),
            None => self.status.error(message),
        }
    }

    /// After anything that changes alerts: the watch counts, the pinned lane and the river.
    pub(in crate::tui) fn reload_watch_views(&mut self, effects: &mut Vec<Effect>) {
        effects.push(Effect::Send(Command::LoadWatches));
        effects.push(Effect::Send(Command::LoadPinned));
        effects.push(Effect::Send(self.river.reload()));
    }

    /// A refresh brought urgent alerts: one bell, and the first of them in the status bar.
    pub(in crate::tui) fn announce_alerts(
        &mut self,
        summary: &RefreshSummary,
        effects: &mut Vec<Effect>,
    ) {
        let urgent: Vec<_> = summary.alerts.iter().filter(|a| a.urgent).collect();
        let Some(first) = urgent.first() else {
            return;
        };
        let mut watches: Vec<&str> = urgent.iter().map(|a| a.watch.as_str()).collect();
        watches.dedup();
        let what = match urgent.len() {
            1 => "Urgent alert".to_string(),
            n => format!("{n} urgent alerts"),
        };
        let title = fit::truncate(&sanitize::line(&first.title), 80);
        self.status.error(format!(
            "{what} [{}]: {title} ({})",
            watches.join(", "),
            sanitize::line(&first.source)
        ));
        effects.push(Effect::Bell);
    }

    /// The pinned lane is part of the river pane: it has the river's focus rules.
    pub(in crate::tui) fn pinned_selected(&self) -> bool {
        self.focus == Focus::River && self.pinned.selected.is_some()
    }
}

/// Where an item stands, from its alerts (the reader has the item, not its river row).
pub(in crate::tui) fn alert_state(item: &Item) -> AlertState {
    let open: Vec<_> = item
        .alerts
        .iter()
        .filter(|a| a.acknowledged.is_none())
        .collect();
    if open.iter().any(|a| a.urgent) {
        AlertState::Urgent
    } else if !open.is_empty() {
        AlertState::Unacknowledged
    } else if item.alerts.is_empty() {
        AlertState::None
    } else {
        AlertState::Acknowledged
    }
}

fn acknowledge_in_place(item: &mut Item, now: chrono::DateTime<chrono::Utc>) {
    for alert in &mut item.alerts {
        alert.acknowledged.get_or_insert(now);
    }
}

//! The vocabulary of intents. Keys resolve to an `Action`, `update` performs it; the snake_case
//! name of each action is also its name in the `[keys]` table of the config file, and its
//! description is the line the help screen shows.

/// Something the user asked for, independent of the key that asked for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    /// Select the next row, or scroll the reader one line down.
    MoveDown,
    /// Select the previous row, or scroll the reader one line up.
    MoveUp,
    PageDown,
    PageUp,
    Top,
    Bottom,
    /// Jump to the next unread item (in the reader: open it).
    NextUnread,
    /// Open the selected item in the reader (from the sources pane: go to the river).
    Open,
    /// Close the reader, the help or the sources over the river; in the river, clear a kept
    /// filter, then move the focus to the sources pane.
    Back,
    /// Like `back`, and quit when there is nothing left to close.
    BackOrQuit,
    Quit,
    FocusNext,
    FocusPrevious,
    /// Go to the sources pane (over the river on a narrow terminal), or back to the river.
    Sources,
    OpenInBrowser,
    CopyLink,
    ToggleRead,
    Save,
    /// Mark read every item of the river as it is filtered now.
    MarkAllRead,
    Undo,
    Tag,
    /// Acknowledge the alerts of the selected item: it stops being pinned (it stays unread).
    Acknowledge,
    /// Open the watch editor.
    Watches,
    Filter,
    LaneAll,
    LaneUnread,
    LaneSaved,
    /// Refresh the source of the selected item (or the selected source).
    Refresh,
    RefreshAll,
    Help,
    /// In the reader, ask for a link number to open (digits alone also work).
    FollowLink,
    /// Open the item's DOI at doi.org.
    OpenDoi,
    /// Open the item's PubMed record.
    OpenPubmed,
    /// Open the item's trial registration at ClinicalTrials.gov.
    OpenTrial,
    /// Read the next version of the story (the same paper in another feed).
    NextVersion,
    /// Switch between one row per story and one row per item.
    FlatRiver,
    /// Export what the river shows to a file (RIS, BibTeX, CSL-JSON, Markdown, JSON).
    Export,
    /// Follow something new: a prompt that takes whatever `rounds add` takes.
    AddSource,
    /// Edit the selected source: title, category, tags, refresh interval.
    EditSource,
    /// Stop following the selected source, after a confirmation.
    RemoveSource,
    /// Every source's health: last success, HTTP status, error or repairs, failures, next fetch.
    SourceHealth,
    /// On the first run, import the whole starter pack.
    ImportStarter,
    /// On the first run, choose which categories of the starter pack to import.
    PickStarter,
}

/// Where an action is listed in the help screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    Move,
    Read,
    Triage,
    River,
    Sources,
    General,
}

impl Group {
    pub fn title(self) -> &'static str {
        match self {
            Group::Move => "Move",
            Group::Read => "Read",
            Group::Triage => "Triage",
            Group::River => "River",
            Group::Sources => "Sources",
            Group::General => "General",
        }
    }
}

impl Action {
    /// Every action, in the order the help screen lists them.
    pub const ALL: [Action; 43] = [
        Action::MoveDown,
        Action::MoveUp,
        Action::PageDown,
        Action::PageUp,
        Action::Top,
        Action::Bottom,
        Action::NextUnread,
        Action::FocusNext,
        Action::FocusPrevious,
        Action::Sources,
        Action::Open,
        Action::Back,
        Action::OpenInBrowser,
        Action::FollowLink,
        Action::CopyLink,
        Action::OpenDoi,
        Action::OpenPubmed,
        Action::OpenTrial,
        Action::NextVersion,
        Action::ToggleRead,
        Action::Save,
        Action::Tag,
        Action::MarkAllRead,
        Action::Undo,
        Action::Acknowledge,
        Action::Filter,
        Action::LaneAll,
        Action::LaneUnread,
        Action::LaneSaved,
        Action::FlatRiver,
        Action::Export,
        Action::Refresh,
        Action::RefreshAll,
        Action::AddSource,
        Action::EditSource,
        Action::RemoveSource,
        Action::SourceHealth,
        Action::ImportStarter,
        Action::PickStarter,
        Action::Watches,
        Action::Help,
        Action::BackOrQuit,
        Action::Quit,
    ];

    /// The name used in the config file's `[keys]` table.
    pub fn name(self) -> &'static str {
        self.details().0
    }

    /// One line for the help screen.
    pub fn description(self) -> &'static str {
        self.details().1
    }

    pub fn group(self) -> Group {
        self.details().2
    }

    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|action| action.name() == name)
    }

    fn details(self) -> (&'static str, &'static str, Group) {
        use Group::*;
        match self {
            Action::MoveDown => ("move_down", "next item / scroll down", Move),
            Action::MoveUp => ("move_up", "previous item / scroll up", Move),
            Action::PageDown => ("page_down", "page down", Move),
            Action::PageUp => ("page_up", "page up", Move),
            Action::Top => ("top", "first item / top of article", Move),
            Action::Bottom => ("bottom", "last item / end of article", Move),
            Action::NextUnread => ("next_unread", "next unread item", Move),
            Action::FocusNext => ("focus_next", "focus next pane", Move),
            Action::FocusPrevious => ("focus_previous", "focus previous pane", Move),
            Action::Sources => ("sources", "sources pane, or back to the river", Move),
            Action::Open => ("open", "read the item / show the source", Read),
            Action::Back => (
                "back",
                "close the reader or help; clear a kept filter; then to the sources",
                Read,
            ),
            Action::OpenInBrowser => ("open_in_browser", "open in the browser", Read),
            Action::FollowLink => ("follow_link", "open link N of the article", Read),
            Action::CopyLink => ("copy_link", "copy the link", Read),
            Action::OpenDoi => ("open_doi", "open the DOI at doi.org", Read),
            Action::OpenPubmed => ("open_pubmed", "open the PubMed record", Read),
            Action::OpenTrial => ("open_trial", "open the trial at ClinicalTrials.gov", Read),
            Action::NextVersion => ("next_version", "read the story's next version", Read),
            Action::ToggleRead => ("toggle_read", "mark read / unread", Triage),
            Action::Save => ("save", "save / unsave", Triage),
            Action::Tag => ("tag", "edit tags", Triage),
            Action::MarkAllRead => ("mark_all_read", "mark all shown items read", Triage),
            Action::Undo => ("undo", "undo mark all read", Triage),
            Action::Acknowledge => ("acknowledge", "acknowledge the alert (unpin it)", Triage),
            Action::Watches => (
                "watches",
                "watches: save the filter as one, rename, urgent, delete",
                River,
            ),
            Action::Filter => ("filter", "filter (query language)", River),
            Action::LaneAll => ("lane_all", "lane: all items", River),
            Action::LaneUnread => ("lane_unread", "lane: unread", River),
            Action::LaneSaved => ("lane_saved", "lane: saved", River),
            Action::FlatRiver => ("flat_river", "one row per story / per item", River),
            Action::Export => ("export", "export what is shown to a file", River),
            Action::Refresh => ("refresh", "refresh this source", River),
            Action::RefreshAll => ("refresh_all", "refresh all sources", River),
            Action::AddSource => ("add_source", "follow a feed, page or account", Sources),
            Action::EditSource => (
                "edit_source",
                "edit the source: title, category, tags, interval",
                Sources,
            ),
            Action::RemoveSource => ("remove_source", "stop following the source", Sources),
            Action::SourceHealth => ("source_health", "health of every source", Sources),
            Action::ImportStarter => (
                "import_starter",
                "first run: import the starter pack",
                Sources,
            ),
            Action::PickStarter => (
                "pick_starter",
                "first run: pick starter pack categories",
                Sources,
            ),
            Action::Help => ("help", "this help", General),
            Action::BackOrQuit => (
                "back_or_quit",
                "close the reader, clear a kept filter, or quit",
                General,
            ),
            Action::Quit => ("quit", "quit", General),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        let mut names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
        for action in Action::ALL {
            assert_eq!(Action::from_name(action.name()), Some(action));
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::ALL.len());
    }

    #[test]
    fn unknown_name_is_none() {
        assert_eq!(Action::from_name("launch_rockets"), None);
        assert_eq!(Action::from_name("Save"), None);
    }
}

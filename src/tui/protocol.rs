//! The only link between the UI loop and the worker that owns the database and the network:
//! commands go in (imperatives), events come out (past tense). Nothing else is shared.

use crate::model::{
    Item, ItemId, ItemSummary, Mark, Source, SourceEdit, SourceId, Version, Watch, WatchId,
};
use crate::query::QueryError;
pub use crate::sync::add::Pick;
use crate::sync::progress::Progress;

/// Which slice of the river a lane shows, on top of the filter query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lane {
    All,
    Unread,
    Saved,
}

/// What the river shows: a filter, a lane and optionally one source or one category.
#[derive(Debug, Clone, PartialEq)]
pub struct RiverQuery {
    pub text: String,
    pub lane: Lane,
    pub scope: Scope,
    /// One row per story (the same paper across feeds) rather than per item.
    pub stories: bool,
}

impl RiverQuery {
    /// Rows are stories: asked for, and over every source. A source's or a category's own
    /// river shows its own items (a story's lead may live elsewhere).
    pub fn grouped(&self) -> bool {
        self.stories && self.scope == Scope::Everything
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Scope {
    Everything,
    Source(SourceId),
    Category(String),
    /// Sources that have no category.
    Uncategorized,
    /// The items any watch alerted.
    Alerts,
    /// The items one watch alerted: watches double as saved searches.
    Watch(WatchId),
}

/// One change to a watch from the watch editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchEdit {
    Rename(String),
    Query(String),
    Urgent(bool),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    LoadSources,
    /// Count the matches and load rows `offset..offset + limit` of the river. `generation`
    /// comes back in the answer so late answers to old queries can be dropped.
    LoadRiver {
        generation: u64,
        query: RiverQuery,
        offset: usize,
        limit: usize,
    },
    LoadItem(ItemId),
    Mark {
        ids: Vec<ItemId>,
        mark: Mark,
    },
    /// Mark read every item the query matches; the answer lists them so the UI can undo.
    MarkAllRead {
        query: RiverQuery,
    },
    /// Find the position of the first unread item at position `from` or below in the river
    /// of `query`, wrapping to the top.
    FindUnread {
        query: RiverQuery,
        from: usize,
    },
    SetTags {
        id: ItemId,
        tags: Vec<String>,
    },
    LoadTags,
    Refresh {
        source: Option<SourceId>,
    },
    /// Write what the query shows to a file; the format comes from its name.
    Export {
        query: RiverQuery,
        path: String,
    },
    /// Refresh what the schedule says is due: the newsfeed's automatic refresh.
    RefreshDue,
    /// Follow what the user typed (anything `rounds add` takes); `pick` chooses among the
    /// feeds of a page.
    AddSource {
        target: String,
        pick: Pick,
    },
    EditSource {
        id: SourceId,
        edit: SourceEdit,
    },
    /// Count what removing the source deletes and keeps, for the confirmation.
    PlanRemoval(SourceId),
    RemoveSource(SourceId),
    /// The starter pack's categories, for the first-run offer.
    LoadStarter,
    /// Import the starter pack: these categories, or all when empty.
    ImportStarter {
        categories: Vec<String>,
    },
    LoadWatches,
    /// The urgent, unacknowledged items pinned above the river.
    LoadPinned,
    /// Acknowledge every alert on these items (unpins them; reading is untouched).
    Acknowledge {
        ids: Vec<ItemId>,
    },
    AddWatch {
        name: String,
        query: String,
        urgent: bool,
    },
    EditWatch {
        id: WatchId,
        edit: WatchEdit,
    },
    RemoveWatch {
        id: WatchId,
    },
    Quit,
}

/// One feed found on a page, for the chooser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedChoice {
    pub url: String,
    pub title: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    SourcesLoaded(Vec<Source>),
    RiverLoaded {
        generation: u64,
        total: usize,
        offset: usize,
        rows: Vec<ItemSummary>,
    },
    RiverRejected {
        generation: u64,
        error: QueryError,
    },
    ItemLoaded(Box<Item>),
    /// Every version of the item's story, most authoritative first (sent after the item).
    VersionsLoaded {
        id: ItemId,
        versions: Vec<Version>,
    },
    Marked {
        ids: Vec<ItemId>,
        mark: Mark,
    },
    MarkedAllRead {
        ids: Vec<ItemId>,
    },
    /// The unread counts of the sources a mark touched (after `Marked` or `MarkedAllRead`).
    UnreadCounts(Vec<(SourceId, u64)>),
    /// The answer to `FindUnread`: the position and whether it wrapped to the top, or `None`
    /// when nothing in that river is unread.
    UnreadFound {
        query: RiverQuery,
        found: Option<(usize, bool)>,
    },
    TagsSet {
        id: ItemId,
        tags: Vec<String>,
    },
    TagsLoaded(Vec<String>),
    WatchesLoaded(Vec<Watch>),
    PinnedLoaded(Vec<ItemSummary>),
    Acknowledged {
        ids: Vec<ItemId>,
    },
    /// A watch was added, changed or removed; the list that follows reflects it.
    WatchSaved {
        name: String,
    },
    /// A watch change was refused (bad name or query, duplicate name); one sentence.
    WatchRejected(String),
    Exported {
        path: String,
        count: usize,
        /// "RIS", "BibTeX"…
        format: &'static str,
        /// Entries are papers (reference formats) or items (JSON).
        papers: bool,
    },
    Refresh(Progress),
    /// The refresh stopped before its summary (the database refused a write, say); one
    /// sentence. It is over: the next one may start.
    RefreshFailed(String),
    /// `AddSource` followed these (titles), whose first fetch brought `new_items`.
    SourcesAdded {
        titles: Vec<String>,
        new_items: usize,
    },
    /// The page has several feeds: the user chooses.
    FeedsToChoose {
        target: String,
        choices: Vec<FeedChoice>,
    },
    /// `AddSource` could not follow the target; the sentence says why and what to do.
    AddFailed {
        target: String,
        error: String,
    },
    SourceEdited(Box<Source>),
    RemovalPlanned {
        id: SourceId,
        title: String,
        deleted: u64,
        kept: u64,
    },
    SourceRemoved {
        id: SourceId,
        title: String,
        deleted: u64,
        kept: u64,
    },
    StarterLoaded(Vec<(String, usize)>),
    StarterImported {
        added: usize,
    },
    /// Something went wrong in the worker; one sentence for the status bar.
    Failed(String),
}

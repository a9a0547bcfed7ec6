//! The data every layer speaks: sources, items and their ids. Pure data, no IO.

use chrono::{DateTime, Utc};
use serde::Serialize;
use std::fmt;
use std::time::Duration;

/// Row id of a subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct SourceId(pub i64);

/// Row id of a stored item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct ItemId(pub i64);

/// Row id of a watch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct WatchId(pub i64);

impl fmt::Display for SourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// What a source's document turned out to be, learnt on its first successful parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// Not fetched yet.
    Unknown,
    Rss,
    Atom,
    Json,
    Mastodon,
    Bluesky,
    /// Not a feed: the placeholder that keeps the saved and tagged items of removed sources.
    /// Listed and searchable like a source, never fetched.
    Removed,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Unknown => "unknown",
            SourceKind::Rss => "rss",
            SourceKind::Atom => "atom",
            SourceKind::Json => "json",
            SourceKind::Mastodon => "mastodon",
            SourceKind::Bluesky => "bluesky",
            SourceKind::Removed => "removed",
        }
    }

    pub fn parse(text: &str) -> SourceKind {
        match text {
            "rss" => SourceKind::Rss,
            "atom" => SourceKind::Atom,
            "json" => SourceKind::Json,
            "mastodon" => SourceKind::Mastodon,
            "bluesky" => SourceKind::Bluesky,
            "removed" => SourceKind::Removed,
            _ => SourceKind::Unknown,
        }
    }
}

/// A subscription as the user sees it, with its health.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub id: SourceId,
    /// Where the feed is fetched from: an http(s) URL or a local file path.
    pub url: String,
    pub site_url: Option<String>,
    pub title: String,
    pub kind: SourceKind,
    /// Free text; the well-known values are institution, journal, preprint, regulator,
    /// colleague, social and other, but OPML folders bring their own names.
    pub category: Option<String>,
    pub tags: Vec<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// Fingerprint of the last body stored: an identical body is not parsed again.
    #[serde(skip)]
    pub body_hash: Option<String>,
    pub last_fetch: Option<DateTime<Utc>>,
    /// The last fetch that did not fail (new content or nothing new).
    pub last_success: Option<DateTime<Utc>>,
    pub last_status: Option<u16>,
    pub last_error: Option<String>,
    pub failures: u32,
    /// Set by a server's Retry-After: no fetch before then.
    pub next_fetch: Option<DateTime<Utc>>,
    /// What the last document parsed needed repaired (`bare-ampersand`,
    /// `salvaged-items: 12 of 14`), so the user can tell the publisher; empty when nothing.
    pub repairs: Vec<String>,
    pub item_count: u64,
    pub unread_count: u64,
    /// The refresh interval the user chose; `None`: the default of its category.
    pub refresh_every: Option<Duration>,
    /// The shortest interval the feed itself asks for (`ttl`, `sy:updatePeriod`,
    /// `Cache-Control: max-age`), a lower bound on the interval.
    pub feed_interval: Option<Duration>,
    /// What the user followed when the feed comes from elsewhere: `https://x.com/CDCgov`
    /// subscribed through a bridge.
    pub origin: Option<String>,
    /// When its schedule next wants it fetched. Not stored: `sync::schedule` fills it in.
    pub due: Option<DateTime<Utc>>,
}

impl Source {
    /// The "removed sources" placeholder: it holds items, it is not a feed.
    pub fn is_placeholder(&self) -> bool {
        self.kind == SourceKind::Removed
    }
}

/// What `add` and `import` hand to the store.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewSource {
    pub url: String,
    pub title: Option<String>,
    pub site_url: Option<String>,
    pub category: Option<String>,
    pub tags: Vec<String>,
    /// A refresh interval chosen at `add --every`.
    pub refresh_every: Option<Duration>,
    /// What the user typed when the feed comes from elsewhere (a bridge).
    pub origin: Option<String>,
}

/// What the user may change about a source; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceEdit {
    /// An empty title goes back to the feed's own.
    pub title: Option<String>,
    /// An empty category removes it.
    pub category: Option<String>,
    pub tags: Option<Vec<String>>,
    /// `Some(None)` goes back to the category's default interval.
    pub refresh_every: Option<Option<Duration>>,
}

/// An item as parsed from a feed, before it has an id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewItem {
    /// Identity within its source: the feed's id, else the link, else a hash of title and date.
    pub guid: String,
    pub url: Option<String>,
    pub title: String,
    pub author: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub updated: Option<DateTime<Utc>>,
    /// HTML or plain text as received.
    pub summary: Option<String>,
    pub content: Option<String>,
    pub enclosure_url: Option<String>,
    pub enclosure_type: Option<String>,
    /// The feed's own categories (hashtags, MeSH terms, sections).
    pub categories: Vec<String>,
    pub doi: Option<String>,
    pub pmid: Option<String>,
    pub paper: Paper,
}

/// How an item relates to the paper whose identifiers it carries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PaperRole {
    /// No paper identified.
    #[default]
    None,
    /// The item is the paper, or a record of it (PubMed): identifiers in its metadata, its
    /// link, or cited in its text.
    Own,
    /// The item links to the paper (a post, a podcast episode): identifiers only in a link.
    Linked,
}

impl PaperRole {
    pub fn code(self) -> i64 {
        match self {
            PaperRole::None => 0,
            PaperRole::Own => 1,
            PaperRole::Linked => 2,
        }
    }

    pub fn from_code(code: i64) -> PaperRole {
        match code {
            1 => PaperRole::Own,
            2 => PaperRole::Linked,
            _ => PaperRole::None,
        }
    }
}

/// What a feed says about the paper an item is or links to, beyond its DOI and PMID.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Paper {
    pub pmcid: Option<String>,
    /// ClinicalTrials.gov registrations named by the item, first the most prominent.
    pub ncts: Vec<String>,
    /// One name per author, as the feed writes it.
    pub authors: Vec<String>,
    /// The container title: journal or preprint server.
    pub journal: Option<String>,
    pub volume: Option<String>,
    pub issue: Option<String>,
    pub pages: Option<String>,
    /// Original Article, Review, Editorial, Correspondence, Preprint, Retraction...
    pub article_type: Option<String>,
    pub role: PaperRole,
    /// For a `Linked` item: its link to the paper.
    pub linked_url: Option<String>,
    /// For a preprint: the DOI of the journal article it became (one story with it).
    pub published_as: Option<String>,
    /// For an item that links more than one paper page: each page it links. They may all be
    /// the same paper (its journal page and its PubMed record), which only the store can tell.
    pub candidates: Vec<PaperRef>,
}

/// A paper as one link or citation names it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaperRef {
    pub doi: Option<String>,
    pub pmid: Option<String>,
    pub pmcid: Option<String>,
    pub url: Option<String>,
}

/// A warning a publisher attached to a paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Notice {
    ExpressionOfConcern,
    Retraction,
}

impl Notice {
    /// How the cue is named wherever it is shown: badges, `show`, exports.
    pub fn label(self) -> &'static str {
        match self {
            Notice::Retraction => "Retracted",
            Notice::ExpressionOfConcern => "Expression of concern",
        }
    }

    pub fn code(notice: Option<Notice>) -> i64 {
        match notice {
            None => 0,
            Some(Notice::ExpressionOfConcern) => 1,
            Some(Notice::Retraction) => 2,
        }
    }

    pub fn from_code(code: i64) -> Option<Notice> {
        match code {
            1 => Some(Notice::ExpressionOfConcern),
            2 => Some(Notice::Retraction),
            _ => None,
        }
    }

    /// The item JSON's name for it.
    pub fn name(self) -> &'static str {
        match self {
            Notice::ExpressionOfConcern => "expression_of_concern",
            Notice::Retraction => "retraction",
        }
    }
}

/// Cheap cues about how far to trust a paper.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Evidence {
    /// From a preprint server (or a preprint DOI): not peer reviewed.
    pub preprint: bool,
    /// Retracted or under an expression of concern (any version of its story says so).
    pub notice: Option<Notice>,
}

impl Evidence {
    /// How the preprint cue is named wherever it is shown.
    pub const PREPRINT_LABEL: &'static str = "Preprint, not peer reviewed";
}

/// Id of a story: the versions of one paper across feeds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct StoryId(pub i64);

/// Which story an item belongs to and how many versions it has (1: the item alone).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StoryInfo {
    pub id: StoryId,
    pub versions: usize,
    /// The story's most authoritative version, the one a story row shows.
    pub lead: bool,
}

/// One version of a story, for the reader's list and `also_in`.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    pub id: ItemId,
    pub source_id: SourceId,
    pub source_title: String,
    pub category: Option<String>,
    pub title: String,
    pub url: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub read: bool,
    pub evidence: Evidence,
    /// The story's most authoritative version, which the river shows.
    pub lead: bool,
}

/// A stored item with its source and the user's state.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: ItemId,
    pub source_id: SourceId,
    pub source_title: String,
    pub source_url: String,
    pub category: Option<String>,
    pub guid: String,
    pub url: Option<String>,
    pub title: String,
    pub author: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub updated: Option<DateTime<Utc>>,
    pub summary: Option<String>,
    pub content: Option<String>,
    pub enclosure_url: Option<String>,
    pub enclosure_type: Option<String>,
    pub categories: Vec<String>,
    pub doi: Option<String>,
    pub pmid: Option<String>,
    pub fetched: DateTime<Utc>,
    pub read: Option<DateTime<Utc>>,
    pub saved: Option<DateTime<Utc>>,
    pub tags: Vec<String>,
    pub paper: Paper,
    pub evidence: Evidence,
    pub story: StoryInfo,
    /// The watches that alerted this item, by watch name.
    pub alerts: Vec<ItemAlert>,
}

/// One row of the river: what a list needs, without the bodies.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemSummary {
    pub id: ItemId,
    pub source_id: SourceId,
    pub source_title: String,
    pub title: String,
    pub url: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub read: bool,
    pub saved: bool,
    pub tags: Vec<String>,
    pub doi: Option<String>,
    pub pmid: Option<String>,
    /// The first ClinicalTrials.gov registration the item names.
    pub nct: Option<String>,
    pub evidence: Evidence,
    /// In a story row: the story, whose size gives the `+N` and whose newest version gives
    /// `published`; in a flat row, the item's own story all the same.
    pub story: StoryInfo,
    /// Names of the watches that alerted this item.
    pub watches: Vec<String>,
    pub alert: AlertState,
}

/// Where an item stands with its alerts, for markers and pinning.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum AlertState {
    /// No watch alerted it.
    #[default]
    None,
    /// Every alert on it is acknowledged.
    Acknowledged,
    /// Alerted and not acknowledged, by watches that are not urgent.
    Unacknowledged,
    /// An urgent watch alerted it and nobody acknowledged that yet: it stays pinned.
    Urgent,
}

/// A watch: a named query that flags the items matching it as they arrive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Watch {
    pub id: WatchId,
    pub name: String,
    pub query: String,
    /// Urgent watches pin their items until they are acknowledged.
    pub urgent: bool,
    pub created: DateTime<Utc>,
    pub alerts: u64,
    pub unacknowledged: u64,
}

/// One watch's alert on an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemAlert {
    pub watch: String,
    pub urgent: bool,
    pub raised: DateTime<Utc>,
    pub acknowledged: Option<DateTime<Utc>>,
}

/// An alert a refresh has just raised: what the refresh report, the notification command and
/// the newsfeed's status bar tell the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAlert {
    pub item_id: ItemId,
    pub watch: String,
    pub urgent: bool,
    pub title: String,
    pub source: String,
    pub url: Option<String>,
    pub published: Option<DateTime<Utc>>,
}

/// A change of the user's state on an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Read,
    Unread,
    Save,
    Unsave,
}

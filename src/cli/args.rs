//! The command-line contract of the design, as clap types. Names here are stable: scripts use them.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(name = "rounds", version, about = "A terminal newsfeed for clinicians.", long_about = None)]
pub struct Cli {
    /// Database file (default: $XDG_DATA_HOME/rounds/rounds.db).
    #[arg(long, global = true, env = "ROUNDS_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Config file (default: $XDG_CONFIG_HOME/rounds/config.toml).
    #[arg(long, global = true, env = "ROUNDS_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the newsfeed on a temporary database seeded from bundled sample feeds (no network).
    Demo,
    /// Follow a feed: a URL, a local file, @user@instance, #tag@instance, a Bluesky handle or r/subreddit.
    Add(AddArgs),
    /// Stop following a source (by id or URL): its items are deleted, except the saved and
    /// tagged ones, which stay under "Removed sources".
    Remove {
        source: String,
        /// Remove without asking, even when saved or tagged items will be kept.
        #[arg(long, short = 'y')]
        yes: bool,
    },
    /// List subscriptions with their health.
    Sources {
        #[arg(long)]
        json: bool,
    },
    /// Import subscriptions from OPML or a newsboat `urls` file; all or nothing.
    Import { file: PathBuf },
    /// Export subscriptions (opml) or items (json, ris, bibtex, csljson, markdown; default query
    /// `is:saved`). With -o FILE the format can come from its extension.
    Export(ExportArgs),
    /// Fetch sources and store what is new.
    Refresh(RefreshArgs),
    /// List items, newest first.
    List(ListArgs),
    /// Show one item in full.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Mark items read, unread, saved or unsaved.
    Mark(MarkArgs),
    /// Tag an item (or remove tags with --remove).
    Tag {
        id: i64,
        #[arg(required = true)]
        tags: Vec<String>,
        #[arg(long)]
        remove: bool,
    },
}

#[derive(Debug, Args)]
pub struct AddArgs {
    pub target: String,
    #[arg(long)]
    pub category: Option<String>,
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    #[arg(long)]
    pub title: Option<String>,
    /// Subscribe without fetching now.
    #[arg(long)]
    pub no_fetch: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// opml, json, ris, bibtex, csljson or markdown; may be left out when -o names a file
    /// ending in .opml, .json, .ris, .bib, .csl.json or .md.
    pub format: Option<ExportFormat>,
    /// Which items (item formats only; default `is:saved`).
    #[arg(long, short = 'q')]
    pub query: Option<String>,
    /// Write here instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Subscriptions, for other feed readers.
    Opml,
    /// The item JSON, as `list --json` prints it.
    Json,
    /// RIS, for Zotero, EndNote and Mendeley.
    Ris,
    /// BibTeX / BibLaTeX.
    Bibtex,
    /// CSL-JSON, for Zotero and Pandoc.
    Csljson,
    /// A journal-club digest, grouped by tag and source.
    Markdown,
}

#[derive(Debug, Args)]
pub struct RefreshArgs {
    /// Only this source (id or URL).
    #[arg(long)]
    pub source: Option<String>,
    /// Fetches in flight at once.
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: u16,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long, short = 'q')]
    pub query: Option<String>,
    #[arg(long, short = 'n', default_value_t = 50)]
    pub limit: usize,
    /// One row per story (the same paper across feeds) instead of one per item.
    #[arg(long)]
    pub stories: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("mark").required(true).args(["read", "unread", "save", "unsave"]))]
pub struct MarkArgs {
    #[arg(required = true)]
    pub ids: Vec<i64>,
    #[arg(long)]
    pub read: bool,
    #[arg(long)]
    pub unread: bool,
    #[arg(long)]
    pub save: bool,
    #[arg(long)]
    pub unsave: bool,
}

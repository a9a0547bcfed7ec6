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
    /// Export subscriptions (opml) or items.
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
    pub format: ExportFormat,
    /// Which items (item formats only).
    #[arg(long)]
    pub query: Option<String>,
    /// Write here instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Opml,
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
    /// How many items at most (1 to 10000000).
    #[arg(long, short = 'n', default_value_t = 50, value_parser = item_count)]
    pub limit: usize,
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

/// `--limit`: at least one item, and never a number that would wrap around on its way to SQL.
fn item_count(text: &str) -> Result<usize, String> {
    const MOST: usize = 10_000_000;
    match text.trim().parse::<usize>() {
        Ok(count) if (1..=MOST).contains(&count) => Ok(count),
        _ => Err(format!("the limit is a number of items, from 1 to {MOST}")),
    }
}

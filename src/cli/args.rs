//! The command-line contract of the design, as clap types. Names here are stable: scripts use them.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::time::Duration;

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
    /// Follow a feed, a web page (its feeds are found), @user@instance, #tag@instance, a Bluesky handle, r/subreddit or a file.
    Add(AddArgs),
    /// Stop following a source (by id or URL): its items are deleted, except the saved and
    /// tagged ones, which stay under "Removed sources".
    Remove {
        /// The source's id or URL, as `rounds sources` lists them.
        source: String,
        /// Remove without asking, even when saved or tagged items will be kept.
        #[arg(long, short = 'y')]
        yes: bool,
    },
    /// Change a source: title, category, tags, refresh interval.
    Source {
        #[command(subcommand)]
        command: SourceCommand,
    },
    /// List subscriptions with their health and schedule.
    Sources {
        /// Print one JSON document instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Import subscriptions from OPML or a newsboat `urls` file, or the starter pack; all or nothing.
    Import(ImportArgs),
    /// Export subscriptions (opml) or items (json, ris, bibtex, csljson, markdown; default query
    /// `is:saved`). With -o FILE the format can come from its extension.
    Export(ExportArgs),
    /// Fetch sources and store what is new, then apply retention.
    Refresh(RefreshArgs),
    /// List items, newest first.
    List(ListArgs),
    /// Show one item in full.
    Show {
        /// The item's id, as `rounds list` shows it.
        id: i64,
        /// Print one JSON document instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Mark items read, unread, saved or unsaved.
    Mark(MarkArgs),
    /// Tag an item (or remove tags with --remove).
    Tag {
        /// The item's id.
        id: i64,
        /// One or more tags.
        #[arg(required = true)]
        tags: Vec<String>,
        /// Remove these tags instead of adding them.
        #[arg(long)]
        remove: bool,
    },
    /// Watches: named queries that flag new matching items as alerts.
    #[command(subcommand)]
    Watch(WatchCommand),
    /// Acknowledge the alerts on items (urgent ones stop being pinned); reading is untouched.
    Ack(AckArgs),
    /// Apply retention now and reclaim the space deleted items left in the database file.
    Vacuum,
    /// Print shell completions: `rounds completions bash > /etc/bash_completion.d/rounds`.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Subcommand)]
pub enum WatchCommand {
    /// Add a watch: new items matching QUERY will alert (urgent ones are pinned until acknowledged).
    Add {
        /// One word: letters, digits, '-' or '_' (the query language finds its items with watch:NAME).
        name: String,
        /// A query in the language of `list --query`, e.g. 'recall OR "safety communication"'.
        #[arg(allow_hyphen_values = true)]
        query: String,
        /// Pin its alerts above the river until they are acknowledged.
        #[arg(long)]
        urgent: bool,
        /// Also alert the matching items published in the last DAYS days.
        #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(1..=36500))]
        backfill: Option<u32>,
    },
    /// List the watches with their alert counts.
    List {
        /// One JSON document: name, query, urgent, alerts, unacknowledged, created.
        #[arg(long)]
        json: bool,
    },
    /// Change a watch's query, urgency or name; the alerts it raised stay.
    Edit {
        /// The watch to change.
        name: String,
        /// Its new query; items that arrive from now on are tested with it.
        #[arg(long, allow_hyphen_values = true)]
        query: Option<String>,
        /// Pin its alerts above the river until they are acknowledged.
        #[arg(long, conflicts_with = "normal")]
        urgent: bool,
        /// No longer urgent: its alerts stop being pinned.
        #[arg(long)]
        normal: bool,
        /// Its new name (one word, as for `watch add`).
        #[arg(long, value_name = "NEW_NAME")]
        rename: Option<String>,
    },
    /// Remove a watch and its alerts.
    Remove {
        /// The watch to remove.
        name: String,
    },
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("which").required(true).args(["ids", "all"]))]
pub struct AckArgs {
    /// Items to acknowledge.
    #[arg(conflicts_with = "all")]
    pub ids: Vec<i64>,
    /// Every unacknowledged alert (of one watch with --watch).
    #[arg(long)]
    pub all: bool,
    /// With --all: only this watch's alerts.
    #[arg(long, requires = "all", value_name = "NAME")]
    pub watch: Option<String>,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// What to follow: a feed or page URL, @user@instance, a Bluesky handle, a file...
    pub target: String,
    /// Put it in this category (journal, regulator, social...).
    #[arg(long)]
    pub category: Option<String>,
    /// Tag the source; repeat for several tags.
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Show it under this title instead of the feed's own.
    #[arg(long)]
    pub title: Option<String>,
    /// Refresh it this often (15m, 2h, 1d) instead of its category's default.
    #[arg(long, value_name = "DURATION", value_parser = parse_every)]
    pub every: Option<Duration>,
    /// When the page has several feeds, follow the N-th as listed.
    #[arg(long, value_name = "N", conflicts_with = "all")]
    pub pick: Option<usize>,
    /// When the page has several feeds, follow them all.
    #[arg(long)]
    pub all: bool,
    /// Subscribe to the address as given, without looking for feeds or fetching now.
    #[arg(long)]
    pub no_fetch: bool,
}

#[derive(Debug, Subcommand)]
pub enum SourceCommand {
    /// Change a source's title, category, tags or refresh interval.
    Set(SourceSetArgs),
}

#[derive(Debug, Args)]
pub struct SourceSetArgs {
    /// The source's id or URL.
    pub source: String,
    /// A new title ("" goes back to the feed's own).
    #[arg(long)]
    pub title: Option<String>,
    /// A new category ("" removes it).
    #[arg(long)]
    pub category: Option<String>,
    /// Replace its tags with these; repeat for several.
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Remove all its tags.
    #[arg(long, conflicts_with = "tags")]
    pub no_tags: bool,
    /// Refresh it this often (15m, 2h, 1d), or "default" for its category's interval.
    #[arg(long, value_name = "DURATION", value_parser = parse_every_or_default)]
    pub every: Option<Every>,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("what").required(true).args(["file", "starter"]))]
pub struct ImportArgs {
    /// An OPML file or a newsboat `urls` file.
    pub file: Option<PathBuf>,
    /// Import the starter pack of clinician sources bundled with rounds.
    #[arg(long)]
    pub starter: bool,
    /// With --starter: only this category of the pack; repeat for several.
    #[arg(long = "category", value_name = "CATEGORY", requires = "starter")]
    pub categories: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// opml, json, ris, bibtex, csljson or markdown; may be left out when -o names a file
    /// ending in .opml, .json, .ris, .bib, .csl.json or .md.
    pub format: Option<ExportFormat>,
    /// Which items (item formats only; default `is:saved`).
    #[arg(long, short = 'q', allow_hyphen_values = true)]
    pub query: Option<String>,
    /// Write here instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The subscriptions, for another reader.
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
    /// Only the sources their schedule says are due (for cron jobs and timers).
    #[arg(long)]
    pub due: bool,
    /// Print one JSON document instead of lines and a progress bar.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Which items, in the query language (`measles since:7d`, `is:saved`).
    #[arg(long, short = 'q', allow_hyphen_values = true)]
    pub query: Option<String>,
    /// At most this many items (1 to 10000000).
    #[arg(long, short = 'n', default_value_t = 50, value_parser = item_count)]
    pub limit: usize,
    /// One row per story (the same paper across feeds) instead of one per item.
    #[arg(long)]
    pub stories: bool,
    /// Print one JSON document instead of lines.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("mark").required(true).args(["read", "unread", "save", "unsave"]))]
pub struct MarkArgs {
    /// The items' ids.
    #[arg(required = true)]
    pub ids: Vec<i64>,
    /// Mark them read.
    #[arg(long)]
    pub read: bool,
    /// Mark them unread.
    #[arg(long)]
    pub unread: bool,
    /// Save them (saved items are never deleted by retention).
    #[arg(long)]
    pub save: bool,
    /// Unsave them.
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

fn parse_every(text: &str) -> Result<Duration, String> {
    crate::interval::parse(text).map_err(|error| error.to_string())
}

/// `--every` of `source set`: an interval, or `None` for the category's default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Every(pub Option<Duration>);

fn parse_every_or_default(text: &str) -> Result<Every, String> {
    if text.trim().eq_ignore_ascii_case("default") {
        return Ok(Every(None));
    }
    parse_every(text).map(|every| Every(Some(every)))
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    /// Every option and argument of every command says what it is for, in one line.
    #[test]
    fn every_option_has_a_help_line() {
        let mut missing = Vec::new();
        let mut stack = vec![(String::from("rounds"), Cli::command())];
        while let Some((path, command)) = stack.pop() {
            for argument in command.get_arguments() {
                let id = argument.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                if argument
                    .get_help()
                    .is_none_or(|help| help.to_string().trim().is_empty())
                {
                    missing.push(format!("{path} {id}"));
                }
            }
            for sub in command.get_subcommands() {
                stack.push((format!("{path} {}", sub.get_name()), sub.clone()));
            }
        }
        assert!(missing.is_empty(), "without help: {missing:?}");
    }
}

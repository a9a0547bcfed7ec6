//! rounds: a terminal newsfeed for clinicians.
//!
//! The map, by concern:
//!
//! - [`model`]: sources, items and their ids; pure data.
//! - [`query`]: the query language, lexed and parsed to an AST; pure.
//! - [`ident`], [`text`], [`fingerprint`], [`interval`], [`dates`]: DOIs, PubMed and PMC ids,
//!   trial numbers, canonical links, which paper an item is or links to, evidence cues
//!   (preprint, retraction); hostile text made safe (and article bodies made text, the same for
//!   `show` and the reader), a stable hash, refresh intervals as people write them, dates in
//!   one human style; pure (`dates` reads the local zone).
//! - [`store`]: the only home of rusqlite: schema and migrations, items with their full-text
//!   index, stories (the same paper across feeds) kept on write, the query AST compiled to SQL.
//! - [`watch`]: what a watch is (names, queries, the defaults of a new database) and the
//!   notification command run after a refresh; the alerts themselves are raised by the store,
//!   which also keeps the watches and their alerts, written in the writer's transaction.
//! - [`fetch`]: the only home of reqwest and of feed parsing: polite HTTP with limits, local
//!   feed files under the same limits, bytes → model (feed-rs for the ordinary feed, our
//!   tolerant reader, which reports what it repaired, for what feed-rs cannot read), a web page
//!   → its feeds (discovery).
//! - [`export`]: writers over the model: OPML for sources; RIS, BibTeX, CSL-JSON, a Markdown
//!   digest and the item JSON for papers.
//! - [`sync`]: the use cases shared by the CLI and the TUI (refresh, add and what may be
//!   added, import and the starter pack, schedules, retention, export, demo); they report
//!   progress through channels and never print.
//! - [`cli`]: the headless commands, the only writer to stdout; all they print goes through
//!   `cli::output`, which removes escape sequences and control characters.
//! - [`tui`]: the only home of ratatui and crossterm; its worker owns the database and the
//!   network and talks to the UI by messages.
//! - [`config`], [`logging`]: the config file (plain data every command reads; the newsfeed
//!   makes its keymap and theme of it), the log file and the panic hook that keeps caught
//!   panics (feed parser, html2text) off the screen.
//!
//! Dependencies point one way: `model ← {query, ident, text, dates, watch, store, fetch,
//! export} ← sync ← {cli, tui::worker}` (the store takes a new database's default watches from
//! `watch`); the rest of `tui` uses `model` and the pure modules, and reaches `sync` only
//! through the worker's messages.

pub mod cli;
pub mod config;
pub mod dates;
pub mod export;
pub mod fetch;
pub mod fingerprint;
pub mod ident;
pub mod interval;
pub mod logging;
pub mod model;
pub mod query;
pub mod store;
pub mod sync;
#[cfg(test)]
mod test_fixtures;
pub mod text;
pub mod tui;
pub mod watch;

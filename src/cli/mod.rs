//! Headless commands: the only writer to stdout. One file per group of subcommands.
//! Exit codes: 0 success, 1 partial failure, 2 usage error or total failure.

pub mod args;
mod export;
mod items;
mod json;
mod newsfeed;
mod output;
mod refresh;
mod subscriptions;

pub use args::Cli;
pub use newsfeed::{open_demo, open_newsfeed};

use crate::config::Config;
use crate::store::Store;
use args::Command;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// How a command ended, as the exit code scripts rely on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Success,
    Partial,
    Failure,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> ExitCode {
        ExitCode::from(match status {
            Status::Success => 0,
            Status::Partial => 1,
            Status::Failure => 2,
        })
    }
}

/// Runs a headless command; errors become one sentence on stderr.
pub fn run(cli: Cli, command: Command) -> ExitCode {
    let db = cli.db.clone().unwrap_or_else(default_db_path);
    let result = Config::load(cli.config.as_deref())
        .map_err(anyhow::Error::from)
        .and_then(|config| dispatch(&db, &config, command));
    match result {
        Ok(status) => status.into(),
        Err(error) if output::is_closed_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("rounds: {}", sentence(&error));
            Status::Failure.into()
        }
    }
}

fn dispatch(db: &Path, config: &Config, command: Command) -> anyhow::Result<Status> {
    match command {
        Command::Add(args) => subscriptions::add(db, config, args),
        Command::Remove { source } => subscriptions::remove(db, &source),
        Command::Sources { json } => subscriptions::list(db, json),
        Command::Import { file } => subscriptions::import(db, &file),
        Command::Export(args) => export::run(db, args),
        Command::Refresh(args) => refresh::run(db, config, args),
        Command::List(args) => items::list(db, args),
        Command::Show { id, json } => items::show(db, id, json),
        Command::Mark(args) => items::mark(db, config, args),
        Command::Tag { id, tags, remove } => items::tag(db, id, &tags, remove),
        Command::Demo => {
            anyhow::bail!("`rounds demo` opens the newsfeed; it is not a headless command")
        }
    }
}

/// The database, with the config's settings that storing and marking honour.
fn open_store(db: &Path, config: &Config) -> anyhow::Result<Store> {
    let mut store = Store::open(db)?;
    store.set_read_whole_story(config.read_whole_story);
    Ok(store)
}

/// The error and its causes on one line, without repeating a cause already in the message.
fn sentence(error: &anyhow::Error) -> String {
    let mut text = error.to_string();
    for cause in error.chain().skip(1) {
        let cause = cause.to_string();
        if !text.contains(&cause) {
            text.push_str(": ");
            text.push_str(&cause);
        }
    }
    text
}

/// `$XDG_DATA_HOME/rounds/rounds.db`, or `./rounds.db` where no home can be found.
pub fn default_db_path() -> PathBuf {
    directories::ProjectDirs::from("", "", "rounds")
        .map(|dirs| dirs.data_dir().join("rounds.db"))
        .unwrap_or_else(|| PathBuf::from("rounds.db"))
}

/// A multi-threaded runtime for the commands that fetch.
fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?)
}

//! Headless commands: the only writer to stdout. One file per group of subcommands.
//! Exit codes: 0 success, 1 partial failure, 2 usage error or total failure.

mod add;
pub mod args;
mod confirm;
mod housekeeping;
mod items;
mod json;
mod newsfeed;
mod output;
mod progress_bar;
mod refresh;
mod subscriptions;

pub use args::Cli;
pub use newsfeed::{open_demo, open_newsfeed};

use crate::config::Config;
use args::{Command, SourceCommand};
use std::path::PathBuf;
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
    let outcome = Config::load(cli.config.as_deref())
        .map_err(anyhow::Error::from)
        .and_then(|config| dispatch(&db, &config, command));
    match outcome {
        Ok(status) => status.into(),
        Err(error) if output::is_closed_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("rounds: {}", sentence(&error));
            Status::Failure.into()
        }
    }
}

fn dispatch(db: &std::path::Path, config: &Config, command: Command) -> anyhow::Result<Status> {
    match command {
        Command::Add(args) => add::run(db, config, args),
        Command::Remove { source, yes } => subscriptions::remove(db, &source, yes),
        Command::Source {
            command: SourceCommand::Set(args),
        } => subscriptions::set(db, config, args),
        Command::Sources { json } => subscriptions::list(db, config, json),
        Command::Import(args) => subscriptions::import(db, args),
        Command::Export(args) => subscriptions::export(db, args),
        Command::Refresh(args) => refresh::run(db, config, args),
        Command::Vacuum => housekeeping::vacuum(db, config),
        Command::Completions { shell } => housekeeping::completions(shell),
        Command::List(args) => items::list(db, args),
        Command::Show { id, json } => items::show(db, id, json),
        Command::Mark(args) => items::mark(db, args),
        Command::Tag { id, tags, remove } => items::tag(db, id, &tags, remove),
        Command::Demo => {
            anyhow::bail!("`rounds demo` opens the newsfeed; it is not a headless command")
        }
    }
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

//! Headless commands: the only writer to stdout. One file per group of subcommands.
//! Exit codes: 0 success, 1 partial failure, 2 usage error or total failure.

mod add;
pub mod args;
mod confirm;
mod export;
mod housekeeping;
mod items;
mod json;
mod newsfeed;
mod output;
mod progress_bar;
mod refresh;
mod subscriptions;
mod watch;

pub use args::Cli;
pub use newsfeed::{open_demo, open_newsfeed};

use crate::config::Config;
use crate::store::Store;
use args::{Command, SourceCommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// What every command starts from: the database's path and the config file, read and checked.
pub struct Context {
    pub db: PathBuf,
    pub config: Config,
}

impl Context {
    /// Reads the config (`--config`, else the default file): a bad one stops every command
    /// with the line at fault, not only the newsfeed.
    pub fn new(cli: &Cli) -> anyhow::Result<Context> {
        let config = Config::load(cli.config.as_deref())?;
        crate::tui::settings::Settings::from_config(&config)?;
        Ok(Context {
            db: cli.db.clone().unwrap_or_else(default_db_path),
            config,
        })
    }

    /// The database, with writes waiting `busy_timeout` for another process's lock, the
    /// config's `read_whole_story`, and a new source's first fetch alerting
    /// `alert_backlog_days` back.
    pub fn store(&self) -> anyhow::Result<Store> {
        let mut store = Store::open_waiting(&self.db, self.config.busy_timeout)?;
        store.set_read_whole_story(self.config.read_whole_story);
        store.set_alert_backlog_days(self.config.alert_backlog_days);
        Ok(store)
    }
}

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

/// The command line; or, after clap's usage error, help or version text went out (cleaned,
/// like all output), the exit code to end with.
pub fn parse_args() -> Result<Cli, ExitCode> {
    use clap::Parser;
    Cli::try_parse().map_err(|error| {
        output::raw(&error.render().to_string(), error.use_stderr());
        ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
    })
}

/// Runs a headless command; errors become one sentence on stderr.
pub fn run(cli: Cli, command: Command) -> ExitCode {
    match Context::new(&cli).and_then(|context| dispatch(&context, command)) {
        Ok(status) => status.into(),
        Err(error) if output::is_closed_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            output::warn(&sentence(&error));
            Status::Failure.into()
        }
    }
}

fn dispatch(context: &Context, command: Command) -> anyhow::Result<Status> {
    match command {
        Command::Add(args) => add::run(context, args),
        Command::Remove { source, yes } => subscriptions::remove(context, &source, yes),
        Command::Source {
            command: SourceCommand::Set(args),
        } => subscriptions::set(context, args),
        Command::Sources { json } => subscriptions::list(context, json),
        Command::Import(args) => subscriptions::import(context, args),
        Command::Export(args) => export::run(context, args),
        Command::Refresh(args) => refresh::run(context, args),
        Command::Vacuum => housekeeping::vacuum(context),
        Command::Completions { shell } => housekeeping::completions(shell),
        Command::List(args) => items::list(context, args),
        Command::Show { id, json } => items::show(context, id, json),
        Command::Mark(args) => items::mark(context, args),
        Command::Tag { id, tags, remove } => items::tag(context, id, &tags, remove),
        Command::Watch(command) => watch::run(context, command),
        Command::Ack(args) => watch::acknowledge(context, args),
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

//! Opening the newsfeed: the config, the worker on its own thread, the UI on this one.

use super::worker::{WorkerOptions, spawn};
use crate::config::Config;
use std::path::PathBuf;

/// Runs the newsfeed on the database at `db` until the user quits.
pub fn open(db: PathBuf, config: Config) -> anyhow::Result<()> {
    super::settings::Settings::from_config(&config)?;
    let defaults = WorkerOptions::default();
    let options = WorkerOptions {
        http: config.http_options(defaults.jobs),
        busy_timeout: config.busy_timeout,
        read_whole_story: config.read_whole_story,
        ..defaults
    };
    let (commands, events) = spawn(db, options);
    // The UI loop needs little: one thread keeps draws and input together.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(super::start(config, commands, events))
}

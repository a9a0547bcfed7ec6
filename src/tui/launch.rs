//! Opening the newsfeed: the config, the worker on its own thread, the UI on this one.

use super::worker::{WorkerOptions, spawn};
use crate::config::Config;
use std::path::PathBuf;

/// Runs the newsfeed on the database at `db` until the user quits.
pub fn open(db: PathBuf, config: Config) -> anyhow::Result<()> {
    super::settings::Settings::from_config(&config)?;
    let (commands, events) = spawn(db, WorkerOptions::from_config(&config));
    // The UI loop needs little: one thread keeps draws and input together.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(super::start(config, commands, events))
}

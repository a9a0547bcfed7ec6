//! Opening the newsfeed (no command) and the demo: the terminal belongs to the TUI from here.

use super::Status;
use crate::sync::demo;
use std::process::ExitCode;

/// `rounds`: the newsfeed on the user's database.
pub fn open_newsfeed(cli: &super::Cli) -> ExitCode {
    report(
        super::Context::new(cli)
            .and_then(|context| crate::tui::launch::open(context.db, context.config)),
    )
}

/// `rounds demo`: the newsfeed on a temporary database seeded from the bundled sample feeds.
pub fn open_demo(cli: &super::Cli) -> ExitCode {
    let run = || -> anyhow::Result<()> {
        let config = super::Context::new(cli)?.config;
        let folder = DemoFolder::create()?;
        let db = demo::seed(&folder.0, chrono::Utc::now())?;
        crate::tui::launch::open(db, config)
    };
    report(run())
}

fn report(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => Status::Success.into(),
        Err(error) => {
            super::output::warn(&super::sentence(&error));
            Status::Failure.into()
        }
    }
}

/// A private folder for the demo, removed when the demo ends.
struct DemoFolder(std::path::PathBuf);

impl DemoFolder {
    fn create() -> anyhow::Result<DemoFolder> {
        let folder = std::env::temp_dir().join(format!("rounds-demo-{}", std::process::id()));
        std::fs::create_dir_all(&folder)?;
        Ok(DemoFolder(folder))
    }
}

impl Drop for DemoFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

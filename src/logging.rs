//! Logs go to a file, never to the screen: the TUI owns the terminal.

use std::path::{Path, PathBuf};
use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::EnvFilter;

/// Keeps the panics we catch on purpose off the screen: the feed parser's and html2text's on
/// hostile input become a clear error or a plain-text fallback for that one feed or body, and
/// a line in the log. Every other panic still reaches the previous hook.
pub fn install_quiet_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if contained_panic() {
            tracing::warn!(%info, "caught a panic on hostile input; that input alone failed");
            return;
        }
        previous(info);
    }));
}

/// A panic that `catch_unwind` is waiting for: in the feed parser or in html2text.
pub fn contained_panic() -> bool {
    crate::fetch::parse::in_parse() || crate::text::body::rendering()
}

/// `$XDG_STATE_HOME/rounds` (or the data folder where there is no state folder).
pub fn default_folder() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "rounds")?;
    Some(dirs.state_dir().unwrap_or(dirs.data_dir()).to_path_buf())
}

/// Starts logging to `FOLDER/rounds.log` at the level of `ROUNDS_LOG` (default `warn`). Keep
/// the guard alive until exit, or the last lines are lost. Logging is best effort: if the
/// file cannot be created, the program runs without it.
pub fn init(folder: &Path) -> Option<WorkerGuard> {
    std::fs::create_dir_all(folder).ok()?;
    let appender = tracing_appender::rolling::RollingFileAppender::builder()
        .rotation(tracing_appender::rolling::Rotation::NEVER)
        .filename_prefix("rounds.log")
        .build(folder)
        .ok()?;
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let filter = EnvFilter::try_from_env("ROUNDS_LOG").unwrap_or_else(|_| EnvFilter::new("warn"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_ansi(false)
        .try_init()
        .ok()?;
    Some(guard)
}

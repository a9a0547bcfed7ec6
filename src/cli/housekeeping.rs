//! `vacuum` and `completions`.

use super::Status;
use super::args::Cli;
use super::output::Output;
use crate::sync::retention;
use clap::CommandFactory;

/// Retention now, then the full-text index merged and the file rebuilt without free pages.
pub fn vacuum(context: &super::Context) -> anyhow::Result<Status> {
    let mut store = context.store()?;
    let policy = super::refresh::retention_policy(&context.config);
    let report = retention::apply(&mut store, policy, chrono::Utc::now())?;
    let (before, after) = store.vacuum()?;
    let mut out = Output::new();
    out.line(&format!(
        "removed {} old items; the database went from {} to {}",
        report.removed,
        megabytes(before),
        megabytes(after)
    ))?;
    out.finish()?;
    Ok(Status::Success)
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

/// Completions for `shell` on stdout.
pub fn completions(shell: clap_complete::Shell) -> anyhow::Result<Status> {
    let mut command = Cli::command();
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut command, "rounds", &mut buffer);
    let mut out = Output::new();
    out.line(String::from_utf8_lossy(&buffer).trim_end())?;
    out.finish()?;
    Ok(Status::Success)
}

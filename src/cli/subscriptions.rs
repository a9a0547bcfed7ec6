//! `add`, `remove`, `sources`, `import`, `export opml`.

use super::Status;
use super::args::AddArgs;
use super::json::{SourceJson, rfc3339};
use super::output::Output;
use crate::config::Config;
use crate::export::opml::write_opml;
use crate::fetch::http::{HttpClient, HttpOptions};
use crate::model::Source;
use crate::store::Store;
use crate::sync::add::{AddRequest, add as add_source};
use crate::sync::import::import_file;
use crate::text::sanitize_line;
use anyhow::Context;
use chrono::Utc;
use std::path::Path;
use std::sync::Arc;

pub fn add(db: &Path, config: &Config, args: AddArgs) -> anyhow::Result<Status> {
    let mut store = super::open_store(db, config)?;
    let client = Arc::new(HttpClient::new(HttpOptions::default())?);
    let request = AddRequest {
        target: args.target,
        title: args.title,
        category: args.category,
        tags: args.tags,
        no_fetch: args.no_fetch,
    };
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    let added = super::runtime()?.block_on(add_source(&mut store, client, &request, &cwd))?;
    let source = added.source;
    let mut out = Output::new();
    let fetched = match added.summary {
        Some(summary) => format!(", {} items", summary.new_items),
        None => String::new(),
    };
    out.line(&format!(
        "added {} {}{fetched} <{}>",
        source.id,
        sanitize_line(&source.title),
        source.url
    ))?;
    out.finish()?;
    Ok(Status::Success)
}

pub fn remove(db: &Path, key: &str) -> anyhow::Result<Status> {
    let mut store = Store::open(db)?;
    let source = store.find_source(key)?;
    store.remove_source(source.id)?;
    let mut out = Output::new();
    out.line(&format!(
        "removed {} {} ({} items)",
        source.id,
        sanitize_line(&source.title),
        source.item_count
    ))?;
    out.finish()?;
    Ok(Status::Success)
}

pub fn list(db: &Path, json: bool) -> anyhow::Result<Status> {
    let store = Store::open(db)?;
    let sources = store.sources()?;
    let mut out = Output::new();
    if json {
        out.json(
            &sources
                .into_iter()
                .map(SourceJson::from)
                .collect::<Vec<_>>(),
        )?;
    } else if sources.is_empty() {
        out.line("no sources yet: `rounds add URL` or `rounds import FILE`")?;
    } else {
        for source in &sources {
            out.line(&source_line(source))?;
            if let Some(error) = &source.last_error {
                out.line(&format!("      last error: {}", sanitize_line(error)))?;
            }
        }
    }
    out.finish()?;
    Ok(Status::Success)
}

fn source_line(source: &Source) -> String {
    let health = match (&source.last_fetch, source.failures, &source.next_fetch) {
        (None, _, _) => "new".to_string(),
        (_, 0, Some(_)) => "later".to_string(),
        (_, 0, None) => "ok".to_string(),
        (_, n, _) => format!("fail×{n}"),
    };
    let status = source
        .last_status
        .map(|s| s.to_string())
        .unwrap_or_else(|| "-".into());
    let fetched = source
        .last_fetch
        .map(rfc3339)
        .unwrap_or_else(|| "never".into());
    format!(
        "{:>4}  {health:<7} {status:>3}  {:>5} unread / {:<5}  {}  <{}>  [{}] fetched {fetched}",
        source.id.0,
        source.unread_count,
        source.item_count,
        sanitize_line(&source.title),
        source.url,
        source
            .category
            .as_deref()
            .map(sanitize_line)
            .unwrap_or_else(|| "-".into()),
    )
}

pub fn import(db: &Path, file: &Path) -> anyhow::Result<Status> {
    let mut store = Store::open(db)?;
    let report = import_file(&mut store, file)?;
    let mut out = Output::new();
    for note in &report.skipped {
        eprintln!("rounds: skipped {note}");
    }
    out.line(&format!(
        "imported {} sources ({} already followed, {} skipped)",
        report.added.len(),
        report.already.len(),
        report.skipped.len()
    ))?;
    out.finish()?;
    Ok(Status::Success)
}

/// The subscriptions as OPML.
pub fn opml(db: &Path) -> anyhow::Result<String> {
    let store = Store::open(db)?;
    Ok(write_opml(&store.sources()?, Utc::now()))
}

/// Writes through a temporary file in the same folder, so a crash never leaves half a file.
pub(super) fn write_atomically(path: &Path, text: &str) -> anyhow::Result<()> {
    crate::sync::export::write_atomically(path, text)
        .with_context(|| format!("cannot write {}", path.display()))
}

//! `add`, `remove`, `sources`, `import`, `export opml`.

use super::Status;
use super::args::AddArgs;
use super::json::{SourceJson, rfc3339};
use super::output::{self, Output};
use crate::export::opml::write_opml;
use crate::fetch::http::{HttpClient, HttpOptions};
use crate::model::Source;
use crate::store::{REMOVED_SOURCES_TITLE, Removal};
use crate::sync::add::{AddRequest, add as add_source};
use crate::sync::import::import_file;
use crate::text::sanitize_line;
use anyhow::Context;
use chrono::Utc;
use std::path::Path;
use std::sync::Arc;

pub fn add(context: &super::Context, args: AddArgs) -> anyhow::Result<Status> {
    let mut store = context.store()?;
    let client = Arc::new(HttpClient::new(
        context
            .config
            .http_options(HttpOptions::default().max_in_flight),
    )?);
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

/// Removes a source; its saved and tagged items stay, under the "Removed sources" placeholder.
/// When some will be kept, a terminal is asked first and a script must say `--yes`.
pub fn remove(context: &super::Context, key: &str, yes: bool) -> anyhow::Result<Status> {
    let mut store = context.store()?;
    let source = store.find_source(key)?;
    let plan = store.plan_removal(source.id)?;
    if plan.kept > 0 && !yes && !source.is_placeholder() {
        let what = format!(
            "{} (source {}) has {} saved or tagged. Removing it keeps {} under \"{REMOVED_SOURCES_TITLE}\" and deletes {}",
            sanitize_line(&source.title),
            source.id,
            count(plan.kept, "item"),
            if plan.kept == 1 { "it" } else { "them" },
            count(plan.deleted, "other item"),
        );
        match super::confirm::ask(&format!("{what}. Remove it?"))? {
            Some(true) => {}
            Some(false) => {
                output::warn("nothing removed");
                return Ok(Status::Success);
            }
            None => anyhow::bail!(
                "{what}; run `rounds remove {} --yes` to remove it",
                source.id
            ),
        }
    }
    let removal = store.remove_source(source.id)?;
    let mut out = Output::new();
    out.line(&removal_line(&removal))?;
    out.finish()?;
    Ok(Status::Success)
}

/// "removed 2 BMJ local: 26 items deleted, 2 saved or tagged items kept under "Removed sources""
fn removal_line(removal: &Removal) -> String {
    let source = &removal.source;
    let deleted = format!("{} deleted", count(removal.deleted, "item"));
    let title = sanitize_line(&source.title);
    match removal.kept_in {
        None => format!("removed {} {title}: {deleted}", source.id),
        Some(_) if source.is_placeholder() => format!(
            "{title} keeps {} saved or tagged; {deleted}",
            count(removal.kept, "item")
        ),
        Some(_) => format!(
            "removed {} {title}: {deleted}, {} saved or tagged kept under \"{REMOVED_SOURCES_TITLE}\"",
            source.id,
            count(removal.kept, "item"),
        ),
    }
}

/// "1 item", "3 items"
fn count(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

pub fn list(context: &super::Context, json: bool) -> anyhow::Result<Status> {
    let store = context.store()?;
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
        _ if source.is_placeholder() => "kept".to_string(),
        (None, _, _) => "new".to_string(),
        (_, 0, Some(_)) => "later".to_string(),
        (_, 0, None) => "ok".to_string(),
        (_, n, _) => format!("fail×{n}"),
    };
    let status = source
        .last_status
        .map(|s| s.to_string())
        .unwrap_or_else(|| "-".into());
    let fetched = match source.last_fetch {
        _ if source.is_placeholder() => {
            "never: it keeps the saved and tagged items of removed sources".into()
        }
        Some(time) => rfc3339(time),
        None => "never".into(),
    };
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

pub fn import(context: &super::Context, file: &Path) -> anyhow::Result<Status> {
    let mut store = context.store()?;
    let report = import_file(&mut store, file)?;
    let mut out = Output::new();
    for note in &report.skipped {
        output::warn(&format!("skipped {note}"));
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
pub fn opml(context: &super::Context) -> anyhow::Result<String> {
    let store = context.store()?;
    Ok(write_opml(&store.sources()?, Utc::now()))
}

/// Writes through a temporary file in the same folder, so a crash never leaves half a file.
pub(super) fn write_atomically(path: &Path, text: &str) -> anyhow::Result<()> {
    crate::sync::export::write_atomically(path, text)
        .with_context(|| format!("cannot write {}", path.display()))
}

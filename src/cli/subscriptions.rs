//! `remove`, `source set`, `sources`, `import`, `export opml`.

use super::Status;
use super::args::{ImportArgs, SourceSetArgs};
use super::json::SourceJson;
use super::output::{self, Output};
use crate::export::opml::write_opml;
use crate::interval;
use crate::model::{Source, SourceEdit};
use crate::store::{REMOVED_SOURCES_TITLE, Removal};
use crate::sync::import::{ImportReport, import_file};
use crate::sync::refresh::is_http;
use crate::sync::starter::import_starter;
use crate::text::sanitize_line;
use anyhow::Context;
use chrono::Utc;
use std::path::Path;

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

/// `source set`: what the user may change, then the source as it is now.
pub fn set(context: &super::Context, args: SourceSetArgs) -> anyhow::Result<Status> {
    let mut store = context.store()?;
    let id = store.find_source(&args.source)?.id;
    let tags = match (args.no_tags, args.tags.is_empty()) {
        (true, _) => Some(Vec::new()),
        (false, false) => Some(args.tags),
        (false, true) => None,
    };
    let edit = SourceEdit {
        title: args.title,
        category: args.category,
        tags,
        refresh_every: args.every.map(|every| every.0),
    };
    if edit == SourceEdit::default() {
        anyhow::bail!("nothing to change: give --title, --category, --tag, --no-tags or --every");
    }
    let mut source = store.edit_source(id, &edit)?;
    let policy = super::refresh::schedule_policy(&context.config);
    policy.annotate(std::slice::from_mut(&mut source));
    let mut out = Output::new();
    out.line(&source_line(&source, &policy))?;
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
    let mut sources = store.sources()?;
    let policy = super::refresh::schedule_policy(&context.config);
    policy.annotate(&mut sources);
    let mut out = Output::new();
    if json {
        out.json(
            &sources
                .into_iter()
                .map(|source| SourceJson::new(source, &policy))
                .collect::<Vec<_>>(),
        )?;
    } else if sources.is_empty() {
        out.line("no sources yet: `rounds add URL` or `rounds import FILE`")?;
    } else {
        for source in &sources {
            out.line(&source_line(source, &policy))?;
            if let Some(error) = &source.last_error {
                out.line(&format!("      last error: {}", sanitize_line(error)))?;
            }
            if !source.repairs.is_empty() {
                out.line(&format!(
                    "      feed problems worked around: {}",
                    source.repairs.join(", ")
                ))?;
            }
        }
    }
    out.finish()?;
    Ok(Status::Success)
}

fn source_line(source: &Source, policy: &crate::sync::schedule::SchedulePolicy) -> String {
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
        Some(time) => crate::dates::local(time),
        None => "never".into(),
    };
    let due = source
        .due
        .map(crate::dates::local)
        .unwrap_or_else(|| "now".into());
    let origin = source
        .origin
        .as_deref()
        .map(|origin| format!(" for {}", sanitize_line(origin)))
        .unwrap_or_default();
    format!(
        "{:>4}  {health:<7} {status:>3}  {:>5} unread / {:<5}  {}  <{}>{origin}  [{}] every {}, fetched {fetched}, next {due}",
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
        interval::format(policy.interval(source)),
    )
}

pub fn import(context: &super::Context, args: ImportArgs) -> anyhow::Result<Status> {
    let mut store = context.store()?;
    let report: ImportReport = match &args.file {
        Some(file) if !args.starter => import_file(&mut store, file)?,
        _ => import_starter(&mut store, &args.categories)?,
    };
    let mut out = Output::new();
    for note in &report.skipped {
        output::warn(&format!("skipped {note}"));
    }
    out.line(&format!(
        "imported {} ({} already followed, {} skipped)",
        plural(report.added.len(), "source"),
        report.already.len(),
        report.skipped.len()
    ))?;
    // A shared file may name files on this computer: say which will be read.
    let local: Vec<&str> = report
        .added
        .iter()
        .map(|source| source.url.as_str())
        .filter(|url| !is_http(url))
        .collect();
    if !local.is_empty() {
        out.line(&format!(
            "{} will be read from this computer:",
            plural(local.len(), "feed")
        ))?;
        for path in local {
            out.line(&format!("  {path}"))?;
        }
    }
    if !report.added.is_empty() {
        out.line("run `rounds refresh` to fetch them")?;
    }
    out.finish()?;
    Ok(Status::Success)
}

/// "1 source", "3 sources"
fn plural(n: usize, noun: &str) -> String {
    count(n as u64, noun)
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

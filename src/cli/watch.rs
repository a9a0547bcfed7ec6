//! `watch add|list|edit|remove` and `ack`.

use super::Context;
use super::Status;
use super::args::{AckArgs, WatchCommand};
use super::items::BadQuery;
use super::json::rfc3339;
use super::output::{self, Output};
use crate::model::{ItemId, Watch};
use crate::store::WatchChange;
use crate::text::sanitize_line;
use crate::watch::{normalize_name, parse_query};
use chrono::{Duration, Utc};
use serde::Serialize;

pub fn run(context: &Context, command: WatchCommand) -> anyhow::Result<Status> {
    match command {
        WatchCommand::Add {
            name,
            query,
            urgent,
            backfill,
        } => add(context, &name, &query, urgent, backfill),
        WatchCommand::List { json } => list(context, json),
        WatchCommand::Edit {
            name,
            query,
            urgent,
            normal,
            rename,
        } => {
            let urgency = (urgent || normal).then_some(urgent);
            edit(context, &name, query, urgency, rename)
        }
        WatchCommand::Remove { name } => remove(context, &name),
    }
}

/// The query checked before anything is written: a bad one names its column.
fn checked_query(query: &str) -> Result<String, BadQuery> {
    parse_query(query).map_err(|error| BadQuery::new(query, error))?;
    Ok(query.trim().to_string())
}

fn add(
    context: &Context,
    name: &str,
    query: &str,
    urgent: bool,
    backfill: Option<u32>,
) -> anyhow::Result<Status> {
    let name = normalize_name(name)?;
    let query = checked_query(query)?;
    let mut store = context.store()?;
    let now = Utc::now();
    let since = backfill.map(|days| now - Duration::days(days.into()));
    let (watch, backfilled) = store.add_watch(&name, &query, urgent, since, now)?;
    let mut line = format!("added watch {}", describe(&watch));
    if let Some(days) = backfill {
        let alerts = plural(backfilled, "alert");
        line.push_str(&format!(
            "; {alerts} from the last {}",
            plural(days as usize, "day")
        ));
    }
    let mut out = Output::new();
    out.line(&line)?;
    out.finish()?;
    Ok(Status::Success)
}

fn list(context: &Context, json: bool) -> anyhow::Result<Status> {
    let store = context.store()?;
    let watches = store.watches()?;
    let mut out = Output::new();
    if json {
        out.json(&watches.iter().map(WatchJson::from).collect::<Vec<_>>())?;
    } else if watches.is_empty() {
        out.line("no watches (add one with: rounds watch add NAME QUERY [--urgent])")?;
    } else {
        let width = watches.iter().map(|w| w.name.chars().count()).max();
        for watch in &watches {
            out.line(&list_line(watch, width.unwrap_or(0)))?;
        }
    }
    out.finish()?;
    Ok(Status::Success)
}

/// `safety     urgent   12 alerts,   3 unacknowledged  recall OR ...`
fn list_line(watch: &Watch, name_width: usize) -> String {
    format!(
        "{:<name_width$}  {:<6}  {:>10},  {:>3} unacknowledged  {}",
        sanitize_line(&watch.name),
        if watch.urgent { "urgent" } else { "" },
        plural(watch.alerts as usize, "alert"),
        watch.unacknowledged,
        sanitize_line(&watch.query)
    )
}

fn edit(
    context: &Context,
    name: &str,
    query: Option<String>,
    urgent: Option<bool>,
    rename: Option<String>,
) -> anyhow::Result<Status> {
    if query.is_none() && urgent.is_none() && rename.is_none() {
        anyhow::bail!("nothing to change: give --query, --urgent, --normal or --rename");
    }
    let change = WatchChange {
        name: rename.as_deref().map(normalize_name).transpose()?,
        query: query.as_deref().map(checked_query).transpose()?,
        urgent,
    };
    let mut store = context.store()?;
    let watch = store.watch_named(&normalize_name(name)?)?;
    let changed = store.change_watch(watch.id, &change)?;
    let mut out = Output::new();
    out.line(&format!("changed watch {}", describe(&changed)))?;
    out.finish()?;
    Ok(Status::Success)
}

fn remove(context: &Context, name: &str) -> anyhow::Result<Status> {
    let mut store = context.store()?;
    let watch = store.watch_named(&normalize_name(name)?)?;
    let removed = store.remove_watch(watch.id)?;
    let mut out = Output::new();
    out.line(&format!(
        "removed watch {} and its {}",
        sanitize_line(&removed.name),
        plural(removed.alerts as usize, "alert")
    ))?;
    out.finish()?;
    Ok(Status::Success)
}

/// `safety (urgent): recall OR ...`
fn describe(watch: &Watch) -> String {
    format!(
        "{}{}: {}",
        sanitize_line(&watch.name),
        if watch.urgent { " (urgent)" } else { "" },
        sanitize_line(&watch.query)
    )
}

pub fn acknowledge(context: &Context, args: AckArgs) -> anyhow::Result<Status> {
    let mut store = context.store()?;
    let now = Utc::now();
    let mut out = Output::new();
    if args.all {
        let watch = match &args.watch {
            Some(name) => Some(store.watch_named(&normalize_name(name)?)?.id),
            None => None,
        };
        let items = store.acknowledge_all(watch, now)?;
        out.line(&format!("acknowledged {}", plural(items.len(), "item")))?;
        out.finish()?;
        return Ok(Status::Success);
    }
    let ids: Vec<ItemId> = args.ids.iter().copied().map(ItemId).collect();
    let outcome = store.acknowledge(&ids, now)?;
    for id in &outcome.missing {
        output::warn(&format!("no item with id {id}"));
    }
    for id in &outcome.without_alert {
        output::warn(&format!("item {id} has no alert to acknowledge"));
    }
    out.line(&format!(
        "acknowledged {}",
        plural(outcome.items.len(), "item")
    ))?;
    out.finish()?;
    Ok(match outcome.items.len() {
        n if n == ids.len() => Status::Success,
        0 => Status::Failure,
        _ => Status::Partial,
    })
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

#[derive(Serialize)]
struct WatchJson<'a> {
    name: &'a str,
    query: &'a str,
    urgent: bool,
    alerts: u64,
    unacknowledged: u64,
    created: String,
}

impl<'a> From<&'a Watch> for WatchJson<'a> {
    fn from(watch: &'a Watch) -> WatchJson<'a> {
        WatchJson {
            name: &watch.name,
            query: &watch.query,
            urgent: watch.urgent,
            alerts: watch.alerts,
            unacknowledged: watch.unacknowledged,
            created: rfc3339(watch.created),
        }
    }
}

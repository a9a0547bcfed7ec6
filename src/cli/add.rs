//! `rounds add`: one line per source followed; several feeds on a page are listed, numbered,
//! with exit 1 so a script notices; a network without feeds is explained with exit 2.

use super::Status;
use super::args::AddArgs;
use super::output;
use super::output::Output;
use crate::fetch::http::HttpClient;
use crate::model::NewAlert;
use crate::sync::add::{AddContext, AddError, AddRequest, Pick, add as add_sources};
use crate::text::sanitize_line;
use crate::watch::notify::notify;
use anyhow::Context;
use std::sync::Arc;

pub fn run(command: &super::Context, args: AddArgs) -> anyhow::Result<Status> {
    let mut store = command.store()?;
    let client = Arc::new(HttpClient::new(command.config.http_options(8))?);
    let request = AddRequest {
        target: args.target,
        title: args.title,
        category: args.category,
        tags: args.tags,
        every: args.every,
        pick: match (args.pick, args.all) {
            (_, true) => Pick::All,
            (Some(number), _) => Pick::Number(number),
            (None, false) => Pick::Ask,
        },
        no_fetch: args.no_fetch,
    };
    let add_context = AddContext {
        cwd: std::env::current_dir().context("cannot read the current folder")?,
        bridges: command.config.bridges.clone(),
    };
    let runtime = super::runtime()?;
    let outcome = runtime.block_on(add_sources(&mut store, client, &request, &add_context));
    let mut out = Output::new();
    let outcome = match outcome {
        Ok(outcome) => outcome,
        Err(AddError::Choose { page, candidates }) => {
            out.line(&format!(
                "{} has {} feeds; add again with --pick N (or --all):",
                page,
                candidates.len()
            ))?;
            for (number, candidate) in candidates.iter().enumerate() {
                let title = candidate
                    .title
                    .as_deref()
                    .map(sanitize_line)
                    .unwrap_or_else(|| "(untitled)".into());
                out.line(&format!(
                    "  {:>2}. {title}  <{}>",
                    number + 1,
                    candidate.url
                ))?;
            }
            out.finish()?;
            return Ok(Status::Partial);
        }
        Err(error) => return Err(error.into()),
    };
    for added in &outcome.added {
        let source = &added.source;
        let fetched = match &added.summary {
            Some(summary) => format!(", {} items", summary.new_items),
            None => String::new(),
        };
        let via = match &source.origin {
            Some(origin) => format!(" for {origin}"),
            None => String::new(),
        };
        out.line(&format!(
            "added {} {}{fetched} <{}>{via} ({})",
            source.id,
            sanitize_line(&source.title),
            source.url,
            added.found.describe()
        ))?;
    }
    // A first fetch alerts what it brings from the last few days, like any refresh.
    let alerts: Vec<NewAlert> = outcome
        .added
        .iter()
        .filter_map(|added| added.summary.as_ref())
        .flat_map(|summary| summary.alerts.iter().cloned())
        .collect();
    for alert in &alerts {
        out.line(&super::refresh::alert_line(alert))?;
    }
    out.finish()?;
    let notified = runtime.block_on(notify(&alerts, &command.config.notify));
    for failure in &notified.failures {
        output::warn(&format!("notification failed: {failure}"));
    }
    for (url, error) in &outcome.skipped {
        output::warn(&format!("not added {url}: {}", sanitize_line(error)));
    }
    Ok(if outcome.skipped.is_empty() {
        Status::Success
    } else {
        Status::Partial
    })
}

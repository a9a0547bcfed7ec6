//! `rounds refresh`: one line per source that changed or failed, then a summary.

use super::Status;
use super::args::RefreshArgs;
use super::json::rfc3339;
use super::output::{self, Output};
use crate::fetch::http::HttpClient;
use crate::model::NewAlert;
use crate::store::Store;
use crate::sync::progress::{Progress, RefreshSummary, SourceOutcome, SourceReport};
use crate::sync::refresh::{RefreshOptions, refresh};
use crate::text::sanitize_line;
use crate::watch::notify::notify;
use serde::Serialize;
use std::sync::Arc;
use tokio::sync::mpsc;

pub fn run(context: &super::Context, args: RefreshArgs) -> anyhow::Result<Status> {
    let mut store = context.store()?;
    let only = match &args.source {
        Some(key) => Some(refreshable(&store, key)?),
        None => None,
    };
    let client = Arc::new(HttpClient::new(
        context.config.http_options(usize::from(args.jobs)),
    )?);
    let options = RefreshOptions { only };
    let (sender, receiver) = mpsc::unbounded_channel();
    let runtime = super::runtime()?;
    let (summary, reports) = runtime.block_on(async {
        let printer = tokio::spawn(print_reports(receiver, args.json));
        let summary = refresh(&mut store, client, &options, &sender).await;
        drop(sender);
        let reports = printer.await.unwrap_or_else(|_| Ok(Vec::new()));
        (summary, reports)
    });
    let summary = summary?;
    // Everything is committed: notify even if printing fails (a closed pipe, say).
    let printed = reports.and_then(|reports| print_result(&summary, &reports, args.json));
    let notified = runtime.block_on(notify(&summary.alerts, &context.config.notify));
    for failure in &notified.failures {
        output::warn(&format!("notification failed: {failure}"));
    }
    printed?;
    Ok(status(&summary))
}

/// The alerts (urgent first) and the summary line, or the whole report as JSON.
fn print_result(
    summary: &RefreshSummary,
    reports: &[SourceReport],
    json: bool,
) -> anyhow::Result<()> {
    let mut out = Output::new();
    if json {
        out.json(&RefreshJson {
            summary: SummaryJson::from(summary),
            sources: reports.iter().map(ReportJson::from).collect(),
            alerts: summary.alerts.iter().map(AlertJson::from).collect(),
        })?;
    } else {
        for alert in summary.alerts.iter() {
            out.line(&alert_line(alert))?;
        }
        out.line(&summary_line(summary))?;
    }
    out.finish()?;
    Ok(())
}

/// `URGENT [safety] 123: title (source) <url>`, or `alert` for a watch that is not urgent.
pub(super) fn alert_line(alert: &NewAlert) -> String {
    let mark = if alert.urgent { "URGENT" } else { "alert " };
    let link = alert
        .url
        .as_deref()
        .map(|url| format!(" <{}>", sanitize_line(url)))
        .unwrap_or_default();
    format!(
        "{mark} [{}] {}: {} ({}){link}",
        sanitize_line(&alert.watch),
        alert.item_id,
        sanitize_line(&alert.title),
        sanitize_line(&alert.source)
    )
}

/// The source `--source` names, unless it is the removed sources' placeholder.
fn refreshable(store: &Store, key: &str) -> anyhow::Result<crate::model::SourceId> {
    let source = store.find_source(key)?;
    if source.is_placeholder() {
        anyhow::bail!(
            "\"{}\" is not a feed: it keeps the saved and tagged items of removed sources, and is never fetched",
            sanitize_line(&source.title)
        );
    }
    Ok(source.id)
}

fn status(summary: &RefreshSummary) -> Status {
    match summary.failed {
        0 => Status::Success,
        n if n == summary.sources => Status::Failure,
        _ => Status::Partial,
    }
}

/// Prints reports as they come (text mode) and returns them all (for JSON).
async fn print_reports(
    mut receiver: mpsc::UnboundedReceiver<Progress>,
    json: bool,
) -> anyhow::Result<Vec<SourceReport>> {
    let mut reports = Vec::new();
    while let Some(message) = receiver.recv().await {
        let Progress::SourceFinished(report) = message else {
            continue;
        };
        if !json && let Some(line) = report_line(&report) {
            output::line_now(&line)?;
        }
        reports.push(report);
    }
    Ok(reports)
}

fn report_line(report: &SourceReport) -> Option<String> {
    let name = format!("{} {}", report.source_id, sanitize_line(&report.title));
    match &report.outcome {
        SourceOutcome::Updated { new: 0, updated: 0 } | SourceOutcome::NotModified => None,
        SourceOutcome::Updated { new, updated } => {
            Some(format!("{name}: {new} new, {updated} updated"))
        }
        SourceOutcome::Postponed { until } => {
            Some(format!("{name}: asked to retry after {}", rfc3339(*until)))
        }
        SourceOutcome::Deferred { until } => {
            Some(format!("{name}: skipped until {}", rfc3339(*until)))
        }
        SourceOutcome::Failed { error } => {
            Some(format!("{name}: failed: {}", sanitize_line(error)))
        }
    }
}

fn summary_line(summary: &RefreshSummary) -> String {
    let urgent = match summary.urgent_alerts() {
        0 => String::new(),
        n => format!(" ({n} urgent)"),
    };
    format!(
        "{} sources, {} new items, {} updated, {} unchanged, {} postponed, {} failed, {} alerts{urgent}",
        summary.sources,
        summary.new_items,
        summary.updated_items,
        summary.not_modified,
        summary.postponed,
        summary.failed,
        summary.alerts.len(),
    )
}

#[derive(Serialize)]
struct RefreshJson<'a> {
    summary: SummaryJson,
    sources: Vec<ReportJson<'a>>,
    alerts: Vec<AlertJson<'a>>,
}

/// A new alert as scripts read it.
#[derive(Serialize)]
struct AlertJson<'a> {
    item_id: i64,
    watch: &'a str,
    urgent: bool,
    title: &'a str,
    source: &'a str,
    url: Option<&'a str>,
    published: Option<String>,
}

impl<'a> From<&'a NewAlert> for AlertJson<'a> {
    fn from(alert: &'a NewAlert) -> AlertJson<'a> {
        AlertJson {
            item_id: alert.item_id.0,
            watch: &alert.watch,
            urgent: alert.urgent,
            title: &alert.title,
            source: &alert.source,
            url: alert.url.as_deref(),
            published: alert.published.map(rfc3339),
        }
    }
}

#[derive(Serialize)]
struct SummaryJson {
    sources: usize,
    new_items: usize,
    updated_items: usize,
    not_modified: usize,
    postponed: usize,
    failed: usize,
    alerts: usize,
}

impl From<&RefreshSummary> for SummaryJson {
    fn from(s: &RefreshSummary) -> SummaryJson {
        SummaryJson {
            sources: s.sources,
            new_items: s.new_items,
            updated_items: s.updated_items,
            not_modified: s.not_modified,
            postponed: s.postponed,
            failed: s.failed,
            alerts: s.alerts.len(),
        }
    }
}

#[derive(Serialize)]
struct ReportJson<'a> {
    source_id: i64,
    title: &'a str,
    url: &'a str,
    outcome: &'static str,
    new: usize,
    updated: usize,
    error: Option<&'a str>,
    retry_after: Option<String>,
}

impl<'a> From<&'a SourceReport> for ReportJson<'a> {
    fn from(report: &'a SourceReport) -> ReportJson<'a> {
        let mut json = ReportJson {
            source_id: report.source_id.0,
            title: &report.title,
            url: &report.url,
            outcome: "not_modified",
            new: 0,
            updated: 0,
            error: None,
            retry_after: None,
        };
        match &report.outcome {
            SourceOutcome::Updated { new, updated } => {
                (json.outcome, json.new, json.updated) = ("updated", *new, *updated)
            }
            SourceOutcome::NotModified => {}
            SourceOutcome::Postponed { until } => {
                (json.outcome, json.retry_after) = ("postponed", Some(rfc3339(*until)))
            }
            SourceOutcome::Deferred { until } => {
                (json.outcome, json.retry_after) = ("deferred", Some(rfc3339(*until)))
            }
            SourceOutcome::Failed { error } => {
                (json.outcome, json.error) = ("failed", Some(error.as_str()))
            }
        }
        json
    }
}

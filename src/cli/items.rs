//! `list`, `show`, `mark`, `tag`.

use super::Status;
use super::args::{ListArgs, MarkArgs};
use super::json::ItemJson;
use super::output::{self, Output};
use crate::dates;
use crate::model::{AlertState, Evidence, Item, ItemId, ItemSummary, Mark, Notice, Version};
use crate::query::{QueryError, parse};
use crate::store::{Store, compile};
use crate::text::fit;
use crate::text::{body, sanitize_line, sanitize_preformatted};
use chrono::Utc;

/// A query that does not parse, shown with a caret under the column.
#[derive(Debug, thiserror::Error)]
#[error("bad query at column {}: {}\n  {query}\n  {caret}^", .error.column, .error.message)]
pub struct BadQuery {
    query: String,
    caret: String,
    error: QueryError,
}

impl BadQuery {
    pub fn new(text: &str, error: QueryError) -> BadQuery {
        BadQuery {
            query: sanitize_line(text),
            caret: " ".repeat(error.column.saturating_sub(1)),
            error,
        }
    }
}

pub fn compile_query(text: &str) -> Result<crate::store::Compiled, BadQuery> {
    let expr = parse(text).map_err(|error| BadQuery::new(text, error))?;
    Ok(compile(&expr, Utc::now()))
}

pub fn list(context: &super::Context, args: ListArgs) -> anyhow::Result<Status> {
    let filter = compile_query(args.query.as_deref().unwrap_or(""))?;
    let store = context.store()?;
    let mut out = Output::new();
    if args.json {
        let items = if args.stories {
            store.list_full_stories(&filter, args.limit)?
        } else {
            store.list_full_items(&filter, args.limit)?
        };
        out.json(&with_versions(&store, items, false)?)?;
    } else {
        let rows = if args.stories {
            store.list_stories(&filter, args.limit, 0)?
        } else {
            store.list_items(&filter, args.limit, 0)?
        };
        if rows.is_empty() {
            output::warn(nothing_listed(args.query.as_deref()));
        } else {
            out.line(&list_header())?;
        }
        for row in &rows {
            out.line(&item_line(row, args.stories))?;
        }
    }
    out.finish()?;
    Ok(Status::Success)
}

/// Why `list` printed no row: nothing matched, or nothing was ever fetched.
fn nothing_listed(query: Option<&str>) -> &'static str {
    match query.map(str::trim) {
        Some(query) if !query.is_empty() => "no items match",
        _ => "no items yet: `rounds refresh` fetches your sources",
    }
}

/// `list`'s columns; the source column is measured in display width, so names in CJK or with
/// emoji keep the titles aligned.
const SOURCE_COLUMNS: usize = 24;

fn list_header() -> String {
    format!(
        "{:>6}  {:<16}  NEW SAVED ALERT   {}  TITLE",
        "ID",
        "DATE",
        fit::pad("SOURCE", SOURCE_COLUMNS)
    )
}

/// Items as JSON with their other versions, found in one query for the whole page.
fn with_versions(store: &Store, items: Vec<Item>, bodies: bool) -> anyhow::Result<Vec<ItemJson>> {
    let ids: Vec<ItemId> = items.iter().map(|item| item.id).collect();
    let also_in = store.also_in(&ids)?;
    Ok(items
        .into_iter()
        .map(|item| {
            let others = also_in.get(&item.id).map(Vec::as_slice).unwrap_or_default();
            ItemJson::new(item, others, bodies)
        })
        .collect())
}

/// `[preprint]`, `[RETRACTED]`, `[expression of concern]`.
fn badges(evidence: &Evidence) -> String {
    let mut badges = String::new();
    if evidence.preprint {
        badges.push_str("  [preprint]");
    }
    match evidence.notice {
        Some(Notice::Retraction) => badges.push_str("  [RETRACTED]"),
        Some(Notice::ExpressionOfConcern) => badges.push_str("  [expression of concern]"),
        None => {}
    }
    badges
}

/// `stories`: the row is a story, `+N` counts its other versions.
fn item_line(item: &ItemSummary, stories: bool) -> String {
    let date = item.published.map(dates::local).unwrap_or_default();
    let new = if item.read { "" } else { "new" };
    let saved = if item.saved { "saved" } else { "" };
    let alert = match item.alert {
        AlertState::Urgent => "urgent",
        AlertState::Unacknowledged | AlertState::Acknowledged => "alert",
        AlertState::None => "",
    };
    let tags = if item.tags.is_empty() {
        String::new()
    } else {
        format!("  #{}", sanitize_line(&item.tags.join(" #")))
    };
    let source = fit::pad(&sanitize_line(&item.source_title), SOURCE_COLUMNS);
    let versions = if stories && item.story.versions > 1 {
        format!("  +{}", item.story.versions - 1)
    } else {
        String::new()
    };
    format!(
        "{:>6}  {date:<16}  {new:<3} {saved:<5} {alert:<6}  {source}  {}{}{versions}{tags}",
        item.id.0,
        sanitize_line(&item.title),
        badges(&item.evidence),
    )
}

pub fn show(context: &super::Context, id: i64, json: bool) -> anyhow::Result<Status> {
    let store = context.store()?;
    let item = store.item(ItemId(id))?;
    let mut out = Output::new();
    if json {
        out.json(&with_versions(&store, vec![item], true)?.remove(0))?;
    } else {
        let versions = store.versions(item.id)?;
        for line in show_lines(&item, &versions) {
            out.line(&line)?;
        }
    }
    out.finish()?;
    Ok(Status::Success)
}

fn show_lines(item: &Item, versions: &[Version]) -> Vec<String> {
    let mut lines = vec![sanitize_line(&item.title)];
    for (name, value) in show_fields(item, versions) {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            lines.push(format!("{name:<10}{}", sanitize_line(&value)));
        }
    }
    let body = item
        .content
        .as_deref()
        .or(item.summary.as_deref())
        .map(readable_body)
        .unwrap_or_default();
    if !body.is_empty() {
        lines.push(String::new());
        lines.push(body);
    }
    lines
}

/// The named fields `show` prints, empty ones left out by the caller.
fn show_fields(item: &Item, versions: &[Version]) -> Vec<(&'static str, Option<String>)> {
    let notice = versions
        .iter()
        .filter_map(|version| version.evidence.notice)
        .chain(item.evidence.notice)
        .max();
    let others: Vec<String> = versions
        .iter()
        .filter(|version| version.id != item.id)
        .map(|version| format!("{} (#{})", version.source_title, version.id))
        .collect();
    let state = format!(
        "{}{}",
        if item.read.is_some() {
            "read"
        } else {
            "unread"
        },
        if item.saved.is_some() { ", saved" } else { "" }
    );
    vec![
        ("source", Some(item.source_title.clone())),
        ("date", item.published.map(dates::local)),
        ("author", item.author.clone()),
        ("journal", citation(item)),
        ("type", item.paper.article_type.clone()),
        ("link", item.url.clone()),
        ("doi", item.doi.clone()),
        ("pmid", item.pmid.clone()),
        ("pmcid", item.paper.pmcid.clone()),
        ("trials", Some(item.paper.ncts.join(", "))),
        (
            "warning",
            item.evidence
                .preprint
                .then(|| Evidence::PREPRINT_LABEL.to_lowercase()),
        ),
        (
            "warning",
            notice.map(|notice| notice.label().to_lowercase()),
        ),
        ("tags", Some(item.tags.join(", "))),
        ("alerts", Some(alerts_text(item))),
        ("also in", Some(others.join(", "))),
        ("state", Some(state)),
    ]
}

/// `New England Journal of Medicine 395(21):1939-1940`
fn citation(item: &Item) -> Option<String> {
    let paper = &item.paper;
    let mut text = paper.journal.clone()?;
    if let Some(volume) = &paper.volume {
        text.push_str(&format!(" {volume}"));
    }
    if let Some(issue) = &paper.issue {
        text.push_str(&format!("({issue})"));
    }
    if let Some(pages) = &paper.pages {
        text.push_str(&format!(":{pages}"));
    }
    Some(text)
}

/// The body as wrapped text with its links listed, for reading in a terminal; plain
/// paragraphs, as in the reader, when html2text cannot render it.
fn readable_body(html: &str) -> String {
    sanitize_preformatted(&body::plain(html, 80), 4)
        .trim_end()
        .to_string()
}

pub fn mark(context: &super::Context, args: MarkArgs) -> anyhow::Result<Status> {
    let mark = match (args.read, args.unread, args.save) {
        (true, _, _) => Mark::Read,
        (_, true, _) => Mark::Unread,
        (_, _, true) => Mark::Save,
        _ => Mark::Unsave,
    };
    let mut store = context.store()?;
    let ids: Vec<ItemId> = args.ids.iter().copied().map(ItemId).collect();
    // Reading one version of a story reads them all (unless the config says otherwise).
    let missing = store.mark_stories(&ids, mark, Utc::now())?.missing;
    for id in &missing {
        output::warn(&format!("no item with id {id}"));
    }
    Ok(match missing.len() {
        0 => Status::Success,
        n if n == ids.len() => Status::Failure,
        _ => Status::Partial,
    })
}

pub fn tag(
    context: &super::Context,
    id: i64,
    tags: &[String],
    remove: bool,
) -> anyhow::Result<Status> {
    let mut store = context.store()?;
    let now = store.tag_item(ItemId(id), tags, remove)?;
    let mut out = Output::new();
    out.line(&format!(
        "{id}: {}",
        if now.is_empty() {
            "(no tags)".to_string()
        } else {
            now.join(", ")
        }
    ))?;
    out.finish()?;
    Ok(Status::Success)
}

/// `safety (urgent, not acknowledged), outbreaks`
fn alerts_text(item: &Item) -> String {
    let described: Vec<String> = item
        .alerts
        .iter()
        .map(|alert| {
            let state = match (alert.urgent, alert.acknowledged.is_some()) {
                (true, false) => " (urgent, not acknowledged)",
                (true, true) => " (urgent, acknowledged)",
                (false, false) => "",
                (false, true) => " (acknowledged)",
            };
            format!("{}{state}", sanitize_line(&alert.watch))
        })
        .collect();
    described.join(", ")
}

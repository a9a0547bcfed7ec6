//! `list`, `show`, `mark`, `tag`.

use super::Status;
use super::args::{ListArgs, MarkArgs};
use super::json::ItemJson;
use super::output::{self, Output};
use crate::dates;
use crate::model::{Item, ItemId, ItemSummary, Mark};
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

pub fn compile_query(text: &str) -> Result<crate::store::Compiled, BadQuery> {
    let expr = parse(text).map_err(|error| BadQuery {
        query: sanitize_line(text),
        caret: " ".repeat(error.column.saturating_sub(1)),
        error,
    })?;
    Ok(compile(&expr, Utc::now()))
}

pub fn list(context: &super::Context, args: ListArgs) -> anyhow::Result<Status> {
    let filter = compile_query(args.query.as_deref().unwrap_or(""))?;
    let store = context.store()?;
    let mut out = Output::new();
    if args.json {
        let items = store.list_full_items(&filter, args.limit)?;
        out.json(&with_clusters(&store, items, false)?)?;
    } else {
        let items = store.list_items(&filter, args.limit, 0)?;
        if items.is_empty() {
            output::warn(nothing_listed(args.query.as_deref()));
        } else {
            out.line(&list_header())?;
        }
        for item in &items {
            out.line(&item_line(item))?;
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
        "{:>6}  {:<16}  NEW SAVED  {}  TITLE",
        "ID",
        "DATE",
        fit::pad("SOURCE", SOURCE_COLUMNS)
    )
}

fn with_clusters(store: &Store, items: Vec<Item>, bodies: bool) -> anyhow::Result<Vec<ItemJson>> {
    items
        .into_iter()
        .map(|item| {
            let also_in = store.also_in(item.id)?;
            Ok(ItemJson::new(item, also_in, bodies))
        })
        .collect()
}

fn item_line(item: &ItemSummary) -> String {
    let date = item.published.map(dates::local).unwrap_or_default();
    let new = if item.read { "" } else { "new" };
    let saved = if item.saved { "saved" } else { "" };
    let tags = if item.tags.is_empty() {
        String::new()
    } else {
        format!("  #{}", sanitize_line(&item.tags.join(" #")))
    };
    let source = fit::pad(&sanitize_line(&item.source_title), SOURCE_COLUMNS);
    format!(
        "{:>6}  {date:<16}  {new:<3} {saved:<5}  {source}  {}{tags}",
        item.id.0,
        sanitize_line(&item.title)
    )
}

pub fn show(context: &super::Context, id: i64, json: bool) -> anyhow::Result<Status> {
    let store = context.store()?;
    let item = store.item(ItemId(id))?;
    let mut out = Output::new();
    if json {
        out.json(&with_clusters(&store, vec![item], true)?.remove(0))?;
    } else {
        let also_in = store.also_in(item.id)?;
        for line in show_lines(&item, &also_in) {
            out.line(&line)?;
        }
    }
    out.finish()?;
    Ok(Status::Success)
}

fn show_lines(item: &Item, also_in: &[String]) -> Vec<String> {
    let mut lines = vec![sanitize_line(&item.title)];
    let mut field = |name: &str, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            lines.push(format!("{name:<10}{}", sanitize_line(&value)));
        }
    };
    field("source", Some(item.source_title.clone()));
    field("date", item.published.map(dates::local));
    field("author", item.author.clone());
    field("link", item.url.clone());
    field("doi", item.doi.clone());
    field("pmid", item.pmid.clone());
    field("tags", Some(item.tags.join(", ")));
    field("also in", Some(also_in.join(", ")));
    field(
        "state",
        Some(format!(
            "{}{}",
            if item.read.is_some() {
                "read"
            } else {
                "unread"
            },
            if item.saved.is_some() { ", saved" } else { "" }
        )),
    );
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
    let missing = store.mark(&ids, mark, Utc::now())?;
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

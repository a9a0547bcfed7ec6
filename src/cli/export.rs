//! `rounds export FORMAT [--query Q] [-o FILE]`: subscriptions as OPML, or items (default
//! `is:saved`) for reference managers, journal clubs and scripts.

use super::Status;
use super::args::{ExportArgs, ExportFormat};
use super::items::compile_query;
use super::output::{self, Output};
use super::subscriptions::{opml, write_atomically};
use crate::export::Format;
use crate::sync::export::{ExportRequest, export_items};
use chrono::Utc;
use std::path::Path;

const DEFAULT_QUERY: &str = "is:saved";

/// What an item export wrote, for the confirmation and the hint.
struct Written {
    count: usize,
    format: Format,
    hint: Option<String>,
}

pub fn run(context: &super::Context, args: ExportArgs) -> anyhow::Result<Status> {
    let format = match (args.format, &args.output) {
        (Some(format), _) => format,
        (None, Some(path)) => format_of(path)?,
        (None, None) => anyhow::bail!(
            "name a format (opml, json, ris, bibtex, csljson, markdown) or an output file with -o"
        ),
    };
    let (text, written) = match item_format(format) {
        None if args.query.is_some() => {
            anyhow::bail!(
                "`export opml` writes your sources, all of them; --query chooses items, so it \
                 does not apply here"
            )
        }
        None => (opml(context)?, None),
        Some(format) => {
            let (text, written) = items(context, format, args.query.as_deref())?;
            (text, Some(written))
        }
    };
    let mut out = Output::new();
    match (&args.output, &written) {
        (Some(path), Some(written)) => {
            write_atomically(path, &text)?;
            out.line(&format!(
                "exported {} to {} ({})",
                entries(written.count, written.format),
                path.display(),
                written.format.name()
            ))?;
        }
        (Some(path), None) => write_atomically(path, &text)?,
        (None, _) => out.line(text.trim_end())?,
    }
    out.finish()?;
    if let Some(hint) = written.and_then(|written| written.hint) {
        output::warn(&hint);
    }
    Ok(Status::Success)
}

/// The items the query matches (default `is:saved`), in `format`.
fn items(
    context: &super::Context,
    format: Format,
    query: Option<&str>,
) -> anyhow::Result<(String, Written)> {
    let query = query.unwrap_or(DEFAULT_QUERY);
    let filter = compile_query(query)?;
    let store = context.store()?;
    let request = ExportRequest {
        format,
        filter: &filter,
        stories: false,
        now: Utc::now(),
    };
    let exported = export_items(&store, &request)?;
    let written = Written {
        count: exported.count,
        format,
        hint: (exported.count == 0).then(|| nothing_matched(query)),
    };
    Ok((exported.text, written))
}

fn format_of(path: &Path) -> anyhow::Result<ExportFormat> {
    let is_opml = path
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("opml"));
    if is_opml {
        return Ok(ExportFormat::Opml);
    }
    Ok(match Format::from_path(path)? {
        Format::Ris => ExportFormat::Ris,
        Format::Bibtex => ExportFormat::Bibtex,
        Format::CslJson => ExportFormat::Csljson,
        Format::Markdown => ExportFormat::Markdown,
        Format::Json => ExportFormat::Json,
    })
}

fn item_format(format: ExportFormat) -> Option<Format> {
    Some(match format {
        ExportFormat::Opml => return None,
        ExportFormat::Json => Format::Json,
        ExportFormat::Ris => Format::Ris,
        ExportFormat::Bibtex => Format::Bibtex,
        ExportFormat::Csljson => Format::CslJson,
        ExportFormat::Markdown => Format::Markdown,
    })
}

fn entries(count: usize, format: Format) -> String {
    let noun = if format == Format::Json {
        "item"
    } else {
        "reference"
    };
    match count {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

fn nothing_matched(query: &str) -> String {
    if query == DEFAULT_QUERY {
        "nothing is saved yet: save items with `rounds mark ID --save` (s in the newsfeed), \
         or export others with --query"
            .to_string()
    } else {
        format!("no items match {query:?}")
    }
}

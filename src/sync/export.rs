//! Exporting items: the use case behind `rounds export` and the newsfeed's `e`. Reference
//! formats get one entry per paper (the best matching version of each story, completed from
//! the others); JSON gets the items as `list --json` prints them.

use crate::export::json::{ItemJson, write_json};
use crate::export::reference::build_references;
use crate::export::{Format, write_references};
use crate::model::{Item, PaperRole, StoryId};
use crate::store::{Compiled, Store, StoreError};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What to export.
#[derive(Debug, Clone)]
pub struct ExportRequest<'a> {
    pub format: Format,
    pub filter: &'a Compiled,
    /// The river as stories: one row per story, the filter matching any of its versions.
    pub stories: bool,
    pub now: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Exported {
    pub text: String,
    /// Entries written: papers for reference formats, items for JSON.
    pub count: usize,
}

/// No limit, as SQLite reads it (and not a negative number).
const ALL: usize = i64::MAX as usize;

pub fn export_items(store: &Store, request: &ExportRequest) -> Result<Exported, StoreError> {
    let items = if request.stories {
        store.list_full_stories(request.filter, ALL)?
    } else {
        store.list_full_items(request.filter, ALL)?
    };
    if request.format == Format::Json {
        let ids: Vec<_> = items.iter().map(|item| item.id).collect();
        let also_in = store.also_in(&ids)?;
        let documents: Vec<ItemJson> = items
            .into_iter()
            .map(|item| {
                let others = also_in.get(&item.id).map(Vec::as_slice).unwrap_or_default();
                ItemJson::new(item, others, false)
            })
            .collect();
        return Ok(Exported {
            text: write_json(&documents),
            count: documents.len(),
        });
    }
    let chosen = one_per_story(items);
    let stories: Vec<StoryId> = chosen
        .iter()
        .filter(|item| item.story.versions > 1)
        .map(|item| item.story.id)
        .collect();
    let versions = store.story_items(&stories)?;
    let references = build_references(&chosen, &versions);
    Ok(Exported {
        text: write_references(request.format, &references, request.now),
        count: references.len(),
    })
}

/// The matching versions reduced to one per story, in river order: the story's lead when it
/// matches, else a record of the paper, else the newest.
fn one_per_story(items: Vec<Item>) -> Vec<Item> {
    let mut best: Vec<Item> = Vec::new();
    let mut position: HashMap<StoryId, usize> = HashMap::new();
    let preference = |item: &Item| (item.story.lead, item.paper.role == PaperRole::Own);
    for item in items {
        match position.get(&item.story.id) {
            Some(&index) if preference(&item) > preference(&best[index]) => best[index] = item,
            Some(_) => {}
            None => {
                position.insert(item.story.id, best.len());
                best.push(item);
            }
        }
    }
    best
}

/// A file an export wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    pub path: PathBuf,
    pub format: Format,
    pub count: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Format(#[from] crate::export::UnknownFormat),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("could not write {path}: {error}")]
    Write { path: String, error: std::io::Error },
}

/// Exports to a file named by the user (`~/` is the home folder), in the format its name
/// says, written whole or not at all.
pub fn export_to_file(
    store: &Store,
    filter: &Compiled,
    stories: bool,
    name: &str,
) -> Result<Written, ExportError> {
    let path = expand_home(name.trim());
    let format = Format::from_path(&path)?;
    let request = ExportRequest {
        format,
        filter,
        stories,
        now: Utc::now(),
    };
    let exported = export_items(store, &request)?;
    write_atomically(&path, &exported.text).map_err(|error| ExportError::Write {
        path: path.display().to_string(),
        error,
    })?;
    Ok(Written {
        path,
        format,
        count: exported.count,
    })
}

fn expand_home(name: &str) -> PathBuf {
    match (name.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => Path::new(&home).join(rest),
        _ => PathBuf::from(name),
    }
}

/// Writes through a temporary file in the same folder, so a crash never leaves half a file.
pub fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    let temporary = folder.join(format!(".{name}.rounds-tmp"));
    std::fs::write(&temporary, text)?;
    std::fs::rename(&temporary, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}

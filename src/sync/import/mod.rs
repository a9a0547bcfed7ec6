//! `rounds import`: OPML or newsboat `urls` files, detected by content, imported all or nothing.

mod address;
mod newsboat;
mod opml;

use crate::model::NewSource;
use crate::store::{Store, StoreError};
use chrono::Utc;
use std::collections::HashSet;
use std::path::Path;

/// A problem in the file, at a 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ImportError {
    pub line: usize,
    pub message: String,
}

impl ImportError {
    pub fn new(line: usize, message: String) -> ImportError {
        ImportError { line, message }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImportFailure {
    #[error("cannot read {path}: {error}")]
    Read { path: String, error: std::io::Error },
    #[error("{path}, {error}; nothing was imported")]
    Invalid { path: String, error: ImportError },
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportReport {
    pub added: Vec<NewSource>,
    /// Already subscribed (or listed twice in the file).
    pub already: Vec<String>,
    /// Lines or outlines we cannot follow, with why.
    pub skipped: Vec<String>,
}

/// Reads and validates the whole file, then adds every new source in one transaction.
pub fn import_file(store: &mut Store, path: &Path) -> Result<ImportReport, ImportFailure> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|error| ImportFailure::Read {
        path: shown.clone(),
        error,
    })?;
    let folder = std::path::absolute(path)
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf));
    let (sources, skipped) = parse_subscriptions(&bytes, folder.as_deref())
        .map_err(|error| ImportFailure::Invalid { path: shown, error })?;
    Ok(import_sources(store, sources, skipped)?)
}

/// Adds the sources not followed yet, in one transaction.
pub fn import_sources(
    store: &mut Store,
    sources: Vec<NewSource>,
    skipped: Vec<String>,
) -> Result<ImportReport, StoreError> {
    let mut report = ImportReport {
        skipped,
        ..ImportReport::default()
    };
    let mut seen = HashSet::new();
    for source in sources {
        if !seen.insert(source.url.clone()) || store.has_source_url(&source.url)? {
            report.already.push(source.url);
        } else {
            report.added.push(source);
        }
    }
    store.add_sources(&report.added, Utc::now())?;
    Ok(report)
}

/// OPML when the document starts with markup, a newsboat `urls` file otherwise. Relative
/// addresses are files in `folder`, the imported file's own.
pub fn parse_subscriptions(
    bytes: &[u8],
    folder: Option<&Path>,
) -> Result<(Vec<NewSource>, Vec<String>), ImportError> {
    let text = decode(bytes);
    let text = text.trim_start_matches('\u{feff}');
    if text.trim_start().starts_with('<') {
        Ok((opml::parse(text, folder)?, Vec::new()))
    } else {
        newsboat::parse(text, folder)
    }
}

/// UTF-8, else the encoding the XML declaration names, else windows-1252.
fn decode(bytes: &[u8]) -> String {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).to_lowercase();
    let label = head
        .split("encoding=")
        .nth(1)
        .and_then(|rest| {
            rest.trim_start_matches(['"', '\''])
                .split(['"', '\''])
                .next()
        })
        .unwrap_or("windows-1252");
    let encoding =
        encoding_rs::Encoding::for_label(label.as_bytes()).unwrap_or(encoding_rs::WINDOWS_1252);
    encoding.decode(bytes).0.into_owned()
}

#[cfg(test)]
mod properties;

//! The starter pack: `assets/starter.opml`, real clinician sources by category, bundled in
//! the binary so `rounds import --starter` and the newsfeed's first-run offer need no file.

use super::import::{ImportReport, import_sources, parse_subscriptions};
use crate::model::NewSource;
use crate::store::{Store, StoreError};

const STARTER_OPML: &str = include_str!("../../assets/starter.opml");

/// The pack's sources, in the file's order.
pub fn sources() -> Vec<NewSource> {
    parse_subscriptions(STARTER_OPML.as_bytes(), None)
        .map(|(sources, _)| sources)
        .unwrap_or_default()
}

/// The pack's categories with how many sources each has, in the file's order.
pub fn categories() -> Vec<(String, usize)> {
    let mut categories: Vec<(String, usize)> = Vec::new();
    for source in sources() {
        let name = source.category.unwrap_or_else(|| "Other".to_string());
        match categories.iter_mut().find(|(known, _)| *known == name) {
            Some((_, count)) => *count += 1,
            None => categories.push((name, 1)),
        }
    }
    categories
}

/// Why a category asked for is not in the pack.
#[derive(Debug, thiserror::Error)]
pub enum StarterError {
    #[error("the starter pack has no category {asked:?} (it has {known})")]
    UnknownCategory { asked: String, known: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Imports the whole pack, or only the named categories (matched case-insensitively, on a
/// prefix: `journal` picks "Journals").
pub fn import_starter(store: &mut Store, only: &[String]) -> Result<ImportReport, StarterError> {
    let known = categories();
    let mut wanted: Vec<String> = Vec::new();
    for asked in only {
        let needle = asked.trim().to_lowercase();
        let found = known
            .iter()
            .find(|(name, _)| !needle.is_empty() && name.to_lowercase().starts_with(&needle));
        match found {
            Some((name, _)) => wanted.push(name.clone()),
            None => {
                return Err(StarterError::UnknownCategory {
                    asked: asked.clone(),
                    known: known
                        .iter()
                        .map(|(name, _)| name.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                });
            }
        }
    }
    let chosen = sources()
        .into_iter()
        .filter(|source| {
            wanted.is_empty() || source.category.as_ref().is_some_and(|c| wanted.contains(c))
        })
        .collect();
    Ok(import_sources(store, chosen, Vec::new())?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pack_parses_into_categories() {
        let categories = categories();
        let names: Vec<&str> = categories.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(
            names,
            ["Public health", "Regulators", "Journals", "Preprints"]
        );
        let total: usize = categories.iter().map(|(_, count)| count).sum();
        assert_eq!(total, sources().len());
        assert!(total >= 20, "{total}");
    }

    #[test]
    fn categories_are_picked_by_prefix_and_unknown_ones_refused() {
        let mut store = Store::open_in_memory().unwrap();
        let report = import_starter(&mut store, &["journal".into()]).unwrap();
        let journals = categories()
            .into_iter()
            .find(|(name, _)| name == "Journals")
            .map(|(_, count)| count);
        assert_eq!(Some(report.added.len()), journals);
        let error = import_starter(&mut store, &["cardiology".into()]).unwrap_err();
        assert!(
            error.to_string().contains("Public health, Regulators"),
            "{error}"
        );
        let rest = import_starter(&mut store, &[]).unwrap();
        assert_eq!(rest.added.len() + rest.already.len(), sources().len());
    }
}

//! Items that link several paper pages and have no identifiers of their own: a digest of
//! several papers, or one paper linked twice (its journal page and its PubMed record). The
//! store tells them apart: the item joins a story only when every page it links is a version
//! of that one story. Its links are kept as candidate keys (kind `FIRST_KIND` + the page's
//! number), never joined through, and looked at again when a new version could settle it.

use super::Result;
use super::prepare::{KeyKind, StoryKey};
use super::stories::{Identity, merge_into, recount, stories_to_join};
use crate::model::SourceId;
use rusqlite::{Transaction, params};

/// Kinds from here on are candidate pages, numbered.
pub(super) const FIRST_KIND: i64 = 10;

pub(super) fn write(tx: &Transaction, id: i64, pages: &[Vec<StoryKey>]) -> Result<()> {
    if pages.len() < 2 {
        return Ok(());
    }
    let mut insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO item_key (key, item_id, kind) VALUES (?1, ?2, ?3)",
    )?;
    for (number, keys) in pages.iter().enumerate() {
        for key in keys {
            insert.execute(params![key.text, id, FIRST_KIND + number as i64])?;
        }
    }
    Ok(())
}

/// The one story every page leads to, if there is one.
pub(super) fn one_story(
    tx: &Transaction,
    source: SourceId,
    pages: &[Vec<StoryKey>],
) -> Result<Option<i64>> {
    if pages.len() < 2 {
        return Ok(None);
    }
    let mut found: Option<i64> = None;
    for keys in pages {
        let stories = stories_to_join(tx, None, source, keys, Identity::default())?;
        match (stories.as_slice(), found) {
            ([story], None) => found = Some(*story),
            ([story], Some(known)) if *story == known => {}
            _ => return Ok(None),
        }
    }
    Ok(found)
}

/// After a new version with `keys` was stored: items still alone whose linked pages it
/// matches get another look.
pub(super) fn revisit(tx: &Transaction, keys: &[StoryKey]) -> Result<()> {
    let mut waiting = tx.prepare_cached(
        "SELECT DISTINCT k.item_id, i.source_id FROM item_key k JOIN item i ON i.id = k.item_id \
         WHERE k.key = ?1 AND k.kind >= ?2 AND i.story_size = 1",
    )?;
    let mut items: Vec<(i64, SourceId)> = Vec::new();
    for key in keys {
        let rows = waiting.query_map(params![key.text, FIRST_KIND], |r| {
            Ok((r.get(0)?, SourceId(r.get(1)?)))
        })?;
        for row in rows {
            let row = row?;
            if !items.contains(&row) {
                items.push(row);
            }
        }
    }
    for (id, source) in items {
        let pages = pages_of(tx, id)?;
        if let Some(story) = one_story(tx, source, &pages)? {
            let own: i64 = tx
                .prepare_cached("SELECT story FROM item WHERE id = ?1")?
                .query_row([id], |r| r.get(0))?;
            let winner = story.min(own);
            merge_into(tx, winner, &[story, own])?;
            recount(tx, winner)?;
        }
    }
    Ok(())
}

/// An item's candidate pages, by number.
fn pages_of(tx: &Transaction, id: i64) -> Result<Vec<Vec<StoryKey>>> {
    let mut statement = tx.prepare_cached(
        "SELECT key, kind FROM item_key WHERE item_id = ?1 AND kind >= ?2 ORDER BY kind",
    )?;
    let rows = statement.query_map(params![id, FIRST_KIND], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
    })?;
    let mut pages: Vec<Vec<StoryKey>> = Vec::new();
    let mut last = None;
    for row in rows {
        let (text, kind) = row?;
        if last != Some(kind) {
            pages.push(Vec::new());
            last = Some(kind);
        }
        let kind_of_key = match text.split(':').next() {
            Some("doi") => KeyKind::Doi,
            Some("pmid") => KeyKind::Pmid,
            Some("pmc") => KeyKind::Pmcid,
            _ => KeyKind::LinkedUrl,
        };
        if let Some(page) = pages.last_mut() {
            page.push(StoryKey {
                kind: kind_of_key,
                text,
            });
        }
    }
    Ok(pages)
}

//! User tags on items.

use super::{Result, Store, StoreError};
use crate::model::ItemId;
use rusqlite::{Transaction, params};

/// Tags are compared and stored lower-case, without a leading `#` or surrounding blanks, one
/// word: inner blanks become hyphens (`"heart failure"` is `heart-failure`, which `tag:` and
/// `#` can find). A tag with a control character or nothing left is no tag.
pub fn normalize_tag(tag: &str) -> Option<String> {
    let tag = tag.trim().trim_start_matches('#').trim().to_lowercase();
    let tag = tag.split_whitespace().collect::<Vec<_>>().join("-");
    let valid = !tag.is_empty() && !tag.chars().any(char::is_control);
    valid.then_some(tag)
}

impl Store {
    /// Adds tags to an item (or removes them); returns the item's tags afterwards.
    pub fn tag_item(&mut self, id: ItemId, tags: &[String], remove: bool) -> Result<Vec<String>> {
        let tx = self.write()?;
        ensure_item(&tx, id)?;
        write_tags(&tx, id, tags, remove)?;
        tx.commit()?;
        self.item_tags(id)
    }

    /// Replaces an item's tags with exactly these.
    pub fn set_item_tags(&mut self, id: ItemId, tags: &[String]) -> Result<Vec<String>> {
        let tx = self.write()?;
        ensure_item(&tx, id)?;
        tx.execute("DELETE FROM item_tag WHERE item_id = ?1", [id.0])?;
        write_tags(&tx, id, tags, false)?;
        tx.commit()?;
        self.item_tags(id)
    }

    pub fn item_tags(&self, id: ItemId) -> Result<Vec<String>> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT tag FROM item_tag WHERE item_id = ?1 ORDER BY tag")?;
        let tags = statement.query_map([id.0], |r| r.get(0))?;
        Ok(tags.collect::<rusqlite::Result<Vec<String>>>()?)
    }

    /// Every tag in use, on items or sources, for completion.
    pub fn all_tags(&self) -> Result<Vec<String>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT tag FROM item_tag UNION SELECT tag FROM source_tag ORDER BY 1",
        )?;
        let tags = statement.query_map([], |r| r.get(0))?;
        Ok(tags.collect::<rusqlite::Result<Vec<String>>>()?)
    }
}

fn ensure_item(tx: &Transaction, id: ItemId) -> Result<()> {
    let exists: bool = tx.query_row("SELECT count(*) FROM item WHERE id = ?1", [id.0], |r| {
        r.get(0)
    })?;
    if exists {
        Ok(())
    } else {
        Err(StoreError::UnknownItem(id.0))
    }
}

fn write_tags(tx: &Transaction, id: ItemId, tags: &[String], remove: bool) -> Result<()> {
    let sql = if remove {
        "DELETE FROM item_tag WHERE item_id = ?1 AND tag = ?2"
    } else {
        "INSERT OR IGNORE INTO item_tag (item_id, tag) VALUES (?1, ?2)"
    };
    // All or nothing: a word that is no tag is refused, never dropped.
    let normalized = tags
        .iter()
        .map(|tag| normalize_tag(tag).ok_or_else(|| StoreError::BadTag(tag.clone())))
        .collect::<Result<Vec<String>>>()?;
    let mut statement = tx.prepare_cached(sql)?;
    for tag in normalized {
        statement.execute(params![id.0, tag])?;
    }
    Ok(())
}

//! Stories kept on write: every item belongs to one story (the versions of one paper across
//! feeds), found at ingest through its keys (DOI, PubMed id, PMC id, canonical links) and
//! kept with its size, its newest date and its lead (most authoritative version) on every
//! version, so reading the river never computes a story.
//!
//! Joining is transitive (a post links the PubMed record, which shares the journal's DOI),
//! with two guards: stories whose DOIs (or, joined by link, PubMed ids) differ are different
//! papers and never join; and two items of one source that share only their own link are two
//! items (some feeds give every item the same page).

use super::Result;
use super::prepare::{KeyKind, PreparedItem, StoryKey};
use super::story_candidates as candidates;
use crate::ident::doi_key;
use crate::model::{NewItem, SourceId};
use rusqlite::{Transaction, params};
use std::collections::BTreeSet;

/// The DOIs and PubMed ids a story (or a candidate version) is known by.
#[derive(Debug, Clone, Default)]
pub(super) struct Identity {
    dois: BTreeSet<String>,
    pmids: BTreeSet<String>,
}

impl Identity {
    fn of(doi: Option<&str>, pmid: Option<&str>) -> Identity {
        Identity {
            dois: doi.map(doi_key).into_iter().collect(),
            pmids: pmid.map(str::to_string).into_iter().collect(),
        }
    }

    /// A new version's identity: a preprint is also known by the DOI it was published as.
    fn of_item(item: &NewItem) -> Identity {
        let mut identity = Identity::of(item.doi.as_deref(), item.pmid.as_deref());
        identity
            .dois
            .extend(item.paper.published_as.as_deref().map(doi_key));
        identity
    }

    /// Two different papers: both have DOIs (or PubMed ids) and share none. A DOI match
    /// outranks a PubMed id that disagrees; a link outranks neither.
    fn conflicts(&self, other: &Identity, joined_by: KeyKind) -> bool {
        let differ = |a: &BTreeSet<String>, b: &BTreeSet<String>| {
            !a.is_empty() && !b.is_empty() && a.is_disjoint(b)
        };
        match joined_by {
            KeyKind::Doi => false,
            KeyKind::Pmid => differ(&self.dois, &other.dois),
            _ => differ(&self.dois, &other.dois) || differ(&self.pmids, &other.pmids),
        }
    }

    fn absorb(&mut self, other: Identity) {
        self.dois.extend(other.dois);
        self.pmids.extend(other.pmids);
    }
}

/// Where a new item goes: an existing story (and the others it bridges), or a new one.
pub(super) struct Placement {
    pub story: i64,
    /// Stories the item joins; empty for a story of its own.
    pub joined: Vec<i64>,
    /// Every version already there is read (a new version of a read story arrives read).
    pub story_read: bool,
}

/// Finds the stories a new item of `source` joins, before it is inserted.
pub(super) fn place_new(
    tx: &Transaction,
    source: SourceId,
    prepared: &PreparedItem,
) -> Result<Placement> {
    let own = Identity::of_item(&prepared.item);
    let mut joined = stories_to_join(tx, None, source, &prepared.keys, own)?;
    if joined.is_empty() {
        joined.extend(candidates::one_story(tx, source, &prepared.candidate_keys)?);
    }
    let Some(&story) = joined.iter().min() else {
        return Ok(Placement {
            story: next_story_id(tx)?,
            joined,
            story_read: false,
        });
    };
    Ok(Placement {
        story,
        story_read: all_read(tx, &joined)?,
        joined,
    })
}

/// After a new item was inserted into `placement.story`: the bridged stories become one and
/// the story is recounted.
pub(super) fn settle_new(
    tx: &Transaction,
    placement: &Placement,
    prepared: &PreparedItem,
) -> Result<()> {
    if !placement.joined.is_empty() {
        merge_into(tx, placement.story, &placement.joined)?;
        recount(tx, placement.story)?;
    }
    // A post that linked this paper's pages before any of them was stored may now see that
    // they are one paper.
    candidates::revisit(tx, &prepared.keys)
}

/// Writes an item's keys.
pub(super) fn write_keys(tx: &Transaction, id: i64, prepared: &PreparedItem) -> Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO item_key (key, item_id, kind) VALUES (?1, ?2, ?3)",
    )?;
    for key in &prepared.keys {
        insert.execute(params![key.text, id, key.kind as i64])?;
    }
    candidates::write(tx, id, &prepared.candidate_keys)
}

/// An item the feed changed: same keys, its story is recounted (its date or title may make
/// another version lead); new keys, it leaves its story and joins where they lead.
pub(super) fn rekey(
    tx: &Transaction,
    id: i64,
    source: SourceId,
    prepared: &PreparedItem,
) -> Result<()> {
    let (story, size): (i64, i64) = tx
        .prepare_cached("SELECT coalesce(story, 0), story_size FROM item WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    if stored_keys(tx, id)? == sorted(&prepared.keys) && story != 0 {
        return recount(tx, story);
    }
    tx.prepare_cached("DELETE FROM item_key WHERE item_id = ?1")?
        .execute([id])?;
    write_keys(tx, id, prepared)?;
    let own_story = if size > 1 || story == 0 {
        let fresh = next_story_id(tx)?;
        set_alone(tx, id, fresh)?;
        if story != 0 {
            recount(tx, story)?;
        }
        fresh
    } else {
        story
    };
    let own = Identity::of_item(&prepared.item);
    let joined = stories_to_join(tx, Some((id, own_story)), source, &prepared.keys, own)?;
    if joined.is_empty() {
        return recount(tx, own_story);
    }
    let mut all = joined;
    all.push(own_story);
    let winner = *all.iter().min().unwrap_or(&own_story);
    merge_into(tx, winner, &all)?;
    recount(tx, winner)
}

fn stored_keys(tx: &Transaction, id: i64) -> Result<Vec<StoryKey>> {
    let mut statement = tx.prepare_cached(&format!(
        "SELECT key, kind FROM item_key WHERE item_id = ?1 AND kind < {}",
        candidates::FIRST_KIND
    ))?;
    let keys = statement.query_map([id], |r| {
        Ok(StoryKey {
            text: r.get(0)?,
            kind: KeyKind::from_code(r.get(1)?),
        })
    })?;
    let mut keys = keys.collect::<rusqlite::Result<Vec<_>>>()?;
    keys.sort();
    Ok(keys)
}

fn sorted(keys: &[StoryKey]) -> Vec<StoryKey> {
    let mut keys = keys.to_vec();
    keys.sort();
    keys
}

fn set_alone(tx: &Transaction, id: i64, story: i64) -> Result<()> {
    tx.prepare_cached(
        "UPDATE item SET story = ?2, story_size = 1, lead = 1, story_latest = published \
         WHERE id = ?1",
    )?
    .execute(params![id, story])?;
    Ok(())
}

/// The stories `keys` lead to, most trusted key first, leaving out those that would make one
/// story of two papers. `me` is the item itself when it is stored already (and its story).
pub(super) fn stories_to_join(
    tx: &Transaction,
    me: Option<(i64, i64)>,
    source: SourceId,
    keys: &[StoryKey],
    mut identity: Identity,
) -> Result<Vec<i64>> {
    let (my_id, my_story) = me.unwrap_or((0, 0));
    // Candidate rows (pages an item linked, not its own keys) are never joined through.
    let mut candidates = tx.prepare_cached(&format!(
        "SELECT i.story, k.kind, i.source_id FROM item_key k JOIN item i ON i.id = k.item_id \
         WHERE k.key = ?1 AND k.item_id != ?2 AND i.story IS NOT NULL AND k.kind < {}",
        candidates::FIRST_KIND
    ))?;
    let mut joined: Vec<i64> = Vec::new();
    let mut refused: Vec<i64> = Vec::new();
    for key in sorted(keys) {
        let rows = candidates.query_map(params![key.text, my_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                KeyKind::from_code(r.get(1)?),
                r.get(2)?,
            ))
        })?;
        for row in rows {
            let (story, their_kind, their_source): (i64, KeyKind, i64) = row?;
            if story == my_story || joined.contains(&story) || refused.contains(&story) {
                continue;
            }
            let same_page_same_feed = key.kind == KeyKind::OwnUrl
                && their_kind == KeyKind::OwnUrl
                && their_source == source.0;
            if same_page_same_feed {
                continue;
            }
            let theirs = story_identity(tx, story)?;
            if identity.conflicts(&theirs, key.kind) {
                refused.push(story);
            } else {
                identity.absorb(theirs);
                joined.push(story);
            }
        }
    }
    Ok(joined)
}

fn story_identity(tx: &Transaction, story: i64) -> Result<Identity> {
    let mut statement = tx.prepare_cached(
        "SELECT doi, pmid FROM item WHERE story = ?1 AND (doi IS NOT NULL OR pmid IS NOT NULL)",
    )?;
    let rows = statement.query_map([story], |r| {
        Ok((
            r.get::<_, Option<String>>(0)?,
            r.get::<_, Option<String>>(1)?,
        ))
    })?;
    let mut identity = Identity::default();
    for row in rows {
        let (doi, pmid) = row?;
        identity.absorb(Identity::of(doi.as_deref(), pmid.as_deref()));
    }
    Ok(identity)
}

fn all_read(tx: &Transaction, stories: &[i64]) -> Result<bool> {
    let mut statement =
        tx.prepare_cached("SELECT count(*) FROM item WHERE story = ?1 AND read_at IS NULL")?;
    for story in stories {
        let unread: i64 = statement.query_row([story], |r| r.get(0))?;
        if unread > 0 {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Story ids are labels: the next one is past every label in use.
fn next_story_id(tx: &Transaction) -> Result<i64> {
    Ok(tx
        .prepare_cached("SELECT coalesce(max(story), 0) + 1 FROM item")?
        .query_row([], |r| r.get(0))?)
}

pub(super) fn merge_into(tx: &Transaction, winner: i64, stories: &[i64]) -> Result<()> {
    let mut relabel = tx.prepare_cached("UPDATE item SET story = ?1 WHERE story = ?2")?;
    for story in stories.iter().filter(|story| **story != winner) {
        relabel.execute(params![winner, story])?;
    }
    Ok(())
}

/// Size, newest date and lead of a story, written on each of its versions.
pub(super) fn recount(tx: &Transaction, story: i64) -> Result<()> {
    tx.prepare_cached(
        "UPDATE item SET \
           story_size = (SELECT count(*) FROM item WHERE story = ?1), \
           story_latest = (SELECT max(published) FROM item WHERE story = ?1), \
           lead = (id = (SELECT id FROM item_rank WHERE story = ?1 \
                         ORDER BY rank, published DESC, id DESC LIMIT 1)) \
         WHERE story = ?1",
    )?
    .execute([story])?;
    Ok(())
}

#[cfg(test)]
#[path = "stories_tests.rs"]
mod tests;

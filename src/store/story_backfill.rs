//! Databases from before stories: their items are clustered once, on opening, from the
//! identifiers they were stored with.

use super::prepare::PreparedItem;
use super::stories::rekey;
use super::{Result, Store};
use crate::model::{NewItem, Notice, PaperRole, SourceId};
use rusqlite::{Transaction, params};

impl Store {
    /// Clusters the items stored before stories existed (a database from an older build):
    /// once, in one transaction, from the identifiers they were stored with.
    pub(super) fn cluster_unclustered(&mut self) -> Result<usize> {
        let pending: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM item WHERE story IS NULL)",
            [],
            |r| r.get(0),
        )?;
        if !pending {
            return Ok(0);
        }
        let tx = self.write()?;
        let rows: Vec<(i64, SourceId, NewItem)> = {
            let mut statement = tx.prepare(
                "SELECT id, source_id, url, title, doi, pmid, pmcid FROM item \
                 WHERE story IS NULL ORDER BY id",
            )?;
            let rows = statement.query_map([], |r| {
                let item = NewItem {
                    url: r.get(2)?,
                    title: r.get(3)?,
                    doi: r.get(4)?,
                    pmid: r.get(5)?,
                    ..NewItem::default()
                };
                Ok((
                    r.get(0)?,
                    SourceId(r.get(1)?),
                    item,
                    r.get::<_, Option<String>>(6)?,
                ))
            })?;
            rows.map(|row| {
                row.map(|(id, source, mut item, pmcid)| {
                    item.paper.pmcid = pmcid;
                    if item.doi.is_some() || item.pmid.is_some() {
                        item.paper.role = PaperRole::Own;
                    }
                    (id, source, item)
                })
            })
            .collect::<rusqlite::Result<Vec<_>>>()?
        };
        for (id, source, item) in &rows {
            cluster_one(&tx, *id, *source, item)?;
        }
        tx.commit()?;
        Ok(rows.len())
    }
}

fn cluster_one(tx: &Transaction, id: i64, source: SourceId, item: &NewItem) -> Result<()> {
    let prepared = PreparedItem::new(item.clone());
    tx.prepare_cached(
        "UPDATE item SET paper_role = ?2, authority = ?3, preprint = ?4, notice = ?5 WHERE id = ?1",
    )?
    .execute(params![
        id,
        item.paper.role.code(),
        prepared.authority,
        prepared.evidence.preprint,
        Notice::code(prepared.evidence.notice),
    ])?;
    rekey(tx, id, source, &prepared)
}

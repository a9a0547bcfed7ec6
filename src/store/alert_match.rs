//! The watches tested together on the items a transaction has just stored. Each watch's query
//! is a plan (`plan`): full-text leaves, SQL leaves and the AND, OR, NOT over them. Every
//! distinct full-text leaf of every watch is probed once, from the first new item up; the SQL
//! leaves are read in one statement over the new items, and those that depend only on the
//! source (`source:`, `category:`) in one over an item of each source; then each watch's
//! structure is evaluated here, with SQL's three-valued logic, so a watch finds exactly the
//! items the same query finds in the river. Per transaction, the cost is one index probe per
//! distinct full-text expression and two statements, not one statement per watch.

use super::Result;
use super::plan::{Node, Reads};
use super::search::Compiled;
use crate::model::ItemId;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};
use std::collections::HashMap;

/// A plan with its leaves replaced by their places in the `Matcher`'s tables.
enum Eval {
    True,
    Text(usize),
    Sql(usize),
    Not(Box<Eval>),
    And(Vec<Eval>),
    Or(Vec<Eval>),
}

/// The new items, and the values the watches' leaves take on them.
pub(super) struct Matcher<'c> {
    tx: &'c Connection,
    /// The new items that may alert, ascending.
    ids: Vec<i64>,
    /// The source of each of them.
    sources: Vec<i64>,
    /// Each full-text expression, and whether the index finds each item for it.
    texts: Vec<(String, Vec<bool>)>,
    /// Each SQL leaf, and its value on each item (`None`: NULL).
    sqls: Vec<(Compiled, Vec<Option<bool>>)>,
}

impl<'c> Matcher<'c> {
    /// Probes every full-text leaf of the plans and reads every SQL leaf that does not ask
    /// about alerts (those change as the alerts are recorded: `matching` reads them). `items`
    /// are the new items with their sources.
    pub fn new(tx: &'c Connection, mut items: Vec<(i64, i64)>, plans: &[&Node]) -> Result<Self> {
        items.sort_unstable();
        let (ids, sources) = items.into_iter().unzip();
        let mut matcher = Matcher {
            tx,
            ids,
            sources,
            texts: Vec::new(),
            sqls: Vec::new(),
        };
        let (mut texts, mut sqls) = (Vec::new(), Vec::new());
        for plan in plans {
            leaves(plan, &mut texts, &mut sqls);
        }
        for text in texts {
            let found = matcher.probe(&text)?;
            matcher.texts.push((text, found));
        }
        let (by_item, by_source): (Vec<_>, Vec<_>) = sqls
            .into_iter()
            .filter(|(_, reads)| *reads != Reads::Alerts)
            .partition(|(_, reads)| *reads == Reads::Item);
        let by_item: Vec<Compiled> = by_item.into_iter().map(|(leaf, _)| leaf).collect();
        let by_source: Vec<Compiled> = by_source.into_iter().map(|(leaf, _)| leaf).collect();
        let values = matcher.read(&by_item)?;
        matcher.sqls.extend(by_item.into_iter().zip(values));
        let values = matcher.read_by_source(&by_source)?;
        matcher.sqls.extend(by_source.into_iter().zip(values));
        Ok(matcher)
    }

    /// The new items the plan finds, ascending. Its leaves that ask about alerts are read
    /// now, so they see every alert recorded so far.
    pub fn matching(&mut self, plan: &Node) -> Result<Vec<ItemId>> {
        let (mut texts, mut sqls) = (Vec::new(), Vec::new());
        leaves(plan, &mut texts, &mut sqls);
        let asking: Vec<Compiled> = sqls
            .into_iter()
            .filter(|(_, reads)| *reads == Reads::Alerts)
            .map(|(leaf, _)| leaf)
            .collect();
        let values = self.read(&asking)?;
        let settled = self.sqls.len();
        self.sqls.extend(asking.into_iter().zip(values));
        let eval = self.resolve(plan, settled);
        let found = (0..self.ids.len())
            .filter(|&at| self.truth(&eval, at) == Some(true))
            .map(|at| ItemId(self.ids[at]))
            .collect();
        self.sqls.truncate(settled);
        Ok(found)
    }

    /// Which new items the full-text index finds for the expression: its postings are walked
    /// from the first new item on, not from the start.
    fn probe(&self, expression: &str) -> Result<Vec<bool>> {
        let mut found = vec![false; self.ids.len()];
        let mut statement = self
            .tx
            .prepare_cached("SELECT rowid FROM item_fts WHERE item_fts MATCH ?1 AND rowid >= ?2 ORDER BY rowid DESC")?;
        let mut rows = statement.query(params![expression, self.lowest()])?;
        while let Some(row) = rows.next()? {
            if let Ok(at) = self.ids.binary_search(&row.get(0)?) {
                found[at] = true;
            }
        }
        Ok(found)
    }

    /// The leaves' values on each new item, in one statement over the new rows.
    fn read(&self, leaves: &[Compiled]) -> Result<Vec<Vec<Option<bool>>>> {
        self.read_rows(leaves, &self.ids, "i.id >= ?", self.lowest().into())
    }

    /// The values of leaves that depend only on the source, read on one new item of each
    /// source and given to all its new items. The removed sources' placeholder is the
    /// exception: its kept items answer to their former sources' names, so each is read.
    fn read_by_source(&self, leaves: &[Compiled]) -> Result<Vec<Vec<Option<bool>>>> {
        if leaves.is_empty() || self.ids.is_empty() {
            return Ok(vec![vec![None; self.ids.len()]; leaves.len()]);
        }
        let placeholder: Option<i64> = self
            .tx
            .prepare_cached("SELECT id FROM source WHERE url = ?1")?
            .query_row([super::REMOVED_SOURCES_URL], |r| r.get(0))
            .optional()?;
        // The item read for each item: the first of its source, or itself.
        let mut first_of: HashMap<i64, i64> = HashMap::new();
        let stands_for: Vec<i64> = self
            .ids
            .iter()
            .zip(&self.sources)
            .map(|(&id, &source)| match Some(source) == placeholder {
                true => id,
                false => *first_of.entry(source).or_insert(id),
            })
            .collect();
        let mut read: Vec<i64> = stands_for.clone();
        read.sort_unstable();
        read.dedup();
        let list = format!(
            "[{}]",
            read.iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(",")
        );
        let restrict = "i.id IN (SELECT value FROM json_each(?))";
        let values = self.read_rows(leaves, &read, restrict, Value::Text(list))?;
        let at: Vec<usize> = stands_for
            .iter()
            .map(|id| {
                read.binary_search(id)
                    .expect("every item read stands for itself")
            })
            .collect();
        Ok(values
            .into_iter()
            .map(|leaf| at.iter().map(|&place| leaf[place]).collect())
            .collect())
    }

    /// The leaves' values on the items `ids` (ascending), in one statement over the rows that
    /// `restrict` (with its one bound value) finds.
    fn read_rows(
        &self,
        leaves: &[Compiled],
        ids: &[i64],
        restrict: &str,
        bound: Value,
    ) -> Result<Vec<Vec<Option<bool>>>> {
        let mut values = vec![vec![None; ids.len()]; leaves.len()];
        if leaves.is_empty() || ids.is_empty() {
            return Ok(values);
        }
        let columns: Vec<String> = leaves.iter().map(|l| format!("({})", l.sql)).collect();
        let sql = format!(
            "SELECT i.id, {} FROM item i WHERE {restrict}",
            columns.join(", ")
        );
        let bound = leaves
            .iter()
            .flat_map(|leaf| leaf.params.iter().cloned())
            .chain([bound]);
        let mut statement = self.tx.prepare_cached(&sql)?;
        let mut rows = statement.query(params_from_iter(bound))?;
        while let Some(row) = rows.next()? {
            let Ok(at) = ids.binary_search(&row.get(0)?) else {
                continue;
            };
            for (leaf, column) in values.iter_mut().zip(1..) {
                // SQL's truth: a number is true when not zero; NULL is neither.
                leaf[at] = row.get::<_, Option<f64>>(column)?.map(|v| v != 0.0);
            }
        }
        Ok(values)
    }

    fn lowest(&self) -> i64 {
        self.ids.first().copied().unwrap_or(i64::MAX)
    }

    /// The plan over the tables' places; SQL leaves that ask about alerts are looked up from
    /// `asking` on, where `matching` put this plan's own.
    fn resolve(&self, node: &Node, asking: usize) -> Eval {
        match node {
            Node::True => Eval::True,
            Node::Text(text) => Eval::Text(
                self.texts
                    .iter()
                    .position(|(known, _)| known == text)
                    .expect("every full-text leaf was probed"),
            ),
            Node::Sql(leaf, reads) => {
                let from = if *reads == Reads::Alerts { asking } else { 0 };
                let place = self.sqls[from..]
                    .iter()
                    .position(|(known, _)| known == leaf)
                    .expect("every SQL leaf was read");
                Eval::Sql(from + place)
            }
            Node::Not(inner) => Eval::Not(Box::new(self.resolve(inner, asking))),
            Node::And(children) => {
                Eval::And(children.iter().map(|c| self.resolve(c, asking)).collect())
            }
            Node::Or(children) => {
                Eval::Or(children.iter().map(|c| self.resolve(c, asking)).collect())
            }
        }
    }

    /// The plan's value on the item at `at`, as SQL would give it: `None` is NULL.
    fn truth(&self, eval: &Eval, at: usize) -> Option<bool> {
        match eval {
            Eval::True => Some(true),
            Eval::Text(place) => Some(self.texts[*place].1[at]),
            Eval::Sql(place) => self.sqls[*place].1[at],
            Eval::Not(inner) => self.truth(inner, at).map(|value| !value),
            // An empty conjunction or disjunction is rendered as `1`.
            Eval::And(children) | Eval::Or(children) if children.is_empty() => Some(true),
            Eval::And(children) => {
                let mut value = Some(true);
                for child in children {
                    match self.truth(child, at) {
                        Some(false) => return Some(false),
                        None => value = None,
                        Some(true) => {}
                    }
                }
                value
            }
            Eval::Or(children) => {
                let mut value = Some(false);
                for child in children {
                    match self.truth(child, at) {
                        Some(true) => return Some(true),
                        None => value = None,
                        Some(false) => {}
                    }
                }
                value
            }
        }
    }
}

/// Collects the plan's distinct full-text leaves and its distinct SQL leaves.
fn leaves(node: &Node, texts: &mut Vec<String>, sqls: &mut Vec<(Compiled, Reads)>) {
    match node {
        Node::True => {}
        Node::Text(text) => {
            if !texts.contains(text) {
                texts.push(text.clone());
            }
        }
        Node::Sql(leaf, reads) => {
            if !sqls.iter().any(|(known, _)| known == leaf) {
                sqls.push((leaf.clone(), *reads));
            }
        }
        Node::Not(inner) => leaves(inner, texts, sqls),
        Node::And(children) | Node::Or(children) => {
            for child in children {
                leaves(child, texts, sqls);
            }
        }
    }
}

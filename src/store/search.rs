//! The query language compiled to one parameterized SQL condition over `item i` and its
//! full-text index (the query's plan, rendered), and the river queries that use it.

use super::convert::{ITEM_COLUMNS, SUMMARY_COLUMNS, item_from_row, summary_from_row, to_unix};
use super::plan::{Node, plan};
use super::{Result, Store};
use crate::model::{Item, ItemId, ItemSummary, SourceId};
use crate::query::Expr;
use chrono::{DateTime, Utc};
use rusqlite::params_from_iter;
use rusqlite::types::Value;

/// A boolean SQL condition over the alias `i` (item), with its bound values in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Compiled {
    pub sql: String,
    pub params: Vec<Value>,
    /// The full-text expression every match satisfies, when the query has one at its top, with
    /// the rest of the condition: a probe that needs only the first few matches walks the
    /// index through it instead of gathering every match first (`Store::matches_few`).
    pub(super) driver: Option<Box<Driver>>,
}

/// A full-text expression and the condition beside it, which together are the whole filter.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Driver {
    pub(super) text: String,
    pub(super) rest: Compiled,
}

impl Compiled {
    pub(super) fn new(sql: String, params: Vec<Value>) -> Compiled {
        Compiled {
            sql,
            params,
            driver: None,
        }
    }

    /// The condition and another one, with its bound values; the driver stays one.
    pub(super) fn and(mut self, condition: &str, params: &[Value]) -> Compiled {
        self.sql = format!("({}) AND {condition}", self.sql);
        self.params.extend_from_slice(params);
        self.driver = self.driver.map(|driver| {
            let Driver { text, rest } = *driver;
            let rest = rest.and(condition, params);
            Box::new(Driver { text, rest })
        });
        self
    }

    /// Narrows the condition to one source.
    pub fn only_source(self, id: crate::model::SourceId) -> Compiled {
        self.and("i.source_id = ?", &[Value::Integer(id.0)])
    }

    /// Narrows the condition to the sources of one category (`None`: sources without one).
    pub fn only_category(self, category: Option<&str>) -> Compiled {
        match category {
            Some(name) => self.and(
                "i.source_id IN (SELECT id FROM source WHERE category = ?)",
                &[Value::Text(name.to_string())],
            ),
            None => self.and(
                "i.source_id IN (SELECT id FROM source WHERE category IS NULL)",
                &[],
            ),
        }
    }
}

/// Compiles a query; relative times (`since:7d`) are taken from `now`.
pub fn compile(expr: &Expr, now: DateTime<Utc>) -> Compiled {
    let plan = plan(expr, to_unix(now));
    let mut params = Vec::new();
    let sql = render(&plan, &mut params);
    Compiled {
        sql,
        params,
        driver: driver(&plan),
    }
}

/// The full-text leaf at the top of a plan (alone, or first of a conjunction, where the plan
/// puts it) and the rest of the plan as a condition.
fn driver(plan: &Node) -> Option<Box<Driver>> {
    let (text, others) = match plan {
        Node::Text(text) => (text, &[][..]),
        Node::And(children) => match children.split_first() {
            Some((Node::Text(text), others)) => (text, others),
            _ => return None,
        },
        _ => return None,
    };
    let mut params = Vec::new();
    let sql = join(others, " AND ", &mut params);
    let rest = Compiled::new(sql, params);
    Some(Box::new(Driver {
        text: text.clone(),
        rest,
    }))
}

/// The plan as one SQL condition, its bound values appended to `params` in order.
fn render(node: &Node, params: &mut Vec<Value>) -> String {
    match node {
        Node::True => "1".into(),
        Node::Text(expression) => {
            params.push(Value::Text(expression.clone()));
            // The unary `+` keeps SQLite from answering this through the primary key, one seek
            // per match: it walks the river's index instead and probes the matches (a bloom
            // filter), so a common word costs one index scan and a page of the river stops
            // after its LIMIT.
            "+i.id IN (SELECT rowid FROM item_fts WHERE item_fts MATCH ?)".into()
        }
        Node::Sql(condition, _) => {
            params.extend(condition.params.iter().cloned());
            condition.sql.clone()
        }
        Node::Not(inner) => format!("NOT ({})", render(inner, params)),
        Node::And(children) => join(children, " AND ", params),
        Node::Or(children) => join(children, " OR ", params),
    }
}

fn join(children: &[Node], operator: &str, params: &mut Vec<Value>) -> String {
    if children.is_empty() {
        return "1".into();
    }
    children
        .iter()
        .map(|child| format!("({})", render(child, params)))
        .collect::<Vec<_>>()
        .join(operator)
}

/// A count for LIMIT or OFFSET: `as i64` would wrap a huge one to a negative number, which
/// SQLite reads as no limit at all.
fn sql_count(count: usize) -> i64 {
    i64::try_from(count).unwrap_or(i64::MAX)
}

impl Store {
    /// One page of the river: matching items, newest first.
    pub fn list_items(
        &self,
        filter: &Compiled,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<ItemSummary>> {
        // The page is found on the river's index alone (skipping `offset` index entries is
        // cheap, skipping rows is not), then only its rows are read.
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM item i JOIN source s ON s.id = i.source_id \
             WHERE i.id IN (SELECT i.id FROM item i WHERE {} \
                ORDER BY i.published DESC, i.id DESC LIMIT {} OFFSET {}) \
             ORDER BY i.published DESC, i.id DESC",
            filter.sql,
            sql_count(limit),
            sql_count(offset)
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(params_from_iter(&filter.params), summary_from_row)?;
        let mut rows = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        self.apply_totals(&mut rows, false)?;
        Ok(rows)
    }

    /// Like `list_items`, with bodies: for JSON output and exports.
    pub fn list_full_items(&self, filter: &Compiled, limit: usize) -> Result<Vec<Item>> {
        let sql = format!(
            "SELECT {ITEM_COLUMNS} FROM item i JOIN source s ON s.id = i.source_id \
             WHERE {} ORDER BY i.published DESC, i.id DESC LIMIT {}",
            filter.sql,
            sql_count(limit)
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(params_from_iter(&filter.params), item_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn count_items(&self, filter: &Compiled) -> Result<usize> {
        let sql = format!("SELECT count(*) FROM item i WHERE {}", filter.sql);
        let count: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(&filter.params), |r| r.get(0))?;
        Ok(count as usize)
    }

    /// Marks read every unread item the filter matches (with `read_whole_story`, every
    /// version of their stories); returns them with their sources, so the UI can undo and
    /// update the sources' counts.
    pub fn mark_matching_read(
        &mut self,
        filter: &Compiled,
        now: DateTime<Utc>,
    ) -> Result<Vec<(ItemId, SourceId)>> {
        let matching = if self.read_whole_story {
            format!(
                "i.story IN (SELECT i.story FROM item i WHERE {})",
                filter.sql
            )
        } else {
            filter.sql.clone()
        };
        let tx = self.write()?;
        let sql = format!(
            "UPDATE item AS i SET read_at = {} WHERE i.read_at IS NULL AND ({matching}) RETURNING id, source_id",
            to_unix(now),
        );
        let ids = {
            let mut statement = tx.prepare(&sql)?;
            let rows = statement.query_map(params_from_iter(&filter.params), |r| {
                Ok((ItemId(r.get(0)?), SourceId(r.get(1)?)))
            })?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        };
        tx.commit()?;
        Ok(ids)
    }
}

//! The query language compiled to one parameterized SQL condition over `item i` and its
//! full-text index, and the river queries that use it.

use super::convert::{ITEM_COLUMNS, SUMMARY_COLUMNS, item_from_row, summary_from_row, to_unix};
use super::{Result, Store};
use crate::model::{Item, ItemId, ItemSummary, SourceId};
use crate::query::{Attribute, Expr, Field, Flag, Term};
use chrono::{DateTime, Utc};
use rusqlite::params_from_iter;
use rusqlite::types::Value;

/// A boolean SQL condition over the alias `i` (item), with its bound values in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Compiled {
    pub sql: String,
    pub params: Vec<Value>,
}

impl Compiled {
    /// Narrows the condition to one source.
    pub fn only_source(mut self, id: crate::model::SourceId) -> Compiled {
        self.sql = format!("({}) AND i.source_id = ?", self.sql);
        self.params.push(Value::Integer(id.0));
        self
    }

    /// Narrows the condition to the sources of one category (`None`: sources without one).
    pub fn only_category(mut self, category: Option<&str>) -> Compiled {
        match category {
            Some(name) => {
                self.sql = format!(
                    "({}) AND i.source_id IN (SELECT id FROM source WHERE category = ?)",
                    self.sql
                );
                self.params.push(Value::Text(name.to_string()));
            }
            None => {
                self.sql = format!(
                    "({}) AND i.source_id IN (SELECT id FROM source WHERE category IS NULL)",
                    self.sql
                );
            }
        }
        self
    }
}

/// Compiles a query; relative times (`since:7d`) are taken from `now`.
pub fn compile(expr: &Expr, now: DateTime<Utc>) -> Compiled {
    compile_with(expr, now, None)
}

/// Like `compile`, for items whose id is above `floor` only (the items a refresh has just
/// stored): the full-text index is probed from there on, so testing a batch of new items costs
/// what the batch holds, not what the whole index holds.
pub fn compile_above(expr: &Expr, now: DateTime<Utc>, floor: i64) -> Compiled {
    compile_with(expr, now, Some(floor))
}

fn compile_with(expr: &Expr, now: DateTime<Utc>, fts_floor: Option<i64>) -> Compiled {
    let mut params = Bindings {
        values: Vec::new(),
        fts_floor,
    };
    let sql = condition(expr, to_unix(now), &mut params);
    Compiled {
        sql,
        params: params.values,
    }
}

/// The values bound to a condition's `?`s, in order, and how far up its full-text probes start.
struct Bindings {
    values: Vec<Value>,
    fts_floor: Option<i64>,
}

impl Bindings {
    fn push(&mut self, value: Value) {
        self.values.push(value);
    }
}

fn condition(expr: &Expr, now: i64, params: &mut Bindings) -> String {
    match expr {
        Expr::All => "1".to_string(),
        Expr::Term(term) => term_condition(term, now, params),
        Expr::Not(inner) => format!("NOT ({})", condition(inner, now, params)),
        Expr::Or(children) => join(children, " OR ", now, params),
        Expr::And(children) => and_condition(children, now, params),
    }
}

fn join(children: &[Expr], operator: &str, now: i64, params: &mut Bindings) -> String {
    let parts: Vec<String> = children
        .iter()
        .map(|child| format!("({})", condition(child, now, params)))
        .collect();
    if parts.is_empty() {
        "1".into()
    } else {
        parts.join(operator)
    }
}

/// The positive full-text terms of a conjunction share one MATCH, so the index is probed once.
fn and_condition(children: &[Expr], now: i64, params: &mut Bindings) -> String {
    let (text, others): (Vec<&Expr>, Vec<&Expr>) = children
        .iter()
        .partition(|child| matches!(child, Expr::Term(term) if fts_expression(term).is_some()));
    let mut parts = Vec::new();
    if !text.is_empty() {
        let expressions: Vec<String> = text
            .iter()
            .filter_map(|child| match child {
                Expr::Term(term) => fts_expression(term),
                _ => None,
            })
            .collect();
        parts.push(fts_condition(expressions.join(" AND "), params));
    }
    for child in others {
        parts.push(format!("({})", condition(child, now, params)));
    }
    if parts.is_empty() {
        "1".into()
    } else {
        parts.join(" AND ")
    }
}

fn fts_condition(expression: String, params: &mut Bindings) -> String {
    params.push(Value::Text(expression));
    // The unary `+` keeps SQLite from answering this through the primary key, one seek per
    // match: it walks the river's index instead and probes the matches (a bloom filter), so
    // a common word costs one index scan and a page of the river stops after its LIMIT.
    match params.fts_floor {
        None => "+i.id IN (SELECT rowid FROM item_fts WHERE item_fts MATCH ?)".to_string(),
        Some(floor) => {
            params.push(Value::Integer(floor));
            "+i.id IN (SELECT rowid FROM item_fts WHERE item_fts MATCH ? AND rowid > ?)".to_string()
        }
    }
}

/// The FTS5 expression for a term that the index answers, if it does.
fn fts_expression(term: &Term) -> Option<String> {
    match term {
        Term::Word(word) => fts_word(word),
        Term::Phrase(phrase) => has_token(phrase).then(|| quote(phrase)),
        Term::Field(Field::Title, value) => fts_word(value).map(|e| format!("title : {e}")),
        Term::Field(Field::Author, value) => fts_word(value).map(|e| format!("authors : {e}")),
        _ => None,
    }
}

/// A word as an FTS5 string (so `glp-1` or `AND` are never operators); `sept*` is a prefix.
fn fts_word(word: &str) -> Option<String> {
    let stem = word.trim_end_matches('*');
    if !has_token(stem) {
        return None;
    }
    Some(if stem.len() < word.len() {
        format!("{} *", quote(stem))
    } else {
        quote(stem)
    })
}

fn has_token(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

fn term_condition(term: &Term, now: i64, params: &mut Bindings) -> String {
    if let Some(expression) = fts_expression(term) {
        return fts_condition(expression, params);
    }
    let mut bind = |value: Value| params.push(value);
    match term {
        // Words of punctuation only have no token in the index: look for them in titles, or
        // in the author for `author:`.
        Term::Word(text) | Term::Phrase(text) | Term::Field(Field::Title, text) => {
            bind(Value::Text(like_pattern(text)));
            "i.title LIKE ? ESCAPE '\\'".into()
        }
        Term::Field(Field::Author, text) => {
            bind(Value::Text(like_pattern(text)));
            "i.author LIKE ? ESCAPE '\\'".into()
        }
        // Kept items of a removed source still answer to its name.
        Term::Field(Field::Source, value) => {
            let pattern = like_pattern(value);
            bind(Value::Text(pattern.clone()));
            bind(Value::Text(pattern.clone()));
            bind(Value::Text(pattern));
            "(i.source_id IN (SELECT id FROM source WHERE coalesce(title, feed_title, '') LIKE ? ESCAPE '\\' OR url LIKE ? ESCAPE '\\') \
             OR i.former_source LIKE ? ESCAPE '\\')".into()
        }
        Term::Field(Field::Category, value) => {
            let start = category_pattern(value);
            bind(Value::Text(format!("{start}%")));
            bind(Value::Text(format!("% {start}%")));
            "i.source_id IN (SELECT id FROM source WHERE category LIKE ? ESCAPE '\\' OR category LIKE ? ESCAPE '\\')".into()
        }
        Term::Field(Field::Tag, value) => {
            let tag = super::tags::normalize_tag(value).unwrap_or_default();
            bind(Value::Text(tag.clone()));
            bind(Value::Text(tag));
            "(i.id IN (SELECT item_id FROM item_tag WHERE tag = ?) OR i.source_id IN (SELECT source_id FROM source_tag WHERE tag = ?))".into()
        }
        Term::Field(Field::Doi, value) => {
            let doi = crate::ident::normalize_doi(value).unwrap_or_else(|| value.trim().into());
            bind(Value::Text(doi));
            "i.doi = ? COLLATE NOCASE".into()
        }
        Term::Field(Field::Nct, value) => {
            let nct = crate::ident::normalize_nct(value)
                .unwrap_or_else(|| value.trim().to_ascii_uppercase());
            bind(Value::Text(format!("\n{nct}\n")));
            "instr(char(10) || coalesce(i.nct, '') || char(10), ?) > 0".into()
        }
        Term::Field(Field::Journal, value) => {
            let pattern = like_pattern(value);
            bind(Value::Text(pattern.clone()));
            bind(Value::Text(pattern));
            // Journal feeds that do not name the journal per item are named by their title.
            "(i.journal LIKE ? ESCAPE '\\' OR (i.journal IS NULL AND i.source_id IN \
             (SELECT id FROM source WHERE lower(coalesce(category, '')) IN ('journal', 'journals') \
             AND coalesce(title, feed_title, '') LIKE ? ESCAPE '\\')))"
                .into()
        }
        Term::Field(Field::Pmid, value) => {
            bind(Value::Text(value.trim().to_string()));
            "i.pmid = ?".into()
        }
        Term::Field(Field::Watch, value) => {
            bind(Value::Text(value.trim().to_lowercase()));
            "i.id IN (SELECT a.item_id FROM item_alert a JOIN watch w ON w.id = a.watch_id \
             WHERE w.name = ?)"
                .into()
        }
        Term::Is(flag) => flag_condition(*flag).into(),
        Term::Has(attribute) => has_condition(*attribute).into(),
        Term::Since(bound) => {
            bind(Value::Integer(bound.resolve(now)));
            "i.published >= ?".into()
        }
        Term::Before(bound) => {
            bind(Value::Integer(bound.resolve(now)));
            "i.published < ?".into()
        }
    }
}

/// A count for LIMIT or OFFSET: `as i64` would wrap a huge one to a negative number, which
/// SQLite reads as no limit at all.
fn sql_count(count: usize) -> i64 {
    i64::try_from(count).unwrap_or(i64::MAX)
}

fn flag_condition(flag: Flag) -> &'static str {
    match flag {
        Flag::Unread => "i.read_at IS NULL",
        Flag::Read => "i.read_at IS NOT NULL",
        Flag::Saved => "i.saved_at IS NOT NULL",
        Flag::Alert => "EXISTS (SELECT 1 FROM item_alert a WHERE a.item_id = i.id)",
        Flag::Urgent => {
            "EXISTS (SELECT 1 FROM item_alert a JOIN watch w ON w.id = a.watch_id \
             WHERE a.item_id = i.id AND w.urgent = 1 AND a.acknowledged_at IS NULL)"
        }
        Flag::Preprint => {
            "(i.preprint = 1 OR i.source_id IN (SELECT id FROM source \
             WHERE lower(coalesce(category, '')) IN ('preprint', 'preprints')))"
        }
        // Every version of a story a notice names, through the small notice index.
        Flag::Retracted => "i.story IN (SELECT story FROM item WHERE notice > 0)",
    }
}

fn has_condition(attribute: Attribute) -> &'static str {
    match attribute {
        Attribute::Doi => "i.doi IS NOT NULL",
        Attribute::Pmid => "i.pmid IS NOT NULL",
        Attribute::Tag => "EXISTS (SELECT 1 FROM item_tag t WHERE t.item_id = i.id)",
        Attribute::Enclosure => "i.enclosure_url IS NOT NULL",
        Attribute::Pmcid => "i.pmcid IS NOT NULL",
        Attribute::Nct => "i.nct IS NOT NULL",
    }
}

/// What a category must start with, or one of its words: `journal`, `Journals` and `journ`
/// all find "Journals", `health` finds "Public health", `agency` finds "Regulatory agencies".
/// The singular stem makes singular and plural meet; LIKE ignores ASCII case.
fn category_pattern(value: &str) -> String {
    let value = value.trim().to_lowercase();
    let long_enough = |stem: &str| stem.chars().count() >= 3;
    let stem = if let Some(stem) = value.strip_suffix("ies").filter(|s| long_enough(s)) {
        stem
    } else if let Some(stem) = value
        .strip_suffix('s')
        .filter(|s| long_enough(s) && !s.ends_with('s'))
    {
        stem
    } else if let Some(stem) = value.strip_suffix('y').filter(|s| long_enough(s)) {
        stem
    } else {
        &value
    };
    escape_like(stem)
}

/// `%value%` with LIKE's wildcards escaped.
fn like_pattern(value: &str) -> String {
    format!("%{}%", escape_like(value))
}

fn escape_like(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
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

//! What each term of the query language means: an FTS5 expression the full-text index
//! answers, or else an SQL condition over the alias `i` (item) with its bound values.

use super::search::Compiled;
use crate::query::{Attribute, Field, Flag, Term};
use rusqlite::types::Value;

/// The placeholder source that keeps the items of removed sources.
const REMOVED: &str = super::REMOVED_SOURCES_URL;

/// The FTS5 expression for a term that the index answers, if it does.
pub(super) fn fts_expression(term: &Term) -> Option<String> {
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

pub(super) fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// Whether the term asks about alerts, which the alerts being raised change.
pub(super) fn reads_alerts(term: &Term) -> bool {
    matches!(
        term,
        Term::Is(Flag::Alert | Flag::Urgent) | Term::Field(Field::Watch, _)
    )
}

/// What a term the index does not answer means in SQL: a condition over `i`, with its bound
/// values in order. It is never NULL, so that NOT finds exactly what the term does not: an
/// item without an author, a journal or a DOI is one that `-author:`, `-journal:` and `-doi:`
/// find, and every item has a source.
pub(super) fn term_condition(term: &Term, now: i64) -> Compiled {
    let mut params = Vec::new();
    let sql = sql_condition(term, now, &mut |value| params.push(value));
    Compiled::new(sql, params)
}

fn sql_condition(term: &Term, now: i64, bind: &mut dyn FnMut(Value)) -> String {
    match term {
        // Words of punctuation only have no token in the index: look for them in titles, or
        // in the author for `author:`.
        Term::Word(text) | Term::Phrase(text) | Term::Field(Field::Title, text) => {
            bind(Value::Text(like_pattern(text)));
            "i.title LIKE ? ESCAPE '\\'".into()
        }
        Term::Field(Field::Author, text) => {
            bind(Value::Text(like_pattern(text)));
            "coalesce(i.author, '') LIKE ? ESCAPE '\\'".into()
        }
        // Kept items of a removed source (moved to the placeholder source) still answer to
        // their former source's name and address, as the source did: they are found once, as
        // a set, among the placeholder's few items, so no other item's row is read. The unary
        // `+` (here and in `category:`): a set of sources may be most of the cache
        // ("source:n", typed on the way to "source:nejm"), so it never drives the query; the
        // river's and the story index hold the source id, so each walk stays on its index.
        Term::Field(Field::Source, value) => {
            let pattern = like_pattern(value);
            for bound in [&pattern, &pattern, REMOVED, &pattern, &pattern] {
                bind(Value::Text(bound.to_string()));
            }
            "(+i.source_id IN (SELECT id FROM source \
                 WHERE coalesce(title, feed_title, '') LIKE ? ESCAPE '\\' OR url LIKE ? ESCAPE '\\') \
             OR +i.id IN (SELECT k.id FROM item k WHERE k.source_id IN (SELECT id FROM source WHERE url = ?) \
                 AND (coalesce(k.former_source, '') LIKE ? ESCAPE '\\' \
                      OR coalesce(k.former_source_url, '') LIKE ? ESCAPE '\\')))".into()
        }
        Term::Field(Field::Category, value) => {
            let start = category_pattern(value);
            bind(Value::Text(format!("{start}%")));
            bind(Value::Text(format!("% {start}%")));
            "+i.source_id IN (SELECT id FROM source WHERE category LIKE ? ESCAPE '\\' OR category LIKE ? ESCAPE '\\')".into()
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
            "(i.doi IS NOT NULL AND i.doi = ? COLLATE NOCASE)".into()
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
            "((i.journal IS NOT NULL AND i.journal LIKE ? ESCAPE '\\') OR (i.journal IS NULL AND i.source_id IN \
             (SELECT id FROM source WHERE lower(coalesce(category, '')) IN ('journal', 'journals') \
             AND coalesce(title, feed_title, '') LIKE ? ESCAPE '\\')))"
                .into()
        }
        Term::Field(Field::Pmid, value) => {
            bind(Value::Text(value.trim().to_string()));
            "(i.pmid IS NOT NULL AND i.pmid = ?)".into()
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

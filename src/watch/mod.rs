//! Watches: named queries in the query language that flag the items matching them as alerts when
//! they arrive. Urgent watches pin their items until the user acknowledges them.
//!
//! This module holds what a watch is made of and what happens after an alert: the rules for
//! names and queries, the watches a new database starts with, and the notification command.
//! Raising alerts belongs to the store, in the same transaction as the items (see
//! `store::watches`), so a crash never separates an item from its alert.

pub mod defaults;
pub mod notify;

use crate::query::{Expr, QueryError, parse};

/// Watch names are short words, so `watch:NAME` finds a watch's items without quoting.
pub const MAX_NAME_CHARS: usize = 40;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("a watch needs a name")]
    Empty,
    #[error("the watch name \"{0}\" is too long (at most 40 characters)")]
    TooLong(String),
    #[error(
        "a watch name is one word of letters, digits, '-' or '_' (so that watch:NAME finds its alerts); \"{0}\" is not"
    )]
    NotAWord(String),
}

/// The name as stored: trimmed and lower-case, like tags, so `Safety` and `safety` are one watch.
pub fn normalize_name(name: &str) -> Result<String, NameError> {
    let name = name.trim().to_lowercase();
    if name.is_empty() {
        return Err(NameError::Empty);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(NameError::TooLong(name));
    }
    if !name
        .chars()
        .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    {
        return Err(NameError::NotAWord(name));
    }
    Ok(name)
}

/// Parses a watch's query. The empty query is refused: it would alert every new item.
pub fn parse_query(text: &str) -> Result<Expr, QueryError> {
    match parse(text)? {
        Expr::All => Err(QueryError {
            column: 1,
            message: "a watch needs a query; an empty one would alert every new item".into(),
        }),
        expr => Ok(expr),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_one_lower_case_word() {
        assert_eq!(normalize_name("  Safety "), Ok("safety".into()));
        assert_eq!(
            normalize_name("h5n1-dairy_2026"),
            Ok("h5n1-dairy_2026".into())
        );
        assert_eq!(normalize_name("rougeole-été"), Ok("rougeole-été".into()));
        assert_eq!(normalize_name(" "), Err(NameError::Empty));
        assert!(matches!(
            normalize_name("blood donation"),
            Err(NameError::NotAWord(_))
        ));
        assert!(matches!(normalize_name("a:b"), Err(NameError::NotAWord(_))));
        assert!(matches!(
            normalize_name(&"x".repeat(41)),
            Err(NameError::TooLong(_))
        ));
    }

    #[test]
    fn queries_must_parse_and_say_something() {
        assert!(parse_query("recall OR outbreak").is_ok());
        assert_eq!(parse_query("  ").unwrap_err().column, 1);
        assert_eq!(parse_query("recall (").unwrap_err().column, 8);
    }
}

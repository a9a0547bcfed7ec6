//! The query language: a lexer and a recursive-descent parser to an AST. Pure code.
//!
//! ```text
//! measles  "heart failure"  sept*       words (a trailing * means prefix) and phrases
//! a b   a AND b                         conjunction (implicit between adjacent terms)
//! a OR b                                disjunction, binds looser than AND
//! -a   NOT a   ( )                      negation and grouping
//! source: category: tag: #tag author: title: doi: pmid: watch:    fields, value may be "quoted"
//! is:unread|read|saved|alert|urgent   has:doi|pmid|tag|enclosure
//! since:7d|24h|2w|30m|1y|2026-11-01   before:...
//! ```
//!
//! Decisions worth knowing when reading or extending it:
//!
//! - `OR`, `AND` and `NOT` are operators only in upper case and as whole words; `or` is a word.
//! - A `-` at the start of a token negates; inside a word it is part of it (`glp-1`). A lone
//!   `-` is an error. Double negations cancel (`--a` and `NOT -a` are `a`).
//! - A token is a field when the text before its first `:` is ASCII letters only and the `:` is
//!   not followed by `/`. Anything else with a colon is a plain word: URLs (`https://…`),
//!   DOIs (`10.1000/x:y`), times (`12:30`). A letters-only name that is not a field
//!   (`foo:bar`, `urn:x`) is an error naming the known fields; quoting the text searches it.
//! - A `(` inside a word stays in the word when the same word closes it, so DOIs such as
//!   `10.1016/S0140-6736(20)30183-5` survive; `a (b)` and `NOT(a)` still group.
//! - `"` always ends a word and opens a phrase; a phrase cannot contain `"`.
//! - Whitespace and control characters separate tokens; inside quotes text is kept as typed.
//! - Parentheses nest at most [`MAX_NESTING`] deep, so no input can exhaust the stack.

pub mod ast;
mod lexer;
mod parser;
mod term;

pub use ast::{Attribute, Expr, Field, Flag, Term, TimeBound};
pub use parser::MAX_NESTING;

/// A syntax error, with the 1-based column (in characters) where it was found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("column {column}: {message}")]
pub struct QueryError {
    pub column: usize,
    pub message: String,
}

impl QueryError {
    pub(crate) fn new(column: usize, message: impl Into<String>) -> Self {
        QueryError {
            column,
            message: message.into(),
        }
    }
}

/// Whitespace and control characters both separate tokens: pasted text often carries stray
/// control characters, and they never mean anything in a query. Shared by the lexer and the
/// field values (`term`), which the lexer calls: it lives above both, so neither imports the
/// other back.
pub(crate) fn is_separator(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// Parses a query. The empty (or all-blank) query is `Expr::All`.
///
/// `And`/`Or` nodes always have at least two children and never contain a node of their own
/// kind; `Not` never directly contains a `Not`.
pub fn parse(input: &str) -> Result<Expr, QueryError> {
    parser::parse_query(input)
}

#[cfg(test)]
mod properties;

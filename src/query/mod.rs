//! The query language: lexer and parser to an AST. Pure code.
//!
//! STUB: the query helper replaces the parser with the real implementation.

pub mod ast;

pub use ast::{Attribute, Expr, Field, Flag, Term, TimeBound};

/// A syntax error, with the 1-based column (in characters) where it was found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("column {column}: {message}")]
pub struct QueryError {
    pub column: usize,
    pub message: String,
}

/// Parses a query. The empty (or all-blank) query is `Expr::All`.
pub fn parse(input: &str) -> Result<Expr, QueryError> {
    if input.trim().is_empty() {
        return Ok(Expr::All);
    }
    Ok(Expr::Term(Term::Word(input.trim().to_string())))
}

//! Recursive descent over the tokens. From loosest to tightest binding:
//!
//! ```text
//! or    := and ( "OR" and )*
//! and   := unary ( "AND"? unary )*
//! unary := ( "NOT" | "-" )* primary
//! primary := term | "(" or ")"
//! ```
//!
//! Each rule returns `None` when it finds nothing to parse, so that the caller, which knows
//! the context, can say what is missing (`nothing after OR`, `empty parentheses`).

use super::QueryError;
use super::ast::Expr;
use super::lexer::{Lexer, Token, TokenKind};

/// How deep parentheses may nest. Recursion follows the nesting, so this bounds stack use.
pub const MAX_NESTING: usize = 64;

pub(crate) fn parse_query(input: &str) -> Result<Expr, QueryError> {
    let mut parser = Parser {
        lexer: Lexer::new(input),
        peeked: None,
        depth: 0,
    };
    let expr = parser.disjunction()?;
    // A disjunction stops only at the end or at a `)`; here that `)` has no partner.
    match parser.next()? {
        None => Ok(expr.unwrap_or(Expr::All)),
        Some(token) => Err(QueryError::new(token.column, "unmatched ')'")),
    }
}

struct Parser {
    lexer: Lexer,
    peeked: Option<Token>,
    depth: usize,
}

impl Parser {
    fn peek(&mut self) -> Result<Option<&TokenKind>, QueryError> {
        if self.peeked.is_none() {
            self.peeked = self.lexer.next_token()?;
        }
        Ok(self.peeked.as_ref().map(|token| &token.kind))
    }

    fn next(&mut self) -> Result<Option<Token>, QueryError> {
        self.peek()?;
        Ok(self.peeked.take())
    }

    /// Consumes the next token if it is `kind`, returning its column.
    fn take(&mut self, kind: &TokenKind) -> Result<Option<usize>, QueryError> {
        if self.peek()? != Some(kind) {
            return Ok(None);
        }
        Ok(self.next()?.map(|token| token.column))
    }

    fn disjunction(&mut self) -> Result<Option<Expr>, QueryError> {
        let mut branches = Vec::new();
        branches.extend(self.conjunction()?);
        while let Some(column) = self.take(&TokenKind::Or)? {
            if branches.is_empty() {
                return Err(QueryError::new(column, "nothing before OR"));
            }
            let branch = self.conjunction()?;
            branches.push(branch.ok_or_else(|| QueryError::new(column, "nothing after OR"))?);
        }
        Ok(combine(branches, Junction::Or))
    }

    fn conjunction(&mut self) -> Result<Option<Expr>, QueryError> {
        let mut parts = Vec::new();
        loop {
            if let Some(column) = self.take(&TokenKind::And)? {
                if parts.is_empty() {
                    return Err(QueryError::new(column, "nothing before AND"));
                }
                let part = self.unary()?;
                parts.push(part.ok_or_else(|| QueryError::new(column, "nothing after AND"))?);
                continue;
            }
            match self.unary()? {
                Some(part) => parts.push(part),
                None => break,
            }
        }
        Ok(combine(parts, Junction::And))
    }

    /// Negations are counted in a loop rather than by recursion: `NOT NOT … x` can be long.
    fn unary(&mut self) -> Result<Option<Expr>, QueryError> {
        let mut negated = false;
        let mut last_negation = None;
        loop {
            let operator = match self.peek()? {
                Some(TokenKind::Not) => "NOT",
                Some(TokenKind::Minus) => "-",
                _ => break,
            };
            last_negation = self.next()?.map(|token| (token.column, operator));
            negated = !negated;
        }
        match (self.primary()?, last_negation) {
            (Some(expr), _) if negated => Ok(Some(negate(expr))),
            (Some(expr), _) => Ok(Some(expr)),
            (None, Some((column, operator))) => {
                Err(QueryError::new(column, format!("nothing after {operator}")))
            }
            (None, None) => Ok(None),
        }
    }

    fn primary(&mut self) -> Result<Option<Expr>, QueryError> {
        match self.peek()? {
            Some(TokenKind::Term(_)) => match self.next()? {
                Some(Token {
                    kind: TokenKind::Term(term),
                    ..
                }) => Ok(Some(Expr::Term(term))),
                _ => Ok(None),
            },
            Some(TokenKind::LeftParen) => self.group().map(Some),
            _ => Ok(None),
        }
    }

    /// A parenthesised disjunction; the current token is its `(`.
    fn group(&mut self) -> Result<Expr, QueryError> {
        let open = self.next()?.map_or(0, |token| token.column);
        if self.depth >= MAX_NESTING {
            let message = format!("parentheses nested too deep (at most {MAX_NESTING})");
            return Err(QueryError::new(open, message));
        }
        self.depth += 1;
        let inner = self.disjunction()?;
        self.depth -= 1;
        match self.next()? {
            Some(Token {
                kind: TokenKind::RightParen,
                ..
            }) => inner.ok_or_else(|| QueryError::new(open, "empty parentheses")),
            _ => Err(QueryError::new(open, "unmatched '('")),
        }
    }
}

/// Double negations cancel, so a `Not` never holds a `Not`.
fn negate(expr: Expr) -> Expr {
    match expr {
        Expr::Not(inner) => *inner,
        other => Expr::Not(Box::new(other)),
    }
}

#[derive(Debug, Clone, Copy)]
enum Junction {
    And,
    Or,
}

/// One child stands alone; children of the same kind (from parentheses) are spliced in.
fn combine(children: Vec<Expr>, junction: Junction) -> Option<Expr> {
    if children.len() <= 1 {
        return children.into_iter().next();
    }
    let mut flat = Vec::with_capacity(children.len());
    for child in children {
        match (junction, child) {
            (Junction::And, Expr::And(grandchildren)) | (Junction::Or, Expr::Or(grandchildren)) => {
                flat.extend(grandchildren)
            }
            (_, child) => flat.push(child),
        }
    }
    Some(match junction {
        Junction::And => Expr::And(flat),
        Junction::Or => Expr::Or(flat),
    })
}

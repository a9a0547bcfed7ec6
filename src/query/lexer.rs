//! Splits a query into tokens, one at a time, so that errors come out in reading order.

use super::ast::{Field, Term};
use super::term::FieldName;
use super::{QueryError, is_separator};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TokenKind {
    Term(Term),
    LeftParen,
    RightParen,
    /// A `-` at the start of a token.
    Minus,
    And,
    Or,
    Not,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub kind: TokenKind,
    /// 1-based, in characters.
    pub column: usize,
}

pub(crate) struct Lexer {
    chars: Vec<char>,
    position: usize,
}

/// A field value as written: its text, its column, and whether it was quoted.
struct Value {
    text: String,
    column: usize,
    quoted: bool,
}

impl Lexer {
    pub fn new(input: &str) -> Self {
        Lexer {
            chars: input.chars().collect(),
            position: 0,
        }
    }

    /// The next token, or `None` at the end of the input.
    pub fn next_token(&mut self) -> Result<Option<Token>, QueryError> {
        while self.peek().is_some_and(is_separator) {
            self.position += 1;
        }
        let Some(first) = self.peek() else {
            return Ok(None);
        };
        let column = self.column();
        let kind = match first {
            '(' => self.single(TokenKind::LeftParen),
            ')' => self.single(TokenKind::RightParen),
            '-' => self.minus()?,
            '"' => TokenKind::Term(Term::Phrase(self.phrase()?)),
            '#' => TokenKind::Term(self.hashtag()?),
            _ => self.word_field_or_operator()?,
        };
        Ok(Some(Token { kind, column }))
    }

    fn single(&mut self, kind: TokenKind) -> TokenKind {
        self.position += 1;
        kind
    }

    /// A `-` negates the term it touches; a lone one is more likely a typo than a search.
    fn minus(&mut self) -> Result<TokenKind, QueryError> {
        let next = self.chars.get(self.position + 1);
        if next.is_some_and(|&c| is_separator(c)) {
            let message = "- must touch the term it excludes, as in -retracted";
            return Err(QueryError::new(self.column(), message));
        }
        Ok(self.single(TokenKind::Minus))
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.position).copied()
    }

    fn column(&self) -> usize {
        self.position + 1
    }

    fn phrase(&mut self) -> Result<String, QueryError> {
        let column = self.column();
        let text = self.quoted()?;
        if text.chars().all(is_separator) {
            return Err(QueryError::new(column, "empty phrase"));
        }
        Ok(text)
    }

    /// The text between the `"` at the current position and the next `"`.
    fn quoted(&mut self) -> Result<String, QueryError> {
        let open = self.position;
        let length = self.chars[open + 1..].iter().position(|&c| c == '"');
        let Some(length) = length else {
            return Err(QueryError::new(open + 1, "unterminated quote"));
        };
        self.position = open + 1 + length + 1;
        Ok(self.chars[open + 1..open + 1 + length].iter().collect())
    }

    /// `#cardio` and `#"heart failure"` are `tag:` in short.
    fn hashtag(&mut self) -> Result<Term, QueryError> {
        let column = self.column();
        self.position += 1;
        let value = self.value()?;
        if value.text.chars().all(is_separator) {
            return Err(QueryError::new(column, "# needs a tag name right after it"));
        }
        Ok(Term::Field(Field::Tag, value.text))
    }

    fn word_field_or_operator(&mut self) -> Result<TokenKind, QueryError> {
        let start = self.position;
        if let Some(colon) = self.field_colon() {
            let name: String = self.chars[start..colon].iter().collect();
            let field = FieldName::parse(&name, start + 1)?;
            self.position = colon + 1;
            let value = self.value()?;
            if !value.quoted && value.text.is_empty() && self.peek() == Some('(') {
                let message = format!(
                    "{}: takes one value, not a group; write ({0}:a OR {0}:b)",
                    field.as_str()
                );
                return Err(QueryError::new(self.column(), message));
            }
            return field
                .term(&value.text, start + 1, value.column)
                .map(TokenKind::Term);
        }
        self.position = self.word_end(start);
        let text: String = self.chars[start..self.position].iter().collect();
        Ok(match text.as_str() {
            "OR" => TokenKind::Or,
            "AND" => TokenKind::And,
            "NOT" => TokenKind::Not,
            _ => TokenKind::Term(Term::Word(text)),
        })
    }

    /// Where the `:` of a `name:value` token is, if the current token is one: the name is
    /// ASCII letters, and a `/` after the colon means a URL (`https://…`), not a field.
    fn field_colon(&self) -> Option<usize> {
        let name_length = self.chars[self.position..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        let colon = self.position + name_length;
        let is_field = name_length > 0
            && self.chars.get(colon) == Some(&':')
            && self.chars.get(colon + 1) != Some(&'/');
        is_field.then_some(colon)
    }

    fn value(&mut self) -> Result<Value, QueryError> {
        let column = self.column();
        if self.peek() == Some('"') {
            let text = self.quoted()?;
            return Ok(Value {
                text,
                column,
                quoted: true,
            });
        }
        let start = self.position;
        self.position = self.word_end(start);
        Ok(Value {
            text: self.chars[start..self.position].iter().collect(),
            column,
            quoted: false,
        })
    }

    /// Where the word starting at `start` ends: at a separator, a quote, an unmatched `)`, or a
    /// `(` that the word does not close itself.
    fn word_end(&self, start: usize) -> usize {
        let mut index = start;
        while let Some(&c) = self.chars.get(index) {
            if is_separator(c) || c == '"' || c == ')' {
                break;
            }
            if c == '(' {
                let inside_word = index > start && !is_operator(&self.chars[start..index]);
                match inside_word.then(|| self.group_end(index)).flatten() {
                    Some(end) => index = end,
                    None => break,
                }
                continue;
            }
            index += 1;
        }
        index
    }

    /// Just past the `)` matching the `(` at `open`, if the same word contains it.
    fn group_end(&self, open: usize) -> Option<usize> {
        let mut depth = 0usize;
        for (offset, &c) in self.chars[open..].iter().enumerate() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(open + offset + 1);
                    }
                }
                c if is_separator(c) || c == '"' => return None,
                _ => {}
            }
        }
        None
    }
}

fn is_operator(chars: &[char]) -> bool {
    matches!(chars, ['O', 'R'] | ['A', 'N', 'D'] | ['N', 'O', 'T'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(input: &str) -> Vec<TokenKind> {
        let mut lexer = Lexer::new(input);
        let mut kinds = Vec::new();
        while let Some(token) = lexer.next_token().expect("lexes") {
            kinds.push(token.kind);
        }
        kinds
    }

    fn word(text: &str) -> TokenKind {
        TokenKind::Term(Term::Word(text.to_string()))
    }

    #[test]
    fn parenthesis_closed_inside_a_word_stays_in_it() {
        assert_eq!(
            kinds("(10.1016/S0140-6736(20)30183-5)"),
            vec![
                TokenKind::LeftParen,
                word("10.1016/S0140-6736(20)30183-5"),
                TokenKind::RightParen
            ]
        );
    }

    #[test]
    fn parenthesis_left_open_ends_the_word() {
        assert_eq!(
            kinds("a(b c)"),
            vec![
                word("a"),
                TokenKind::LeftParen,
                word("b"),
                word("c"),
                TokenKind::RightParen
            ]
        );
    }

    #[test]
    fn operator_glued_to_a_group_still_groups() {
        assert_eq!(
            kinds("NOT(a)"),
            vec![
                TokenKind::Not,
                TokenKind::LeftParen,
                word("a"),
                TokenKind::RightParen
            ]
        );
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let mut lexer = Lexer::new("é ü x");
        let columns: Vec<usize> = std::iter::from_fn(|| lexer.next_token().ok().flatten())
            .map(|token| token.column)
            .collect();
        assert_eq!(columns, vec![1, 3, 5]);
    }
}

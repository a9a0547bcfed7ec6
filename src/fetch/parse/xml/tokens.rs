//! A tokenizer that reads any text as XML without ever failing: what is not markup is text.
//!
//! Each construct it cannot read as XML has a fallback a person would agree with: a `&` that
//! starts no reference is an ampersand, a `<` that starts no tag is a less-than sign, a comment
//! or CDATA section that never ends is dropped at its start so it does not swallow the rest of
//! the document. It runs in time linear in the input: every search that fails is remembered, so
//! no stretch of the document is searched twice for the same thing.

use super::references;
use memchr::{memchr, memchr3, memmem};
use std::borrow::Cow;

/// One piece of the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Token<'a> {
    /// `<name attributes>`; `start..end` is the tag itself.
    Start {
        name: &'a str,
        attributes: &'a str,
        self_closing: bool,
        start: usize,
        end: usize,
    },
    /// `</name>`; `start` is where the tag begins.
    End { name: &'a str, start: usize },
    /// Character data with references decoded (CDATA sections included, verbatim).
    Text(Cow<'a, str>),
    /// The document ends inside a tag.
    CutInTag { start: usize },
}

/// Lexical slips met on the way; none of them changes what a reader sees.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Slips {
    pub bare_ampersand: bool,
    pub bare_less_than: bool,
    pub unclosed_cdata: bool,
    pub unclosed_comment: bool,
}

pub struct Tokenizer<'a> {
    doc: &'a str,
    position: usize,
    pub slips: Slips,
    /// Searches that found nothing from these offsets on: they would find nothing again.
    missing: Missing,
}

#[derive(Default)]
struct Missing {
    greater_than: Option<usize>,
    double_quote: Option<usize>,
    single_quote: Option<usize>,
    comment_end: Option<usize>,
    cdata_end: Option<usize>,
    instruction_end: Option<usize>,
    bracket_close: Option<usize>,
}

impl<'a> Tokenizer<'a> {
    pub fn new(doc: &'a str) -> Tokenizer<'a> {
        Tokenizer {
            doc,
            position: 0,
            slips: Slips::default(),
            missing: Missing::default(),
        }
    }

    fn bytes(&self) -> &'a [u8] {
        self.doc.as_bytes()
    }

    /// Text up to the next `<`, with references decoded.
    fn text(&mut self) -> Token<'a> {
        let rest = &self.bytes()[self.position..];
        let length = memchr(b'<', rest).unwrap_or(rest.len());
        let raw = &self.doc[self.position..self.position + length];
        self.position += length;
        Token::Text(references::decode(raw, &mut self.slips.bare_ampersand))
    }

    /// At a `<`: a tag, a comment, CDATA, a declaration or instruction (skipped, `None`), or a
    /// less-than sign.
    fn markup(&mut self) -> Option<Token<'a>> {
        let start = self.position;
        let after = &self.bytes()[start + 1..];
        match after.first() {
            Some(b'/') => self.end_tag(start),
            Some(b'!') if after.starts_with(b"!--") => self.skip_comment(start),
            Some(b'!') if after.starts_with(b"![CDATA[") => Some(self.cdata(start)),
            Some(b'!') => self.skip_declaration(start),
            Some(b'?') => self.skip_instruction(start),
            Some(&byte) if starts_name(byte) => Some(self.start_tag(start)),
            _ => Some(self.less_than_sign()),
        }
    }

    fn less_than_sign(&mut self) -> Token<'a> {
        self.slips.bare_less_than = true;
        self.position += 1;
        Token::Text(Cow::Borrowed("<"))
    }

    fn start_tag(&mut self, start: usize) -> Token<'a> {
        let name_end = start + 1 + name_length(&self.bytes()[start + 1..]);
        let Some(close) = self.tag_end(name_end) else {
            self.position = self.doc.len();
            return Token::CutInTag { start };
        };
        self.position = close + 1;
        let inside = &self.doc[name_end..close];
        let self_closing = inside.ends_with('/');
        Token::Start {
            name: &self.doc[start + 1..name_end],
            attributes: inside.strip_suffix('/').unwrap_or(inside),
            self_closing,
            start,
            end: close + 1,
        }
    }

    /// The `>` ending a start tag, skipping quoted attribute values. A quote whose value would
    /// contain a `<` is taken as a stray quote, so one bad attribute cannot eat the document.
    fn tag_end(&mut self, from: usize) -> Option<usize> {
        let bytes = self.bytes();
        let mut index = from;
        loop {
            let found = index + memchr3(b'>', b'"', b'\'', &bytes[index..])?;
            if bytes[found] == b'>' {
                return Some(found);
            }
            match self.closing_quote(bytes[found], found + 1) {
                Some(close) if memchr(b'<', &bytes[found + 1..close]).is_none() => {
                    index = close + 1;
                }
                _ => return self.find_greater_than(from),
            }
        }
    }

    fn closing_quote(&mut self, quote: u8, from: usize) -> Option<usize> {
        let missing = match quote {
            b'"' => &mut self.missing.double_quote,
            _ => &mut self.missing.single_quote,
        };
        search(self.doc.as_bytes(), from, missing, |rest| {
            memchr(quote, rest)
        })
    }

    fn find_greater_than(&mut self, from: usize) -> Option<usize> {
        search(self.bytes(), from, &mut self.missing.greater_than, |rest| {
            memchr(b'>', rest)
        })
    }

    fn end_tag(&mut self, start: usize) -> Option<Token<'a>> {
        let name_start = start + 2;
        let name_end = name_start + name_length(&self.bytes()[name_start..]);
        if name_end == name_start {
            return Some(self.less_than_sign());
        }
        let Some(close) = self.find_greater_than(name_end) else {
            self.position = self.doc.len();
            return Some(Token::CutInTag { start });
        };
        self.position = close + 1;
        Some(Token::End {
            name: &self.doc[name_start..name_end],
            start,
        })
    }

    /// A comment is skipped; one that never ends loses only its `<!--`.
    fn skip_comment(&mut self, start: usize) -> Option<Token<'a>> {
        let from = start + 4;
        let found = search(self.bytes(), from, &mut self.missing.comment_end, |rest| {
            memmem::find(rest, b"-->")
        });
        match found {
            Some(end) => self.position = end + 3,
            None => {
                self.slips.unclosed_comment = true;
                self.position = from;
            }
        }
        None
    }

    /// CDATA is text as written; a section that never ends loses only its `<![CDATA[`.
    fn cdata(&mut self, start: usize) -> Token<'a> {
        let from = start + 9;
        let found = search(self.bytes(), from, &mut self.missing.cdata_end, |rest| {
            memmem::find(rest, b"]]>")
        });
        match found {
            Some(end) => {
                self.position = end + 3;
                Token::Text(Cow::Borrowed(&self.doc[from..end]))
            }
            None => {
                self.slips.unclosed_cdata = true;
                self.position = from;
                Token::Text(Cow::Borrowed(""))
            }
        }
    }

    /// `<!DOCTYPE …>` (with an internal subset in brackets) and other declarations.
    fn skip_declaration(&mut self, start: usize) -> Option<Token<'a>> {
        let Some(mut end) = self.find_greater_than(start + 2) else {
            return Some(self.less_than_sign());
        };
        let bytes = self.bytes();
        if let Some(bracket) = memchr(b'[', &bytes[start + 2..end]).map(|at| start + 2 + at) {
            let close = search(bytes, bracket, &mut self.missing.bracket_close, |rest| {
                memchr(b']', rest)
            });
            if let Some(after_subset) = close.and_then(|close| self.find_greater_than(close)) {
                end = after_subset;
            }
        }
        self.position = end + 1;
        None
    }

    /// `<?xml …?>` and other processing instructions.
    fn skip_instruction(&mut self, start: usize) -> Option<Token<'a>> {
        let found = search(
            self.bytes(),
            start + 2,
            &mut self.missing.instruction_end,
            |rest| memmem::find(rest, b"?>"),
        );
        match found {
            Some(end) => {
                self.position = end + 2;
                None
            }
            None => Some(self.less_than_sign()),
        }
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        while self.position < self.doc.len() {
            if self.bytes()[self.position] != b'<' {
                return Some(self.text());
            }
            if let Some(token) = self.markup() {
                return Some(token);
            }
        }
        None
    }
}

/// `find` over `bytes[from..]`, as an absolute offset, remembering a miss: after a search from
/// `from` finds nothing, every later search from `from` or beyond finds nothing too.
fn search(
    bytes: &[u8],
    from: usize,
    missing_from: &mut Option<usize>,
    find: impl Fn(&[u8]) -> Option<usize>,
) -> Option<usize> {
    if missing_from.is_some_and(|missing| from >= missing) || from > bytes.len() {
        return None;
    }
    let found = find(&bytes[from..]).map(|offset| from + offset);
    if found.is_none() {
        *missing_from = Some(missing_from.map_or(from, |missing| missing.min(from)));
    }
    found
}

fn starts_name(byte: u8) -> bool {
    byte.is_ascii_alphabetic() || byte == b'_' || byte == b':' || byte >= 0x80
}

fn name_length(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .take_while(|&&byte| {
            byte.is_ascii_alphanumeric()
                || matches!(byte, b'_' | b':' | b'-' | b'.')
                || byte >= 0x80
        })
        .count()
}

#[cfg(test)]
mod tests;

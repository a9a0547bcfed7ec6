//! Building the element tree from tokens, repairing structure the way a person reading the
//! document would: a closing tag closes the open element of that name and whatever was left
//! open inside it, a closing tag that closes nothing is ignored, an item opened inside an open
//! item starts a new one, and a field opened inside a one-line field (a `<link>` inside an
//! unclosed `<title>`) ends that field. At the end, whatever is still open is marked unfinished.

use super::names::{Ns, Resolved, Scopes, split};
use super::open::OpenElements;
use super::references;
use super::tokens::{Token, Tokenizer};
use super::{Attribute, Document, Element, Fault, FaultKind, Kind, NodeId};
use std::borrow::Cow;

/// Elements that never nest, so opening one closes an open one.
const NEVER_NESTED: [&str; 2] = ["item", "entry"];

/// One-line fields of items, and the item-level elements whose start ends such a field.
const ONE_LINE_FIELDS: [&str; 8] = [
    "title",
    "link",
    "guid",
    "pubDate",
    "comments",
    "id",
    "updated",
    "published",
];
const ITEM_FIELDS: [&str; 19] = [
    "title",
    "link",
    "description",
    "guid",
    "pubDate",
    "author",
    "category",
    "comments",
    "enclosure",
    "source",
    "item",
    "entry",
    "id",
    "updated",
    "published",
    "summary",
    "content",
    "creator",
    "date",
];

pub fn build(source: &str) -> Document<'_> {
    let mut builder = Builder {
        document: Document::new(source),
        open: OpenElements::default(),
        scopes: Scopes::default(),
    };
    let mut tokenizer = Tokenizer::new(source);
    for token in tokenizer.by_ref() {
        builder.take(token);
    }
    builder.finish(tokenizer.slips)
}

struct Builder<'a> {
    document: Document<'a>,
    open: OpenElements<'a>,
    scopes: Scopes<'a>,
}

impl<'a> Builder<'a> {
    fn take(&mut self, token: Token<'a>) {
        match token {
            Token::Start {
                name,
                attributes,
                self_closing,
                start,
                end,
            } => self.start(name, attributes, self_closing, start..end),
            Token::End { name, start } => self.end(name, start),
            Token::Text(text) => self.text(text),
            Token::CutInTag { start } => {
                self.document.damage.truncated = true;
                self.document.source_end = start;
            }
        }
    }

    fn start(
        &mut self,
        name: &'a str,
        raw_attributes: &'a str,
        self_closing: bool,
        tag: std::ops::Range<usize>,
    ) {
        let (prefix, local) = split(name);
        self.close_implicitly(local, tag.start);
        let end = tag.end;
        let attributes = parse_attributes(raw_attributes, &mut self.document.slips);
        self.scopes.open(attributes.iter().filter_map(declaration));
        let ns = self.resolve(prefix);
        let attributes = attributes
            .into_iter()
            .filter(|attribute| declaration(attribute).is_none())
            .map(|raw| {
                let (prefix, local) = split(raw.name);
                let ns = match prefix {
                    "" => Ns::None,
                    prefix => self.resolve(prefix),
                };
                Attribute {
                    ns,
                    local,
                    value: raw.value,
                }
            })
            .collect();
        let element = Element {
            name,
            local,
            ns,
            attributes,
            inner: end..end,
            unfinished: false,
        };
        let id = self
            .document
            .push(Kind::Element(element), self.open.innermost());
        if self_closing || self.open.is_full() {
            self.scopes.close();
        } else {
            self.open.push(id, name, local);
        }
    }

    fn resolve(&mut self, prefix: &'a str) -> Ns<'a> {
        match self.scopes.resolve(prefix) {
            Resolved::Bound(ns) => ns,
            Resolved::Undeclared(ns) => {
                self.document.damage.undeclared_prefix = true;
                ns
            }
        }
    }

    /// Closes what a start tag named `local` implies is finished.
    fn close_implicitly(&mut self, local: &str, at: usize) {
        let depth = if NEVER_NESTED.contains(&local) {
            self.open.find_local(local)
        } else {
            let ends_a_field = ITEM_FIELDS.contains(&local)
                && self
                    .open
                    .innermost_local()
                    .is_some_and(|top| ONE_LINE_FIELDS.contains(&top));
            ends_a_field.then(|| self.open.len() - 1)
        };
        if let Some(depth) = depth {
            self.document.damage.unclosed_element = true;
            self.close_down_to(depth, at);
        }
    }

    /// Closes the open elements from the innermost down to `depth` included, as a closing tag
    /// at `at` would.
    fn close_down_to(&mut self, depth: usize, at: usize) {
        while self.open.len() > depth {
            self.pop(at);
        }
    }

    fn pop(&mut self, at: usize) {
        if let Some(id) = self.open.pop() {
            let element = self.document.element_mut(id);
            element.inner.end = at.max(element.inner.start);
            self.scopes.close();
        }
    }

    fn end(&mut self, name: &'a str, at: usize) {
        let (_, local) = split(name);
        match self.open.find(name, local) {
            Some(depth) if depth + 1 == self.open.len() => self.pop(at),
            Some(depth) => {
                self.note_mismatch(name, at);
                self.document.damage.unclosed_element = true;
                self.close_down_to(depth, at);
            }
            None => {
                self.note_mismatch(name, at);
                self.document.damage.stray_end_tag = true;
            }
        }
    }

    fn note_mismatch(&mut self, found: &str, at: usize) {
        let expected = self
            .open
            .innermost()
            .map(|id| self.document.element(id).name.to_string());
        let kind = match expected {
            Some(expected) => FaultKind::MismatchedEnd {
                expected,
                found: found.to_string(),
            },
            None => FaultKind::UnmatchedEnd(found.to_string()),
        };
        self.document.note_fault(Fault { offset: at, kind });
    }

    fn text(&mut self, text: Cow<'a, str>) {
        if let Some(parent) = self.open.innermost()
            && !text.is_empty()
        {
            self.document.push(Kind::Text(text), Some(parent));
        }
    }

    fn finish(mut self, slips: super::tokens::Slips) -> Document<'a> {
        self.document.slips.bare_ampersand |= slips.bare_ampersand;
        self.document.slips.bare_less_than |= slips.bare_less_than;
        self.document.slips.unclosed_cdata |= slips.unclosed_cdata;
        self.document.slips.unclosed_comment |= slips.unclosed_comment;
        if let Some(innermost) = self.open.innermost() {
            let innermost = self.document.element(innermost).name.to_string();
            let end = self.document.source_end;
            self.document.note_fault(Fault {
                offset: end,
                kind: FaultKind::Truncated { innermost },
            });
            self.document.damage.truncated = true;
            let open: Vec<NodeId> = self.open.ids().collect();
            for id in open {
                self.document.element_mut(id).unfinished = true;
            }
            self.close_down_to(0, end);
        }
        self.document
    }
}

/// An attribute as written: its qualified name and decoded value.
struct RawAttribute<'a> {
    name: &'a str,
    value: Cow<'a, str>,
    raw_value: &'a str,
}

/// `xmlns="…"` and `xmlns:p="…"` as (prefix, URI).
fn declaration<'a>(attribute: &RawAttribute<'a>) -> Option<(&'a str, &'a str)> {
    match attribute.name {
        "xmlns" => Some(("", attribute.raw_value)),
        name => name
            .strip_prefix("xmlns:")
            .map(|prefix| (prefix, attribute.raw_value)),
    }
}

/// Attributes written `a="1"`, `a='1'`, `a=1` (unquoted) or `a` (no value).
fn parse_attributes<'a>(raw: &'a str, slips: &mut super::tokens::Slips) -> Vec<RawAttribute<'a>> {
    let mut attributes = Vec::new();
    let mut rest = raw;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            return attributes;
        }
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let name = &rest[..name_end];
        rest = rest[name_end..].trim_start();
        let raw_value = match rest.strip_prefix('=') {
            Some(after) => {
                let (value, remainder) = attribute_value(after.trim_start());
                rest = remainder;
                value
            }
            None => "",
        };
        if !name.is_empty() {
            let value = references::decode(raw_value, &mut slips.bare_ampersand);
            attributes.push(RawAttribute {
                name,
                value,
                raw_value,
            });
        } else {
            rest = rest.get(1..).unwrap_or("");
        }
    }
}

/// A quoted or unquoted value at the start of `text`, and what follows it.
fn attribute_value(text: &str) -> (&str, &str) {
    match text.chars().next() {
        Some(quote @ ('"' | '\'')) => {
            let body = &text[1..];
            match body.find(quote) {
                Some(end) => (&body[..end], &body[end + 1..]),
                None => (body, ""),
            }
        }
        _ => {
            let end = text.find(char::is_whitespace).unwrap_or(text.len());
            (&text[..end], &text[end..])
        }
    }
}

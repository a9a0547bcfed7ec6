//! A tolerant XML reader: any text becomes a tree of elements, with a note of every repair it
//! took. Feed documents are read from this tree (`rss`, `atom`) rather than by a validating
//! parser, so one odd element never costs an item and one odd item never costs a feed.

mod names;
mod open;
mod references;
mod tokens;
mod tree;

pub use names::Ns;
pub use references::decode as decode_references;

use std::borrow::Cow;
use std::ops::Range;
use url::Url;

pub type NodeId = usize;

/// A document read into elements and text. Elements borrow their names (and usually their
/// text) from the source.
#[derive(Debug)]
pub struct Document<'a> {
    source: &'a str,
    nodes: Vec<Node<'a>>,
    roots: Vec<NodeId>,
    /// Where the readable document ends (before a tag cut off by the end of the download).
    source_end: usize,
    pub slips: tokens::Slips,
    pub damage: Damage,
    /// The first problem of structure, for the error message when nothing could be read.
    pub fault: Option<Fault>,
    /// Whether any element carries `xml:base` (most documents have none: links need no work).
    has_xml_base: bool,
}

/// Repairs to the document's structure.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Damage {
    pub unclosed_element: bool,
    pub stray_end_tag: bool,
    pub truncated: bool,
    pub undeclared_prefix: bool,
}

impl Damage {
    /// Whether the structure itself needed repair (a prefix nobody declared does not count).
    pub fn is_structural(self) -> bool {
        self.unclosed_element || self.stray_end_tag || self.truncated
    }
}

pub use tokens::Slips;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    pub offset: usize,
    pub kind: FaultKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FaultKind {
    MismatchedEnd { expected: String, found: String },
    UnmatchedEnd(String),
    Truncated { innermost: String },
}

#[derive(Debug)]
struct Node<'a> {
    kind: Kind<'a>,
    parent: Option<NodeId>,
    first_child: Option<NodeId>,
    last_child: Option<NodeId>,
    next_sibling: Option<NodeId>,
}

#[derive(Debug)]
enum Kind<'a> {
    Element(Element<'a>),
    Text(Cow<'a, str>),
}

#[derive(Debug)]
pub struct Element<'a> {
    /// As written, prefix included.
    pub name: &'a str,
    pub local: &'a str,
    pub ns: Ns<'a>,
    attributes: Vec<Attribute<'a>>,
    /// The source between the start tag and the end tag (or where the element was closed).
    inner: Range<usize>,
    /// The document ended before this element did.
    pub unfinished: bool,
}

#[derive(Debug)]
struct Attribute<'a> {
    ns: Ns<'a>,
    local: &'a str,
    value: Cow<'a, str>,
}

/// Reads any text as XML.
pub fn read(source: &str) -> Document<'_> {
    tree::build(source)
}

impl<'a> Document<'a> {
    fn new(source: &'a str) -> Document<'a> {
        Document {
            source,
            nodes: Vec::new(),
            roots: Vec::new(),
            source_end: source.len(),
            slips: Slips::default(),
            damage: Damage::default(),
            fault: None,
            has_xml_base: false,
        }
    }

    fn push(&mut self, kind: Kind<'a>, parent: Option<NodeId>) -> NodeId {
        let id = self.nodes.len();
        if let Kind::Element(element) = &kind
            && element
                .attributes
                .iter()
                .any(|attribute| attribute.ns == Ns::Xml && attribute.local == "base")
        {
            self.has_xml_base = true;
        }
        self.nodes.push(Node {
            kind,
            parent,
            first_child: None,
            last_child: None,
            next_sibling: None,
        });
        match parent {
            Some(parent) => {
                match self.nodes[parent].last_child {
                    Some(last) => self.nodes[last].next_sibling = Some(id),
                    None => self.nodes[parent].first_child = Some(id),
                }
                self.nodes[parent].last_child = Some(id);
            }
            None => self.roots.push(id),
        }
        id
    }

    fn note_fault(&mut self, fault: Fault) {
        self.fault.get_or_insert(fault);
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.source.len());
        1 + memchr::memchr_iter(b'\n', &self.source.as_bytes()[..offset]).count()
    }

    /// The element `id`; panics if `id` is a text node (ids come from this document's own
    /// element iterators, so that is a bug).
    pub fn element(&self, id: NodeId) -> &Element<'a> {
        match &self.nodes[id].kind {
            Kind::Element(element) => element,
            Kind::Text(_) => panic!("node {id} is text, not an element"),
        }
    }

    fn element_mut(&mut self, id: NodeId) -> &mut Element<'a> {
        match &mut self.nodes[id].kind {
            Kind::Element(element) => element,
            Kind::Text(_) => panic!("node {id} is text, not an element"),
        }
    }

    /// Top-level elements, in document order (more than one when junk follows the root).
    pub fn roots(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.roots
            .iter()
            .copied()
            .filter(|&id| matches!(self.nodes[id].kind, Kind::Element(_)))
    }

    fn children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.nodes[id].first_child, |&child| {
            self.nodes[child].next_sibling
        })
    }

    /// The element children of `id`.
    pub fn elements(&self, id: NodeId) -> impl Iterator<Item = (NodeId, &Element<'a>)> + '_ {
        self.children(id)
            .filter_map(|child| match &self.nodes[child].kind {
                Kind::Element(element) => Some((child, element)),
                Kind::Text(_) => None,
            })
    }

    /// The first element child of `id` in namespace `ns` named `local`.
    #[cfg(test)]
    pub fn child(&self, id: NodeId, ns: Ns<'_>, local: &str) -> Option<NodeId> {
        self.elements(id)
            .find(|(_, element)| element.ns == ns && element.local == local)
            .map(|(child, _)| child)
    }

    /// The value of `id`'s attribute `local` in namespace `ns` (`Ns::None` for plain ones).
    pub fn attribute(&self, id: NodeId, ns: Ns<'_>, local: &str) -> Option<&str> {
        self.element(id)
            .attributes
            .iter()
            .find(|attribute| attribute.ns == ns && attribute.local == local)
            .map(|attribute| attribute.value.as_ref())
    }

    /// An unprefixed attribute by name, ignoring case (`isPermaLink`, `ispermalink`).
    pub fn attribute_ignoring_case(&self, id: NodeId, local: &str) -> Option<&str> {
        self.element(id)
            .attributes
            .iter()
            .find(|attribute| attribute.local.eq_ignore_ascii_case(local))
            .map(|attribute| attribute.value.as_ref())
    }

    pub fn has_element_children(&self, id: NodeId) -> bool {
        self.elements(id).next().is_some()
    }

    /// All text inside `id`, at any depth, in document order.
    pub fn text(&self, id: NodeId) -> Cow<'a, str> {
        let mut pieces = self.children(id);
        match (pieces.next(), pieces.next()) {
            (None, _) => Cow::Borrowed(""),
            (Some(only), None) if matches!(self.nodes[only].kind, Kind::Text(_)) => {
                match &self.nodes[only].kind {
                    Kind::Text(text) => text.clone(),
                    Kind::Element(_) => unreachable!(),
                }
            }
            _ => {
                let mut out = String::new();
                self.collect_text(id, &mut out, "");
                Cow::Owned(out)
            }
        }
    }

    /// Text inside `id` with `separator` between the texts of different elements.
    pub fn text_separated(&self, id: NodeId, separator: &str) -> String {
        let mut out = String::new();
        self.collect_text(id, &mut out, separator);
        out
    }

    fn collect_text(&self, id: NodeId, out: &mut String, separator: &str) {
        for child in self.children(id) {
            match &self.nodes[child].kind {
                Kind::Text(text) => out.push_str(text),
                Kind::Element(_) => {
                    out.push_str(separator);
                    self.collect_text(child, out, separator);
                    out.push_str(separator);
                }
            }
        }
    }

    /// The source between `id`'s tags, markup and references as written.
    pub fn inner_source(&self, id: NodeId) -> &'a str {
        let range = &self.element(id).inner;
        self.source.get(range.clone()).unwrap_or("")
    }

    /// What a field holds: its text when it has no child elements, else its markup as written
    /// (HTML pasted without escaping, or text with inline markup).
    pub fn content(&self, id: NodeId) -> Cow<'a, str> {
        match self.has_element_children(id) {
            true => Cow::Borrowed(self.inner_source(id)),
            false => self.text(id),
        }
    }

    /// `href` resolved against the `xml:base` in effect at `id`, itself resolved against `base`
    /// (the document's address); as written when no `xml:base` applies or it cannot be used.
    pub fn resolve(&self, id: NodeId, href: &str, base: Option<&Url>) -> String {
        let href = href.trim();
        if !self.has_xml_base {
            return href.to_string();
        }
        let mut chain: Vec<&str> = Vec::new();
        let mut node = Some(id);
        while let Some(current) = node {
            if let Kind::Element(_) = self.nodes[current].kind {
                chain.extend(self.attribute(current, Ns::Xml, "base"));
            }
            node = self.nodes[current].parent;
        }
        let effective =
            chain
                .iter()
                .rev()
                .fold(base.cloned(), |effective, xml_base| match effective {
                    Some(url) => url.join(xml_base.trim()).ok().or(Some(url)),
                    None => Url::parse(xml_base.trim()).ok(),
                });
        effective
            .and_then(|url| url.join(href).ok())
            .map_or_else(|| href.to_string(), String::from)
    }

    /// Whether `id` or an element around it is unfinished (the document ends inside it).
    pub fn is_unfinished(&self, id: NodeId) -> bool {
        self.element(id).unfinished
    }
}

#[cfg(test)]
mod tests;

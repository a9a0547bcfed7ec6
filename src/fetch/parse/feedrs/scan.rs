//! The scan before feed-rs: one pass over the document's XML events (quick-xml, no tree) that
//! decides whether feed-rs may read it, and gathers per item what feed-rs does not read.
//!
//! feed-rs reads an ordinary RSS 2.0, RSS 1.0 or Atom 1.0 document as well as our tolerant
//! reader does. The scan refuses, with a reason, every document holding something feed-rs is
//! known to mishandle: markup inside a text field (feed-rs keeps the text before it), Atom
//! text of another type than `text` or `html`, Atom 0.3 and RSS 0.90, well-known namespaces
//! under other spellings, undeclared prefixes, titles only in `dc:`/`media:`/`itunes:`, an
//! item's date or id given twice (feed-rs keeps the last, we the first), moved-feed elements,
//! nesting deep enough to overflow feed-rs's recursion, and anything not well-formed.

mod children;
mod kept;

use super::super::document::{Citation, Enclosure};
use super::super::xml::{Ns, decode_references};
use super::lexer::{self, Lexer, Piece, has_bare_ampersand};
use kept::{Cited, Counts, Kept};

/// Deeper nesting goes to the tolerant reader: feed-rs follows `media:group` by recursion, and
/// no feed needs more than a dozen levels.
const MAX_DEPTH: usize = 32;

/// More prefixes in scope go to the tolerant reader: quick-xml (in feed-rs) looks each element's
/// prefix up among all of them, which thousands would make quadratic.
const MAX_BINDINGS: usize = 64;

/// Why the scan kept a document from feed-rs.
pub type Refusal = &'static str;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Rss,
    Rdf,
    Atom,
}

/// What an item has that feed-rs does not read, in the tolerant reader's terms.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ItemExtras {
    /// `dc:identifier`, `prism:doi`: where journals put DOIs and PMIDs.
    pub identifiers: Vec<String>,
    /// Date elements of other vocabularies, for an item without a date of its own.
    pub other_dates: Vec<String>,
    /// The item's one publication date, when it is in an element feed-rs ignores.
    pub published: Option<String>,
    /// The item's one update date, when it is in an element feed-rs ignores.
    pub updated: Option<String>,
    /// An RSS guid that is a permalink (no `isPermaLink="false"`), as written.
    pub permalink: Option<String>,
    /// A title in `dc:`, `media:`, `itunes:` or Atom, for an item without its own.
    pub other_title: bool,
    /// `<enclosure>` and `<media:content>` elements with an address: feed-rs must find as many.
    pub attachments: usize,
    /// RSS `<enclosure>`s of an item that also has Media RSS content, which feed-rs drops
    /// (we keep them, after the Media RSS ones).
    pub enclosures: Vec<Enclosure>,
    /// PRISM and Dublin Core bibliographic elements, and where a preprint says it was published.
    pub citation: Citation,
    pub relations: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Scan {
    pub items: Vec<ItemExtras>,
    /// The channel's `prism:publicationName`: the journal of every item.
    pub publication: Option<String>,
}

/// Namespaces as far as routing cares: only the exact URIs feed-rs knows count as known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Space {
    None,
    Rss,
    Atom,
    Dc,
    DcTerms,
    Content,
    Media,
    Itunes,
    Rdf,
    Prism,
    Other,
}

/// What an open element is to the scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Root,
    Channel,
    Item,
    /// Text feed-rs reads: an element inside it would cut the text short.
    Field,
    /// An RSS `<link>`: feed-rs makes a blank one the feed's own address.
    Link,
    /// Text feed-rs does not read, kept for the item.
    Capture(Kept),
    /// Media RSS elements, Atom people: children are expected.
    Container,
    MediaGroup,
    MediaContent,
    Ignored,
}

/// Scans a document for feed-rs: what it keeps per item, or why feed-rs should not read it.
pub fn scan(doc: &str) -> Result<Scan, Refusal> {
    let mut lexer = Lexer::new(doc);
    let mut scanner = Scanner {
        xml_base: memchr::memmem::find(doc.as_bytes(), b"xml:base").is_some(),
        ..Scanner::default()
    };
    while let Some(piece) = lexer.next_piece() {
        match piece.map_err(|_| "not well-formed XML")? {
            Piece::Start {
                name,
                attributes,
                empty,
            } => {
                scanner.open(name, attributes)?;
                if empty {
                    scanner.close(name)?;
                }
            }
            Piece::End { name } => scanner.close(name)?,
            Piece::Text(text) => scanner.text(text, false),
            Piece::CData(text) => scanner.text(text, true),
        }
        if scanner.stack.is_empty() && scanner.format.is_some() {
            return scanner.finish();
        }
    }
    Err("the document ends before its root element does")
}

/// The exact URIs feed-rs recognises, then the ones only the tolerant reader does.
fn classify(uri: &str) -> Result<Space, Refusal> {
    Ok(match uri {
        "" => Space::None,
        "http://purl.org/rss/1.0/" => Space::Rss,
        "http://www.w3.org/2005/Atom" => Space::Atom,
        "http://purl.org/dc/elements/1.1/" => Space::Dc,
        "http://purl.org/rss/1.0/modules/content/" => Space::Content,
        "http://search.yahoo.com/mrss/" => Space::Media,
        "http://www.itunes.com/dtds/podcast-1.0.dtd" => Space::Itunes,
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#" => Space::Rdf,
        other => match Ns::from_uri(other) {
            Ns::Atom03 => return Err("Atom 0.3"),
            Ns::Rss if other.ends_with("/0.9/") || other.ends_with("/0.9") => {
                return Err("RSS 0.90");
            }
            Ns::DcTerms => Space::DcTerms,
            Ns::Prism => Space::Prism,
            Ns::Other(_) | Ns::Xhtml | Ns::Xml => Space::Other,
            _ => return Err("a well-known namespace spelled in a way feed-rs does not know"),
        },
    })
}

/// An unprefixed attribute's value, its references decoded.
fn attribute(attributes: &str, name: &str, ignore_case: bool) -> Option<String> {
    lexer::attributes(attributes).find_map(|(key, value)| {
        let matches = match ignore_case {
            true => key.eq_ignore_ascii_case(name),
            false => key == name,
        };
        matches.then(|| decode_references(value, &mut false).into_owned())
    })
}

#[derive(Default)]
struct Scanner<'a> {
    stack: Vec<Role>,
    /// The open elements' names, to match their end tags.
    names: Vec<&'a str>,
    /// Namespace prefixes in scope, and how many each open element added.
    bindings: Vec<(&'a str, Space)>,
    declared: Vec<usize>,
    format: Option<Format>,
    /// The root element's namespace (Atom's elements may be in none).
    root_space: Option<Space>,
    items: Vec<ItemExtras>,
    publication: Option<String>,
    counts: Counts,
    /// Text of the element being kept.
    text: String,
    channel_title: bool,
    channel_dublin_core_title: bool,
    /// Whether the document uses `xml:base` anywhere.
    xml_base: bool,
    /// What the open `<link>` holds: some text, or only whitespace.
    link_text: bool,
    link_blank: bool,
}

impl<'a> Scanner<'a> {
    fn in_item(&self) -> bool {
        self.stack.contains(&Role::Item)
    }

    fn open(&mut self, name: &'a str, attributes: &'a str) -> Result<(), Refusal> {
        if self.stack.len() >= MAX_DEPTH {
            return Err("elements nested deeper than feed-rs can safely follow");
        }
        if has_bare_ampersand(attributes) {
            return Err("a bare & in an attribute");
        }
        self.declare(attributes)?;
        let (prefix, local) = match name.split_once(':') {
            Some((prefix, local)) => (prefix, local),
            None => ("", name),
        };
        let space = self.resolve(prefix)?;
        let role = match self.stack.last().copied() {
            None => self.root(space, local)?,
            Some(Role::Field | Role::Link | Role::Capture(_)) => {
                return Err("markup inside a text field");
            }
            Some(Role::Root) => self.root_child(space, local, attributes)?,
            Some(Role::Channel) => self.channel_child(space, local)?,
            Some(Role::Item) => match self.format {
                Some(Format::Atom) => self.entry_child(space, local, attributes)?,
                _ => self.item_child(space, local, attributes)?,
            },
            Some(parent @ (Role::MediaGroup | Role::MediaContent)) => {
                self.media_child(parent, space, local, attributes)?
            }
            Some(Role::Container | Role::Ignored) => {
                if self.in_item() && space == Space::Media && local == "title" {
                    self.item().other_title = true;
                }
                Role::Container
            }
        };
        if role == Role::Item {
            self.items.push(ItemExtras::default());
            self.counts = Counts::default();
        }
        self.text.clear();
        (self.link_text, self.link_blank) = (false, false);
        self.stack.push(role);
        self.names.push(name);
        Ok(())
    }

    /// Adds the element's `xmlns` declarations to the prefixes in scope.
    fn declare(&mut self, attributes: &'a str) -> Result<(), Refusal> {
        let before = self.bindings.len();
        if memchr::memmem::find(attributes.as_bytes(), b"xmlns").is_some() {
            for (key, uri) in lexer::attributes(attributes) {
                let prefix = match key.strip_prefix("xmlns") {
                    Some("") => "",
                    Some(prefixed) => match prefixed.strip_prefix(':') {
                        Some(prefix) => prefix,
                        None => continue,
                    },
                    None => continue,
                };
                self.bindings.push((prefix, classify(uri.trim())?));
            }
            if self.bindings.len() > MAX_BINDINGS {
                return Err("more namespace declarations than feed-rs can look up quickly");
            }
        }
        self.declared.push(self.bindings.len() - before);
        Ok(())
    }

    fn resolve(&self, prefix: &str) -> Result<Space, Refusal> {
        let bound = self
            .bindings
            .iter()
            .rev()
            .find(|(bound, _)| *bound == prefix);
        match (bound, prefix) {
            (Some(&(_, space)), _) => Ok(space),
            (None, "") => Ok(Space::None),
            (None, "xml") => Ok(Space::Other),
            (None, _) => Err("a prefix nobody declared"),
        }
    }

    fn close(&mut self, name: &str) -> Result<(), Refusal> {
        if self.names.pop() != Some(name) {
            return Err("not well-formed XML");
        }
        let declared = self.declared.pop().unwrap_or(0);
        self.bindings.truncate(self.bindings.len() - declared);
        match self.stack.pop() {
            Some(Role::Capture(kept)) => {
                let text = self.text.trim().to_string();
                self.text.clear();
                match (text.is_empty(), kept) {
                    // The tolerant reader takes the last, even an empty one.
                    (true, Kept::Publication) => self.publication = None,
                    (true, _) => {}
                    (false, _) => self.keep(kept, text),
                }
            }
            Some(Role::Item) => self.close_item()?,
            Some(Role::Link) if self.link_blank && !self.link_text => {
                return Err("a blank link");
            }
            Some(Role::MediaGroup) if std::mem::take(&mut self.counts.group_has_media) => {
                self.counts.media_groups = self.counts.media_groups.saturating_add(1);
            }
            _ => {}
        }
        Ok(())
    }

    /// Character data (`cdata`: a CDATA section), as written.
    fn text(&mut self, raw: &str, cdata: bool) {
        match self.stack.last() {
            Some(Role::Capture(_)) if cdata => self.text.push_str(raw),
            Some(Role::Capture(_)) => self.text.push_str(&decode_references(raw, &mut false)),
            Some(Role::Link) => match raw.trim().is_empty() {
                true => self.link_blank = true,
                false => self.link_text = true,
            },
            _ => {}
        }
    }

    fn finish(self) -> Result<Scan, Refusal> {
        if self.channel_dublin_core_title && !self.channel_title {
            return Err("the feed's title is only in dc:title");
        }
        Ok(Scan {
            items: self.items,
            publication: self.publication,
        })
    }
}

#[cfg(test)]
mod tests;

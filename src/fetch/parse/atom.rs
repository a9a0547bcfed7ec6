//! Atom 1.0 (RFC 4287) and Atom 0.3 from the element tree.

use super::atom_text::{self, Role};
use super::document::{Entry, Feed, Format, Text};
use super::extensions::{self, Found, date, set, trimmed, written};
use super::repairs::{Repair, Repairs};
use super::rss::{atom_link, moved_to};
use super::xml::{Document, NodeId, Ns};
use url::Url;

/// Reads a `<feed>` root.
pub fn read(
    document: &Document<'_>,
    root: NodeId,
    base: Option<&Url>,
    repairs: &mut Repairs,
) -> Feed {
    let reader = Reader {
        document,
        root_ns: document.element(root).ns,
        base,
    };
    let mut feed = Feed::new(Format::Atom);
    feed.moved_to = moved_to(document, root);
    for (child, element) in document.elements(root) {
        if !reader.is_atom(element.ns) {
            continue;
        }
        match element.local {
            "title" => set(&mut feed.title, reader.text(child, Role::Text, repairs)),
            "link" => feed.links.extend(atom_link(document, child, base)),
            "generator" => feed.generator = trimmed(document, child),
            "author" => feed.authors.extend(reader.person(child)),
            "subtitle" | "tagline" | "rights" | "copyright" => {
                // Not shown, but an irregular type is still worth telling the publisher.
                reader.text(child, Role::Text, repairs);
            }
            "entry" if document.is_unfinished(child) => feed.skipped += 1,
            "entry" => feed.entries.push(reader.entry(child, repairs)),
            _ => {}
        }
    }
    feed
}

struct Reader<'d, 'a> {
    document: &'d Document<'a>,
    root_ns: Ns<'a>,
    /// The document's address, for `xml:base`.
    base: Option<&'d Url>,
}

impl Reader<'_, '_> {
    /// Atom's elements: in either Atom namespace, or in the root's when a `<feed>` forgot to
    /// declare one.
    fn is_atom(&self, ns: Ns<'_>) -> bool {
        ns.is_atom() || ns == self.root_ns
    }

    fn text(&self, id: NodeId, role: Role, repairs: &mut Repairs) -> Option<Text> {
        let (text, irregular) = atom_text::read(self.document, id, role);
        repairs.note_if(irregular, Repair::ContentType);
        text
    }

    /// `<author><name/><email/></author>`: the name, else the address.
    fn person(&self, id: NodeId) -> Option<String> {
        let document = self.document;
        let field = |local: &str| {
            document
                .elements(id)
                .find(|(_, element)| element.local == local)
                .and_then(|(child, _)| trimmed(document, child))
        };
        field("name").or_else(|| field("email"))
    }

    fn entry(&self, id: NodeId, repairs: &mut Repairs) -> Entry {
        let document = self.document;
        let mut entry = Entry::default();
        let mut found = Found::default();
        for (child, element) in document.elements(id) {
            if !self.is_atom(element.ns) {
                extensions::item_field(document, child, self.base, &mut entry, &mut found);
                continue;
            }
            match element.local {
                "id" => set(&mut entry.id, trimmed(document, child)),
                "title" => set(&mut found.titles.own, self.text(child, Role::Text, repairs)),
                "link" => entry.links.extend(atom_link(document, child, self.base)),
                "summary" => set(&mut entry.summary, self.text(child, Role::Text, repairs)),
                "content" => set(&mut entry.content, self.text(child, Role::Content, repairs)),
                "published" | "issued" | "pubDate" => {
                    set(&mut entry.published, written(document, child));
                }
                "updated" | "modified" => set(&mut entry.updated, written(document, child)),
                "created" => entry.other_dates.extend(date(document, child)),
                "author" => entry.authors.extend(self.person(child)),
                "category" => entry.categories.extend(self.category(child)),
                "rights" => {
                    self.text(child, Role::Text, repairs);
                }
                _ => {}
            }
        }
        found.finish(&mut entry);
        entry
    }

    /// `<category term label>`; Atom 0.3 and careless publishers put the term in the text.
    fn category(&self, id: NodeId) -> Option<String> {
        let term = self.document.attribute(id, Ns::None, "term").map(str::trim);
        match term.filter(|term| !term.is_empty()) {
            Some(term) => Some(term.to_string()),
            None => trimmed(self.document, id),
        }
    }
}

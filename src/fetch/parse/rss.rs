//! RSS 0.90, 0.91–0.94, 1.0 and 2.0 from the element tree. One reader for all of them: the
//! versions differ in where items sit (inside the channel, or beside it in RDF) and in their
//! namespace, not in what an item means.

use super::atom_text::{self, Role};
use super::document::{Entry, Feed, Format, Link};
use super::extensions::{self, Found, OTHER_DATES, date, enclosure, html, set, trimmed, written};
use super::repairs::{Repair, Repairs};
use super::xml::{Document, NodeId, Ns};
use url::Url;

/// Reads an `<rss>`, `<rdf:RDF>` or bare `<channel>` root.
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
    let mut feed = Feed::new(Format::Rss);
    let channels: Vec<NodeId> = match document.element(root).local {
        "channel" => vec![root],
        _ => reader.core_children(root, "channel").collect(),
    };
    if let Some(&channel) = channels.first() {
        reader.channel(channel, &mut feed);
    }
    if document.element(root).local == "rss"
        && document.attribute(root, Ns::None, "version").is_none()
    {
        repairs.note(Repair::MissingVersion);
    }
    feed.moved_to = moved_to(document, root).or_else(|| {
        channels
            .iter()
            .find_map(|&channel| moved_to(document, channel))
    });
    let holders = std::iter::once(root).chain(channels.iter().copied().filter(|&c| c != root));
    for holder in holders {
        for item in reader.core_children(holder, "item") {
            match document.is_unfinished(item) {
                true => feed.skipped += 1,
                false => feed.entries.push(reader.item(item, repairs)),
            }
        }
    }
    feed
}

/// `<redirect><newLocation>` or `itunes:new-feed-url` among `id`'s children.
pub fn moved_to(document: &Document<'_>, id: NodeId) -> Option<String> {
    document.elements(id).find_map(|(child, element)| {
        let location = match (element.ns, element.local) {
            (Ns::Itunes, "new-feed-url") => Some(child),
            (_, "redirect") => document
                .elements(child)
                .find(|(_, inner)| inner.local == "newLocation")
                .map(|(location, _)| location),
            _ => None,
        }?;
        let text = document.text(location);
        let text = text.trim();
        (!text.is_empty()).then(|| text.to_string())
    })
}

struct Reader<'d, 'a> {
    document: &'d Document<'a>,
    /// An `<rss>` root may declare a namespace of its own for its elements.
    root_ns: Ns<'a>,
    /// The document's address, for `xml:base`.
    base: Option<&'d Url>,
}

impl<'a> Reader<'_, 'a> {
    fn is_core(&self, ns: Ns<'_>) -> bool {
        matches!(ns, Ns::None | Ns::Rss) || (ns == self.root_ns && self.root_ns != Ns::Rdf)
    }

    fn core_children<'s>(
        &'s self,
        id: NodeId,
        local: &'s str,
    ) -> impl Iterator<Item = NodeId> + 's {
        self.document
            .elements(id)
            .filter(move |(_, element)| element.local == local && self.is_core(element.ns))
            .map(|(child, _)| child)
    }

    fn channel(&self, channel: NodeId, feed: &mut Feed) {
        let document = self.document;
        let mut dublin_core_title = None;
        for (child, element) in document.elements(channel) {
            match (self.is_core(element.ns), element.ns, element.local) {
                (true, _, "title") if feed.title.is_none() => feed.title = html(document, child),
                (true, _, "link") => feed.links.extend(self.link(child)),
                (true, _, "generator") => feed.generator = trimmed(document, child),
                (true, _, "ttl") => {
                    feed.ttl = trimmed(document, child).and_then(|ttl| ttl.parse().ok());
                }
                (_, Ns::Atom, "link") => feed.links.extend(atom_link(document, child, self.base)),
                (_, ns, "title") if ns.is_dublin_core() => {
                    dublin_core_title = html(document, child)
                }
                (_, Ns::Prism, "publicationName") => {
                    feed.publication = trimmed(document, child);
                }
                _ => {}
            }
        }
        feed.title = feed.title.take().or(dublin_core_title);
    }

    fn item(&self, item: NodeId, repairs: &mut Repairs) -> Entry {
        let document = self.document;
        let mut entry = Entry::default();
        let mut found = Found::default();
        for (child, element) in document.elements(item) {
            if self.is_core(element.ns) {
                self.core_field(child, element.local, &mut entry, &mut found);
                continue;
            }
            match (element.ns, element.local) {
                (Ns::Atom, "link") => entry.links.extend(atom_link(document, child, self.base)),
                (Ns::Atom, "title") => {
                    let (text, irregular) = atom_text::read(document, child, Role::Text);
                    repairs.note_if(irregular, Repair::ContentType);
                    set(&mut found.titles.atom, text);
                }
                (Ns::Atom, "updated") => set(&mut entry.updated, written(document, child)),
                _ => extensions::item_field(document, child, self.base, &mut entry, &mut found),
            }
        }
        found.finish(&mut entry);
        // feed-rs, which reads most RSS, never reads an item's atom:link; an item with no
        // other link has always been known by its title and date, and keeps that identity.
        entry.links_are_not_its_id = !entry.links.is_empty() && !self.has_link(item);
        self.rdf_identity(item, &mut entry);
        entry
    }

    /// Whether the item has an RSS `<link>` with an address in it.
    fn has_link(&self, item: NodeId) -> bool {
        self.core_children(item, "link")
            .any(|link| trimmed(self.document, link).is_some())
    }

    fn core_field(&self, child: NodeId, local: &str, entry: &mut Entry, found: &mut Found) {
        let document = self.document;
        match local {
            "title" => set(&mut found.titles.own, html(document, child)),
            "link" => entry.links.extend(self.link(child)),
            "description" => set(&mut entry.summary, html(document, child)),
            "guid" => self.guid(child, entry),
            "pubDate" => set(&mut entry.published, written(document, child)),
            "updated" => set(&mut entry.updated, written(document, child)),
            "author" => entry.authors.extend(trimmed(document, child)),
            "category" => entry.categories.extend(trimmed(document, child)),
            "enclosure" => entry
                .enclosures
                .extend(enclosure(document, child, self.base)),
            other if OTHER_DATES.contains(&other) => {
                entry.other_dates.extend(date(document, child));
            }
            _ => {}
        }
    }

    /// An RSS `<link>`: its text, under any `xml:base`.
    fn link(&self, id: NodeId) -> Option<Link> {
        let href = trimmed(self.document, id)?;
        Some(Link::page(self.document.resolve(id, &href, self.base)))
    }

    /// RSS 2.0: a guid is a permalink unless `isPermaLink` says otherwise.
    fn guid(&self, child: NodeId, entry: &mut Entry) {
        let Some(guid) = trimmed(self.document, child) else {
            return;
        };
        let permalink = self
            .document
            .attribute_ignoring_case(child, "isPermaLink")
            .is_none_or(|value| !value.trim().eq_ignore_ascii_case("false"));
        if permalink && entry.permalink.is_none() {
            entry.permalink = Some(guid.clone());
        }
        set(&mut entry.id, Some(guid));
    }

    /// RSS 1.0: `rdf:about` is the id of an item without a `<link>`. An item with one keeps
    /// its link as its id: that is what feed-rs, which reads such items, gives it, and what
    /// rounds has always stored, so a refresh recognises the item whichever reader reads it.
    fn rdf_identity(&self, item: NodeId, entry: &mut Entry) {
        let about = self
            .document
            .attribute(item, Ns::Rdf, "about")
            .map(str::trim)
            .filter(|about| !about.is_empty());
        let Some(about) = about else {
            return;
        };
        if entry.id.is_none() && !self.has_link(item) {
            entry.id = Some(about.to_string());
        }
        if entry.permalink.is_none() {
            entry.permalink = Some(about.to_string());
        }
    }
}

/// An Atom `<link href rel type>`, in Atom or RSS, under any `xml:base`.
pub fn atom_link(document: &Document<'_>, id: NodeId, base: Option<&Url>) -> Option<Link> {
    let href = document.attribute(id, Ns::None, "href")?.trim();
    let text = |name: &str| {
        document
            .attribute(id, Ns::None, name)
            .map(str::trim)
            .filter(|value| !value.is_empty())
            .map(str::to_string)
    };
    (!href.is_empty()).then(|| Link {
        href: document.resolve(id, href, base),
        rel: text("rel"),
        media_type: text("type"),
    })
}

//! The vocabularies RSS and Atom items both borrow: Dublin Core, PRISM, Media RSS, iTunes and
//! the content module. They are where journals put DOIs and dates, and where podcasts and video
//! sites put the only title an item has.

use super::document::{Enclosure, Entry, Text, When};
use super::xml::{Document, NodeId, Ns};
use url::Url;

/// Date elements of other vocabularies, by local name, tried when an item has none of its
/// format's own (`prism:publicationDate`, Atom 0.3's `created`).
pub const OTHER_DATES: [&str; 7] = [
    "date",
    "publicationDate",
    "coverDate",
    "issued",
    "created",
    "modified",
    "published",
];

/// What an item's extension elements gave, until the entry is assembled.
#[derive(Default)]
pub struct Found {
    pub titles: Titles,
    pub media: Vec<Enclosure>,
}

/// Every title an item offers; the first of them, in this order, is its title.
#[derive(Default)]
pub struct Titles {
    pub own: Option<Text>,
    pub atom: Option<Text>,
    pub dublin_core: Option<Text>,
    pub media: Option<Text>,
    pub itunes: Option<Text>,
}

impl Found {
    /// Gives the entry its title, and its Media RSS enclosures ahead of the format's own.
    pub fn finish(self, entry: &mut Entry) {
        let titles = self.titles;
        entry.title = titles
            .own
            .or(titles.atom)
            .or(titles.dublin_core)
            .or(titles.media)
            .or(titles.itunes);
        let mut enclosures = self.media;
        enclosures.append(&mut entry.enclosures);
        entry.enclosures = enclosures;
    }
}

/// Reads one extension element of an item, if it is one we know.
pub fn item_field(
    document: &Document<'_>,
    child: NodeId,
    base: Option<&Url>,
    entry: &mut Entry,
    found: &mut Found,
) {
    let element = document.element(child);
    match (element.ns, element.local) {
        (ns, "title") if ns.is_dublin_core() => {
            set(&mut found.titles.dublin_core, html(document, child))
        }
        (ns, "creator") if ns.is_dublin_core() => entry.authors.extend(trimmed(document, child)),
        (ns, "identifier") if ns.is_dublin_core() => {
            entry.identifiers.extend(trimmed(document, child));
        }
        (ns, "date") if ns.is_dublin_core() => set(&mut entry.published, written(document, child)),
        (ns, "modified") if ns.is_dublin_core() => {
            set(&mut entry.updated, written(document, child))
        }
        (Ns::Prism, "doi" | "url") => entry.identifiers.extend(trimmed(document, child)),
        (Ns::Content, "encoded") => set(&mut entry.content, html(document, child)),
        (Ns::Media, _) => media(document, child, base, found),
        (Ns::Itunes, "title") => set(&mut found.titles.itunes, html(document, child)),
        (_, local) if OTHER_DATES.contains(&local) => {
            entry.other_dates.extend(date(document, child));
        }
        (Ns::Prism, _) | (Ns::Dc | Ns::DcTerms, "source" | "type" | "relation" | "isVersionOf") => {
            bibliographic(document, child, entry)
        }
        _ => {}
    }
}

/// PRISM's journal, volume, issue, pages and section; Dublin Core's source, type and relation.
fn bibliographic(document: &Document<'_>, id: NodeId, entry: &mut Entry) {
    let element = document.element(id);
    let value = trimmed(document, id).map(|text| crate::text::plain_text(&text));
    let citation = &mut entry.citation;
    let slot = match (element.ns, element.local) {
        (Ns::Prism, "publicationName") => &mut citation.journal,
        (Ns::Prism, "volume") => &mut citation.volume,
        (Ns::Prism, "number" | "issueIdentifier") => &mut citation.issue,
        (Ns::Prism, "startingPage") => &mut citation.first_page,
        (Ns::Prism, "endingPage") => &mut citation.last_page,
        (Ns::Prism, "pageRange") => &mut citation.page_range,
        (Ns::Prism, "section") | (_, "type") => &mut citation.section,
        (_, "source") => &mut citation.source,
        (_, "relation" | "isVersionOf") => {
            entry.relations.extend(value);
            return;
        }
        _ => return,
    };
    set(slot, value.filter(|text| !text.is_empty()));
}

/// `media:title`, `media:content` (which may hold a title and a description) and
/// `media:group` (which holds both, and a description for its contents).
fn media(document: &Document<'_>, id: NodeId, base: Option<&Url>, found: &mut Found) {
    match document.element(id).local {
        "title" => set(&mut found.titles.media, media_title(document, id)),
        "content" => {
            let mut enclosure = enclosure(document, id, base);
            for (child, element) in document.elements(id) {
                match (element.ns, element.local) {
                    (Ns::Media, "title") => {
                        set(&mut found.titles.media, media_title(document, child))
                    }
                    (Ns::Media, "description") => {
                        if let Some(enclosure) = enclosure.as_mut() {
                            set(&mut enclosure.description, trimmed(document, child));
                        }
                    }
                    _ => {}
                }
            }
            found.media.extend(enclosure);
        }
        "group" => {
            let first = found.media.len();
            let description = document
                .elements(id)
                .find(|(_, element)| element.ns == Ns::Media && element.local == "description")
                .and_then(|(child, _)| trimmed(document, child));
            for (child, element) in document.elements(id) {
                if element.ns == Ns::Media {
                    media(document, child, base, found);
                }
            }
            for enclosure in &mut found.media[first..] {
                set(&mut enclosure.description, description.clone());
            }
        }
        _ => {}
    }
}

fn media_title(document: &Document<'_>, id: NodeId) -> Option<Text> {
    match document.attribute(id, Ns::None, "type") {
        Some(kind) if kind.trim().eq_ignore_ascii_case("html") => html(document, id),
        _ => Text::plain(document.text(id)).non_empty(),
    }
}

/// Keeps the first value found.
pub fn set<T>(slot: &mut Option<T>, value: Option<T>) {
    if slot.is_none() {
        *slot = value;
    }
}

/// An element's text, trimmed; `None` when blank.
pub fn trimmed(document: &Document<'_>, id: NodeId) -> Option<String> {
    let text = document.text(id);
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// An element that holds HTML (escaped, in CDATA, or pasted as markup).
pub fn html(document: &Document<'_>, id: NodeId) -> Option<Text> {
    Text::html(document.content(id)).non_empty()
}

/// A date element's text; a `<time datetime="…">` inside it is kept for the date parser.
pub fn date(document: &Document<'_>, id: NodeId) -> Option<String> {
    let content = document.content(id);
    let content = content.trim();
    (!content.is_empty()).then(|| content.to_string())
}

/// A date element's text, for the date parser.
pub fn written(document: &Document<'_>, id: NodeId) -> Option<When> {
    date(document, id).map(When::Written)
}

/// `<enclosure url type>` or `<media:content url type>`, under any `xml:base`.
pub fn enclosure(document: &Document<'_>, id: NodeId, base: Option<&Url>) -> Option<Enclosure> {
    let url = document.attribute(id, Ns::None, "url")?.trim();
    (!url.is_empty()).then(|| Enclosure {
        url: document.resolve(id, url, base),
        media_type: document
            .attribute(id, Ns::None, "type")
            .map(str::trim)
            .filter(|kind| kind.contains('/'))
            .map(str::to_string),
        description: None,
    })
}

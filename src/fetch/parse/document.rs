//! What the format readers (`rss`, `atom`, `json`) hand on: a feed's fields as the document
//! gives them, before links are made absolute, dates parsed and titles made plain (`entry`).

use super::dates;
use crate::text::entities;
use chrono::{DateTime, Utc};

/// How a piece of text is meant to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    Plain,
    Html,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub kind: TextKind,
    pub value: String,
}

impl Text {
    pub fn html(value: impl Into<String>) -> Text {
        Text {
            kind: TextKind::Html,
            value: value.into(),
        }
    }

    pub fn plain(value: impl Into<String>) -> Text {
        Text {
            kind: TextKind::Plain,
            value: value.into(),
        }
    }

    /// `None` for text that is only whitespace.
    pub fn non_empty(self) -> Option<Text> {
        (!self.value.trim().is_empty()).then_some(self)
    }

    /// The text as HTML: plain text has its markup characters escaped and its line breaks
    /// kept, so a reader shows it as written (HTML references, which XML leaves undecoded,
    /// stay references).
    pub fn into_html(self) -> String {
        match self.kind {
            TextKind::Html => self.value,
            TextKind::Plain => escape_html(self.value.trim()).replace('\n', "<br>\n"),
        }
    }
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (index, c) in text.char_indices() {
        match c {
            '&' if starts_reference(&text[index + 1..]) => out.push('&'),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// `&name;` or `&#…;` that HTML decodes.
fn starts_reference(rest: &str) -> bool {
    entities::decode_at(rest).is_some_and(|(_, length)| rest.as_bytes()[length - 1] == b';')
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Link {
    pub href: String,
    pub rel: Option<String>,
    pub media_type: Option<String>,
}

impl Link {
    pub fn page(href: impl Into<String>) -> Link {
        Link {
            href: href.into(),
            ..Link::default()
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Rss,
    Atom,
    Json,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub format: Format,
    pub title: Option<Text>,
    pub links: Vec<Link>,
    pub generator: Option<String>,
    /// Atom and JSON Feed authors, which entries without their own inherit.
    pub authors: Vec<String>,
    /// Where the document says the feed now lives (`<redirect><newLocation>`,
    /// `itunes:new-feed-url`), as written.
    pub moved_to: Option<String>,
    /// RSS `<ttl>`: minutes the feed may be cached.
    pub ttl: Option<u32>,
    /// The channel's `prism:publicationName`: the journal of every item (NEJM names it once).
    pub publication: Option<String>,
    pub entries: Vec<Entry>,
    /// Entries found but not readable (cut off by the end of the document).
    pub skipped: usize,
}

impl Feed {
    pub fn new(format: Format) -> Feed {
        Feed {
            format,
            title: None,
            links: Vec::new(),
            generator: None,
            authors: Vec::new(),
            moved_to: None,
            ttl: None,
            publication: None,
            entries: Vec::new(),
            skipped: 0,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    pub id: Option<String>,
    pub title: Option<Text>,
    /// Links to pages, in the document's order of preference.
    pub links: Vec<Link>,
    /// A link of last resort: an RSS permalink guid or an RSS 1.0 `rdf:about`.
    pub permalink: Option<String>,
    /// The links are the item's page but do not identify it (an RSS item's atom:link).
    pub links_are_not_its_id: bool,
    pub summary: Option<Text>,
    pub content: Option<Text>,
    pub published: Option<When>,
    pub updated: Option<When>,
    /// Other date elements, tried in order when the item has neither of the above.
    pub other_dates: Vec<String>,
    /// Author names or `e-mail (Name)` strings as written.
    pub authors: Vec<String>,
    pub categories: Vec<String>,
    pub enclosures: Vec<Enclosure>,
    /// `dc:identifier`, `prism:doi`, `prism:url`: where journals and PubMed put DOIs and PMIDs.
    pub identifiers: Vec<String>,
    /// PRISM and Dublin Core bibliographic elements.
    pub citation: Citation,
    /// `dc:relation`, `dcterms:isVersionOf`: where a preprint server says the paper was
    /// published.
    pub relations: Vec<String>,
}

/// An item's PRISM and Dublin Core bibliographic elements; the first of each wins, but
/// `prism:publicationName` wins over `dc:source`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Citation {
    pub journal: Option<String>,
    /// `dc:source`: a journal, when `prism:publicationName` is not given.
    pub source: Option<String>,
    pub volume: Option<String>,
    /// `prism:number` or `prism:issueIdentifier`.
    pub issue: Option<String>,
    pub first_page: Option<String>,
    pub last_page: Option<String>,
    pub page_range: Option<String>,
    /// `prism:section`, `dc:type`: the article type (or, at medRxiv, the subject).
    pub section: Option<String>,
}

/// A date as the document writes it, or as feed-rs has already read it (with our parser).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    Written(String),
    Read(DateTime<Utc>),
}

impl When {
    pub fn read(&self) -> Option<DateTime<Utc>> {
        match self {
            When::Written(raw) => dates::parse_timestamp(raw),
            When::Read(date) => Some(*date),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enclosure {
    pub url: String,
    pub media_type: Option<String>,
    /// `media:description`: what the attachment shows, in its author's words.
    pub description: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_becomes_html_that_shows_it_as_written() {
        let text = Text::plain(" 5 < 7 & AT&T <b>\nCaf&eacute;&#233; &copy 2025 ");
        assert_eq!(
            text.into_html(),
            "5 &lt; 7 &amp; AT&amp;T &lt;b&gt;<br>\nCaf&eacute;&#233; &amp;copy 2025"
        );
        assert_eq!(Text::html("<p>x</p>").into_html(), "<p>x</p>");
    }
}

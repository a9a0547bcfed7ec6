//! feed-rs's model → ours (`document::Feed`), so that a feed feed-rs read goes through the same
//! steps as one the tolerant reader read (`entry`, `posts`): what each element means is decided
//! here the way the tolerant reader decides it (an RSS description is HTML, an Atom text is what
//! its type says), and what feed-rs does not read comes from the scan.

use super::super::document::{Enclosure, Entry, Feed, Format, Link, Text, When};
use super::scan::{ItemExtras, Scan};
use feed_rs::model;

/// The whole feed; the scan has one item per feed-rs entry (none for JSON Feed).
pub fn feed(parsed: model::Feed, scan: Scan, doc: &[u8]) -> Feed {
    let format = match parsed.feed_type {
        model::FeedType::Atom => Format::Atom,
        model::FeedType::JSON => Format::Json,
        model::FeedType::RSS0 | model::FeedType::RSS1 | model::FeedType::RSS2 => Format::Rss,
    };
    let mut feed = Feed::new(format);
    feed.title = parsed.title.and_then(|title| text(title, format));
    feed.links = match format {
        Format::Json => json_site(parsed.links, doc),
        _ => parsed.links.into_iter().filter_map(link).collect(),
    };
    feed.generator = parsed
        .generator
        .map(|generator| generator.content.trim().to_string())
        .filter(|generator| !generator.is_empty());
    feed.authors = parsed.authors.into_iter().filter_map(person).collect();
    feed.ttl = parsed.ttl;
    feed.publication = scan.publication;
    let extras = (scan.items.into_iter()).chain(std::iter::repeat_with(ItemExtras::default));
    feed.entries = parsed
        .entries
        .into_iter()
        .zip(extras)
        .map(|(parsed, extras)| entry(parsed, extras, format))
        .collect();
    feed
}

fn entry(parsed: model::Entry, extras: ItemExtras, format: Format) -> Entry {
    let id = parsed.id.trim();
    let mut entry = Entry {
        id: (!id.is_empty()).then(|| id.to_string()),
        title: parsed.title.and_then(|title| text(title, format)),
        permalink: extras.permalink,
        summary: parsed.summary.and_then(|summary| match format {
            // feed-rs calls an RSS 1.0 description plain text; it is HTML like any other.
            Format::Rss => Text::html(summary.content).non_empty(),
            _ => text(summary, format),
        }),
        content: parsed.content.and_then(content),
        // feed-rs found these in the elements it reads; the scan in those it does not.
        published: parsed
            .published
            .map(When::Read)
            .or(extras.published.map(When::Written)),
        updated: extras
            .updated
            .map(When::Written)
            .or(parsed.updated.map(When::Read)),
        other_dates: extras.other_dates,
        authors: parsed.authors.into_iter().filter_map(person).collect(),
        categories: parsed
            .categories
            .into_iter()
            .map(|category| category.term)
            .filter(|term| !term.is_empty())
            .collect(),
        identifiers: extras.identifiers,
        citation: extras.citation,
        relations: extras.relations,
        ..Entry::default()
    };
    for link in parsed.links {
        match (format, &link.media_type) {
            // JSON Feed attachments: feed-rs makes them links with their media type.
            (Format::Json, Some(media_type)) => entry.enclosures.push(Enclosure {
                url: link.href,
                media_type: Some(media_type.clone()),
                description: None,
            }),
            _ => entry.links.extend(self::link(link)),
        }
    }
    entry.enclosures.extend(media(parsed.media));
    entry.enclosures.extend(extras.enclosures);
    entry
}

/// A title or summary as its type says; RSS titles and descriptions are HTML, JSON Feed's
/// titles and summaries plain text.
fn text(text: model::Text, format: Format) -> Option<Text> {
    let value = text.content;
    match format {
        Format::Rss => Text::html(value),
        Format::Json => Text::plain(value),
        Format::Atom if is_html(text.content_type.as_str()) => Text::html(value),
        Format::Atom => Text::plain(value),
    }
    .non_empty()
}

fn content(content: model::Content) -> Option<Text> {
    let body = content.body?;
    match is_html(content.content_type.as_str()) {
        true => Text::html(body),
        false => Text::plain(body),
    }
    .non_empty()
}

fn is_html(media_type: &str) -> bool {
    media_type.contains("html")
}

/// A page link; comment links (which feed-rs adds from `<comments>` and `wfw:commentRss`) are
/// not the item's page.
fn link(link: model::Link) -> Option<Link> {
    if link.target.is_some() || link.href.trim().is_empty() {
        return None;
    }
    Some(Link {
        href: link.href,
        rel: link.rel,
        media_type: link.media_type,
    })
}

/// A JSON Feed's site: feed-rs gives `home_page_url` then `feed_url` as links, so the first is
/// the site only when the document has a `home_page_url`.
fn json_site(links: Vec<model::Link>, doc: &[u8]) -> Vec<Link> {
    match has_json_string(doc, b"\"home_page_url\"") {
        true => links.into_iter().take(1).filter_map(link).collect(),
        false => Vec::new(),
    }
}

/// Whether `key` appears as a key with a string value (not inside another string, not null).
fn has_json_string(doc: &[u8], key: &[u8]) -> bool {
    memchr::memmem::find_iter(doc, key).any(|at| {
        let escaped = at > 0 && doc[at - 1] == b'\\';
        let rest = doc[at + key.len()..].trim_ascii_start();
        !escaped
            && rest
                .strip_prefix(b":")
                .is_some_and(|value| value.trim_ascii_start().starts_with(b"\""))
    })
}

/// A person's name, else their address, as feed-rs split them.
fn person(person: model::Person) -> Option<String> {
    [person.name, person.email]
        .into_iter()
        .flatten()
        .map(|name| name.trim().to_string())
        .find(|name| !name.is_empty())
}

/// Attachments from Media RSS and `<enclosure>`, in feed-rs's order, each with the description
/// of its media object.
fn media(objects: Vec<model::MediaObject>) -> Vec<Enclosure> {
    let mut enclosures = Vec::new();
    for object in objects {
        let description = object
            .description
            .map(|text| text.content.trim().to_string())
            .filter(|text| !text.is_empty());
        for content in object.content {
            let Some(url) = content.url else {
                continue;
            };
            enclosures.push(Enclosure {
                url: url.to_string(),
                media_type: content
                    .content_type
                    .map(|media_type| media_type.to_string()),
                description: description.clone(),
            });
        }
    }
    enclosures
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_site_is_the_home_page_only() {
        assert!(has_json_string(
            br#"{"home_page_url" : "https://x.org/"}"#,
            b"\"home_page_url\""
        ));
        assert!(!has_json_string(
            br#"{"home_page_url": null, "feed_url": "https://x.org/f.json"}"#,
            b"\"home_page_url\""
        ));
        assert!(!has_json_string(
            br#"{"title": "see \"home_page_url\": \"x\""}"#,
            b"\"home_page_url\""
        ));
    }
}

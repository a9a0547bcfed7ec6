//! The tolerant reader, the safety net under feed-rs: it reads the documents feed-rs refuses
//! and those where feed-rs would lose what a person can see. JSON Feed field by field (`json`);
//! RSS and Atom from a tree built by a tolerant XML reader (`xml`, `rss`, `atom`, with Atom's
//! text constructs in `atom_text` and the shared vocabularies in `extensions`), noting every
//! repair the document needed (`repairs`).

use super::document::{Feed, Format};
use super::errors::{self, ParseError};
use super::repairs::{Repair, Repairs};
use super::{atom, json, rss, xml};
use url::Url;

/// The document's feed, in the format it turns out to be.
pub fn read(doc: &str, base: Option<&Url>, repairs: &mut Repairs) -> Result<Feed, ParseError> {
    let start = doc.trim_start();
    if start.is_empty() {
        return Err(ParseError::NotAFeed("the document is empty".into()));
    }
    if start.starts_with('{') || start.starts_with('[') {
        return json::read(start.as_bytes(), repairs);
    }
    if errors::looks_like_html(start.as_bytes()) {
        return Err(ParseError::NotAFeed(
            "the document is HTML (no RSS, Atom or JSON Feed root)".into(),
        ));
    }
    let document = xml::read(start);
    let Some(root) = feed_root(&document) else {
        let first = document.roots().next().map(|id| document.element(id).name);
        return Err(errors::not_a_feed(start, first));
    };
    let mut feed = match document.element(root).local {
        "feed" => atom::read(&document, root, base, repairs),
        "redirect" => redirect(&document, root),
        _ => rss::read(&document, root, base, repairs),
    };
    note_xml_repairs(&document, repairs);
    if feed.skipped > 0 {
        let kept = feed.entries.len();
        let found = kept + feed.skipped;
        repairs.note(Repair::SalvagedItems { kept, found });
    }
    if feed.entries.is_empty() && (document.damage.is_structural() || feed.skipped > 0) {
        return Err(errors::nothing_readable(&document));
    }
    feed.skipped = 0;
    Ok(feed)
}

/// The first top-level element that is a feed: junk may come before it (a PHP warning) or
/// after it (debugging output).
fn feed_root(document: &xml::Document<'_>) -> Option<xml::NodeId> {
    document.roots().find(|&id| {
        matches!(
            document.element(id).local,
            "rss" | "RDF" | "feed" | "channel" | "redirect"
        )
    })
}

/// An RSS redirect document: only `<redirect><newLocation>`.
fn redirect(document: &xml::Document<'_>, root: xml::NodeId) -> Feed {
    let mut feed = Feed::new(Format::Rss);
    feed.moved_to = document
        .elements(root)
        .find(|(_, element)| element.local == "newLocation")
        .map(|(location, _)| document.text(location).trim().to_string())
        .filter(|location| !location.is_empty());
    feed
}

fn note_xml_repairs(document: &xml::Document<'_>, repairs: &mut Repairs) {
    let (slips, damage) = (document.slips, document.damage);
    repairs.note_if(slips.bare_ampersand, Repair::BareAmpersand);
    repairs.note_if(slips.bare_less_than, Repair::BareLessThan);
    repairs.note_if(slips.unclosed_cdata, Repair::UnclosedCdata);
    repairs.note_if(slips.unclosed_comment, Repair::UnclosedComment);
    repairs.note_if(damage.undeclared_prefix, Repair::UndeclaredPrefix);
    repairs.note_if(damage.unclosed_element, Repair::UnclosedElement);
    repairs.note_if(damage.stray_end_tag, Repair::StrayEndTag);
    repairs.note_if(damage.truncated, Repair::Truncated);
}

//! What feed-rs drops but clinicians need: per-item `dc:identifier` / `prism:doi` (the only
//! place bioRxiv, medRxiv and PubMed put the DOI) and dates in elements feed-rs does not read
//! for that format (`pubDate` inside an RSS 1.0 item, `prism:publicationDate`).
//!
//! A second, light quick-xml pass over the same document; items are matched to feed-rs entries
//! by position, and only when both passes count the same number of items.

use quick_xml::Reader;
use quick_xml::events::Event;

/// Raw text found in one item, in document order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemExtras {
    pub identifiers: Vec<String>,
    pub dates: Vec<String>,
}

const ITEM_ELEMENTS: [&str; 2] = ["item", "entry"];
const ITEM_PARENTS: [&str; 3] = ["channel", "RDF", "feed"];
const IDENTIFIER_ELEMENTS: [&str; 2] = ["identifier", "doi"];
/// `modified`/`issued`/`created` are Atom 0.3's dates.
const DATE_ELEMENTS: [&str; 7] = [
    "pubDate",
    "date",
    "publicationDate",
    "coverDate",
    "modified",
    "issued",
    "created",
];

enum Capture {
    Identifier,
    Date,
}

/// One entry per item when the document has exactly `expected` items, else empty extras
/// for each (a mismatch means we cannot tell which item is which).
pub fn per_item(doc: &[u8], expected: usize) -> Vec<ItemExtras> {
    match collect(doc) {
        Some(items) if items.len() == expected => items,
        _ => vec![ItemExtras::default(); expected],
    }
}

fn collect(doc: &[u8]) -> Option<Vec<ItemExtras>> {
    if doc.first() == Some(&b'{') {
        return None;
    }
    let mut reader = Reader::from_reader(doc);
    reader.config_mut().trim_markup_names_in_closing_tags = true;
    let mut stack: Vec<String> = Vec::new();
    let mut items: Vec<ItemExtras> = Vec::new();
    let mut item_depth: Option<usize> = None;
    let mut capture: Option<(Capture, String)> = None;
    let mut buffer = Vec::new();
    loop {
        match reader.read_event_into(&mut buffer).ok()? {
            Event::Start(start) => {
                let name = local_name(start.name().as_ref());
                if item_depth.is_none() && is_item(&name, &stack) {
                    items.push(ItemExtras::default());
                    item_depth = Some(stack.len() + 1);
                } else if item_depth == Some(stack.len()) {
                    capture = capture_for(&name).map(|kind| (kind, String::new()));
                }
                stack.push(name);
            }
            Event::Empty(empty) => {
                let name = local_name(empty.name().as_ref());
                if item_depth.is_none() && is_item(&name, &stack) {
                    items.push(ItemExtras::default());
                }
            }
            Event::Text(text) => append(&mut capture, &text.xml10_content()),
            Event::CData(text) => append(&mut capture, &text.xml10_content()),
            Event::GeneralRef(reference) => {
                let name = reference.xml10_content();
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(character)) => Some(character.to_string()),
                    _ => quick_xml::escape::resolve_predefined_entity(&name).map(str::to_string),
                };
                append(&mut capture, resolved.as_deref().unwrap_or(""));
            }
            Event::End(_) => {
                if let (Some((kind, text)), Some(item)) = (capture.take(), items.last_mut()) {
                    store(item, kind, text);
                }
                if item_depth == Some(stack.len()) {
                    item_depth = None;
                }
                stack.pop();
            }
            Event::Eof => return Some(items),
            _ => {}
        }
        buffer.clear();
    }
}

fn local_name(qualified: &str) -> String {
    qualified
        .rsplit(':')
        .next()
        .unwrap_or(qualified)
        .to_string()
}

fn is_item(name: &str, stack: &[String]) -> bool {
    ITEM_ELEMENTS.contains(&name)
        && stack
            .last()
            .is_some_and(|parent| ITEM_PARENTS.contains(&parent.as_str()))
}

fn capture_for(name: &str) -> Option<Capture> {
    if IDENTIFIER_ELEMENTS.contains(&name) {
        Some(Capture::Identifier)
    } else if DATE_ELEMENTS.contains(&name) {
        Some(Capture::Date)
    } else {
        None
    }
}

fn append(capture: &mut Option<(Capture, String)>, text: &str) {
    if let Some((_, buffer)) = capture {
        buffer.push_str(text);
    }
}

fn store(item: &mut ItemExtras, kind: Capture, text: String) {
    let text = text.trim().to_string();
    if text.is_empty() {
        return;
    }
    match kind {
        Capture::Identifier => item.identifiers.push(text),
        Capture::Date => item.dates.push(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PUBMED_LIKE: &[u8] = br#"<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
      <item><title>A</title><dc:identifier>pmid:38000000</dc:identifier><dc:identifier>doi:10.1000/a&amp;1</dc:identifier></item>
      <item><title>B</title><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate></item>
      <item/>
    </channel></rss>"#;

    #[test]
    fn collects_identifiers_and_dates_per_item() {
        let items = per_item(PUBMED_LIKE, 3);
        assert_eq!(items[0].identifiers, ["pmid:38000000", "doi:10.1000/a&1"]);
        assert_eq!(items[1].dates, ["Mon, 01 Jan 2024 00:00:00 GMT"]);
        assert_eq!(items[2], ItemExtras::default());
    }

    #[test]
    fn count_mismatch_gives_empty_extras() {
        assert_eq!(per_item(PUBMED_LIKE, 2), vec![ItemExtras::default(); 2]);
    }

    #[test]
    fn rdf_items_with_cdata_and_nested_markup() {
        let doc = br#"<rdf:RDF xmlns:rdf="r" xmlns:prism="p"><channel><title>c</title></channel>
          <item rdf:about="x"><prism:doi><![CDATA[10.1101/2024.01.01.1]]></prism:doi>
          <description><p><date>not a child</date></p></description></item></rdf:RDF>"#;
        let items = per_item(doc, 1);
        assert_eq!(items[0].identifiers, ["10.1101/2024.01.01.1"]);
        assert!(items[0].dates.is_empty());
    }

    #[test]
    fn json_and_broken_documents_give_empty_extras() {
        assert_eq!(per_item(b"{\"items\": []}", 1), vec![ItemExtras::default()]);
        assert_eq!(
            per_item(b"<rss><channel><item></channel>", 1),
            vec![ItemExtras::default()]
        );
    }
}

//! What feed-rs drops but clinicians need: per-item `dc:identifier` / `prism:doi` (the only
//! place bioRxiv, medRxiv and PubMed put the DOI), dates in elements feed-rs does not read
//! for that format (`pubDate` inside an RSS 1.0 item, `prism:publicationDate`), and the
//! bibliographic elements of PRISM and Dublin Core (journal, volume, issue, pages, section).
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
    pub citation: Citation,
    /// `dc:relation`, `dcterms:isVersionOf`: where a preprint was published.
    pub relations: Vec<String>,
}

/// PRISM and Dublin Core bibliographic elements of one item; the first of each wins.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Citation {
    /// `prism:publicationName`, else `dc:source`.
    pub journal: Option<String>,
    pub volume: Option<String>,
    /// `prism:number` or `prism:issueIdentifier`.
    pub issue: Option<String>,
    pub first_page: Option<String>,
    pub last_page: Option<String>,
    pub page_range: Option<String>,
    /// `prism:section`, `dc:type`: the article type (or, at medRxiv, the subject).
    pub section: Option<String>,
}

/// The extras of a whole document: per item, and the channel's own `prism:publicationName`
/// (NEJM names the journal once, for every item).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeedExtras {
    pub items: Vec<ItemExtras>,
    pub publication: Option<String>,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Capture {
    Identifier,
    Date,
    Relation,
    Journal,
    Source,
    Volume,
    Issue,
    FirstPage,
    LastPage,
    PageRange,
    Section,
    /// `prism:publicationName` of the channel, outside every item.
    FeedJournal,
}

/// One entry per item when the document has exactly `expected` items, else empty extras
/// for each (a mismatch means we cannot tell which item is which); and what the channel says
/// for all its items.
pub fn read(doc: &[u8], expected: usize) -> FeedExtras {
    match collect(doc) {
        Some(extras) if extras.items.len() == expected => extras,
        Some(extras) => FeedExtras {
            items: vec![ItemExtras::default(); expected],
            publication: extras.publication,
        },
        None => FeedExtras {
            items: vec![ItemExtras::default(); expected],
            publication: None,
        },
    }
}

fn collect(doc: &[u8]) -> Option<FeedExtras> {
    if doc.first() == Some(&b'{') {
        return None;
    }
    let mut reader = Reader::from_reader(doc);
    reader.config_mut().trim_markup_names_in_closing_tags = true;
    let mut stack: Vec<String> = Vec::new();
    let mut items: Vec<ItemExtras> = Vec::new();
    let mut publication: Option<String> = None;
    let mut item_depth: Option<usize> = None;
    let mut capture: Option<(Capture, String)> = None;
    let mut buffer = Vec::new();
    loop {
        match reader.read_event_into(&mut buffer).ok()? {
            Event::Start(start) => {
                let qualified = start.name().as_ref().to_string();
                let name = local_name(&qualified);
                if item_depth.is_none() && is_item(&name, &stack) {
                    items.push(ItemExtras::default());
                    item_depth = Some(stack.len() + 1);
                } else if item_depth == Some(stack.len()) {
                    capture = capture_for(&name, &qualified).map(|kind| (kind, String::new()));
                } else if item_depth.is_none() && name == "publicationName" {
                    capture = Some((Capture::FeedJournal, String::new()));
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
                match (capture.take(), items.last_mut()) {
                    (Some((Capture::FeedJournal, text)), _) => {
                        publication = publication.or_else(|| non_empty(text));
                    }
                    (Some((kind, text)), Some(item)) => store(item, kind, text),
                    _ => {}
                }
                if item_depth == Some(stack.len()) {
                    item_depth = None;
                }
                stack.pop();
            }
            Event::Eof => return Some(FeedExtras { items, publication }),
            _ => {}
        }
        buffer.clear();
    }
}

fn non_empty(text: String) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
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

/// `qualified` tells `dc:source` (a journal) from RSS's own `<source>` (another feed).
fn capture_for(name: &str, qualified: &str) -> Option<Capture> {
    if IDENTIFIER_ELEMENTS.contains(&name) || (name == "url" && qualified.contains(':')) {
        return Some(Capture::Identifier);
    }
    if DATE_ELEMENTS.contains(&name) {
        return Some(Capture::Date);
    }
    Some(match name {
        "publicationName" => Capture::Journal,
        "relation" | "isVersionOf" if qualified.contains(':') => Capture::Relation,
        "source" if qualified.contains(':') => Capture::Source,
        "volume" => Capture::Volume,
        "number" | "issueIdentifier" => Capture::Issue,
        "startingPage" => Capture::FirstPage,
        "endingPage" => Capture::LastPage,
        "pageRange" => Capture::PageRange,
        "section" => Capture::Section,
        "type" if qualified.contains(':') => Capture::Section,
        _ => return None,
    })
}

fn append(capture: &mut Option<(Capture, String)>, text: &str) {
    if let Some((_, buffer)) = capture {
        buffer.push_str(text);
    }
}

fn store(item: &mut ItemExtras, kind: Capture, text: String) {
    let Some(text) = non_empty(text) else {
        return;
    };
    let citation = &mut item.citation;
    let slot = match kind {
        Capture::Identifier => return item.identifiers.push(text),
        Capture::Date => return item.dates.push(text),
        Capture::Relation => return item.relations.push(text),
        Capture::FeedJournal => return,
        Capture::Journal => {
            // `prism:publicationName` wins over a `dc:source` seen before it.
            citation.journal = Some(text);
            return;
        }
        Capture::Source => &mut citation.journal,
        Capture::Volume => &mut citation.volume,
        Capture::Issue => &mut citation.issue,
        Capture::FirstPage => &mut citation.first_page,
        Capture::LastPage => &mut citation.last_page,
        Capture::PageRange => &mut citation.page_range,
        Capture::Section => &mut citation.section,
    };
    if slot.is_none() {
        *slot = Some(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn per_item(doc: &[u8], expected: usize) -> Vec<ItemExtras> {
        read(doc, expected).items
    }

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
    fn prism_and_dublin_core_citation_elements() {
        let doc = br#"<rdf:RDF xmlns:rdf="r" xmlns:prism="p" xmlns:dc="d"><channel>
          <prism:publicationName>New England Journal of Medicine</prism:publicationName></channel>
          <item rdf:about="x"><dc:source>N Engl J Med</dc:source><prism:volume>395</prism:volume>
          <prism:number>21</prism:number><prism:startingPage>1939</prism:startingPage>
          <prism:endingPage>1940</prism:endingPage><prism:section>Correspondence</prism:section>
          <prism:url>https://www.nejm.org/doi/full/10.1056/NEJMc2601712</prism:url>
          <source url="https://other.example/feed">Another feed</source></item></rdf:RDF>"#;
        let extras = read(doc, 1);
        assert_eq!(
            extras.publication.as_deref(),
            Some("New England Journal of Medicine")
        );
        let item = &extras.items[0];
        assert_eq!(item.citation.journal.as_deref(), Some("N Engl J Med"));
        assert_eq!(item.citation.volume.as_deref(), Some("395"));
        assert_eq!(item.citation.issue.as_deref(), Some("21"));
        assert_eq!(item.citation.first_page.as_deref(), Some("1939"));
        assert_eq!(item.citation.last_page.as_deref(), Some("1940"));
        assert_eq!(item.citation.section.as_deref(), Some("Correspondence"));
        assert_eq!(
            item.identifiers,
            ["https://www.nejm.org/doi/full/10.1056/NEJMc2601712"]
        );
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

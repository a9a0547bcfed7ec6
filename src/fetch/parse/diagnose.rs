//! Finding where an XML document breaks. feed-rs reports *what* went wrong but not *where*, so
//! we re-read the document with quick-xml (the reader feed-rs uses) and note the byte offset,
//! the line and the elements open at that point.

use quick_xml::Reader;
use quick_xml::events::Event;

/// The first well-formedness problem of a document.
#[derive(Debug)]
pub struct XmlFault {
    /// Byte offset of the markup where the problem was detected.
    pub offset: usize,
    /// 1-based line of `offset`.
    pub line: usize,
    pub kind: FaultKind,
    /// Elements open at the fault, outermost first.
    pub open: Vec<String>,
}

#[derive(Debug)]
pub enum FaultKind {
    Xml(quick_xml::Error),
    /// The document ended with elements still open.
    Truncated,
}

/// The first fault in `doc`, or `None` when quick-xml reads it to the end cleanly.
pub fn locate(doc: &[u8]) -> Option<XmlFault> {
    let mut reader = Reader::from_reader(doc);
    reader.config_mut().trim_markup_names_in_closing_tags = true;
    let mut open: Vec<String> = Vec::new();
    let mut buffer = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buffer);
        match event {
            Ok(Event::Start(start)) => open.push(start.name().as_ref().to_string()),
            Ok(Event::End(_)) => {
                open.pop();
            }
            Ok(Event::Eof) if open.is_empty() => return None,
            Ok(Event::Eof) => return Some(fault(doc, doc.len(), FaultKind::Truncated, open)),
            Ok(_) => {}
            Err(error) => {
                let offset = usize::try_from(reader.error_position()).unwrap_or(doc.len());
                return Some(fault(doc, offset, FaultKind::Xml(error), open));
            }
        }
        buffer.clear();
    }
}

/// Where an element named `name` starts while the element directly open is another `name`:
/// the place a forgotten `</item>` belongs, since items do not nest.
pub fn nested_start(doc: &[u8], name: &str) -> Option<usize> {
    let mut reader = Reader::from_reader(doc);
    reader.config_mut().trim_markup_names_in_closing_tags = true;
    reader.config_mut().check_end_names = false;
    let mut open: Vec<String> = Vec::new();
    let mut buffer = Vec::new();
    loop {
        let before = reader.buffer_position();
        match reader.read_event_into(&mut buffer).ok()? {
            Event::Start(start) => {
                let started = start.name().as_ref().to_string();
                if started == name && open.last().is_some_and(|top| *top == started) {
                    return usize::try_from(before).ok();
                }
                open.push(started);
            }
            Event::End(_) => {
                open.pop();
            }
            Event::Eof => return None,
            _ => {}
        }
        buffer.clear();
    }
}

/// The name of the document's first element, if it has one.
pub fn root_element(doc: &[u8]) -> Option<String> {
    let mut reader = Reader::from_reader(doc);
    let mut buffer = Vec::new();
    loop {
        match reader.read_event_into(&mut buffer) {
            Ok(Event::Start(start) | Event::Empty(start)) => {
                return Some(start.name().as_ref().to_string());
            }
            Ok(Event::Eof) | Err(_) => return None,
            Ok(_) => buffer.clear(),
        }
    }
}

fn fault(doc: &[u8], offset: usize, kind: FaultKind, open: Vec<String>) -> XmlFault {
    let offset = offset.min(doc.len());
    let line = 1 + doc[..offset].iter().filter(|&&byte| byte == b'\n').count();
    XmlFault {
        offset,
        line,
        kind,
        open,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::errors::IllFormedError;

    #[test]
    fn mismatched_end_tag_is_located_with_open_elements() {
        let doc = b"<rss>\n<channel>\n<item>\n<title>x</title>\n</channel>\n</rss>";
        let found = locate(doc).expect("fault");
        assert_eq!(found.line, 5);
        assert_eq!(&doc[found.offset..found.offset + 10], b"</channel>");
        assert_eq!(found.open, ["rss", "channel", "item"]);
        assert!(matches!(
            found.kind,
            FaultKind::Xml(quick_xml::Error::IllFormed(
                IllFormedError::MismatchedEndTag { .. }
            ))
        ));
    }

    #[test]
    fn truncated_document_is_located_at_the_end() {
        let doc = b"<rss>\n<channel>\n<item>";
        let found = locate(doc).expect("fault");
        assert!(matches!(found.kind, FaultKind::Truncated));
        assert_eq!((found.line, found.offset), (3, doc.len()));
    }

    #[test]
    fn well_formed_document_has_no_fault() {
        assert!(locate(b"<?xml version=\"1.0\"?><rss><a/><b>t &amp; &nbsp;</b></rss>").is_none());
    }

    #[test]
    fn bare_ampersand_is_located() {
        let found = locate(b"<rss>\n<t>AT&T</t></rss>").expect("fault");
        assert_eq!(found.line, 2);
    }

    #[test]
    fn nested_item_start_is_found() {
        let doc = b"<channel><item><title>a</title>\n<item><title>b</title></item></channel>";
        assert_eq!(nested_start(doc, "item"), Some(32));
        assert_eq!(
            nested_start(b"<channel><item/><item></item></channel>", "item"),
            None
        );
    }

    #[test]
    fn root_element_skips_prolog_and_doctype() {
        let doc =
            b"<?xml version=\"1.0\"?><!DOCTYPE html><!-- x --><html lang=\"en\"><body/></html>";
        assert_eq!(root_element(doc).as_deref(), Some("html"));
    }
}

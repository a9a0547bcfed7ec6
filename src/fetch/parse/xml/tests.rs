use super::*;

fn names(document: &Document<'_>, id: NodeId) -> Vec<String> {
    document
        .elements(id)
        .map(|(_, element)| element.name.to_string())
        .collect()
}

fn root(document: &Document<'_>) -> NodeId {
    document.roots().next().expect("a root element")
}

#[test]
fn well_formed_document_needs_no_repair() {
    let source = r#"<?xml version="1.0"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>T &amp; co</title><item><dc:creator>Ann</dc:creator></item></channel></rss>"#;
    let document = read(source);
    assert_eq!(document.damage, Damage::default());
    assert_eq!(document.slips, Slips::default());
    assert!(document.fault.is_none());
    let channel = document
        .child(root(&document), Ns::None, "channel")
        .expect("channel");
    let title = document.child(channel, Ns::None, "title").expect("title");
    assert_eq!(document.text(title), "T & co");
    let item = document.child(channel, Ns::None, "item").expect("item");
    assert!(document.child(item, Ns::Dc, "creator").is_some());
}

#[test]
fn closing_tag_closes_what_was_left_open_inside() {
    let document = read("<rss><channel><item><title>A</title></channel></rss>");
    assert!(document.damage.unclosed_element && !document.damage.truncated);
    let channel = document
        .child(root(&document), Ns::None, "channel")
        .expect("channel");
    assert_eq!(names(&document, channel), ["item"]);
    assert_eq!(
        document.fault.as_ref().map(|fault| &fault.kind),
        Some(&FaultKind::MismatchedEnd {
            expected: "item".into(),
            found: "channel".into()
        })
    );
}

#[test]
fn items_do_not_nest_and_one_line_fields_end_at_the_next_field() {
    let document = read(
        "<channel><item><title>A\n<link>x</link><guid>g</guid><item><title>B</title></item></channel>",
    );
    let channel = root(&document);
    assert_eq!(names(&document, channel), ["item", "item"]);
    let first = document.elements(channel).next().expect("item").0;
    assert_eq!(names(&document, first), ["title", "link", "guid"]);
    let title = document.child(first, Ns::None, "title").expect("title");
    assert_eq!(document.text(title), "A\n");
}

#[test]
fn stray_closing_tags_are_ignored() {
    let document = read("<a><b>x</b></i>y</a>");
    assert!(document.damage.stray_end_tag);
    assert_eq!(document.text(root(&document)), "xy");
}

#[test]
fn truncated_document_marks_open_elements_unfinished() {
    let source = "<rss><channel><item><title>A</title></item><item><title>B";
    let document = read(source);
    assert!(document.damage.truncated);
    let channel = document
        .child(root(&document), Ns::None, "channel")
        .expect("channel");
    let unfinished: Vec<bool> = document
        .elements(channel)
        .map(|(id, _)| document.is_unfinished(id))
        .collect();
    assert_eq!(unfinished, [false, true]);
    assert_eq!(
        document.fault,
        Some(Fault {
            offset: source.len(),
            kind: FaultKind::Truncated {
                innermost: "title".into()
            }
        })
    );
}

#[test]
fn content_is_text_or_markup_as_written() {
    let document = read("<r><t>a &lt;b&gt;</t><h>Example <b>Atom</b> &amp; co</h></r>");
    let (t, h) = (
        document.child(root(&document), Ns::None, "t").expect("t"),
        document.child(root(&document), Ns::None, "h").expect("h"),
    );
    assert_eq!(document.content(t), "a <b>");
    assert_eq!(document.content(h), "Example <b>Atom</b> &amp; co");
    assert_eq!(document.text(h), "Example Atom & co");
}

#[test]
fn attributes_in_every_spelling() {
    let document = read(
        "<e xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' a=\"1\" b='2' c=3 d rdf:about=\"x&amp;y\"/>",
    );
    let e = root(&document);
    assert_eq!(document.attribute(e, Ns::None, "a"), Some("1"));
    assert_eq!(document.attribute(e, Ns::None, "b"), Some("2"));
    assert_eq!(document.attribute(e, Ns::None, "c"), Some("3"));
    assert_eq!(document.attribute(e, Ns::None, "d"), Some(""));
    assert_eq!(document.attribute(e, Ns::Rdf, "about"), Some("x&y"));
    assert_eq!(document.attribute_ignoring_case(e, "A"), Some("1"));
}

#[test]
fn undeclared_prefixes_take_their_conventional_namespace() {
    let document = read("<item><dc:creator>Ann</dc:creator></item>");
    assert!(document.damage.undeclared_prefix);
    assert!(document.child(root(&document), Ns::Dc, "creator").is_some());
}

#[test]
fn lines_are_counted_from_one() {
    let document = read("<a>\n<b>\n</a>");
    assert_eq!(document.line_of(0), 1);
    assert_eq!(document.line_of(5), 2);
    assert_eq!(document.line_of(100), 3);
}

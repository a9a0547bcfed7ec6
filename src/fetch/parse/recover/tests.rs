use super::*;

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("UTF-8")
}

#[test]
fn time_element_inside_pub_date_is_unwrapped() {
    let doc = br#"<item><pubDate>
        <time datetime="2019-05-03T19:21:28Z">Fri, 05/03/2019 - 15:21</time>
    </pubDate><title>t</title></item>"#;
    let prepared = prepare(doc.to_vec());
    assert_eq!(
        text(&prepared),
        "<item><pubDate>2019-05-03T19:21:28Z</pubDate><title>t</title></item>"
    );
}

#[test]
fn default_namespace_on_rss_is_removed_but_prefixed_ones_stay() {
    let doc = br#"<rss version="2.0" xmlns="http://backend.userland.com/rss2" xmlns:yandex="http://news.yandex.ru"><channel/></rss>"#;
    let prepared = prepare(doc.to_vec());
    assert_eq!(
        text(&prepared),
        r#"<rss version="2.0" xmlns:yandex="http://news.yandex.ru"><channel/></rss>"#
    );
}

#[test]
fn atom_03_namespace_becomes_atom_10() {
    let doc = br#"<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>x</title></feed>"#;
    assert!(text(&prepare(doc.to_vec())).contains(r#"xmlns="http://www.w3.org/2005/Atom""#));
}

#[test]
fn rss_version_is_injected_or_replaced() {
    let fixed =
        inject_rss_version(b"<?xml version=\"1.0\"?>\n<rss>\n<channel/></rss>").expect("has rss");
    assert_eq!(
        text(&fixed),
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel/></rss>"
    );
    let fixed =
        inject_rss_version(b"<rss version='2.01' xmlns:a=\"x\"><channel/></rss>").expect("has rss");
    assert_eq!(
        text(&fixed),
        "<rss version=\"2.0\" xmlns:a=\"x\"><channel/></rss>"
    );
    assert!(inject_rss_version(b"<feed/>").is_none());
}

#[test]
fn bare_ampersands_are_escaped_outside_cdata_and_comments() {
    let doc =
        b"<t>AT&T &amp; &nbsp; &#233; &#x1F600; &</t><![CDATA[a&b]]><!-- c&d --><u>?a=1&b=2</u>";
    let fixed = escape_bare_ampersands(doc).expect("changed");
    assert_eq!(
        text(&fixed),
        "<t>AT&amp;T &amp; &nbsp; &#233; &#x1F600; &amp;</t><![CDATA[a&b]]><!-- c&d --><u>?a=1&amp;b=2</u>"
    );
    assert!(escape_bare_ampersands(b"<t>&amp; fine</t>").is_none());
}

#[test]
fn end_tag_is_inserted_at_offset() {
    let doc = b"<channel><item><title>x</title></channel>";
    let fixed = insert_end_tag(doc, 31, "item");
    assert_eq!(
        text(&fixed),
        "<channel><item><title>x</title></item></channel>"
    );
}

#[test]
fn emails_glued_to_non_ascii_get_a_space() {
    let doc =
        "<author>Dr. Jane Doe\u{a0}jane@example.com</author><author>joe@example.org—Joe</author>";
    let fixed = space_around_emails(doc.as_bytes()).expect("changed");
    assert_eq!(
        text(&fixed),
        "<author>Dr. Jane Doe\u{a0} jane@example.com</author><author>joe@example.org —Joe</author>"
    );
    assert!(space_around_emails(b"<author>a@b.org (A)</author>").is_none());
}

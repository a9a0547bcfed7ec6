use super::*;

const RSS: &str = r#"<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>c</title>"#;

fn rss(items: &str) -> String {
    format!("{RSS}{items}</channel></rss>")
}

fn refusal(doc: &str) -> Option<Refusal> {
    scan(doc).err()
}

#[test]
fn an_ordinary_feed_passes_with_what_feed_rs_does_not_read() {
    let doc = rss(
        r#"<item><title>A &amp; B</title><link>https://x.org/a</link>
        <guid>https://x.org/a</guid><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate>
        <dc:identifier>doi:10.1000/a&amp;1</dc:identifier><prism:doi><![CDATA[10.1000/b]]></prism:doi>
        <prism:publicationDate>2024-01-01</prism:publicationDate>
        <enclosure url="https://x.org/a.mp3" type="audio/mpeg"/></item>
        <item><guid isPermaLink="false">g2</guid><dc:date>2024-01-02</dc:date></item>"#,
    );
    let found = scan(&doc).expect("feed-rs may read it");
    assert_eq!(found.items.len(), 2);
    let first = &found.items[0];
    assert_eq!(first.identifiers, ["doi:10.1000/a&1", "10.1000/b"]);
    assert_eq!(first.other_dates, ["2024-01-01"]);
    assert_eq!(first.permalink.as_deref(), Some("https://x.org/a"));
    assert_eq!(first.published, None, "feed-rs reads pubDate itself");
    assert_eq!(first.attachments, 1);
    assert!(
        first.enclosures.is_empty(),
        "feed-rs keeps an enclosure alone"
    );
    assert_eq!(found.items[1].permalink, None);
}

#[test]
fn dates_feed_rs_does_not_read_are_kept() {
    let doc = r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>c</title></channel>
        <item><title>t</title><link>https://x.org/a</link><pubDate>2024-05-22</pubDate><dc:date>2024-05-22</dc:date></item></rdf:RDF>"#;
    let found = scan(doc).expect("the same date twice is one date");
    assert_eq!(found.items[0].published.as_deref(), Some("2024-05-22"));
    let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/terms/"><entry><title>t</title><dc:modified>2024-01-03</dc:modified></entry></feed>"#;
    assert_eq!(
        scan(atom).expect("scan").items[0].updated.as_deref(),
        Some("2024-01-03")
    );
}

#[test]
fn media_feed_rs_would_drop_are_kept_beside_it() {
    let doc = rss(
        r#"<item><title>t</title><enclosure url="https://x.org/a.mp3" type="audio/mpeg"/>
        <media:content url="https://x.org/a.mp4" type="video/mp4"/></item>"#,
    );
    let item = &scan(&doc).expect("scan").items[0];
    assert_eq!(item.attachments, 2);
    assert_eq!(item.enclosures.len(), 1);
    assert_eq!(item.enclosures[0].url, "https://x.org/a.mp3");
}

#[test]
fn titles_elsewhere_are_noted() {
    let doc = rss(
        r#"<item><dc:title>Only here</dc:title></item><item><media:group><media:title>m</media:title></media:group></item><item><title>own</title></item>"#,
    );
    let titles: Vec<bool> = scan(&doc)
        .expect("scan")
        .items
        .iter()
        .map(|item| item.other_title)
        .collect();
    assert_eq!(titles, [true, true, false]);
}

#[test]
fn what_feed_rs_mishandles_is_refused() {
    let cases = [
        (rss("<item><title>Example <b>RSS</b></title></item>"), "markup inside a text field"),
        (rss("<item><pubDate><time datetime='x'/></pubDate></item>"), "markup inside a text field"),
        (rss("<item><link>  </link></item>"), "a blank link"),
        (rss("<item><title>a</title><item/></item>"), "an item inside an item"),
        (rss("<item><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate><dc:date>2023-01-01</dc:date></item>"), "an item that gives two dates, or two guids"),
        (rss("<item><guid>a</guid><guid>b</guid></item>"), "an item that gives two dates, or two guids"),
        (rss("<item><media:content url='https://x.org/1.jpg'/><media:group><media:content url='https://x.org/2.jpg'/></media:group></item>"), "Media RSS content in several groups"),
        (rss("<item><media:content url='https://x.org/1.jpg'><media:description>one</media:description></media:content><media:content url='https://x.org/2.jpg'/></item>"), "several described media attachments"),
        (rss("<item><link href='https://x.org/a' xmlns='http://www.w3.org/2005/Atom'/></item>"), "atom:link in an RSS item"),
        (rss("<item><foo:title>t</foo:title></item>"), "a prefix nobody declared"),
        (rss("<item><a x='AT&T'/></item>"), "a bare & in an attribute"),
        (rss("<redirect><newLocation>https://x.org/</newLocation></redirect>"), "a moved-feed element"),
        (format!("{RSS}<dc:title>only</dc:title></channel></rss>").replace("<title>c</title>", ""), "the feed's title is only in dc:title"),
        ("<feed xmlns='http://purl.org/atom/ns#'><entry/></feed>".into(), "Atom 0.3"),
        ("<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' xmlns='http://my.netscape.com/rdf/simple/0.9/'><item/></rdf:RDF>".into(), "RSS 0.90"),
        ("<rss version='2.0' xmlns:media='https://search.yahoo.com/mrss/'><channel/></rss>".into(), "a well-known namespace spelled in a way feed-rs does not know"),
        ("<feed xmlns='http://www.w3.org/2005/Atom'><entry><content type='xhtml'><div/></content></entry></feed>".into(), "Atom text of another type than text or html"),
        ("<feed xmlns='http://www.w3.org/2005/Atom'><title type='text/plain'>t</title></feed>".into(), "Atom text of another type than text or html"),
        ("<feed xmlns='http://www.w3.org/2005/Atom'><entry><link href=' '/></entry></feed>".into(), "an Atom link without an address"),
        ("<feed xmlns='http://www.w3.org/2005/Atom'><entry><category>c</category></entry></feed>".into(), "an Atom category without a term"),
        ("<opml/>".into(), "no RSS 1.0/2.0 or Atom 1.0 root"),
        ("<rss version='2.0'><channel><item>".into(), "the document ends before its root element does"),
        ("<rss version='2.0'><channel></item></rss>".into(), "not well-formed XML"),
    ];
    for (doc, reason) in cases {
        assert_eq!(refusal(&doc), Some(reason), "{doc}");
    }
}

#[test]
fn depth_and_declarations_are_bounded() {
    let deep = rss(&format!(
        "<item>{}{}</item>",
        "<x>".repeat(40),
        "</x>".repeat(40)
    ));
    assert_eq!(
        refusal(&deep),
        Some("elements nested deeper than feed-rs can safely follow")
    );
    let declarations: String = (0..100).map(|n| format!(" xmlns:p{n}='urn:{n}'")).collect();
    let many = format!("<rss version='2.0'{declarations}><channel/></rss>");
    assert_eq!(
        refusal(&many),
        Some("more namespace declarations than feed-rs can look up quickly")
    );
}

#[test]
fn bibliographic_elements_are_kept_as_the_tolerant_reader_reads_them() {
    let doc = format!(
        "{}<prism:publicationName>J Pediatr</prism:publicationName>{}",
        RSS,
        r#"<item><title>t</title><prism:publicationName>The Journal</prism:publicationName>
        <prism:volume>271</prism:volume><prism:number>3</prism:number>
        <prism:startingPage>114</prism:startingPage><prism:endingPage>120</prism:endingPage>
        <prism:section>Original Article</prism:section><prism:url>https://doi.org/10.1000/x</prism:url>
        <dc:source>Other</dc:source><dc:relation>https://doi.org/10.1000/y</dc:relation>
        <prism:volume>999</prism:volume></item></channel></rss>"#
    );
    let found = scan(&doc).expect("scan");
    assert_eq!(found.publication.as_deref(), Some("J Pediatr"));
    let item = &found.items[0];
    let citation = &item.citation;
    assert_eq!(citation.journal.as_deref(), Some("The Journal"));
    assert_eq!(citation.volume.as_deref(), Some("271"), "the first wins");
    assert_eq!(citation.issue.as_deref(), Some("3"));
    assert_eq!(citation.first_page.as_deref(), Some("114"));
    assert_eq!(citation.last_page.as_deref(), Some("120"));
    assert_eq!(citation.section.as_deref(), Some("Original Article"));
    assert_eq!(citation.source.as_deref(), Some("Other"));
    assert_eq!(item.relations, ["https://doi.org/10.1000/y"]);
    assert_eq!(item.identifiers, ["https://doi.org/10.1000/x"]);
}

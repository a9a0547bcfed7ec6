use super::*;
use chrono::{Datelike, TimeZone};

fn fetched_at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 15, 12, 0, 0)
        .single()
        .expect("date")
}

fn parse(doc: &str) -> Result<ParsedFeed, ParseError> {
    parse_feed(
        doc.as_bytes(),
        None,
        "https://example.org/feed.xml",
        fetched_at(),
    )
}

#[test]
fn guarded_turns_panics_into_messages_and_flags_the_thread() {
    assert!(!in_parse());
    let seen_inside = guarded(in_parse);
    assert_eq!(seen_inside, Ok(true));
    let panicked: Result<(), String> = guarded(|| panic!("boom {}", 7));
    assert_eq!(panicked, Err("boom 7".to_string()));
    assert!(!in_parse(), "flag must be lowered after a panic");
}

#[test]
fn author_glued_to_an_email_address_is_split() {
    let doc = "<rss version=\"2.0\"><channel><title>c</title><item><title>t</title>\
               <author>Dr. Jane Doe\u{a0}jane@example.com</author></item></channel></rss>";
    let feed = parse(doc).expect("recovered");
    assert_eq!(feed.items[0].author.as_deref(), Some("Dr. Jane Doe"));
    assert!(!in_parse());
}

#[test]
fn a_feed_rs_panic_falls_back_to_the_tolerant_reader() {
    // feed-rs 3.0.0 slices a string inside the no-break space next to the address.
    let doc = "<rss version=\"2.0\"><channel><title>c</title><item><title>t</title>\
               <author>Dr. Jane Doe\u{a0}jane@example.com</author></item></channel></rss>";
    let feed = parse(doc).expect("read by the tolerant reader");
    assert_eq!(feed.reader, Reader::Tolerant(Fallback::Panicked));
    assert_eq!(feed.items[0].author.as_deref(), Some("Dr. Jane Doe"));
}

#[test]
fn which_reader_reads_what() {
    let ordinary = "<rss version=\"2.0\"><channel><title>c</title><item><title>t</title>\
                    <link>/a</link><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate></item></channel></rss>";
    let feed = parse(ordinary).expect("parsed");
    assert_eq!(feed.reader, Reader::FeedRs);
    assert_eq!(feed.items[0].url.as_deref(), Some("https://example.org/a"));
    assert!(feed.repairs.is_empty());
    let unversioned = ordinary.replace(" version=\"2.0\"", "");
    let feed = parse(&unversioned).expect("parsed");
    assert_eq!(feed.reader, Reader::FeedRs, "repaired for feed-rs");
    assert_eq!(feed.repairs.names(), ["missing-version"]);
    let refused = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>t</title>\
                   <content src=\"https://x.org/a\">stray</content></entry></feed>";
    assert_eq!(
        parse(refused).expect("parsed").reader,
        Reader::Tolerant(Fallback::Refused("missing content"))
    );
    let linkless = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" \
                    xmlns=\"http://purl.org/rss/1.0/\"><channel><title>c</title></channel>\
                    <item rdf:about=\"urn:x:1\"><title>Only a title</title></item></rdf:RDF>";
    let feed = parse(linkless).expect("parsed");
    assert_eq!(
        feed.reader,
        Reader::Tolerant(Fallback::Implausible("items"))
    );
    assert_eq!(feed.items[0].guid, "urn:x:1");
    let tolerant_only = parse_with(
        ordinary.as_bytes(),
        None,
        "https://example.org/feed.xml",
        fetched_at(),
        Readers::TolerantOnly,
    )
    .expect("parsed");
    assert!(matches!(tolerant_only.reader, Reader::Tolerant(_)));
    assert_eq!(tolerant_only.items, parse(ordinary).expect("parsed").items);
}

#[test]
fn an_atom_link_is_an_rss_items_page_but_not_its_id() {
    let doc = "<rss version=\"2.0\" xmlns:a10=\"http://www.w3.org/2005/Atom\"><channel><title>c</title>\
               <item><title>WCF item</title><a10:link href=\"https://example.org/wcf/1\"/></item>\
               <item><title>Both</title><link>https://example.org/2</link>\
               <a10:link href=\"https://example.org/wcf/2\"/></item></channel></rss>";
    let feed = parse(doc).expect("parsed");
    assert_eq!(
        feed.items[0].url.as_deref(),
        Some("https://example.org/wcf/1")
    );
    // What feed-rs, which never saw the atom:link, gave it and rounds stored before.
    let without_link =
        parse(&doc.replace("<a10:link href=\"https://example.org/wcf/1\"/>", "")).expect("parsed");
    assert!(feed.items[0].guid.starts_with("fnv1a:"));
    assert_eq!(feed.items[0].guid, without_link.items[0].guid);
    assert_eq!(feed.items[1].guid, "https://example.org/2");
}

#[test]
fn repairs_combine_version_ampersand_and_end_tag() {
    let doc = "<rss>\n<channel><title>AT&T news</title>\n<item><title>One &nbsp;&amp; two</title>\n\
               <link>/a?x=1&y=2</link>\n<item><title>Two</title></item>\n</channel></rss>";
    let feed = parse(doc).expect("recovered");
    assert_eq!(feed.title.as_deref(), Some("AT&T news"));
    let titles: Vec<&str> = feed.items.iter().map(|item| item.title.as_str()).collect();
    assert_eq!(titles, ["One & two", "Two"]);
    assert_eq!(
        feed.items[0].url.as_deref(),
        Some("https://example.org/a?x=1&y=2")
    );
}

#[test]
fn unrepairable_xml_reports_the_line() {
    let doc = "<rss version=\"2.0\">\n<channel>\n<title>x</title>\n</item>\n</channel></rss>";
    let error = parse(doc).expect_err("stray closing tag");
    assert_eq!(
        error.to_string(),
        "malformed XML at line 4: mismatched closing tag </item> (expected </channel>)"
    );
}

#[test]
fn local_file_paths_are_accepted_as_feed_urls() {
    let doc = "<rss version=\"2.0\"><channel><item><title>t</title><link>/a</link></item></channel></rss>";
    let feed =
        parse_feed(doc.as_bytes(), None, "/tmp/feeds/local.xml", fetched_at()).expect("parsed");
    assert_eq!(feed.items[0].url, None, "file:// links are not http(s)");
    let feed =
        parse_feed(doc.as_bytes(), None, "feeds/relative.xml", fetched_at()).expect("parsed");
    assert_eq!(feed.items.len(), 1);
}

#[test]
fn items_without_any_identity_get_stable_hashed_guids() {
    let doc = "<rss version=\"2.0\"><channel><item><description>First post. More.</description></item>\
               <item><description>Second post</description></item></channel></rss>";
    let first = parse(doc).expect("parsed");
    let second = parse(doc).expect("parsed");
    assert_eq!(first, second);
    assert_eq!(first.items[0].title, "First post");
    assert_ne!(first.items[0].guid, first.items[1].guid);
    assert_eq!(
        first.items[0].published, None,
        "no date: the store stands in the fetch time"
    );
}

#[test]
fn mastodon_status_urls() {
    assert!(is_mastodon_status(
        "https://mastodon.social/@jane/113456789012345678"
    ));
    assert!(is_mastodon_status("https://x.org/users/jane/statuses/1"));
    assert!(!is_mastodon_status("https://x.org/@jane"));
    assert!(!is_mastodon_status("https://x.org/news/2024/1"));
}

#[test]
fn bluesky_hosts() {
    assert!(is_bluesky("https://bsky.app/profile/a.bsky.social/post/3k"));
    assert!(!is_bluesky("https://notbsky.app/x"));
}

#[test]
fn rss_091_with_doctype_and_html_entities() {
    let doc = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n\
               <!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \
               \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n\
               <rss version=\"0.91\"><channel><title>Ward&nbsp;News</title>\
               <link>https://ward.example.org/</link><item><title>Caf&eacute; closed</title>\
               <link>https://ward.example.org/1</link></item></channel></rss>";
    let feed = parse(doc).expect("parsed");
    assert_eq!(feed.kind, SourceKind::Rss);
    assert_eq!(feed.title.as_deref(), Some("Ward News"));
    assert_eq!(feed.items[0].title, "Café closed");
}

#[test]
fn atom_03_is_read_as_atom() {
    let doc = "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>Old blog</title>\
               <entry><title>Post</title><link rel=\"alternate\" href=\"/p/1\"/><id>urn:p1</id>\
               <modified>2004-05-01T10:00:00Z</modified></entry></feed>";
    let feed = parse(doc).expect("parsed");
    assert_eq!(feed.kind, SourceKind::Atom);
    assert_eq!(feed.items[0].title, "Post");
    assert_eq!(
        feed.items[0].url.as_deref(),
        Some("https://example.org/p/1")
    );
    let modified = Utc.with_ymd_and_hms(2004, 5, 1, 10, 0, 0).single();
    assert_eq!(feed.items[0].published, modified, "Atom 0.3 <modified>");
}

#[test]
fn mastodon_is_recognised_by_status_links_without_generator() {
    let doc = "<rss version=\"2.0\"><channel><title>x</title>\
               <item><link>https://social.example/@a/1</link><description>hi</description></item>\
               <item><link>https://social.example/@b/2</link><description>yo</description></item>\
               </channel></rss>";
    assert_eq!(parse(doc).expect("parsed").kind, SourceKind::Mastodon);
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    const FRAGMENTS: &[&str] = &[
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
        "<rss version=\"2.0\">",
        "<rss>",
        "<channel>",
        "</channel>",
        "</rss>",
        "<item>",
        "</item>",
        "<title>",
        "</title>",
        "<link>",
        "</link>",
        "/relative?a=1&b=2",
        "https://x.org/p",
        "<pubDate>",
        "</pubDate>",
        "Seg, 24 Set 2018 19:42 -0300",
        "<time datetime=\"2019-05-03T19:21:28Z\">x</time>",
        "&",
        "&amp;",
        "&nbsp;",
        "&#x1b;",
        "<![CDATA[",
        "]]>",
        "<author>",
        "</author>",
        "jane@x.org",
        "\u{a0}",
        "—",
        "é",
        "\u{1b}[31m",
        "<description>",
        "</description>",
        "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
        "<entry>",
        "</entry>",
        "</feed>",
        "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[",
        "]}",
        "<",
        ">",
        "\"",
        "<dc:identifier>doi:10.1/x</dc:identifier>",
        "\u{feff}",
        "\n",
    ];

    proptest! {
        #[test]
        fn parse_feed_returns_instead_of_panicking(
            picks in proptest::collection::vec(0..FRAGMENTS.len(), 0..40),
            latin1 in any::<bool>(),
        ) {
            let doc: String = picks.iter().map(|&index| FRAGMENTS[index]).collect();
            let bytes = if latin1 { encoding_rs::WINDOWS_1252.encode(&doc).0.into_owned() } else { doc.into_bytes() };
            let parsed = parse_feed(&bytes, None, "https://example.org/feed", fetched_at());
            prop_assert!(!in_parse());
            if let Ok(feed) = parsed {
                for item in feed.items {
                    prop_assert!(!item.title.is_empty());
                    let plausible = |d: DateTime<Utc>| d.year() >= 1990 && d <= fetched_at() + chrono::Duration::days(1);
                    prop_assert!(item.published.is_none_or(plausible));
                }
            }
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = parse_feed(&bytes, Some("utf-8"), "not a url", fetched_at());
            prop_assert!(!in_parse());
        }
    }
}

//! Properties of the parser over input nobody wrote on purpose: any bytes return (a feed or an
//! error, never a panic), real documents damaged at random still return, and hostile input of
//! 1 MiB takes time linear in its length, whichever reader reads it (feed-rs for well-formed
//! documents it may take, the tolerant reader for the rest).

use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;
use rounds::fetch::parse::{Reader, in_parse, parse_feed};
use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

#[path = "support/corpus.rs"]
mod corpus;

fn fetched_at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 15, 12, 0, 0)
        .single()
        .expect("date")
}

fn parse(bytes: &[u8]) {
    let parsed = parse_feed(bytes, None, "https://example.org/feed.xml", fetched_at());
    assert!(!in_parse(), "parse flag left raised");
    if let Ok(feed) = parsed {
        assert!(feed.items.iter().all(|item| !item.title.is_empty()));
        assert!(feed.items.iter().all(|item| !item.guid.is_empty()));
    }
}

/// Every document of the conformance corpus: realistic starting points for damage.
fn corpus() -> &'static [Vec<u8>] {
    static CORPUS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    CORPUS.get_or_init(read_corpus)
}

fn read_corpus() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let mut documents = Vec::new();
    for class in std::fs::read_dir(root).expect("corpus").flatten() {
        if !class.path().is_dir() {
            continue;
        }
        for file in std::fs::read_dir(class.path()).expect("class").flatten() {
            let path = file.path();
            if corpus::is_feed_file(&path) {
                documents.push(std::fs::read(path).expect("document"));
            }
        }
    }
    documents.sort();
    documents
}

/// One way of damaging a document at a relative position.
#[derive(Debug, Clone)]
enum Damage {
    Truncate,
    Delete(usize),
    Insert(Vec<u8>),
    Flip(u8),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        Just(Damage::Truncate),
        (1..40usize).prop_map(Damage::Delete),
        prop::collection::vec(any::<u8>(), 1..12).prop_map(Damage::Insert),
        prop::sample::select(b"<>&;\"'/=![]-?#x\0\xff".to_vec()).prop_map(Damage::Flip),
    ]
}

fn apply(document: &[u8], damages: &[(f64, Damage)]) -> Vec<u8> {
    let mut bytes = document.to_vec();
    for (position, damage) in damages {
        let at = ((bytes.len() as f64) * position) as usize;
        let at = at.min(bytes.len());
        match damage {
            Damage::Truncate => bytes.truncate(at),
            Damage::Delete(length) => {
                let end = (at + length).min(bytes.len());
                bytes.drain(at..end);
            }
            Damage::Insert(inserted) => {
                bytes.splice(at..at, inserted.iter().copied());
            }
            Damage::Flip(byte) if at < bytes.len() => bytes[at] = *byte,
            Damage::Flip(_) => {}
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_return(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        parse(&bytes);
    }

    #[test]
    fn damaged_documents_return(
        index in any::<prop::sample::Index>(),
        damages in prop::collection::vec((0.0..1.0f64, damage()), 1..6),
    ) {
        let document = index.get(corpus());
        parse(&apply(document, &damages));
    }
}

/// Hostile documents: each pattern repeated to the wanted size, inside a prefix and suffix
/// that make it reach the part of the parser it aims at.
const HOSTILE: &[(&str, &str, &str)] = &[
    ("", "<a>", ""),
    ("", "<a '", ""),
    ("", "<a \"", ""),
    ("", "<!--", ""),
    ("", "<![CDATA[", ""),
    ("", "<?x", ""),
    ("", "<!x[", ""),
    ("", "<", ""),
    ("", "</a", ""),
    ("<rss><channel>", "<item>", ""),
    (
        "<rss><channel>",
        "<item><title>x</title>",
        "</channel></rss>",
    ),
    (
        "<rss><channel><item><title>",
        "&#x",
        "</title></item></channel></rss>",
    ),
    (
        "<rss><channel><item><title>",
        "&amp",
        "</title></item></channel></rss>",
    ),
    (
        "<rss><channel><item><title>",
        "a&nbsp;<",
        "</title></item></channel></rss>",
    ),
    (
        "<rss><channel><item><title>",
        "<b>",
        "</title></item></channel></rss>",
    ),
    (
        "<rss><channel><item><author>",
        "a@",
        "</author></item></channel></rss>",
    ),
    (
        "<rss><channel><item><pubDate>",
        "1 ",
        "</pubDate></item></channel></rss>",
    ),
    (
        "<feed xmlns='http://www.w3.org/2005/Atom'>",
        "<x xml:base='a/'>",
        "<entry><link href='b'/></entry>",
    ),
    (
        "<feed xmlns='http://www.w3.org/2005/Atom'><entry><content type='xhtml'>",
        "<div>",
        "",
    ),
    ("<rss xmlns:a='urn:a'>", "<a:x xmlns:b='urn:b'>", ""),
    (
        "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[",
        "{\"title\":\"x\"},",
        "{}]}",
    ),
    ("", "[", ""),
];

/// Well-formed documents that reach feed-rs (each is checked to), grown to the wanted size.
const FOR_FEED_RS: &[(&str, &str, &str)] = &[
    (
        "<rss version=\"2.0\"><channel><title>c</title>",
        "<item><title>x &amp; y</title><link>/a</link><guid>g</guid><description>&lt;p&gt;b</description><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate><author>a@b.org (A)</author><category>c</category></item>",
        "</channel></rss>",
    ),
    (
        "<rss version=\"2.0\"><channel><title>c</title><item><title>t</title><description>",
        "a &amp; b &lt;i&gt;",
        "</description></item></channel></rss>",
    ),
    (
        "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>c</title>",
        "<item><title>t</title><media:group><media:content url=\"https://x.org/a.jpg\" type=\"image/jpeg\"/><media:description>d</media:description></media:group></item>",
        "</channel></rss>",
    ),
    (
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>f</title>",
        "<entry><id>x</id><title type=\"html\">&lt;b&gt;x</title><link href=\"/a\"/><updated>2024-01-01T00:00:00Z</updated><author><name>n</name></author><content type=\"html\">y</content></entry>",
        "</feed>",
    ),
    (
        "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":[",
        "{\"id\":\"1\",\"url\":\"https://x.org/\",\"content_html\":\"<p>x</p>\",\"authors\":[{\"name\":\"a\"}]},",
        "{\"id\":\"z\"}]}",
    ),
];

/// One start tag declaring thousands of prefixes, then thousands of elements: a namespace
/// lookup per element among all of them would be quadratic, so the scan sends it elsewhere.
fn many_declarations(size: usize) -> Vec<u8> {
    let declarations: String = (0..size / 48)
        .map(|n| format!(" xmlns:p{n}=\"urn:example:{n}\""))
        .collect();
    let items = "<item><title>x</title></item>".repeat(size / 60);
    format!("<rss version=\"2.0\"{declarations}><channel>{items}</channel></rss>").into_bytes()
}

/// Thousands of attributes on one element: checking each against all the others for duplicates
/// (as quick-xml does, in feed-rs) would be quadratic, so the scan sends it elsewhere.
fn many_attributes(size: usize) -> Vec<u8> {
    let attributes: String = (0..size / 12).map(|n| format!(" a{n}=\"x\"")).collect();
    format!(
        "<rss version=\"2.0\"><channel><item{attributes}><title>t</title></item></channel></rss>"
    )
    .into_bytes()
}

/// Stray closing tags under thousands of open elements: each must not search them all.
fn deep_then_stray(size: usize) -> Vec<u8> {
    let half = "<a>".repeat(size / 6);
    let strays = "</b>".repeat(size / 8);
    format!("<rss>{half}{strays}").into_bytes()
}

fn hostile(prefix: &str, pattern: &str, suffix: &str, size: usize) -> Vec<u8> {
    let repeats = size.saturating_sub(prefix.len() + suffix.len()) / pattern.len();
    format!("{prefix}{}{suffix}", pattern.repeat(repeats)).into_bytes()
}

fn reader(bytes: &[u8]) -> Option<Reader> {
    parse_feed(bytes, None, "https://example.org/feed.xml", fetched_at())
        .ok()
        .map(|feed| feed.reader)
}

fn time_to_parse(bytes: &[u8]) -> Duration {
    let started = Instant::now();
    parse(bytes);
    started.elapsed()
}

/// Whether four times the input took about four times as long (quadratic time would take
/// sixteen). A busy machine can slow one run down, so a failing comparison is measured again.
fn scales_linearly(quarter: &[u8], whole: &[u8]) -> Result<Duration, String> {
    let mut report = String::new();
    for _ in 0..3 {
        let (small, large) = (time_to_parse(quarter), time_to_parse(whole));
        if large < small * 9 + Duration::from_millis(300) {
            return Ok(large);
        }
        report = format!("256 KiB in {small:?}, 1 MiB in {large:?}");
    }
    Err(report)
}

#[test]
fn hostile_input_of_one_mebibyte_parses_in_linear_time() {
    const MIB: usize = 1 << 20;
    let mut cases: Vec<(String, Vec<u8>, Vec<u8>)> = HOSTILE
        .iter()
        .map(|(prefix, pattern, suffix)| {
            (
                format!("{prefix}{pattern}…{suffix}"),
                hostile(prefix, pattern, suffix, MIB / 4),
                hostile(prefix, pattern, suffix, MIB),
            )
        })
        .collect();
    cases.push((
        "deep then stray".into(),
        deep_then_stray(MIB / 4),
        deep_then_stray(MIB),
    ));
    cases.push((
        "many attributes".into(),
        many_attributes(MIB / 4),
        many_attributes(MIB),
    ));
    cases.push((
        "many namespace declarations".into(),
        many_declarations(MIB / 4),
        many_declarations(MIB),
    ));
    for (prefix, pattern, suffix) in FOR_FEED_RS {
        let quarter = hostile(prefix, pattern, suffix, MIB / 4);
        assert_eq!(
            reader(&quarter),
            Some(Reader::FeedRs),
            "{prefix}{pattern}… must reach feed-rs"
        );
        let whole = hostile(prefix, pattern, suffix, MIB);
        cases.push((format!("feed-rs: {prefix}{pattern}…"), quarter, whole));
    }
    for (name, quarter, whole) in cases {
        let large =
            scales_linearly(&quarter, &whole).unwrap_or_else(|report| panic!("{name}: {report}"));
        // Generous: this runs as a debug build, on a machine that may be busy.
        assert!(
            large < Duration::from_secs(15),
            "{name}: 1 MiB in {large:?}"
        );
    }
}

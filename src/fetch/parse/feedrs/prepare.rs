//! Two repairs that let feed-rs read common documents it would refuse or misread, made on the
//! bytes before it sees them, and only to documents that need them: an `<rss>` root without a
//! version feed-rs accepts (or with a default namespace, under which feed-rs ignores every
//! element), and an HTML `<time datetime="…">` inside a date element (Drupal's template).

use super::super::repairs::{Repair, Repairs};
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// The versions feed-rs reads an `<rss>` root for.
const VERSIONS: [&str; 4] = ["2.0", "", "0.91", "0.92"];

static RSS_START_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\A<rss(?:\s[^>]*)?>").expect("rss tag pattern"));

static VERSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\sversion\s*=\s*(?:"([^"]*)"|'([^']*)')"#).expect("version pattern")
});

static DEFAULT_NAMESPACE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"\sxmlns\s*=\s*(?:"[^"]*"|'[^']*')"#).expect("xmlns pattern"));

static TIME_IN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?s)(<(?:pubDate|dc:date|published|updated|lastBuildDate)(?:\s[^>]*)?>)\s*<time\b[^>]*?\sdatetime\s*=\s*["']([^"']*)["'][^>]*>.*?</time>\s*(</)"#,
    )
    .expect("time pattern")
});

/// The document as feed-rs should see it, and the repairs that took.
pub fn for_feed_rs(doc: &str) -> (Cow<'_, str>, Repairs) {
    let mut repairs = Repairs::default();
    let mut doc = Cow::Borrowed(doc);
    if let Some(fixed) = rss_root(&doc, &mut repairs) {
        doc = Cow::Owned(fixed);
    }
    if doc.contains("<time") {
        let fixed = TIME_IN_DATE.replace_all(&doc, "${1}${2}${3}");
        if let Cow::Owned(fixed) = fixed {
            doc = Cow::Owned(fixed);
        }
    }
    (doc, repairs)
}

/// The document with its `<rss>` start tag saying `version="2.0"` and declaring no default
/// namespace, when it said otherwise.
fn rss_root(doc: &str, repairs: &mut Repairs) -> Option<String> {
    let at = memchr::memmem::find(doc.as_bytes(), b"<rss")?;
    let tag = RSS_START_TAG.find(&doc[at..])?;
    let tag = &doc[at..at + tag.end()];
    let version = VERSION.captures(tag).map(|captures| {
        captures
            .get(1)
            .or_else(|| captures.get(2))
            .map_or("", |value| value.as_str())
    });
    let accepted = version.is_some_and(|version| VERSIONS.contains(&version));
    if accepted && !DEFAULT_NAMESPACE.is_match(tag) {
        return None;
    }
    repairs.note_if(version.is_none(), Repair::MissingVersion);
    let attributes = VERSION.replace_all(&tag["<rss".len()..], "");
    let attributes = DEFAULT_NAMESPACE.replace_all(&attributes, "");
    let mut fixed = String::with_capacity(doc.len() + 16);
    fixed.push_str(&doc[..at]);
    fixed.push_str("<rss version=\"2.0\"");
    fixed.push_str(&attributes);
    fixed.push_str(&doc[at + tag.len()..]);
    Some(fixed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prepared(doc: &str) -> (String, Vec<String>) {
        let (doc, repairs) = for_feed_rs(doc);
        (doc.into_owned(), repairs.names())
    }

    #[test]
    fn rss_roots_get_a_version_feed_rs_reads_and_lose_a_default_namespace() {
        assert_eq!(
            prepared("<?xml version=\"1.0\"?>\n<rss><channel/></rss>"),
            (
                "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>".into(),
                vec!["missing-version".to_string()]
            )
        );
        assert_eq!(
            prepared("<rss version='0.94' xmlns:dc='x'>").0,
            "<rss version=\"2.0\" xmlns:dc='x'>"
        );
        assert_eq!(
            prepared("<rss version=\"2.0\" xmlns=\"http://backend.userland.com/rss2\">"),
            ("<rss version=\"2.0\">".into(), Vec::new())
        );
        let fine = "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">";
        assert!(matches!(for_feed_rs(fine).0, Cow::Borrowed(_)));
        assert!(matches!(for_feed_rs("<feed/>").0, Cow::Borrowed(_)));
    }

    #[test]
    fn time_elements_in_dates_become_their_datetime() {
        let doc = "<item><pubDate>\n  <time datetime=\"2019-05-03T19:21:28Z\">Fri, 05/03/2019 - 15:21</time>\n</pubDate></item>";
        assert_eq!(
            prepared(doc).0,
            "<item><pubDate>2019-05-03T19:21:28Z</pubDate></item>"
        );
    }
}

//! Autodiscovery: a web page → its feeds. `<link rel="alternate">` first, else links that
//! look like feeds (checked), else a YouTube channel's feed, else the usual paths (checked).
//! Reads at most `MAX_PAGE_BYTES` of any page and never runs scripts.

mod scan;

pub use scan::{PageScan, scan};

use super::http::{FetchError, HttpClient, PagePrefix};
use url::Url;

/// Discovery reads no more than this of a page (or of a candidate it checks).
pub const MAX_PAGE_BYTES: usize = 2 * 1024 * 1024;
/// Links that look like feeds checked at most, so a page of links costs a few requests.
const MAX_ANCHORS_CHECKED: usize = 4;
/// Tried in this order, relative to the site's root, when the page names no feed.
pub const USUAL_PATHS: [&str; 7] = [
    "/feed",
    "/rss",
    "/rss.xml",
    "/atom.xml",
    "/feed.xml",
    "/index.xml",
    "/feeds/posts/default",
];

/// A feed found for a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub url: String,
    pub title: Option<String>,
    pub found: Found,
}

/// Where a candidate came from, for the message that says which feed was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// The address was a feed already.
    Itself,
    LinkTag,
    Anchor,
    YouTubeChannel,
    UsualPath,
}

impl Found {
    pub fn describe(self) -> &'static str {
        match self {
            Found::Itself => "the address is a feed",
            Found::LinkTag => "named by the page",
            Found::Anchor => "linked from the page",
            Found::YouTubeChannel => "the channel's feed",
            Found::UsualPath => "found at a usual feed address",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DiscoverError {
    #[error("{url} could not be read: {error}")]
    Page { url: String, error: FetchError },
    #[error("no feed found for {url}; tried {}", tried.join(", "))]
    NoFeed { url: String, tried: Vec<String> },
}

/// The feeds of the page at `url`: the address itself when it is a feed, else every
/// candidate found at the first stage that finds any.
pub async fn discover(client: &HttpClient, url: &str) -> Result<Vec<Candidate>, DiscoverError> {
    let page_error = |error| DiscoverError::Page {
        url: url.to_string(),
        error,
    };
    let page = client
        .fetch_prefix(url, MAX_PAGE_BYTES)
        .await
        .map_err(page_error)?;
    if is_feed(page.content_type.as_deref(), &page.body) {
        let itself = Candidate {
            url: url.to_string(),
            title: None,
            found: Found::Itself,
        };
        return Ok(vec![itself]);
    }
    let page_url = Url::parse(&page.final_url).map_err(|e| DiscoverError::Page {
        url: url.to_string(),
        error: FetchError::InvalidUrl {
            url: page.final_url.clone(),
            reason: e.to_string(),
        },
    })?;
    let scanned = scan(&decode(&page));
    let mut tried = vec!["the page's <link rel=\"alternate\"> tags".to_string()];
    let named = alternates(&scanned, &page_url);
    if !named.is_empty() {
        return Ok(named);
    }
    let anchors = feed_like_anchors(&scanned, &page_url);
    if !anchors.is_empty() {
        tried.push(format!("{} links that look like feeds", anchors.len()));
    }
    let mut found = Vec::new();
    for candidate in anchors {
        if is_feed_at(client, &candidate.url).await {
            found.push(candidate);
        }
    }
    if !found.is_empty() {
        return Ok(found);
    }
    if let Some(channel) = youtube_feed(&scanned, &page_url) {
        tried.push(channel.url.clone());
        if is_feed_at(client, &channel.url).await {
            return Ok(vec![channel]);
        }
    }
    for candidate in usual_paths(&page_url) {
        tried.push(candidate.url.clone());
        if is_feed_at(client, &candidate.url).await {
            return Ok(vec![candidate]);
        }
    }
    Err(DiscoverError::NoFeed {
        url: url.to_string(),
        tried,
    })
}

/// True when the document's first markup is a feed's root (RSS, Atom, RDF) or it is a JSON
/// Feed. The body decides: servers label feeds `text/html` and pages `text/xml`.
pub fn is_feed(content_type: Option<&str>, body: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&body[..body.len().min(4096)]);
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    if rest.starts_with('{') {
        return rest.contains("jsonfeed.org/version")
            || content_type.is_some_and(|t| t.contains("feed+json"));
    }
    // Skip the XML declaration, processing instructions, comments and a doctype.
    while let Some(after) = rest.strip_prefix('<') {
        let skip_to = if after.starts_with('?') {
            "?>"
        } else if after.starts_with("!--") {
            "-->"
        } else if after.starts_with('!') {
            ">"
        } else {
            let root: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == ':')
                .collect::<String>()
                .to_ascii_lowercase();
            let local = root.rsplit(':').next().unwrap_or_default();
            return matches!(local, "rss" | "feed" | "rdf");
        };
        let Some(end) = rest.find(skip_to) else {
            return false;
        };
        rest = rest[end + skip_to.len()..].trim_start();
    }
    false
}

async fn is_feed_at(client: &HttpClient, url: &str) -> bool {
    client
        .fetch_prefix(url, MAX_PAGE_BYTES)
        .await
        .is_ok_and(|page| is_feed(page.content_type.as_deref(), &page.body))
}

/// The page's text in its declared charset (UTF-8 when it declares none).
fn decode(page: &PagePrefix) -> String {
    let encoding = page
        .charset
        .as_deref()
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
        .unwrap_or(encoding_rs::UTF_8);
    encoding.decode(&page.body).0.into_owned()
}

fn alternates(page: &PageScan, page_url: &Url) -> Vec<Candidate> {
    let mut found: Vec<Candidate> = Vec::new();
    for link in &page.alternates {
        let Some(url) = scan::resolve(page, page_url, &link.href) else {
            continue;
        };
        if !found.iter().any(|known| known.url == url.as_str()) {
            found.push(Candidate {
                url: url.to_string(),
                title: link.title.clone(),
                found: Found::LinkTag,
            });
        }
    }
    found
}

/// `<a>` whose address or text says feed: `.rss`, `.xml`, `/feed`, "RSS", "Atom".
fn feed_like_anchors(page: &PageScan, page_url: &Url) -> Vec<Candidate> {
    let mut found: Vec<Candidate> = Vec::new();
    for anchor in &page.anchors {
        let Some(url) = scan::resolve(page, page_url, &anchor.href) else {
            continue;
        };
        let path = url.path().to_ascii_lowercase();
        let text = anchor
            .title
            .as_deref()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let by_path = [
            ".rss", ".xml", ".atom", ".rdf", "/feed", "/feed/", "/rss", "/rss/", "/atom",
        ]
        .iter()
        .any(|end| path.ends_with(end))
            || path.contains("/feeds/")
            || url
                .query()
                .is_some_and(|q| q.contains("feed=") || q.contains("format=rss"));
        let by_text = text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "rss" || w == "atom");
        if (by_path || by_text) && !found.iter().any(|known| known.url == url.as_str()) {
            found.push(Candidate {
                url: url.to_string(),
                title: anchor.title.clone(),
                found: Found::Anchor,
            });
        }
    }
    found.truncate(MAX_ANCHORS_CHECKED);
    found
}

/// A YouTube channel page (`/@handle`, `/c/…`) names its channel id; its feed is at
/// `/feeds/videos.xml?channel_id=ID` on the same site.
fn youtube_feed(page: &PageScan, page_url: &Url) -> Option<Candidate> {
    let is_youtube = page_url
        .host_str()
        .is_some_and(|host| host.ends_with("youtube.com"))
        || page.site_name.as_deref() == Some("YouTube");
    if !is_youtube {
        return None;
    }
    let from_canonical = page.canonical.as_deref().and_then(|canonical| {
        let id = canonical
            .split("/channel/")
            .nth(1)?
            .split(['/', '?'])
            .next()?;
        id.starts_with("UC").then(|| id.to_string())
    });
    let id = page.channel_id.clone().or(from_canonical)?;
    let mut feed = page_url.join("/feeds/videos.xml").ok()?;
    feed.query_pairs_mut()
        .clear()
        .append_pair("channel_id", &id);
    Some(Candidate {
        url: feed.to_string(),
        title: None,
        found: Found::YouTubeChannel,
    })
}

/// The usual feed paths at the site's root; a `/@user` profile's own `.rss` first.
fn usual_paths(page_url: &Url) -> Vec<Candidate> {
    let mut paths: Vec<String> = Vec::new();
    let segments: Vec<&str> = page_url
        .path_segments()
        .map(|s| s.filter(|s| !s.is_empty()).collect())
        .unwrap_or_default();
    if let [profile] = segments.as_slice()
        && profile.starts_with('@')
    {
        paths.push(format!("/{profile}.rss"));
    }
    paths.extend(USUAL_PATHS.iter().map(|path| path.to_string()));
    paths
        .into_iter()
        .filter_map(|path| page_url.join(&path).ok())
        .map(|url| Candidate {
            url: url.to_string(),
            title: None,
            found: Found::UsualPath,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_are_told_from_pages_by_their_root() {
        assert!(is_feed(
            None,
            b"\xef\xbb\xbf<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">"
        ));
        assert!(is_feed(
            Some("text/html"),
            b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"
        ));
        assert!(is_feed(
            None,
            b"<?xml version='1.0'?><?xml-stylesheet href='a'?><rdf:RDF>"
        ));
        assert!(is_feed(
            None,
            br#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#
        ));
        assert!(!is_feed(
            Some("application/rss+xml"),
            b"<!DOCTYPE html><html><head>"
        ));
        assert!(!is_feed(None, b"{\"error\": \"not found\"}"));
        assert!(!is_feed(None, b""));
    }

    #[test]
    fn usual_paths_start_with_a_profiles_own_feed() {
        let url = Url::parse("https://med.example/@hokafor").unwrap();
        let paths: Vec<String> = usual_paths(&url).into_iter().map(|c| c.url).collect();
        assert_eq!(paths[0], "https://med.example/@hokafor.rss");
        assert_eq!(paths[1], "https://med.example/feed");
        assert_eq!(paths.len(), USUAL_PATHS.len() + 1);
    }
}

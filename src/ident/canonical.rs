//! URLs reduced to what identifies the page, so the same article reached through different
//! feeds (and their tracking parameters) compares equal.

use url::Url;

/// Query parameters that say where a click came from, not what the page is.
const TRACKING: &[&str] = &[
    "fbclid", "gclid", "dclid", "msclkid", "yclid", "twclid", "ttclid", "mc_cid", "mc_eid",
    "cmpid", "_hsenc", "_hsmi", "igshid", "mkt_tok", "s_cid", "ncid", "rss", "dgcid",
];

/// PubMed adds its own feed bookkeeping to record links.
const PUBMED_BOOKKEEPING: &[&str] = &["fc", "ff", "v"];

fn is_tracking_param(host: &str, key: &str, value: &str) -> bool {
    let key = key.to_ascii_lowercase();
    let value = value.to_ascii_lowercase();
    key.starts_with("utm_")
        || TRACKING.contains(&key.as_str())
        || (key == "src" && value == "rss")
        || (key == "af" && value == "r")
        || (key == "cmp" && value.contains("rss"))
        || (host == "pubmed.ncbi.nlm.nih.gov" && PUBMED_BOOKKEEPING.contains(&key.as_str()))
}

/// A URL reduced to what identifies the page: `https`, lower-case host without `www.` or a
/// default port, no fragment, no tracking parameters (`utm_*`, `fbclid`, `rss=1`, `af=R`...),
/// no trailing slash on the path. Text that is not a URL comes back trimmed.
pub fn canonical_url(url: &str) -> String {
    let trimmed = url.trim();
    match Url::parse(trimmed) {
        Ok(parsed) => canonical_of(parsed),
        Err(_) => trimmed.to_string(),
    }
}

/// [`canonical_url`] of a URL parsed already.
pub fn canonical_of(mut parsed: Url) -> String {
    if parsed.scheme() == "http" {
        let _ = parsed.set_scheme("https");
    }
    if let Some(host) = parsed.host_str().map(str::to_string)
        && let Some(bare) = host.strip_prefix("www.")
        && !bare.is_empty()
    {
        let _ = parsed.set_host(Some(bare));
    }
    parsed.set_fragment(None);
    if parsed.query().is_some() {
        drop_tracking_params(&mut parsed);
    }
    let path = parsed.path().to_string();
    if path.len() > 1 && path.ends_with('/') {
        parsed.set_path(path.trim_end_matches('/'));
    }
    parsed.to_string()
}

fn drop_tracking_params(parsed: &mut Url) {
    let host = parsed.host_str().unwrap_or_default().to_string();
    let kept: Vec<(String, String)> = parsed
        .query_pairs()
        .filter(|(key, value)| !is_tracking_param(&host, key, value))
        .map(|(key, value)| (key.into_owned(), value.into_owned()))
        .collect();
    if kept.is_empty() {
        parsed.set_query(None);
    } else {
        parsed.query_pairs_mut().clear().extend_pairs(kept);
    }
}

/// A site's home page (no path, no query): never a story key, since every item of some feeds
/// links there.
pub fn is_home_page(url: &str) -> bool {
    Url::parse(url.trim()).is_ok_and(|parsed| is_home(&parsed))
}

/// A link as a story key: its [`canonical_url`], or none for a home page (see
/// [`is_home_page`]). The link is parsed once for both; every stored item comes here.
pub fn story_link(url: &str) -> Option<String> {
    let trimmed = url.trim();
    match Url::parse(trimmed) {
        Ok(parsed) if is_home(&parsed) => None,
        Ok(parsed) => Some(canonical_of(parsed)),
        Err(_) => Some(trimmed.to_string()),
    }
}

fn is_home(parsed: &Url) -> bool {
    matches!(parsed.path(), "" | "/") && parsed.query().is_none_or(str::is_empty)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_url_drops_tracking_www_and_fragment() {
        assert_eq!(
            canonical_url(" HTTPS://WWW.Example.ORG/Path/?utm_source=rss&id=7&utm_medium=x#top "),
            "https://example.org/Path?id=7"
        );
        assert_eq!(
            canonical_url("https://jpeds.com/article/x/fulltext?rss=yes"),
            "https://jpeds.com/article/x/fulltext"
        );
        assert_eq!(
            canonical_url("https://medscape.com/viewarticle/1?src=rss"),
            "https://medscape.com/viewarticle/1"
        );
        assert_eq!(
            canonical_url("http://biorxiv.org/a?rss=1"),
            "https://biorxiv.org/a"
        );
        assert_eq!(
            canonical_url("https://example.org/"),
            "https://example.org/"
        );
        assert_eq!(
            canonical_url("https://example.org:443/a/b/"),
            "https://example.org/a/b"
        );
        assert_eq!(
            canonical_url("https://x.org/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&cmpid=5"),
            "https://x.org/a"
        );
    }

    #[test]
    fn the_same_paper_through_different_feeds() {
        let from_journal = "https://www.nejm.org/doi/full/10.1056/NEJMoa2611487?af=R";
        let from_post = "https://nejm.org/doi/full/10.1056/NEJMoa2611487#abstract";
        assert_eq!(canonical_url(from_journal), canonical_url(from_post));
        let pubmed = "https://pubmed.ncbi.nlm.nih.gov/42318806/?utm_source=Other&utm_medium=rss&fc=20261117000000&ff=20261117000000&v=2.18.0.post9";
        assert_eq!(
            canonical_url(pubmed),
            "https://pubmed.ncbi.nlm.nih.gov/42318806"
        );
    }

    #[test]
    fn canonical_url_keeps_meaningful_params_and_non_urls() {
        assert_eq!(
            canonical_url("https://x.org/search?q=sepsis&src=home&v=2"),
            "https://x.org/search?q=sepsis&src=home&v=2"
        );
        assert_eq!(canonical_url("  not a url "), "not a url");
    }

    #[test]
    fn home_pages() {
        assert!(is_home_page("https://www.thelancet.com"));
        assert!(is_home_page("https://example.org/"));
        assert!(!is_home_page("https://example.org/a"));
        assert!(!is_home_page("https://example.org/?p=12"));
    }

    #[test]
    fn story_links_are_canonical_links_of_pages_other_than_home() {
        for url in [
            " HTTPS://WWW.Example.ORG/Path/?utm_source=rss&id=7#top ",
            "https://example.org/?p=12",
            "http://nejm.org/doi/full/10.1056/x",
            "not a link ",
            "",
        ] {
            assert_eq!(story_link(url), Some(canonical_url(url)), "{url}");
            assert!(!is_home_page(url), "{url}");
        }
        for home in ["https://www.thelancet.com", "https://example.org/?"] {
            assert!(is_home_page(home) && story_link(home).is_none(), "{home}");
        }
    }
}

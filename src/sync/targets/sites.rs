//! Sites whose feeds live at an address the page does not make obvious: YouTube channels,
//! PubMed searches, Medium profiles.

use super::{Resolved, TargetError};
use url::Url;

/// A direct mapping for a known site's address, an explanation when the feed must be made on
/// the site, or `None` to treat the address as a page (discovery).
pub(super) fn from_url(url: &Url) -> Result<Option<Resolved>, TargetError> {
    let host = url.host_str().unwrap_or_default().to_lowercase();
    let segments: Vec<&str> = url
        .path_segments()
        .map(|s| s.filter(|s| !s.is_empty()).collect())
        .unwrap_or_default();
    if is_youtube(&host) {
        // `/channel/ID` maps directly; `/@handle`, `/c/…`, `/user/…` need the page.
        if let ["channel", id, ..] = segments.as_slice()
            && id.starts_with("UC")
        {
            let feed = format!("https://www.youtube.com/feeds/videos.xml?channel_id={id}");
            return Ok(Some(Resolved::feed(feed, None)));
        }
        return Ok(None);
    }
    if is_pubmed(&host, &segments) {
        let is_search = url.query_pairs().any(|(key, _)| key == "term");
        if is_search {
            return Err(TargetError::PubMedSearch(url.to_string()));
        }
        return Ok(None);
    }
    if host == "medium.com"
        && let [user] = segments.as_slice()
        && user.starts_with('@')
    {
        return Ok(Some(Resolved::feed(
            format!("https://medium.com/feed/{user}"),
            None,
        )));
    }
    Ok(None)
}

pub fn is_youtube(host: &str) -> bool {
    matches!(host, "youtube.com" | "www.youtube.com" | "m.youtube.com")
}

fn is_pubmed(host: &str, segments: &[&str]) -> bool {
    host == "pubmed.ncbi.nlm.nih.gov"
        || (host == "www.ncbi.nlm.nih.gov" && segments.first() == Some(&"pubmed"))
}

//! What the user may type after `rounds add` (or in the newsfeed's add prompt), turned into
//! the address of a feed, a page to look for feeds on, or an explanation of why it cannot be
//! followed.

mod sites;
mod social;
mod walled;

pub use walled::{Network, Walled};

use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    #[error(
        "{0:?} is not a web address, a file, @user@instance, #tag@instance, a Bluesky handle or r/subreddit"
    )]
    Unrecognised(String),
    #[error("only http and https feeds can be followed, not {0:?}")]
    Scheme(String),
    #[error("{0:?} is not a valid URL: {1}")]
    BadUrl(String, String),
    #[error(
        "{0:?} could be on any network: write @user@instance for Mastodon, @handle.bsky.social for Bluesky, or the profile's web address (x.com/{name})",
        name = .0.trim_start_matches('@')
    )]
    AmbiguousHandle(String),
    #[error("{0}")]
    NoFeed(Walled),
    #[error(
        "PubMed makes a search's feed on its site: open {0} in a browser, choose \"Create RSS\" under the search box, then add the feed address it gives (https://pubmed.ncbi.nlm.nih.gov/rss/search/…)"
    )]
    PubMedSearch(String),
    #[error("the address holds the control character U+{0:04X}, which no address can contain")]
    Control(u32),
}

/// The feed address for a target, and what goes with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub url: String,
    pub category: Option<&'static str>,
    /// What the user followed when the feed is someone else's rendering of it (a bridge).
    pub origin: Option<String>,
    /// A web address that may be a page rather than a feed: discovery looks at it first.
    pub discover: bool,
}

impl Resolved {
    fn feed(url: String, category: Option<&'static str>) -> Resolved {
        Resolved {
            url,
            category,
            origin: None,
            discover: false,
        }
    }
}

/// Resolves `target`; `cwd` makes relative file paths absolute so the source survives a `cd`;
/// `bridges` are the config's templates for networks without feeds.
pub fn resolve(
    target: &str,
    cwd: &Path,
    bridges: &BTreeMap<String, String>,
) -> Result<Resolved, TargetError> {
    let target = target.trim();
    if let Some(c) = target.chars().find(|c| c.is_control()) {
        return Err(TargetError::Control(u32::from(c)));
    }
    if target.starts_with("file://") {
        let path = url::Url::parse(target)
            .ok()
            .and_then(|url| url.to_file_path().ok())
            .ok_or_else(|| TargetError::Unrecognised(target.to_string()))?;
        return file(&path.to_string_lossy(), cwd, target);
    }
    if target.contains("://") {
        return web_url(target, bridges);
    }
    if !target.is_empty() && cwd.join(target).exists() {
        return file(target, cwd, target);
    }
    if let Some(walled) = walled::from_handle(target) {
        return walled.through_bridge(bridges);
    }
    if let Some(resolved) = social::from_handle(target) {
        return Ok(resolved);
    }
    if target.starts_with('@') && !target[1..].contains(['@', '.']) {
        return Err(TargetError::AmbiguousHandle(target.to_string()));
    }
    if looks_like_address(target) {
        return web_url(&format!("https://{target}"), bridges);
    }
    Err(TargetError::Unrecognised(target.to_string()))
}

fn web_url(target: &str, bridges: &BTreeMap<String, String>) -> Result<Resolved, TargetError> {
    let url =
        url::Url::parse(target).map_err(|e| TargetError::BadUrl(target.into(), e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(TargetError::Scheme(url.scheme().to_string()));
    }
    if let Some(walled) = walled::from_url(&url) {
        return walled.through_bridge(bridges);
    }
    if let Some(resolved) = social::from_url(&url) {
        return Ok(resolved);
    }
    if let Some(resolved) = sites::from_url(&url)? {
        return Ok(resolved);
    }
    Ok(Resolved {
        url: url.to_string(),
        category: None,
        origin: None,
        discover: true,
    })
}

fn file(path: &str, cwd: &Path, original: &str) -> Result<Resolved, TargetError> {
    let absolute = cwd.join(path);
    if !absolute.is_file() {
        return Err(TargetError::Unrecognised(original.to_string()));
    }
    let absolute = absolute.canonicalize().unwrap_or(absolute);
    Ok(Resolved::feed(absolute.display().to_string(), None))
}

/// `nejm.org`, `www.cdc.gov/mmwr`: a host name, maybe with a path, typed without `https://`.
fn looks_like_address(target: &str) -> bool {
    let host = target.split('/').next().unwrap_or_default();
    host.contains('.')
        && !target.contains(char::is_whitespace)
        && host.split('.').all(is_label)
        && host
            .rsplit('.')
            .next()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

fn is_word(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_alphanumeric() || c == '_')
}

fn is_label(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests;

//! Mastodon, Bluesky and Reddit: handles and profile URLs → their public feeds.

use super::{Resolved, is_label, is_word};

fn social_feed(url: String) -> Resolved {
    Resolved::feed(url, Some("social"))
}

/// `@user@instance`, `#tag@instance`, `r/sub`, `@handle.domain`, `handle.bsky.social`,
/// `bsky:handle`, `did:plc:...`.
pub(super) fn from_handle(target: &str) -> Option<Resolved> {
    if let Some(rest) = target.strip_prefix('@') {
        if let Some((user, instance)) = rest.split_once('@') {
            return mastodon_account(user, instance);
        }
        // `@drokafor.com`: a Bluesky handle, custom domains included.
        return bluesky_handle(rest);
    }
    if let Some(rest) = target.strip_prefix('#') {
        let (tag, instance) = rest.split_once('@')?;
        return valid_instance(instance)
            .then_some(())
            .filter(|_| is_word(tag))
            .map(|_| social_feed(format!("https://{instance}/tags/{tag}.rss")));
    }
    if let Some(name) = target
        .strip_prefix("r/")
        .or_else(|| target.strip_prefix("/r/"))
    {
        let name = name.trim_end_matches('/');
        return is_word(name).then(|| social_feed(format!("https://www.reddit.com/r/{name}/.rss")));
    }
    if target.starts_with("did:plc:") || target.starts_with("did:web:") {
        return bluesky_profile(target);
    }
    if let Some(handle) = target.strip_prefix("bsky:") {
        return bluesky_handle(handle.trim_start_matches('@'));
    }
    // A bare domain is a web page, unless it is a handle on Bluesky's own domain.
    let lower = target.to_lowercase();
    (lower.ends_with(".bsky.social"))
        .then(|| bluesky_handle(&lower))
        .flatten()
}

/// Profile pages: `bsky.app/profile/HANDLE-OR-DID`, `INSTANCE/@user@remote`.
pub(super) fn from_url(url: &url::Url) -> Option<Resolved> {
    let host = url.host_str()?.to_lowercase();
    let segments: Vec<&str> = url.path_segments()?.filter(|s| !s.is_empty()).collect();
    if host == "bsky.app" {
        return match segments.as_slice() {
            ["profile", handle] | ["profile", handle, "post", _] => bluesky_profile(handle),
            _ => None,
        };
    }
    // A remote account as seen from another instance: its home instance has the feed.
    if let [account] | [account, _] = segments.as_slice()
        && let Some((user, home)) = account.strip_prefix('@').and_then(|a| a.split_once('@'))
    {
        return mastodon_account(user, home);
    }
    None
}

fn mastodon_account(user: &str, instance: &str) -> Option<Resolved> {
    (is_word(user) && valid_instance(instance))
        .then(|| social_feed(format!("https://{instance}/@{user}.rss")))
}

fn bluesky_handle(handle: &str) -> Option<Resolved> {
    let handle = handle.to_lowercase();
    (handle.contains('.') && handle.split('.').all(is_label)).then(|| bluesky_profile(&handle))?
}

/// A handle or a DID (`did:plc:…`, `did:web:…`); bsky.app renders either's posts as RSS.
fn bluesky_profile(handle_or_did: &str) -> Option<Resolved> {
    let valid = handle_or_did
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '_'));
    valid.then(|| social_feed(format!("https://bsky.app/profile/{handle_or_did}/rss")))
}

fn valid_instance(instance: &str) -> bool {
    instance.contains('.') && instance.split('.').all(is_label)
}

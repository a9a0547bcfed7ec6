//! What the user may type after `rounds add`, turned into the address of a feed.

use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    #[error(
        "{0:?} is not a feed URL, a file, @user@instance, #tag@instance, a Bluesky handle or r/subreddit"
    )]
    Unrecognised(String),
    #[error("only http and https feeds can be followed, not {0:?}")]
    Scheme(String),
    #[error("{0:?} is not a valid URL: {1}")]
    BadUrl(String, String),
    #[error("the address holds the control character U+{0:04X}, which no address can contain")]
    Control(u32),
}

/// The feed address for a target, and the category it suggests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub url: String,
    pub category: Option<&'static str>,
}

/// Resolves `target`; `cwd` makes relative file paths absolute so the source survives a `cd`.
pub fn resolve(target: &str, cwd: &Path) -> Result<Resolved, TargetError> {
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
        return web_url(target);
    }
    if cwd.join(target).exists() {
        return file(target, cwd, target);
    }
    social(target).ok_or_else(|| TargetError::Unrecognised(target.to_string()))
}

fn web_url(target: &str) -> Result<Resolved, TargetError> {
    let url =
        url::Url::parse(target).map_err(|e| TargetError::BadUrl(target.into(), e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(TargetError::Scheme(url.scheme().to_string()));
    }
    if let Some(handle) = bluesky_profile(&url) {
        return Ok(social_feed(format!(
            "https://bsky.app/profile/{handle}/rss"
        )));
    }
    Ok(Resolved {
        url: url.to_string(),
        category: None,
    })
}

fn file(path: &str, cwd: &Path, original: &str) -> Result<Resolved, TargetError> {
    let absolute = cwd.join(path);
    if !absolute.is_file() {
        return Err(TargetError::Unrecognised(original.to_string()));
    }
    let absolute = absolute.canonicalize().unwrap_or(absolute);
    Ok(Resolved {
        url: absolute.display().to_string(),
        category: None,
    })
}

/// `https://bsky.app/profile/HANDLE` (not already its feed) → the handle.
fn bluesky_profile(url: &url::Url) -> Option<String> {
    if url.host_str() != Some("bsky.app") {
        return None;
    }
    let segments: Vec<&str> = url.path_segments()?.filter(|s| !s.is_empty()).collect();
    match segments.as_slice() {
        ["profile", handle] => Some(handle.to_string()),
        _ => None,
    }
}

fn social(target: &str) -> Option<Resolved> {
    if let Some(rest) = target.strip_prefix('@') {
        let (user, instance) = rest.split_once('@')?;
        return valid_parts(user, instance)
            .then(|| social_feed(format!("https://{instance}/@{user}.rss")));
    }
    if let Some(rest) = target.strip_prefix('#') {
        let (tag, instance) = rest.split_once('@')?;
        return valid_parts(tag, instance)
            .then(|| social_feed(format!("https://{instance}/tags/{tag}.rss")));
    }
    if let Some(name) = target
        .strip_prefix("r/")
        .or_else(|| target.strip_prefix("/r/"))
    {
        let name = name.trim_end_matches('/');
        return is_word(name).then(|| Resolved {
            url: format!("https://www.reddit.com/r/{name}/.rss"),
            category: Some("social"),
        });
    }
    let handle = target.strip_prefix("bsky:").unwrap_or(target);
    let looks_like_handle =
        handle.contains('.') && !handle.contains('/') && handle.split('.').all(is_label);
    looks_like_handle.then(|| {
        social_feed(format!(
            "https://bsky.app/profile/{}/rss",
            handle.to_lowercase()
        ))
    })
}

fn social_feed(url: String) -> Resolved {
    Resolved {
        url,
        category: Some("social"),
    }
}

fn valid_parts(name: &str, instance: &str) -> bool {
    is_word(name) && instance.contains('.') && instance.split('.').all(is_label)
}

fn is_word(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_alphanumeric() || c == '_')
}

fn is_label(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url_of(target: &str) -> String {
        resolve(target, Path::new("/")).unwrap().url
    }

    #[test]
    fn social_forms_become_their_feeds() {
        assert_eq!(
            url_of("@ericdoc@mastodon.social"),
            "https://mastodon.social/@ericdoc.rss"
        );
        assert_eq!(
            url_of("#DocTocToc@mamot.fr"),
            "https://mamot.fr/tags/DocTocToc.rss"
        );
        assert_eq!(
            url_of("r/medicine"),
            "https://www.reddit.com/r/medicine/.rss"
        );
        assert_eq!(
            url_of("drjane.bsky.social"),
            "https://bsky.app/profile/drjane.bsky.social/rss"
        );
        assert_eq!(
            url_of("https://bsky.app/profile/drjane.bsky.social"),
            "https://bsky.app/profile/drjane.bsky.social/rss"
        );
        assert_eq!(
            url_of("https://www.nejm.org/action/showFeed?jc=nejm&type=etoc"),
            "https://www.nejm.org/action/showFeed?jc=nejm&type=etoc"
        );
    }

    #[test]
    fn other_things_are_refused_clearly() {
        assert!(matches!(
            resolve("ftp://x.org/feed", Path::new("/")),
            Err(TargetError::Scheme(_))
        ));
        assert!(matches!(
            resolve("not a feed", Path::new("/")),
            Err(TargetError::Unrecognised(_))
        ));
        assert!(matches!(
            resolve("@nobody", Path::new("/")),
            Err(TargetError::Unrecognised(_))
        ));
        assert!(matches!(
            resolve("https://", Path::new("/")),
            Err(TargetError::BadUrl(..))
        ));
        assert_eq!(
            resolve("https://x.example/\u{1b}[31m", Path::new("/")),
            Err(TargetError::Control(0x1b))
        );
    }

    #[test]
    fn files_become_absolute_paths() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("feed.xml"), "<rss/>").unwrap();
        let resolved = resolve("feed.xml", dir.path()).unwrap();
        assert!(Path::new(&resolved.url).is_absolute() && resolved.url.ends_with("feed.xml"));
    }
}

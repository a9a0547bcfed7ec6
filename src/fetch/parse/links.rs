//! Choosing an item's link and making links absolute, including those inside HTML bodies
//! (html2text does not resolve those).

use super::attributes::{Attribute, url_attributes};
use super::document::Link;
use std::borrow::Cow;
use url::Url;

/// Link relations that never point at the item's own page.
const NOT_THE_PAGE: [&str; 7] = [
    "enclosure",
    "self",
    "replies",
    "edit",
    "hub",
    "license",
    "payment",
];

/// The item's page: a `rel="alternate"` (or rel-less) http(s) link first, then any other http(s)
/// link that is not an enclosure, feed or comment link. JSON Feed's `url` comes before its
/// `external_url` because the JSON reader keeps them in that order.
pub fn preferred(links: &[Link], base: Option<&Url>) -> Option<String> {
    let is_page = |link: &&Link| {
        link.media_type
            .as_deref()
            .is_none_or(|kind| kind.contains("html"))
    };
    let alternate = links.iter().filter(is_page).filter(|link| {
        link.rel
            .as_deref()
            .is_none_or(|rel| rel.eq_ignore_ascii_case("alternate"))
    });
    let others = links.iter().filter(is_page).filter(|link| {
        link.rel
            .as_deref()
            .is_some_and(|rel| !NOT_THE_PAGE.contains(&rel))
    });
    alternate
        .chain(others)
        .find_map(|link| absolute_http(&link.href, base))
}

/// Enclosure-like links: Atom `rel="enclosure"` and JSON Feed attachments (typed, not HTML).
pub fn enclosure(links: &[Link], base: Option<&Url>) -> Option<(String, Option<String>)> {
    links
        .iter()
        .filter(|link| {
            link.rel.as_deref() == Some("enclosure")
                || (link.rel.is_none()
                    && link
                        .media_type
                        .as_deref()
                        .is_some_and(|kind| !kind.contains("html")))
        })
        .find_map(|link| {
            absolute_http(&link.href, base).map(|href| (href, link.media_type.clone()))
        })
}

/// Media types by file extension, for enclosures that do not say theirs (ATP leaves `type` off
/// some `<enclosure>`s).
const MEDIA_TYPES_BY_EXTENSION: [(&str, &str); 12] = [
    ("mp3", "audio/mpeg"),
    ("m4a", "audio/x-m4a"),
    ("aac", "audio/aac"),
    ("ogg", "audio/ogg"),
    ("opus", "audio/opus"),
    ("mp4", "video/mp4"),
    ("m4v", "video/x-m4v"),
    ("webm", "video/webm"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("png", "image/png"),
    ("pdf", "application/pdf"),
];

/// The media type an enclosure URL's extension implies, if it is a common one.
pub fn guess_media_type(url: &str) -> Option<String> {
    let path = Url::parse(url).ok()?.path().to_ascii_lowercase();
    let extension = path.rsplit_once('.')?.1;
    MEDIA_TYPES_BY_EXTENSION
        .iter()
        .find(|(known, _)| *known == extension)
        .map(|(_, media_type)| (*media_type).to_string())
}

/// A permalink guid or `rdf:about` as the item's link: an absolute http(s) URL, or a path
/// from the site's root. A bare word (`bulletin-117`) is an id, not a relative link.
pub fn permalink(permalink: &str, base: Option<&Url>) -> Option<String> {
    let permalink = permalink.trim();
    let is_url = Url::parse(permalink).is_ok() || permalink.starts_with('/');
    if is_url {
        absolute_http(permalink, base)
    } else {
        None
    }
}

/// `href` made absolute against `base` (trimmed first), if the result is http or https.
pub fn absolute_http(href: &str, base: Option<&Url>) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    let url = match Url::parse(href) {
        Ok(url) => url,
        Err(url::ParseError::RelativeUrlWithoutBase) => base?.join(href).ok()?,
        Err(_) => return None,
    };
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

/// Rewrites relative `href="…"` and `src="…"` values (including protocol-relative `//host/x`)
/// in an HTML body to absolute URLs. Absolute URLs, fragments and other schemes are untouched.
pub fn resolve_in_html<'a>(html: &'a str, base: &Url) -> Cow<'a, str> {
    let mut resolved = String::new();
    let mut copied = 0;
    for Attribute { value, .. } in attributes(html) {
        if let Some(absolute) = resolve_relative(&html[value.clone()], base) {
            resolved.push_str(&html[copied..value.start]);
            resolved.push_str(&absolute);
            copied = value.end;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    resolved.push_str(&html[copied..]);
    Cow::Owned(resolved)
}

/// Whether `resolve_in_html` would change anything: most bodies link only absolute URLs, and
/// then neither the item's address nor the body need be parsed again.
pub fn has_relative_links(html: &str) -> bool {
    attributes(html)
        .into_iter()
        .any(|attribute| is_relative(&html[attribute.value]))
}

/// The `href` and `src` attributes of a body that names them in lower or upper case.
fn attributes(html: &str) -> Vec<Attribute> {
    let named = html.contains("href")
        || html.contains("src")
        || html.contains("HREF")
        || html.contains("SRC");
    match named {
        true => url_attributes(html),
        false => Vec::new(),
    }
}

fn resolve_relative(value: &str, base: &Url) -> Option<String> {
    let trimmed = value.trim();
    if !is_relative(trimmed) {
        return None;
    }
    base.join(trimmed).ok().map(String::from)
}

/// A value the URL parser reads as relative: not empty, not a fragment, no scheme.
fn is_relative(value: &str) -> bool {
    let trimmed = value.trim();
    if trimmed.is_empty() || trimmed.starts_with('#') || has_scheme(trimmed) {
        return false;
    }
    matches!(
        Url::parse(trimmed),
        Err(url::ParseError::RelativeUrlWithoutBase)
    )
}

/// Whether the value starts with a scheme and its colon (a letter, then letters, digits, `+`,
/// `-` or `.`): the URL parser reads it as absolute, so it need not parse it to tell.
fn has_scheme(value: &str) -> bool {
    let bytes = value.as_bytes();
    let Some(colon) = memchr::memchr(b':', bytes) else {
        return false;
    };
    bytes[0].is_ascii_alphabetic()
        && bytes[1..colon]
            .iter()
            .all(|&byte| byte.is_ascii_alphanumeric() || matches!(byte, b'+' | b'-' | b'.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(href: &str, rel: Option<&str>, media_type: Option<&str>) -> Link {
        Link {
            href: href.to_string(),
            rel: rel.map(str::to_string),
            media_type: media_type.map(str::to_string),
        }
    }

    fn base() -> Url {
        Url::parse("https://www.reddit.com/r/homelab/new/.rss").expect("base")
    }

    #[test]
    fn prefers_alternate_http_link() {
        let links = [
            link(
                "https://x.org/feed",
                Some("self"),
                Some("application/atom+xml"),
            ),
            link("mailto:a@b.org", None, None),
            link("  /post/1  ", Some("alternate"), Some("text/html")),
        ];
        assert_eq!(
            preferred(&links, Some(&base())),
            Some("https://www.reddit.com/post/1".into())
        );
    }

    #[test]
    fn falls_back_to_other_page_links_but_not_enclosures() {
        let links = [link(
            "https://cdn.x.org/a.mp3",
            Some("enclosure"),
            Some("audio/mpeg"),
        )];
        assert_eq!(preferred(&links, None), None);
        let links = [link("https://x.org/related", Some("related"), None)];
        assert_eq!(
            preferred(&links, None),
            Some("https://x.org/related".into())
        );
    }

    #[test]
    fn json_attachments_are_enclosures_not_pages() {
        let links = [
            link("https://x.org/post", None, None),
            link("https://x.org/a.m4a", None, Some("audio/x-m4a")),
        ];
        assert_eq!(preferred(&links, None), Some("https://x.org/post".into()));
        assert_eq!(
            enclosure(&links, None),
            Some(("https://x.org/a.m4a".into(), Some("audio/x-m4a".into())))
        );
    }

    #[test]
    fn permalinks_are_urls_or_rooted_paths() {
        let base = base();
        assert_eq!(
            permalink(" https://x.org/p ", Some(&base)),
            Some("https://x.org/p".into())
        );
        assert_eq!(
            permalink("/2025/06/p", Some(&base)),
            Some("https://www.reddit.com/2025/06/p".into())
        );
        assert_eq!(permalink("bulletin-117", Some(&base)), None);
        assert_eq!(permalink("urn:uuid:1", Some(&base)), None);
    }

    #[test]
    fn relative_links_without_base_are_dropped() {
        assert_eq!(absolute_http("/a", None), None);
        assert_eq!(absolute_http("javascript:alert(1)", Some(&base())), None);
        assert_eq!(
            absolute_http("\n http://x.org/a \n", None),
            Some("http://x.org/a".into())
        );
    }

    #[test]
    fn html_links_are_resolved_against_the_item() {
        let html = r##"<a href="/r/Proxmox/x">p</a> <img SRC='img/a.png'> <iframe src="//www.youtube.com/embed/v"></iframe> <a href="https://ok.org/">o</a> <a href="#top">t</a> <a href="mailto:a@b.org">m</a>"##;
        let item = Url::parse("https://www.reddit.com/r/homelab/comments/1/").expect("item");
        assert_eq!(
            resolve_in_html(html, &item),
            r##"<a href="https://www.reddit.com/r/Proxmox/x">p</a> <img SRC='https://www.reddit.com/r/homelab/comments/1/img/a.png'> <iframe src="https://www.youtube.com/embed/v"></iframe> <a href="https://ok.org/">o</a> <a href="#top">t</a> <a href="mailto:a@b.org">m</a>"##
        );
    }

    #[test]
    fn media_type_is_guessed_from_the_extension() {
        assert_eq!(
            guess_media_type("http://traffic.libsyn.com/atpfm/atp309.mp3"),
            Some("audio/mpeg".into())
        );
        assert_eq!(
            guess_media_type("https://x.org/a.M4A?download=1"),
            Some("audio/x-m4a".into())
        );
        assert_eq!(guess_media_type("https://x.org/watch?v=1"), None);
        assert_eq!(guess_media_type("https://x.org/a.b/c"), None);
    }

    #[test]
    fn relative_links_are_told_from_absolute_ones() {
        assert!(has_relative_links(r#"<a href="/r/x">p</a>"#));
        assert!(has_relative_links("<img SRC='img/a.png'>"));
        assert!(has_relative_links(
            r#"<iframe src="//www.youtube.com/v"></iframe>"#
        ));
        assert!(!has_relative_links(
            r##"<a href="https://ok.org/">o</a> <a href="#top">t</a> <a href="mailto:a@b.org">m</a> <a href=" ">e</a>"##
        ));
        assert!(!has_relative_links("<p>no links</p>"));
        for absolute in [
            "https://x.org",
            "c:/x",
            "a+b-c.d:rest",
            "javascript:alert(1)",
        ] {
            assert!(has_scheme(absolute), "{absolute}");
            assert!(!is_relative(absolute), "{absolute}");
        }
        for relative in ["/a:b", "./x:y", "1a:b", "a b:c", "x", "?q=1"] {
            assert!(!has_scheme(relative), "{relative}");
        }
        assert!(is_relative("/a:b") && is_relative("x") && is_relative("?q=1"));
    }

    #[test]
    fn html_without_links_is_borrowed() {
        assert!(matches!(
            resolve_in_html("<p>plain</p>", &base()),
            Cow::Borrowed(_)
        ));
    }
}

//! Following redirects by hand: which hop comes next, and whether the move was permanent.

use super::FetchError;
use reqwest::StatusCode;
use reqwest::header;
use url::Url;

/// A URL we are willing to fetch: http or https only.
pub(super) fn parse_web_url(text: &str) -> Result<Url, FetchError> {
    let invalid = |reason: String| FetchError::InvalidUrl {
        url: text.to_string(),
        reason,
    };
    let url = Url::parse(text.trim()).map_err(|e| invalid(e.to_string()))?;
    match url.scheme() {
        "http" | "https" if url.host_str().is_some() => Ok(url),
        "http" | "https" => Err(invalid("no host".to_string())),
        other => Err(invalid(format!("the scheme is {other}"))),
    }
}

fn is_redirect(status: StatusCode) -> bool {
    matches!(status.as_u16(), 301 | 302 | 303 | 307 | 308)
}

fn is_permanent(status: StatusCode) -> bool {
    matches!(status.as_u16(), 301 | 308)
}

/// Where a redirect response sends us, resolved against `current`; `None` when the response
/// is not a redirect.
pub(super) fn target(
    response: &reqwest::Response,
    current: &Url,
) -> Result<Option<Url>, FetchError> {
    let status = response.status();
    if !is_redirect(status) {
        return Ok(None);
    }
    let unusable = |reason: String| FetchError::BadRedirect {
        status: status.as_u16(),
        reason,
    };
    let location = response
        .headers()
        .get(header::LOCATION)
        .ok_or_else(|| unusable("no Location header".to_string()))?;
    let location = location
        .to_str()
        .map_err(|_| unusable("the Location header is not text".to_string()))?;
    let next = current
        .join(location.trim())
        .map_err(|e| unusable(format!("{location}: {e}")))?;
    match next.scheme() {
        "http" | "https" => Ok(Some(next)),
        other => Err(unusable(format!(
            "{location} is not http or https ({other})"
        ))),
    }
}

/// The hops taken so far from the stored URL.
pub(super) struct RedirectTrail {
    start: Url,
    current: Url,
    hops: usize,
    max_hops: usize,
    every_hop_permanent: bool,
}

impl RedirectTrail {
    pub(super) fn new(start: Url, max_hops: usize) -> RedirectTrail {
        RedirectTrail {
            current: start.clone(),
            start,
            hops: 0,
            max_hops,
            every_hop_permanent: true,
        }
    }

    pub(super) fn current(&self) -> &Url {
        &self.current
    }

    /// Takes one more hop; a loop ends here too, once it has gone round enough times.
    pub(super) fn follow(&mut self, status: StatusCode, next: Url) -> Result<(), FetchError> {
        if self.hops >= self.max_hops {
            return Err(FetchError::TooManyRedirects { max: self.max_hops });
        }
        self.hops += 1;
        self.every_hop_permanent &= is_permanent(status);
        self.current = next;
        Ok(())
    }

    /// The new address to store: only when every hop was permanent, since a temporary hop
    /// anywhere means the publisher still wants the old address used; and never from https to
    /// http, which would drop the encryption of every later fetch on one response's word (an
    /// attacker on the path could send it).
    pub(super) fn moved_permanently_to(&self) -> Option<String> {
        let downgrade = self.start.scheme() == "https" && self.current.scheme() == "http";
        let moved =
            self.hops > 0 && self.every_hop_permanent && self.current != self.start && !downgrade;
        moved.then(|| self.current.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        parse_web_url(text).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn only_web_addresses_are_fetched() {
        assert!(parse_web_url("https://example.org/feed.xml").is_ok());
        let ftp = parse_web_url("ftp://example.org/feed.xml").map_err(|e| e.to_string());
        assert_eq!(
            ftp,
            Err(
                "not a web address (http or https): ftp://example.org/feed.xml (the scheme is ftp)"
                    .to_string()
            )
        );
        assert!(parse_web_url("/feed.xml").is_err());
    }

    #[test]
    fn a_temporary_hop_anywhere_keeps_the_stored_address() {
        let mut trail = RedirectTrail::new(url("http://a.example/1"), 10);
        trail
            .follow(StatusCode::MOVED_PERMANENTLY, url("http://a.example/2"))
            .ok();
        assert_eq!(
            trail.moved_permanently_to().as_deref(),
            Some("http://a.example/2")
        );
        trail
            .follow(StatusCode::TEMPORARY_REDIRECT, url("http://a.example/3"))
            .ok();
        trail
            .follow(StatusCode::PERMANENT_REDIRECT, url("http://a.example/4"))
            .ok();
        assert_eq!(trail.moved_permanently_to(), None);
    }

    #[test]
    fn a_permanent_move_from_https_to_http_is_not_stored() {
        let mut trail = RedirectTrail::new(url("https://journal.example/rss"), 10);
        trail
            .follow(
                StatusCode::MOVED_PERMANENTLY,
                url("http://journal.example/rss"),
            )
            .ok();
        assert_eq!(trail.moved_permanently_to(), None, "no downgrade");
        let mut upgrade = RedirectTrail::new(url("http://journal.example/rss"), 10);
        upgrade
            .follow(
                StatusCode::PERMANENT_REDIRECT,
                url("https://journal.example/rss"),
            )
            .ok();
        assert_eq!(
            upgrade.moved_permanently_to().as_deref(),
            Some("https://journal.example/rss")
        );
    }

    #[test]
    fn the_hop_after_the_limit_fails() {
        let mut trail = RedirectTrail::new(url("http://a.example/"), 2);
        let hop =
            |trail: &mut RedirectTrail| trail.follow(StatusCode::FOUND, url("http://a.example/"));
        assert!(hop(&mut trail).is_ok());
        assert!(hop(&mut trail).is_ok());
        let third = hop(&mut trail).map_err(|e| e.to_string());
        assert_eq!(third, Err("too many redirects (more than 2)".to_string()));
    }
}

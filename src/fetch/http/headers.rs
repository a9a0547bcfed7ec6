//! Reading the response headers we act on: validators, Content-Type, Retry-After.

use super::Validators;
use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use reqwest::header::{self, HeaderMap, HeaderName};

/// However long a server asks us to stay away, we try again within a day.
const LONGEST_RETRY_AFTER: TimeDelta = TimeDelta::hours(24);

fn text<'a>(headers: &'a HeaderMap, name: &HeaderName) -> Option<&'a str> {
    let value = headers.get(name)?.to_str().ok()?.trim();
    (!value.is_empty()).then_some(value)
}

pub(super) fn validators(headers: &HeaderMap) -> Validators {
    Validators {
        etag: text(headers, &header::ETAG).map(str::to_string),
        last_modified: text(headers, &header::LAST_MODIFIED).map(str::to_string),
    }
}

/// The media type (lowercased, no parameters) and the charset parameter of Content-Type.
pub(super) fn content_type(headers: &HeaderMap) -> (Option<String>, Option<String>) {
    let Some(value) = text(headers, &header::CONTENT_TYPE) else {
        return (None, None);
    };
    let mut parts = value.split(';');
    let media_type = parts
        .next()
        .map(|media_type| media_type.trim().to_ascii_lowercase())
        .filter(|media_type| !media_type.is_empty());
    let charset = parts.find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = value.trim().trim_matches('"').trim();
        (!value.is_empty()).then(|| value.to_string())
    });
    (media_type, charset)
}

/// `Cache-Control: max-age=N` (or `s-maxage`), when the server says how long its answer stays
/// fresh; `no-cache`/`no-store` say nothing about polling and give `None`.
pub(super) fn max_age(headers: &HeaderMap) -> Option<std::time::Duration> {
    let value = text(headers, &header::CACHE_CONTROL)?;
    value.split(',').find_map(|directive| {
        let (name, seconds) = directive.split_once('=')?;
        let name = name.trim().to_ascii_lowercase();
        if name != "max-age" && name != "s-maxage" {
            return None;
        }
        let seconds: u64 = seconds.trim().trim_matches('"').parse().ok()?;
        (seconds > 0).then(|| std::time::Duration::from_secs(seconds))
    })
}

/// When a 429/503 says to come back: `Retry-After` as delta-seconds or an HTTP-date,
/// never earlier than `now` and never later than a day from it.
pub(super) fn retry_after(headers: &HeaderMap, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let value = text(headers, &header::RETRY_AFTER)?;
    let wait = if value.bytes().all(|byte| byte.is_ascii_digit()) {
        // Too many seconds to represent is still "a long time": cap it rather than ignore it.
        value
            .parse::<i64>()
            .ok()
            .and_then(TimeDelta::try_seconds)
            .unwrap_or(LONGEST_RETRY_AFTER)
    } else {
        parse_http_date(value)? - now
    };
    Some(now + wait.clamp(TimeDelta::zero(), LONGEST_RETRY_AFTER))
}

/// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), plus the two obsolete forms RFC 9110
/// still asks recipients to accept.
fn parse_http_date(value: &str) -> Option<DateTime<Utc>> {
    if let Ok(date) = DateTime::parse_from_rfc2822(value) {
        return Some(date.to_utc());
    }
    let obsolete_formats = ["%A, %d-%b-%y %H:%M:%S GMT", "%a %b %e %H:%M:%S %Y"];
    obsolete_formats.iter().find_map(|format| {
        NaiveDateTime::parse_from_str(value, format)
            .ok()
            .map(|naive| naive.and_utc())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers_with(name: HeaderName, value: &'static str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(name, HeaderValue::from_static(value));
        headers
    }

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-03-02T10:00:00Z")
            .map(|date| date.to_utc())
            .unwrap_or_default()
    }

    #[test]
    fn retry_after_accepts_seconds_and_all_date_forms() {
        let in_two_minutes = headers_with(header::RETRY_AFTER, "120");
        assert_eq!(
            retry_after(&in_two_minutes, now()),
            Some(now() + TimeDelta::seconds(120))
        );
        let noon = now() + TimeDelta::hours(2);
        for form in [
            "Mon, 02 Mar 2026 12:00:00 GMT",
            "Monday, 02-Mar-26 12:00:00 GMT",
            "Mon Mar  2 12:00:00 2026",
        ] {
            let headers = headers_with(header::RETRY_AFTER, form);
            assert_eq!(retry_after(&headers, now()), Some(noon), "{form}");
        }
    }

    #[test]
    fn retry_after_is_kept_between_now_and_a_day() {
        let past = headers_with(header::RETRY_AFTER, "Sun, 01 Mar 2026 10:00:00 GMT");
        assert_eq!(retry_after(&past, now()), Some(now()));
        let forever = headers_with(header::RETRY_AFTER, "99999999999999999999");
        assert_eq!(
            retry_after(&forever, now()),
            Some(now() + LONGEST_RETRY_AFTER)
        );
        let nonsense = headers_with(header::RETRY_AFTER, "soon");
        assert_eq!(retry_after(&nonsense, now()), None);
    }

    #[test]
    fn max_age_is_read_from_cache_control() {
        let headers = headers_with(header::CACHE_CONTROL, "public, max-age=1800");
        assert_eq!(
            max_age(&headers),
            Some(std::time::Duration::from_secs(1800))
        );
        let headers = headers_with(header::CACHE_CONTROL, "no-cache, max-age=0");
        assert_eq!(max_age(&headers), None);
        assert_eq!(max_age(&HeaderMap::new()), None);
    }

    #[test]
    fn content_type_splits_media_type_and_charset() {
        let headers = headers_with(
            header::CONTENT_TYPE,
            "Application/RSS+XML; Charset=\"ISO-8859-1\"",
        );
        let (media_type, charset) = content_type(&headers);
        assert_eq!(media_type.as_deref(), Some("application/rss+xml"));
        assert_eq!(charset.as_deref(), Some("ISO-8859-1"));
        let (_, none) = content_type(&headers_with(header::CONTENT_TYPE, "text/xml"));
        assert_eq!(none, None);
    }
}

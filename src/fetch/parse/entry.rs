//! One feed-rs entry → one `NewItem`: plain titles, absolute links, sane dates, identifiers.

use super::dates;
use super::extras::ItemExtras;
use super::links;
use super::paper::{self, Inputs};
use crate::model::NewItem;
use crate::text;
use chrono::{DateTime, Duration, TimeZone, Utc};
use feed_rs::model::{Entry, Person, Text};
use url::Url;

/// Characters of post text kept when an item has no title of its own.
const TITLE_FROM_TEXT_CHARS: usize = 100;

/// What every entry of one feed shares.
pub struct FeedContext<'a> {
    /// The feed's URL, for relative links.
    pub base: Option<&'a Url>,
    pub fetched_at: DateTime<Utc>,
    /// Atom entries without authors inherit the feed's.
    pub inherited_authors: &'a [Person],
    /// The channel's `prism:publicationName`: the journal of every item.
    pub publication: Option<&'a str>,
}

pub fn to_item(entry: Entry, extras: &ItemExtras, context: &FeedContext<'_>) -> NewItem {
    let url = links::preferred(&entry.links, context.base);
    let (summary, content) = bodies(&entry, url.as_deref(), context.base);
    let feed_date = feed_date(&entry, extras, context.fetched_at);
    // feed-rs copies an RSS pubDate into `updated`; only a different date is an update.
    let updated = entry
        .updated
        .filter(|date| is_plausible(*date, context.fetched_at) && Some(*date) != feed_date);
    let texts = [summary.as_deref(), content.as_deref()];
    let title = item_title(entry.title.as_ref(), texts, url.as_deref());
    let authors = super::authors::names(&entry.authors, context.inherited_authors);
    let author = (!authors.is_empty()).then(|| authors.join(", "));
    let categories = categories(&entry);
    let described = paper::describe(Inputs {
        entry: &entry,
        extras,
        publication: context.publication,
        url: url.as_deref(),
        title: &title,
        bodies: texts,
        authors,
        categories: &categories,
    });
    let (enclosure_url, enclosure_type) = enclosure(&entry, context.base).unzip();
    NewItem {
        guid: item_guid(&entry.id, url.as_deref(), &title, feed_date),
        url,
        title,
        author,
        // None when the feed gives no usable date: the store then keeps the first fetch time,
        // so an undated item does not move (or count as changed) on every refresh.
        published: feed_date,
        updated,
        summary,
        content,
        enclosure_url,
        enclosure_type: enclosure_type.flatten(),
        categories,
        doi: described.doi,
        pmid: described.pmid,
        paper: described.paper,
    }
}

/// Summary and content as received, with relative links resolved against the item's link
/// (else the feed's URL); content only when it differs from the summary.
fn bodies(
    entry: &Entry,
    url: Option<&str>,
    feed_base: Option<&Url>,
) -> (Option<String>, Option<String>) {
    let base = url
        .and_then(|url| Url::parse(url).ok())
        .or_else(|| feed_base.cloned());
    let summary = entry.summary.as_ref().and_then(|summary| {
        resolved_body(
            &summary.content,
            summary.content_type.as_ref(),
            base.as_ref(),
        )
    });
    let content = entry
        .content
        .as_ref()
        .and_then(|content| {
            let body = content.body.as_deref()?;
            resolved_body(body, content.content_type.as_ref(), base.as_ref())
        })
        .filter(|content| Some(content) != summary.as_ref());
    (summary, content)
}

/// The date the feed gives the item, if it gives a plausible one: published, else updated,
/// else a date element feed-rs does not read for this format.
fn feed_date(
    entry: &Entry,
    extras: &ItemExtras,
    fetched_at: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    entry
        .published
        .or(entry.updated)
        .or_else(|| {
            extras
                .dates
                .iter()
                .find_map(|raw| dates::parse_timestamp(raw))
        })
        .filter(|date| is_plausible(*date, fetched_at))
}

/// The body as received, with relative links made absolute when it is HTML.
fn resolved_body(body: &str, content_type: &str, base: Option<&Url>) -> Option<String> {
    let body = body.trim();
    if body.is_empty() {
        return None;
    }
    match base {
        Some(base) if content_type.contains("html") => {
            Some(links::resolve_in_html(body, base).into_owned())
        }
        _ => Some(body.to_string()),
    }
}

/// Dates before 1990 are placeholders (epoch zero, `0001-01-01`) and dates more than a day
/// ahead are wrong clocks or scheduled posts; both would sort the river wrongly.
fn is_plausible(date: DateTime<Utc>, fetched_at: DateTime<Utc>) -> bool {
    let earliest = Utc.with_ymd_and_hms(1990, 1, 1, 0, 0, 0).single();
    earliest.is_some_and(|earliest| date >= earliest) && date <= fetched_at + Duration::days(1)
}

fn item_title(title: Option<&Text>, bodies: [Option<&str>; 2], url: Option<&str>) -> String {
    let own = title
        .map(|title| text::plain_text(&title.content))
        .filter(|title| !title.is_empty());
    own.or_else(|| {
        bodies
            .into_iter()
            .flatten()
            .map(|body| text::title_from_text(body, TITLE_FROM_TEXT_CHARS))
            .find(|title| !title.is_empty())
    })
    .or_else(|| url.map(text::sanitize_line))
    .unwrap_or_else(|| "(untitled)".to_string())
}

/// The feed's id, else the link, else a stable hash of title and date (never random, so a
/// refresh recognises the item it already has).
fn item_guid(id: &str, url: Option<&str>, title: &str, date: Option<DateTime<Utc>>) -> String {
    let id = id.trim();
    if !id.is_empty() {
        return id.to_string();
    }
    if let Some(url) = url {
        return url.to_string();
    }
    let date = date.map(|date| date.to_rfc3339()).unwrap_or_default();
    format!(
        "fnv1a:{:016x}",
        fnv1a_64(format!("{title}\u{1f}{date}").as_bytes())
    )
}

/// FNV-1a, 64 bits: tiny, stable across Rust versions and platforms (unlike `DefaultHasher`).
fn fnv1a_64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn enclosure(entry: &Entry, base: Option<&Url>) -> Option<(String, Option<String>)> {
    let media = entry
        .media
        .iter()
        .flat_map(|media| media.content.iter())
        .find_map(|content| {
            let url = links::absolute_http(content.url.as_ref()?.as_str(), base)?;
            Some((url, content.content_type.as_ref().map(ToString::to_string)))
        });
    let (url, media_type) = media.or_else(|| links::enclosure(&entry.links, base))?;
    let media_type = media_type.or_else(|| links::guess_media_type(&url));
    Some((url, media_type))
}

fn categories(entry: &Entry) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for category in &entry.categories {
        let term = text::plain_text(&category.term);
        if !term.is_empty() && !terms.contains(&term) {
            terms.push(term);
        }
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_reference_values() {
        assert_eq!(fnv1a_64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a_64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a_64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn guid_falls_back_from_id_to_link_to_hash() {
        assert_eq!(
            item_guid(" tag:x,2024:1 ", Some("https://x.org/a"), "T", None),
            "tag:x,2024:1"
        );
        assert_eq!(
            item_guid("", Some("https://x.org/a"), "T", None),
            "https://x.org/a"
        );
        let hashed = item_guid("", None, "T", None);
        assert!(hashed.starts_with("fnv1a:") && hashed.len() == 22);
        assert_eq!(hashed, item_guid("", None, "T", None));
        assert_ne!(hashed, item_guid("", None, "U", None));
    }

    #[test]
    fn implausible_dates_are_rejected() {
        let now = Utc
            .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
            .single()
            .expect("date");
        assert!(is_plausible(now - Duration::days(400), now));
        assert!(is_plausible(now + Duration::hours(23), now));
        assert!(!is_plausible(now + Duration::days(2), now));
        assert!(!is_plausible(DateTime::UNIX_EPOCH, now));
    }
}

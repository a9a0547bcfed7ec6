//! One entry as a format reader found it → one `NewItem`: plain titles, absolute links, sane
//! dates, identifiers.

use super::dates;
use super::document::{Entry, Text, When};
use super::links;
use super::paper::{self, Inputs};
use crate::model::NewItem;
use crate::text;
use chrono::{DateTime, Duration, TimeZone, Utc};
use url::Url;

/// Characters of post text kept when an item has no title of its own.
const TITLE_FROM_TEXT_CHARS: usize = 100;

/// What every entry of one feed shares.
pub struct FeedContext<'a> {
    /// The feed's URL, for relative links.
    pub base: Option<&'a Url>,
    pub fetched_at: DateTime<Utc>,
    /// Entries without authors inherit the feed's (Atom, JSON Feed).
    pub inherited_authors: &'a [String],
    /// The channel's `prism:publicationName`: the journal of every item.
    pub publication: Option<&'a str>,
}

pub fn to_item(mut entry: Entry, context: &FeedContext<'_>) -> NewItem {
    let url = links::preferred(&entry.links, context.base).or_else(|| {
        entry
            .permalink
            .as_deref()
            .and_then(|permalink| links::permalink(permalink, context.base))
    });
    let feed_date = feed_date(&entry, context.fetched_at);
    let summary = body(entry.summary.take(), url.as_deref(), context.base);
    let content = body(entry.content.take(), url.as_deref(), context.base)
        .filter(|content| Some(content) != summary.as_ref());
    // RSS gives one date; only a different one is an update.
    let updated = entry
        .updated
        .as_ref()
        .and_then(When::read)
        .filter(|date| is_plausible(*date, context.fetched_at) && Some(*date) != feed_date);
    let texts = [summary.as_deref(), content.as_deref()];
    let title = item_title(entry.title.as_ref(), texts, url.as_deref());
    let authors = super::authors::names(&entry.authors, context.inherited_authors);
    let author = (!authors.is_empty()).then(|| authors.join(", "));
    let categories = categories(&entry.categories);
    let described = paper::describe(Inputs {
        entry: &entry,
        publication: context.publication,
        url: url.as_deref(),
        title: &title,
        bodies: texts,
        authors,
        categories: &categories,
    });
    let (enclosure_url, enclosure_type) = enclosure(&entry, context.base).unzip();
    NewItem {
        guid: item_guid(
            entry.id.as_deref(),
            url.as_deref().filter(|_| !entry.links_are_not_its_id),
            &title,
            feed_date,
        ),
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

/// A summary or content as HTML, with relative links resolved against the item's link (else
/// the feed's URL).
fn body(text: Option<Text>, url: Option<&str>, feed_base: Option<&Url>) -> Option<String> {
    let html = text?.into_html();
    let html = html.trim();
    if html.is_empty() {
        return None;
    }
    if !links::has_relative_links(html) {
        return Some(html.to_string());
    }
    let base = url
        .and_then(|url| Url::parse(url).ok())
        .or_else(|| feed_base.cloned());
    Some(match base {
        Some(base) => links::resolve_in_html(html, &base).into_owned(),
        None => html.to_string(),
    })
}

/// The date the feed gives the item, if it gives a plausible one: published, else updated,
/// else another date element.
fn feed_date(entry: &Entry, fetched_at: DateTime<Utc>) -> Option<DateTime<Utc>> {
    [entry.published.as_ref(), entry.updated.as_ref()]
        .into_iter()
        .flatten()
        .find_map(When::read)
        .or_else(|| {
            entry
                .other_dates
                .iter()
                .find_map(|raw| dates::parse_timestamp(raw))
        })
        .filter(|date| is_plausible(*date, fetched_at))
}

/// Dates before 1990 are placeholders (epoch zero, `0001-01-01`) and dates more than a day
/// ahead are wrong clocks or scheduled posts; both would sort the river wrongly.
fn is_plausible(date: DateTime<Utc>, fetched_at: DateTime<Utc>) -> bool {
    let earliest = Utc.with_ymd_and_hms(1990, 1, 1, 0, 0, 0).single();
    earliest.is_some_and(|earliest| date >= earliest) && date <= fetched_at + Duration::days(1)
}

fn item_title(title: Option<&Text>, bodies: [Option<&str>; 2], url: Option<&str>) -> String {
    let own = title
        .map(|title| text::plain_text(&title.value))
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
fn item_guid(
    id: Option<&str>,
    url: Option<&str>,
    title: &str,
    date: Option<DateTime<Utc>>,
) -> String {
    let id = id.unwrap_or("").trim();
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

/// The first enclosure with an http(s) address (Media RSS before RSS `<enclosure>`), else an
/// Atom `rel="enclosure"` link; its type, else one guessed from the file name.
fn enclosure(entry: &Entry, base: Option<&Url>) -> Option<(String, Option<String>)> {
    let found = entry
        .enclosures
        .iter()
        .find_map(|enclosure| {
            let url = links::absolute_http(&enclosure.url, base)?;
            Some((url, enclosure.media_type.clone()))
        })
        .or_else(|| links::enclosure(&entry.links, base));
    let (url, media_type) = found?;
    let media_type = media_type.or_else(|| links::guess_media_type(&url));
    Some((url, media_type))
}

fn categories(raw: &[String]) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for category in raw {
        let term = text::plain_text(category);
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
            item_guid(Some(" tag:x,2024:1 "), Some("https://x.org/a"), "T", None),
            "tag:x,2024:1"
        );
        assert_eq!(
            item_guid(Some(""), Some("https://x.org/a"), "T", None),
            "https://x.org/a"
        );
        let hashed = item_guid(None, None, "T", None);
        assert!(hashed.starts_with("fnv1a:") && hashed.len() == 22);
        assert_eq!(hashed, item_guid(None, None, "T", None));
        assert_ne!(hashed, item_guid(None, None, "U", None));
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

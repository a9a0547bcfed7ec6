//! How often a feed says it changes: RSS `<ttl>` (minutes) and the syndication module's
//! `sy:updatePeriod` / `sy:updateFrequency`, read before the first item.

use memchr::memmem;
use std::time::Duration;

/// The longest interval the feed asks for between polls, if it says.
pub fn update_interval(ttl_minutes: Option<u32>, doc: &[u8]) -> Option<Duration> {
    let ttl = ttl_minutes
        .filter(|minutes| *minutes > 0)
        .map(|minutes| Duration::from_secs(u64::from(minutes) * 60));
    ttl.into_iter().chain(syndication(doc)).max()
}

/// `sy:updatePeriod` (hourly, daily, weekly, monthly, yearly) divided by
/// `sy:updateFrequency` (default 1), from the channel's head.
fn syndication(doc: &[u8]) -> Option<Duration> {
    let head = channel_head(doc);
    let period = element_text(head, b"updatePeriod>")?;
    let period_seconds: u64 = match period.trim().to_ascii_lowercase().as_str() {
        "hourly" => 3600,
        "daily" => 86_400,
        "weekly" => 7 * 86_400,
        "monthly" => 30 * 86_400,
        "yearly" => 365 * 86_400,
        _ => return None,
    };
    let frequency: u64 = element_text(head, b"updateFrequency>")
        .and_then(|text| text.trim().parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(1);
    Some(Duration::from_secs(period_seconds / frequency))
}

/// The document up to its first item or entry: the syndication hints are channel-level.
fn channel_head(doc: &[u8]) -> &[u8] {
    let first_item = [&b"<item"[..], b"<entry", b":item", b":entry"]
        .iter()
        .filter_map(|tag| memmem::find(doc, tag))
        .min()
        .unwrap_or(doc.len());
    &doc[..first_item]
}

/// The text after `...name>` up to the next `<`, whatever the element's prefix.
fn element_text(head: &[u8], name_and_close: &[u8]) -> Option<String> {
    let start = memmem::find(head, name_and_close)? + name_and_close.len();
    let rest = &head[start..];
    let end = memchr::memchr(b'<', rest).unwrap_or(rest.len());
    std::str::from_utf8(&rest[..end]).ok().map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ttl_and_syndication_hints_give_the_longest() {
        let doc = br#"<rss xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel>
            <sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>
            <item><sy:updatePeriod>yearly</sy:updatePeriod></item></channel></rss>"#;
        assert_eq!(update_interval(None, doc), Some(Duration::from_secs(1800)));
        assert_eq!(
            update_interval(Some(60), doc),
            Some(Duration::from_secs(3600))
        );
        assert_eq!(update_interval(Some(0), b"<rss/>"), None);
        let daily = b"<feed><syn:updatePeriod> daily </syn:updatePeriod><entry/></feed>";
        assert_eq!(
            update_interval(None, daily),
            Some(Duration::from_secs(86_400))
        );
    }
}

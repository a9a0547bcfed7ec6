//! Whether feed-rs's reading of a document kept what the scan saw in it: every item (feed-rs
//! drops RSS 1.0 items without a link, and items outside the places it looks), a title where
//! the document has one elsewhere, every attachment.

use super::scan::ItemExtras;
use feed_rs::model::{Entry, Feed, FeedType};

/// `Err` names what feed-rs lost.
pub fn check(feed: &Feed, extras: &[ItemExtras]) -> Result<(), &'static str> {
    if feed.feed_type == FeedType::JSON {
        return Ok(());
    }
    if feed.entries.len() != extras.len() {
        return Err("items");
    }
    for (entry, extras) in feed.entries.iter().zip(extras) {
        if extras.other_title && !has_title(entry) {
            return Err("a title given in another vocabulary");
        }
        if attachments(entry) + extras.enclosures.len() != extras.attachments {
            return Err("an attachment");
        }
    }
    Ok(())
}

fn has_title(entry: &Entry) -> bool {
    entry
        .title
        .as_ref()
        .is_some_and(|title| !title.content.trim().is_empty())
}

fn attachments(entry: &Entry) -> usize {
    entry
        .media
        .iter()
        .flat_map(|object| &object.content)
        .filter(|content| content.url.is_some())
        .count()
}

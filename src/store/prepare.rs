//! What an item needs before it is written: its searchable text, its fingerprint and its
//! cluster key. Pure and thread-free, so a refresh computes it on its parsing threads and the
//! single writer only writes.

use crate::fingerprint::Fingerprint;
use crate::ident::canonical_url;
use crate::model::NewItem;
use crate::text::plain_text;

/// An item ready for `Store::store_prepared`.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedItem {
    pub item: NewItem,
    pub(super) hash: i64,
    pub(super) summary_text: Option<String>,
    pub(super) content_text: Option<String>,
    pub(super) cluster_key: Option<String>,
}

impl PreparedItem {
    pub fn new(item: NewItem) -> PreparedItem {
        PreparedItem {
            hash: content_hash(&item),
            summary_text: item.summary.as_deref().map(plain_text),
            content_text: item.content.as_deref().map(plain_text),
            cluster_key: cluster_key(&item),
            item,
        }
    }
}

pub fn prepare(items: Vec<NewItem>) -> Vec<PreparedItem> {
    items.into_iter().map(PreparedItem::new).collect()
}

/// The same paper across feeds: by DOI, else PubMed id, else canonical link.
fn cluster_key(item: &NewItem) -> Option<String> {
    if let Some(doi) = &item.doi {
        return Some(format!("doi:{doi}"));
    }
    if let Some(pmid) = &item.pmid {
        return Some(format!("pmid:{pmid}"));
    }
    item.url
        .as_deref()
        .map(|url| format!("url:{}", canonical_url(url)))
}

/// A stable fingerprint of what the feed said about an item: unchanged items are not rewritten.
fn content_hash(item: &NewItem) -> i64 {
    let mut fingerprint = Fingerprint::new()
        .field(item.url.as_deref())
        .field(Some(&item.title))
        .field(item.author.as_deref())
        .field(item.summary.as_deref())
        .field(item.content.as_deref())
        .field(item.enclosure_url.as_deref())
        .field(item.doi.as_deref())
        .field(item.pmid.as_deref())
        .field(Some(&item.categories.join("\n")));
    for time in [item.published, item.updated] {
        fingerprint = fingerprint.bytes(&time.map(|t| t.timestamp()).unwrap_or(0).to_le_bytes());
    }
    fingerprint.finish() as i64
}

//! What an item needs before it is written: its searchable text, its fingerprint, the keys that
//! join it to other versions of its paper, its inferred authority and its evidence cues. Pure
//! and thread-free, so a refresh computes it on its parsing threads and the single writer only
//! writes.

use crate::fingerprint::Fingerprint;
use crate::ident::hosts::{host_of, is_preprint_host, is_publisher_host};
use crate::ident::{doi_key, evidence, is_preprint_doi, is_pubmed_host, story_link};
use crate::model::{Evidence, NewItem, PaperRef, PaperRole};
use crate::text::plain_text;

/// An item ready for `Store::store_prepared`.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedItem {
    pub item: NewItem,
    pub(super) hash: i64,
    pub(super) summary_text: Option<String>,
    pub(super) content_text: Option<String>,
    pub(super) keys: Vec<StoryKey>,
    /// For an item linking several paper pages: the keys of each (see `Paper::candidates`).
    pub(super) candidate_keys: Vec<Vec<StoryKey>>,
    pub(super) authority: i64,
    pub(super) evidence: Evidence,
}

/// What kind of key joins two versions; the order is the order of trust.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum KeyKind {
    Doi = 0,
    Pmid = 1,
    Pmcid = 2,
    /// The item's own link.
    OwnUrl = 3,
    /// The link to the paper an item is about.
    LinkedUrl = 4,
}

impl KeyKind {
    pub fn from_code(code: i64) -> KeyKind {
        match code {
            0 => KeyKind::Doi,
            1 => KeyKind::Pmid,
            2 => KeyKind::Pmcid,
            3 => KeyKind::OwnUrl,
            _ => KeyKind::LinkedUrl,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct StoryKey {
    pub kind: KeyKind,
    pub text: String,
}

impl PreparedItem {
    pub fn new(item: NewItem) -> PreparedItem {
        PreparedItem {
            hash: content_hash(&item),
            summary_text: item.summary.as_deref().map(plain_text),
            content_text: item.content.as_deref().map(plain_text),
            keys: story_keys(&item),
            candidate_keys: item.paper.candidates.iter().map(candidate_keys).collect(),
            authority: inferred_authority(&item),
            evidence: evidence(
                &item.title,
                item.paper.article_type.as_deref(),
                item.doi.as_deref(),
                item.url.as_deref(),
            ),
            item,
        }
    }

    /// The key the old `cluster_key` column keeps: DOI, else PubMed id, else link.
    pub(super) fn cluster_key(&self) -> Option<&str> {
        self.keys.first().map(|key| key.text.as_str())
    }
}

pub fn prepare(items: Vec<NewItem>) -> Vec<PreparedItem> {
    items.into_iter().map(PreparedItem::new).collect()
}

/// The same paper across feeds: by DOI (case-blind), PubMed id, PMC id, or canonical link
/// (the item's own, and the paper's it links to). Home pages join nothing.
pub fn story_keys(item: &NewItem) -> Vec<StoryKey> {
    let mut keys = Vec::new();
    let mut push = |kind: KeyKind, text: String| {
        let key = StoryKey { kind, text };
        if !keys.iter().any(|known: &StoryKey| known.text == key.text) {
            keys.push(key);
        }
    };
    for doi in [&item.doi, &item.paper.published_as].into_iter().flatten() {
        push(KeyKind::Doi, format!("doi:{}", doi_key(doi)));
    }
    if let Some(pmid) = &item.pmid {
        push(KeyKind::Pmid, format!("pmid:{pmid}"));
    }
    if let Some(pmcid) = &item.paper.pmcid {
        push(
            KeyKind::Pmcid,
            format!("pmc:{}", pmcid.to_ascii_uppercase()),
        );
    }
    for (kind, url) in [
        (KeyKind::OwnUrl, item.url.as_deref()),
        (KeyKind::LinkedUrl, item.paper.linked_url.as_deref()),
    ] {
        if let Some(link) = url.and_then(story_link) {
            push(kind, format!("url:{link}"));
        }
    }
    keys
}

/// The keys a linked paper page would join by.
fn candidate_keys(paper: &PaperRef) -> Vec<StoryKey> {
    let mut keys = Vec::new();
    keys.extend(paper.doi.as_deref().map(|doi| StoryKey {
        kind: KeyKind::Doi,
        text: format!("doi:{}", doi_key(doi)),
    }));
    keys.extend(paper.pmid.as_deref().map(|pmid| StoryKey {
        kind: KeyKind::Pmid,
        text: format!("pmid:{pmid}"),
    }));
    keys.extend(paper.pmcid.as_deref().map(|pmcid| StoryKey {
        kind: KeyKind::Pmcid,
        text: format!("pmc:{}", pmcid.to_ascii_uppercase()),
    }));
    keys.extend(
        paper
            .url
            .as_deref()
            .and_then(story_link)
            .map(|link| StoryKey {
                kind: KeyKind::LinkedUrl,
                text: format!("url:{link}"),
            }),
    );
    keys
}

/// Authority from the item alone, for sources without a category: a PubMed record; a
/// preprint; a publisher's page that carries its own DOI counts as the journal.
fn inferred_authority(item: &NewItem) -> i64 {
    let host = item.url.as_deref().and_then(host_of).unwrap_or_default();
    if is_pubmed_host(&host) {
        return 1;
    }
    if item.paper.role == PaperRole::Linked {
        return 3;
    }
    // What `evidence` calls a preprint without the article type, from the host in hand.
    if item.doi.as_deref().is_some_and(is_preprint_doi) || is_preprint_host(&host) {
        return 2;
    }
    let carries_doi = item.doi.as_deref().is_some_and(|doi| {
        item.url
            .as_deref()
            .is_some_and(|url| url.to_lowercase().contains(&doi_key(doi)))
    });
    if item.doi.is_some() && (carries_doi || is_publisher_host(&host)) {
        return 0;
    }
    3
}

/// A stable fingerprint of what the feed said about an item: unchanged items are not rewritten.
fn content_hash(item: &NewItem) -> i64 {
    let paper = &item.paper;
    let mut fingerprint = Fingerprint::new()
        .field(item.url.as_deref())
        .field(Some(&item.title))
        .field(item.author.as_deref())
        .field(item.summary.as_deref())
        .field(item.content.as_deref())
        .field(item.enclosure_url.as_deref())
        .field(item.doi.as_deref())
        .field(item.pmid.as_deref())
        .field(Some(&item.categories.join("\n")))
        .field(paper.pmcid.as_deref())
        .field(Some(&paper.ncts.join("\n")))
        .field(Some(&paper.authors.join("\n")))
        .field(paper.journal.as_deref())
        .field(paper.volume.as_deref())
        .field(paper.issue.as_deref())
        .field(paper.pages.as_deref())
        .field(paper.article_type.as_deref())
        .field(paper.linked_url.as_deref())
        .field(paper.published_as.as_deref());
    for time in [item.published, item.updated] {
        fingerprint = fingerprint.bytes(&time.map(|t| t.timestamp()).unwrap_or(0).to_le_bytes());
    }
    fingerprint.finish() as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Paper;

    fn item(url: &str, doi: Option<&str>, role: PaperRole) -> NewItem {
        NewItem {
            guid: url.into(),
            url: Some(url.into()),
            title: "A trial".into(),
            doi: doi.map(str::to_string),
            paper: Paper {
                role,
                ..Paper::default()
            },
            ..NewItem::default()
        }
    }

    #[test]
    fn keys_in_order_of_trust_without_home_pages() {
        let mut journal = item(
            "https://www.nejm.org/doi/full/10.1056/NEJMoa2611487?af=R",
            Some("10.1056/NEJMoa2611487"),
            PaperRole::Own,
        );
        journal.pmid = Some("42318806".into());
        let texts: Vec<String> = story_keys(&journal).into_iter().map(|k| k.text).collect();
        assert_eq!(
            texts,
            [
                "doi:10.1056/nejmoa2611487",
                "pmid:42318806",
                "url:https://nejm.org/doi/full/10.1056/NEJMoa2611487"
            ]
        );
        let home = item("https://www.thelancet.com/", None, PaperRole::None);
        assert!(story_keys(&home).is_empty());
    }

    #[test]
    fn authority_is_inferred_from_the_item() {
        let journal = item(
            "https://www.nejm.org/doi/full/10.1056/NEJMoa2611487",
            Some("10.1056/NEJMoa2611487"),
            PaperRole::Own,
        );
        assert_eq!(inferred_authority(&journal), 0);
        let pubmed = item(
            "https://pubmed.ncbi.nlm.nih.gov/42318806/",
            Some("10.1056/NEJMoa2611487"),
            PaperRole::Own,
        );
        assert_eq!(inferred_authority(&pubmed), 1);
        let preprint = item(
            "http://medrxiv.org/cgi/content/short/2026.11.22.26325638v1",
            Some("10.1101/2026.11.22.26325638"),
            PaperRole::Own,
        );
        assert_eq!(inferred_authority(&preprint), 2);
        let post = item(
            "https://med-mastodon.com/@h/1",
            Some("10.1056/NEJMoa2611487"),
            PaperRole::Linked,
        );
        assert_eq!(inferred_authority(&post), 3);
        let blog = item(
            "https://wardroundnotes.net/2026/11/wave-af",
            Some("10.1056/NEJMoa2611487"),
            PaperRole::Own,
        );
        assert_eq!(inferred_authority(&blog), 3);
    }
}

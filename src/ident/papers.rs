//! Which paper an item is, or is about. A journal or PubMed item names its own paper in its
//! metadata or its link; a post or blog entry names the paper it links to; a digest that
//! links several papers is about none of them.

use super::canonical::{canonical_of, canonical_url, is_home_page};
use super::doi::{doi_key, find_doi, find_dois};
use super::hosts::is_paper_host;
use super::prefilter::{Folded, may_hold_doi, needle};
use super::pubmed::{find_pmcid, find_pmid, find_pmids};
use regex::Regex;
use std::sync::LazyLock;
use url::Url;

pub use crate::model::{PaperRef, PaperRole};

/// What an item's texts say.
#[derive(Debug, Clone, Default)]
pub struct Mentions<'a> {
    /// The item's own identifiers: feed id, links, `dc:identifier`, `prism:doi`, `prism:url`.
    pub own: Vec<&'a str>,
    pub own_url: Option<&'a str>,
    /// Links in the item's body (`href`s), absolute.
    pub links: Vec<&'a str>,
    /// The body as plain text; bare URLs in it count as links.
    pub text: &'a str,
    /// Related-resource elements (`dc:relation`, `dcterms:isVersionOf`): where a preprint
    /// server says the paper was published.
    pub relations: Vec<&'a str>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaperIdentity {
    pub doi: Option<String>,
    pub pmid: Option<String>,
    pub pmcid: Option<String>,
    pub role: PaperRole,
    /// For `Linked`: the link to the paper, which joins it by URL when it has no DOI.
    pub linked_url: Option<String>,
    /// For a preprint: the DOI of the journal article it became.
    pub published_as: Option<String>,
    /// Several papers linked and none of its own: each of them (see `Paper::candidates`).
    pub candidates: Vec<PaperRef>,
}

/// `Now published in The New England Journal of Medicine doi: 10.1056/…`, as preprint
/// servers announce the journal version.
static PUBLISHED_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bpublished\s+(?:in|as)\b[^\n]{0,160}?\b(10\.\d{4,9}/\S+)").expect("published")
});

static BARE_URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)\b(?:https?://|doi\.org/)[^\s<>"'\]]+"#).expect("URL"));

/// One place a paper is named.
#[derive(Debug, Clone, Default)]
struct Mention {
    doi: Option<String>,
    pmid: Option<String>,
    pmcid: Option<String>,
    url: Option<String>,
    /// Named in the text as a citation (`doi: 10.…`, `PMID: …`), not only inside a link.
    cited: bool,
}

impl Mention {
    fn same_paper(&self, other: &Mention) -> bool {
        let same = |a: &Option<String>, b: &Option<String>| a.is_some() && a == b;
        same(
            &self.doi.as_deref().map(doi_key),
            &other.doi.as_deref().map(doi_key),
        ) || same(&self.pmid, &other.pmid)
            || same(&self.pmcid, &other.pmcid)
            || same(&self.url, &other.url)
    }

    fn into_ref(self) -> PaperRef {
        PaperRef {
            doi: self.doi,
            pmid: self.pmid,
            pmcid: self.pmcid,
            url: self.url,
        }
    }

    fn absorb(&mut self, other: Mention) {
        self.doi = self.doi.take().or(other.doi);
        self.pmid = self.pmid.take().or(other.pmid);
        self.pmcid = self.pmcid.take().or(other.pmcid);
        self.url = self.url.take().or(other.url);
        self.cited |= other.cited;
    }
}

/// What the body text could hold, tested once on a lower-cased copy: most texts hold no link,
/// PubMed id or "published in", and their patterns then never run.
struct TextCues {
    url: bool,
    pmid: bool,
    publication: bool,
}

impl TextCues {
    fn of(text: &str) -> TextCues {
        let folded = Folded::new(text);
        TextCues {
            // `(?i)https?://` or `doi.org/`.
            url: needle!(b"://").find(text.as_bytes()).is_some()
                || folded.contains(needle!(b"doi.org/")),
            // Every form of a PubMed or PMC id names `pm…` or `pubmed`.
            pmid: folded.contains(needle!(b"pm")) || folded.contains(needle!(b"pubmed")),
            // Not "published": `(?i)` also lets the long s stand for `s`.
            publication: folded.contains(needle!(b"publi")),
        }
    }
}

pub fn identify(mentions: &Mentions<'_>) -> PaperIdentity {
    let cues = TextCues::of(mentions.text);
    let own_canonical = mentions.own_url.map(canonical_url);
    let own = own_mention(mentions, own_canonical.clone());
    let papers: Vec<Mention> = merge(body_mentions(mentions, &cues, own_canonical.as_deref()))
        .into_iter()
        .filter(|paper| !paper.same_paper(&own))
        .collect();
    if own.doi.is_some() || own.pmid.is_some() || own.pmcid.is_some() {
        let mut identity = with_cited_fill(own, papers);
        identity.published_as = published_as(mentions, &cues, identity.doi.as_deref());
        return identity;
    }
    // Several papers: a digest, or one paper linked at its journal and at PubMed (the store
    // tells which). None: about no paper.
    if papers.len() != 1 {
        return PaperIdentity {
            role: if papers.is_empty() {
                PaperRole::None
            } else {
                PaperRole::Linked
            },
            candidates: papers.into_iter().map(Mention::into_ref).collect(),
            ..PaperIdentity::default()
        };
    }
    let Some(paper) = papers.into_iter().next() else {
        return PaperIdentity::default();
    };
    let role = if paper.cited {
        PaperRole::Own
    } else {
        PaperRole::Linked
    };
    PaperIdentity {
        linked_url: (role == PaperRole::Linked)
            .then(|| paper.url.clone())
            .flatten(),
        doi: paper.doi,
        pmid: paper.pmid,
        pmcid: paper.pmcid,
        role,
        published_as: None,
        candidates: Vec::new(),
    }
}

/// The journal DOI a preprint became, from its relations or a "published in" line.
fn published_as(mentions: &Mentions<'_>, cues: &TextCues, own_doi: Option<&str>) -> Option<String> {
    let own_doi = own_doi.filter(|doi| super::doi::is_preprint_doi(doi))?;
    let differs = |doi: &String| !super::doi::same_doi(doi, own_doi);
    mentions
        .relations
        .iter()
        .filter_map(|relation| find_doi(relation))
        .find(differs)
        .or_else(|| {
            if !cues.publication {
                return None;
            }
            PUBLISHED_IN
                .captures_iter(mentions.text)
                .filter_map(|found| find_doi(found.get(1)?.as_str()))
                .find(differs)
        })
}

/// A record that names itself may still need its DOI from its citation line (a PubMed item
/// whose feed gives only the PMID): taken when the text cites exactly one other paper.
fn with_cited_fill(own: Mention, papers: Vec<Mention>) -> PaperIdentity {
    let mut identity = PaperIdentity {
        doi: own.doi,
        pmid: own.pmid,
        pmcid: own.pmcid,
        role: PaperRole::Own,
        linked_url: None,
        published_as: None,
        candidates: Vec::new(),
    };
    if let [paper] = papers.as_slice()
        && paper.cited
    {
        let conflicts = |mine: &Option<String>, theirs: &Option<String>| {
            mine.is_some() && theirs.is_some() && mine != theirs
        };
        if !conflicts(&identity.pmid, &paper.pmid) && identity.doi.is_none() {
            identity.doi = paper.doi.clone();
        }
        if !conflicts(&identity.pmid, &paper.pmid) && identity.pmcid.is_none() {
            identity.pmcid = paper.pmcid.clone();
        }
    }
    identity
}

/// `own_canonical`: the item's own link, canonical.
fn own_mention(mentions: &Mentions<'_>, own_canonical: Option<String>) -> Mention {
    let own = || mentions.own.iter().chain(mentions.own_url.iter());
    Mention {
        doi: own().find_map(|text| find_doi(text)),
        pmid: own().find_map(|text| find_pmid(text)),
        pmcid: own().find_map(|text| find_pmcid(text)),
        url: own_canonical,
        cited: true,
    }
}

fn body_mentions(
    mentions: &Mentions<'_>,
    cues: &TextCues,
    own_canonical: Option<&str>,
) -> Vec<Mention> {
    let text = mentions.text;
    let bare = cues
        .url
        .then(|| BARE_URL.find_iter(text).map(|found| found.as_str()))
        .into_iter()
        .flatten();
    let own_url = mentions.own_url.map(str::trim);
    let mut found: Vec<Mention> = mentions
        .links
        .iter()
        .copied()
        .chain(bare)
        .filter_map(|link| link_mention(link, own_url))
        .filter(|mention| mention.url.as_deref() != own_canonical)
        .collect();
    found.extend(cited_mentions(text, cues));
    found
}

/// A link that points at a paper: it carries a DOI, a PubMed or PMC id, or goes to a paper's
/// page on a publisher, preprint server or PubMed (not their home pages). The item's own link
/// (`own_url`, as written; most bodies link it) is not another paper and is left out early.
fn link_mention(link: &str, own_url: Option<&str>) -> Option<Mention> {
    let link = link.trim().trim_end_matches(['.', ',', ';', ')']);
    let absolute = match link.get(..8) {
        Some(start) if start.eq_ignore_ascii_case("doi.org/") => format!("https://{link}"),
        _ => link.to_string(),
    };
    if own_url == Some(absolute.as_str()) {
        return None;
    }
    let parsed = Url::parse(absolute.trim())
        .ok()
        .filter(|parsed| matches!(parsed.scheme(), "http" | "https"))?;
    let host = parsed.host_str()?.to_ascii_lowercase();
    let mention = Mention {
        doi: find_doi(&absolute),
        pmid: find_pmid(&absolute),
        pmcid: find_pmcid(&absolute).filter(|_| host.contains("ncbi") || host.contains("pmc")),
        url: Some(canonical_of(parsed)),
        cited: false,
    };
    let identified = mention.doi.is_some() || mention.pmid.is_some() || mention.pmcid.is_some();
    (identified || (is_paper_host(&host) && !is_home_page(&absolute))).then_some(mention)
}

/// DOIs and PubMed ids named in the text outside of any URL: a citation line.
fn cited_mentions(text: &str, cues: &TextCues) -> Vec<Mention> {
    let mut mentions: Vec<Mention> = cited_dois(text)
        .into_iter()
        .map(|doi| Mention {
            doi: Some(doi),
            cited: true,
            ..Mention::default()
        })
        .collect();
    if !cues.pmid {
        return mentions;
    }
    let without_urls = match cues.url {
        true => BARE_URL.replace_all(text, " "),
        false => text.into(),
    };
    mentions.extend(find_pmids(&without_urls).into_iter().map(|pmid| Mention {
        pmid: Some(pmid),
        cited: true,
        ..Mention::default()
    }));
    mentions.extend(find_pmcid(&without_urls).map(|pmcid| Mention {
        pmcid: Some(pmcid),
        cited: true,
        ..Mention::default()
    }));
    mentions
}

/// The DOIs of the words that hold `10.` with no `/` before it: `nejm.org/doi/full/10.1056/…`
/// is a link shown as text, `doi:10.1056/…` a citation. Only the first `10.` of a word counts.
fn cited_dois(text: &str) -> Vec<String> {
    let mut dois = Vec::new();
    if !may_hold_doi(text) {
        return dois;
    }
    let mut word_end = 0;
    for hit in needle!(b"10.").find_iter(text.as_bytes()) {
        if hit < word_end {
            continue;
        }
        // The search back stops at the previous word's end, so the whole loop stays linear.
        let word_start = text[..hit]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(at, c)| at + c.len_utf8());
        word_end = text[hit..]
            .find(char::is_whitespace)
            .map_or(text.len(), |length| hit + length);
        if text[word_start..hit].contains('/') {
            continue;
        }
        dois.extend(find_dois(&text[hit..word_end]));
    }
    dois
}

/// Mentions of the same paper (sharing any identifier or URL, directly or through another
/// mention) become one.
fn merge(mentions: Vec<Mention>) -> Vec<Mention> {
    let mut papers: Vec<Mention> = Vec::new();
    for mention in mentions {
        let mut merged = mention;
        while let Some(position) = papers.iter().position(|paper| paper.same_paper(&merged)) {
            merged.absorb(papers.swap_remove(position));
        }
        papers.push(merged);
    }
    papers
}

#[cfg(test)]
#[path = "papers_tests.rs"]
mod tests;

//! The paper an entry is or links to: its identifiers (DOI, PMID, PMCID, NCT) and the
//! bibliographic fields a reference manager needs, from every place publishers put them.

use super::citation::{self, CitationLine};
use super::document::Entry;
use crate::ident::prefilter::{Folded, needle};
use crate::ident::{self, Mentions, PaperRole};
use crate::model::Paper;
use crate::text;

/// What one entry's texts give.
pub struct Inputs<'a> {
    pub entry: &'a Entry,
    /// The channel's own `prism:publicationName`.
    pub publication: Option<&'a str>,
    pub url: Option<&'a str>,
    pub title: &'a str,
    /// Summary and content as received (HTML or text), links already absolute.
    pub bodies: [Option<&'a str>; 2],
    pub authors: Vec<String>,
    pub categories: &'a [String],
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Described {
    pub doi: Option<String>,
    pub pmid: Option<String>,
    pub paper: Paper,
}

pub fn describe(inputs: Inputs<'_>) -> Described {
    let hrefs = body_links(inputs.bodies);
    let text = inputs
        .bodies
        .iter()
        .flatten()
        .map(|body| text::plain_text(body))
        .collect::<Vec<_>>()
        .join(" ");
    let own = own_identifiers(inputs.entry, inputs.url);
    let identity = ident::identify(&Mentions {
        own: own.iter().map(String::as_str).collect(),
        own_url: inputs.url,
        links: hrefs.iter().map(String::as_str).collect(),
        text: &text,
        relations: inputs.entry.relations.iter().map(String::as_str).collect(),
    });
    // Most texts name no trial: one case-blind `memmem` over a lower-cased copy spares them
    // the pattern (a search that stops at every `n` costs more on a long text).
    let trial_text = Folded::new(&text)
        .contains(needle!(b"nct"))
        .then_some(text.as_str());
    let ncts = trials(inputs.title, &own, &hrefs, trial_text);
    // A citation line describes the item's own paper; in a post it would describe another.
    let cited = (identity.role != PaperRole::Linked)
        .then(|| citation::find_citation(&text))
        .flatten()
        .unwrap_or_default();
    let mut paper = bibliographic(&inputs, cited, is_preprint(&identity, inputs.url));
    paper.ncts = ncts;
    paper.pmcid = identity.pmcid;
    paper.role = identity.role;
    paper.linked_url = identity.linked_url;
    paper.published_as = identity.published_as;
    paper.candidates = identity.candidates;
    Described {
        doi: identity.doi,
        pmid: identity.pmid,
        paper,
    }
}

fn is_preprint(identity: &ident::PaperIdentity, url: Option<&str>) -> bool {
    identity.doi.as_deref().is_some_and(ident::is_preprint_doi)
        || url
            .and_then(ident::hosts::host_of)
            .is_some_and(|host| ident::hosts::is_preprint_host(&host))
}

/// Authors, journal, volume, issue, pages and type: PRISM and Dublin Core first, then the
/// citation line.
fn bibliographic(inputs: &Inputs<'_>, cited: CitationLine, preprint: bool) -> Paper {
    let found = &inputs.entry.citation;
    Paper {
        authors: inputs.authors.clone(),
        journal: journal(inputs, &cited),
        volume: clean(found.volume.as_deref()).or(cited.volume),
        issue: clean(found.issue.as_deref()).or(cited.issue),
        pages: citation::pages_from_parts(
            found.first_page.as_deref(),
            found.last_page.as_deref(),
            found.page_range.as_deref(),
        )
        .or(cited.pages),
        article_type: citation::article_type(found.section.as_deref(), inputs.categories, preprint),
        ..Paper::default()
    }
}

/// The item's `prism:publicationName`, else its `dc:source`, else the channel's
/// `prism:publicationName`, else the citation line's journal.
fn journal(inputs: &Inputs<'_>, cited: &CitationLine) -> Option<String> {
    let citation = &inputs.entry.citation;
    clean(citation.journal.as_deref())
        .or_else(|| clean(citation.source.as_deref()))
        .or_else(|| clean(inputs.publication))
        .or_else(|| cited.journal.clone())
}

fn clean(text: Option<&str>) -> Option<String> {
    text.map(text::plain_text).filter(|t| !t.is_empty())
}

/// The entry's id, its link, its page links and the identifier elements the feed gives it.
fn own_identifiers(entry: &Entry, url: Option<&str>) -> Vec<String> {
    let page_links = entry.links.iter().filter(|link| {
        link.rel
            .as_deref()
            .is_none_or(|rel| rel.eq_ignore_ascii_case("alternate"))
    });
    entry
        .id
        .iter()
        .cloned()
        .chain(url.map(str::to_string))
        .chain(page_links.map(|link| link.href.clone()))
        .chain(entry.identifiers.iter().cloned())
        .collect()
}

/// Every `href` in the bodies, with `&amp;` decoded.
fn body_links(bodies: [Option<&str>; 2]) -> Vec<String> {
    let mut links: Vec<String> = Vec::new();
    for body in bodies.into_iter().flatten() {
        for value in super::attributes::href_values(body) {
            let link = value.trim().replace("&amp;", "&");
            if !link.is_empty() && !links.contains(&link) {
                links.push(link);
            }
        }
    }
    links
}

/// NCT numbers in the title first, then the identifiers, the links and the text.
fn trials(title: &str, own: &[String], links: &[String], text: Option<&str>) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let sources = std::iter::once(title)
        .chain(own.iter().map(String::as_str))
        .chain(links.iter().map(String::as_str))
        .chain(text);
    for source in sources {
        for nct in ident::find_ncts(source) {
            if !found.contains(&nct) {
                found.push(nct);
            }
        }
    }
    found
}

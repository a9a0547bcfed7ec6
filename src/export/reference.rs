//! One reference per paper: the version chosen for export, completed from the other versions
//! of its story that are records of the same paper (a journal item lacking the PMID gets
//! PubMed's), with a citation key every format shares.

use super::keys::citation_keys;
use super::names::Name;
use crate::model::{Evidence, Item, Notice, PaperRole};
use crate::text::plain_text;
use chrono::{DateTime, Utc};

/// How reference managers should file it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A journal article (RIS JOUR, BibTeX @article, CSL article-journal).
    Article,
    /// A preprint: not peer reviewed (RIS JOUR with a note, @article, CSL article).
    Preprint,
    /// Anything else on the web: news, a post, an alert (RIS ELEC, @online, CSL webpage).
    Web,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    pub item_id: i64,
    /// Unique within one export and stable for the same items: `marchetti2026semaglutide`.
    pub key: String,
    pub kind: Kind,
    pub title: String,
    pub authors: Vec<Name>,
    pub journal: Option<String>,
    pub volume: Option<String>,
    pub issue: Option<String>,
    pub pages: Option<String>,
    pub date: Option<DateTime<Utc>>,
    pub doi: Option<String>,
    pub pmid: Option<String>,
    pub pmcid: Option<String>,
    pub ncts: Vec<String>,
    pub url: Option<String>,
    pub abstract_text: Option<String>,
    /// The user's tags.
    pub keywords: Vec<String>,
    /// The feed it came from.
    pub source: String,
    pub article_type: Option<String>,
    pub notice: Option<Notice>,
}

impl Reference {
    pub fn year(&self) -> Option<i32> {
        self.date
            .map(|date| date.format("%Y").to_string().parse().unwrap_or(0))
    }

    pub fn first_page(&self) -> Option<&str> {
        self.pages
            .as_deref()
            .map(|p| p.split('-').next().unwrap_or(p))
    }

    pub fn last_page(&self) -> Option<&str> {
        self.pages
            .as_deref()
            .and_then(|p| p.split_once('-'))
            .map(|(_, last)| last)
    }

    /// What a reference manager keeps as notes: the feed it came from and the evidence cues.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = vec![format!("Source: {}", self.source)];
        if self.kind == Kind::Preprint {
            notes.push(Evidence::PREPRINT_LABEL.into());
        }
        notes.extend(self.notice.map(|notice| notice.label().to_string()));
        notes
    }

    /// One line for a digest: the first sentence of the abstract, at most 200 characters.
    pub fn summary_line(&self) -> Option<String> {
        let text = self.abstract_text.as_deref()?;
        let sentence_end = text
            .match_indices(". ")
            .map(|(index, _)| index + 1)
            .find(|index| *index > 40)
            .unwrap_or(text.len());
        let sentence = &text[..sentence_end];
        let line: String = sentence.chars().take(200).collect();
        Some(if line.len() < sentence.len() {
            format!("{}…", line.trim_end())
        } else {
            line
        })
    }
}

/// References for exported items: `chosen` are the versions to export (one per story),
/// `versions` every stored version of their stories.
pub fn build_references(chosen: &[Item], versions: &[Item]) -> Vec<Reference> {
    let mut references: Vec<Reference> = chosen
        .iter()
        .map(|item| {
            let siblings: Vec<&Item> = versions
                .iter()
                .filter(|other| other.story.id == item.story.id && other.id != item.id)
                .collect();
            reference(item, &siblings)
        })
        .collect();
    let keys = citation_keys(&references);
    for (reference, key) in references.iter_mut().zip(keys) {
        reference.key = key;
    }
    references
}

fn reference(item: &Item, siblings: &[&Item]) -> Reference {
    let records = records_of_the_paper(item, siblings);
    let pick = |own: Option<&String>, field: fn(&Item) -> Option<&String>| {
        own.or_else(|| records.iter().find_map(|other| field(other)))
            .cloned()
    };
    let kind = kind(item);
    let authors = if item.paper.authors.is_empty() {
        records
            .iter()
            .map(|other| &other.paper.authors)
            .find(|authors| !authors.is_empty())
            .cloned()
            .unwrap_or_default()
    } else {
        item.paper.authors.clone()
    };
    Reference {
        item_id: item.id.0,
        key: String::new(),
        kind,
        title: item.title.clone(),
        authors: authors.iter().map(|name| Name::parse(name)).collect(),
        journal: pick(item.paper.journal.as_ref(), |i| i.paper.journal.as_ref()).or_else(|| {
            (kind != Kind::Web)
                .then(|| journal_from_source(item))
                .flatten()
        }),
        volume: pick(item.paper.volume.as_ref(), |i| i.paper.volume.as_ref()),
        issue: pick(item.paper.issue.as_ref(), |i| i.paper.issue.as_ref()),
        pages: pick(item.paper.pages.as_ref(), |i| i.paper.pages.as_ref()),
        date: item.published,
        doi: pick(item.doi.as_ref(), |i| i.doi.as_ref()),
        pmid: pick(item.pmid.as_ref(), |i| i.pmid.as_ref()),
        pmcid: pick(item.paper.pmcid.as_ref(), |i| i.paper.pmcid.as_ref()),
        ncts: item.paper.ncts.clone(),
        url: item.url.clone(),
        abstract_text: abstract_text(item)
            .or_else(|| records.iter().find_map(|r| abstract_text(r))),
        keywords: item.tags.clone(),
        source: item.source_title.clone(),
        article_type: pick(item.paper.article_type.as_ref(), |i| {
            i.paper.article_type.as_ref()
        }),
        notice: siblings
            .iter()
            .filter_map(|other| other.evidence.notice)
            .chain(item.evidence.notice)
            .max(),
    }
}

/// Other records of the same paper (not posts about it), the story's lead first: they
/// complete what the exported one lacks. None for a version that is not itself a record.
fn records_of_the_paper<'a>(item: &Item, siblings: &[&'a Item]) -> Vec<&'a Item> {
    if item.paper.role != PaperRole::Own {
        return Vec::new();
    }
    let mut records: Vec<&Item> = siblings
        .iter()
        .copied()
        .filter(|other| other.paper.role == PaperRole::Own)
        .collect();
    records.sort_by_key(|other| (!other.story.lead, std::cmp::Reverse(other.published)));
    records
}

fn kind(item: &Item) -> Kind {
    if item.evidence.preprint {
        Kind::Preprint
    } else if item.paper.role == PaperRole::Own {
        Kind::Article
    } else {
        Kind::Web
    }
}

/// A journal's feed that does not name the journal per item is named after it: "The Lancet
/// Online First" files under "The Lancet".
fn journal_from_source(item: &Item) -> Option<String> {
    let journal_feed = item
        .category
        .as_deref()
        .is_some_and(|c| c.eq_ignore_ascii_case("journal") || c.eq_ignore_ascii_case("journals"));
    if !journal_feed {
        return None;
    }
    let mut name = item.source_title.trim().to_string();
    for tail in [
        ": Table of Contents",
        " Table of Contents",
        " Online First",
        " Current Issue",
        " latest articles",
        " Latest Articles",
        " Advance Online",
        " Ahead of Print",
        " - Latest articles",
        " - Latest Articles",
    ] {
        if let Some(stripped) = name.strip_suffix(tail) {
            name = stripped.trim().to_string();
        }
    }
    (!name.is_empty()).then_some(name)
}

/// The item's summary as plain text, without the citation line some journals open it with:
/// the reference carries the journal, volume, issue and pages in their own fields.
fn abstract_text(item: &Item) -> Option<String> {
    let html = item.summary.as_deref().or(item.content.as_deref())?;
    let text = plain_text(html);
    let text = match item.paper.journal.as_deref() {
        Some(journal) => without_citation_line(&text, journal),
        None => text.as_str(),
    };
    (!text.is_empty()).then(|| text.to_string())
}

/// The citation line is read here the way NEJM writes it: the journal's name, a comma, and a
/// short sentence ("New England Journal of Medicine, Volume 395, Issue 22, Page 2042-2042,
/// November 26, 2026." or "…, Ahead of Print.").
const CITATION_AT_MOST: usize = 160;

fn without_citation_line<'a>(text: &'a str, journal: &str) -> &'a str {
    let Some(rest) = text
        .get(..journal.len())
        .filter(|start| start.eq_ignore_ascii_case(journal))
        .and_then(|_| text[journal.len()..].strip_prefix(", "))
    else {
        return text;
    };
    let end = rest.find(". ").map(|at| at + 1).unwrap_or(rest.len());
    if !rest[..end].ends_with('.') || journal.len() + end > CITATION_AT_MOST {
        return text;
    }
    rest[end..].trim_start()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use chrono::TimeZone;

    /// A journal article by one author, dated 16 November 2026, from NEJM's feed.
    pub(crate) fn example(id: i64, author: &str, title: &str) -> Reference {
        Reference {
            item_id: id,
            key: String::new(),
            kind: Kind::Article,
            title: title.into(),
            authors: vec![Name::parse(author)],
            journal: None,
            volume: None,
            issue: None,
            pages: None,
            date: Utc.with_ymd_and_hms(2026, 11, 16, 0, 0, 0).single(),
            doi: None,
            pmid: None,
            pmcid: None,
            ncts: Vec::new(),
            url: None,
            abstract_text: None,
            keywords: Vec::new(),
            source: "NEJM".into(),
            article_type: None,
            notice: None,
        }
    }

    #[test]
    fn the_citation_line_that_opens_an_abstract_is_left_to_the_fields() {
        let journal = "New England Journal of Medicine";
        let cited = "New England Journal of Medicine, Volume 395, Issue 22, Page 2042-2042, \
                     November 26, 2026. A 64-year-old woman had fever and flank pain.";
        assert_eq!(
            without_citation_line(cited, journal),
            "A 64-year-old woman had fever and flank pain."
        );
        let ahead =
            "New England Journal of Medicine, Ahead of Print. Obesity is associated with AF.";
        assert_eq!(
            without_citation_line(ahead, journal),
            "Obesity is associated with AF."
        );
        assert_eq!(
            without_citation_line("New England Journal of Medicine, Ahead of Print.", journal),
            "",
            "nothing but the citation: no abstract"
        );
        // An abstract that only mentions the journal keeps every word.
        let plain = "In this trial, published in the New England Journal of Medicine, we found.";
        assert_eq!(without_citation_line(plain, journal), plain);
        let long = format!("{journal}, {}. Rest.", "word ".repeat(40));
        assert_eq!(
            without_citation_line(&long, journal),
            long,
            "too long to be one"
        );
    }
}

//! A journal-club digest in Markdown: grouped by tag, then by source; each paper with its
//! title linked, authors, journal, date, DOI, the user's tags and a one-line summary.

use super::reference::{Kind, Reference};
use crate::model::Evidence;
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Authors named before "et al.".
const AUTHORS_SHOWN: usize = 6;

/// A section of the digest: one per tag, alphabetical, then the papers with no tag.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Section {
    Tag(String),
    Untagged,
}

pub fn write_markdown(references: &[Reference], now: DateTime<Utc>) -> String {
    let mut out = String::from("# Reading list\n\n");
    let _ = writeln!(
        out,
        "{} exported from rounds on {}.\n",
        plural(references.len()),
        now.format("%-d %B %Y")
    );
    for (section, by_source) in grouped(references) {
        let heading = match section {
            Section::Tag(tag) => format!("#{}", escape(&tag)),
            Section::Untagged => "Untagged".to_string(),
        };
        let _ = writeln!(out, "## {heading}\n");
        for (source, entries) in by_source {
            let _ = writeln!(out, "### {}\n", escape(&source));
            for reference in entries {
                entry(&mut out, reference);
            }
        }
    }
    out
}

fn plural(count: usize) -> String {
    match count {
        1 => "1 paper".to_string(),
        n => format!("{n} papers"),
    }
}

/// Tag → source → references, in alphabetical order, the untagged last; a paper with several
/// tags is under each.
fn grouped(references: &[Reference]) -> BTreeMap<Section, BTreeMap<String, Vec<&Reference>>> {
    let mut groups: BTreeMap<Section, BTreeMap<String, Vec<&Reference>>> = BTreeMap::new();
    for reference in references {
        let sections: Vec<Section> = if reference.keywords.is_empty() {
            vec![Section::Untagged]
        } else {
            reference
                .keywords
                .iter()
                .cloned()
                .map(Section::Tag)
                .collect()
        };
        for section in sections {
            groups
                .entry(section)
                .or_default()
                .entry(reference.source.clone())
                .or_default()
                .push(reference);
        }
    }
    groups
}

fn entry(out: &mut String, reference: &Reference) {
    let title = escape(&reference.title);
    match &reference.url {
        Some(url) => {
            let _ = writeln!(out, "- **[{title}]({})**  ", link_target(url));
        }
        None => {
            let _ = writeln!(out, "- **{title}**  ");
        }
    }
    for line in [facts(reference), cues(reference)] {
        if !line.is_empty() {
            let _ = writeln!(out, "  {}  ", line.join(" · "));
        }
    }
    // Posts have no title of their own: theirs is the start of their text.
    if let Some(summary) = reference
        .summary_line()
        .filter(|summary| !starts_alike(summary, &reference.title))
    {
        let _ = writeln!(out, "  {}", escape(&summary));
    }
    out.push('\n');
}

/// Authors, journal, date, DOI and PMID.
fn facts(reference: &Reference) -> Vec<String> {
    let mut facts: Vec<String> = Vec::new();
    if !reference.authors.is_empty() {
        let mut names: Vec<String> = reference
            .authors
            .iter()
            .take(AUTHORS_SHOWN)
            .map(|name| escape(&name.inverted()))
            .collect();
        if reference.authors.len() > AUTHORS_SHOWN {
            names.push("et al.".into());
        }
        facts.push(names.join("; "));
    }
    if let Some(journal) = &reference.journal {
        facts.push(format!("*{}*", escape(journal)));
    }
    if let Some(date) = reference.date {
        facts.push(date.format("%-d %b %Y").to_string());
    }
    if let Some(doi) = &reference.doi {
        let target = link_target(&format!("https://doi.org/{doi}"));
        facts.push(format!("[doi:{}]({target})", escape(doi)));
    }
    if let Some(pmid) = &reference.pmid {
        facts.push(format!(
            "[PMID {pmid}](https://pubmed.ncbi.nlm.nih.gov/{pmid}/)"
        ));
    }
    facts
}

/// The user's tags and the evidence cues.
fn cues(reference: &Reference) -> Vec<String> {
    let mut cues: Vec<String> = Vec::new();
    if !reference.keywords.is_empty() {
        let tags: Vec<String> = reference
            .keywords
            .iter()
            .map(|tag| format!("#{}", escape(tag)))
            .collect();
        cues.push(format!("Tags: {}", tags.join(" ")));
    }
    if reference.kind == Kind::Preprint {
        cues.push(Evidence::PREPRINT_LABEL.into());
    }
    cues.extend(
        reference
            .notice
            .map(|notice| format!("**{}**", notice.label())),
    );
    cues
}

fn starts_alike(summary: &str, title: &str) -> bool {
    let title = title.trim_end_matches(['.', '…', ' ']);
    summary.to_lowercase().starts_with(&title.to_lowercase())
}

/// What could turn text into markup inside a line (emphasis, code, links, HTML) escaped, so a
/// title never becomes markup; one line. Headings and quotes only start lines, which these
/// never do.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A URL as a link target: spaces, parentheses and angle brackets percent-encoded.
fn link_target(url: &str) -> String {
    url.chars()
        .filter(|c| !c.is_control())
        .map(|c| match c {
            ' ' => "%20".to_string(),
            '(' => "%28".to_string(),
            ')' => "%29".to_string(),
            '<' => "%3C".to_string(),
            '>' => "%3E".to_string(),
            c => c.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::reference::tests::example;

    #[test]
    fn tagged_sections_come_first_and_the_untagged_last() {
        let tagged = |id, tags: &[&str]| Reference {
            keywords: tags.iter().map(|tag| tag.to_string()).collect(),
            ..example(id, "S. Clarke", &format!("Paper {id}"))
        };
        let references = [
            tagged(1, &[]),
            tagged(2, &["journal-club"]),
            tagged(3, &["untagged", "cardio"]),
        ];
        let digest = write_markdown(&references, Utc::now());
        let headings: Vec<&str> = digest
            .lines()
            .filter(|line| line.starts_with("## "))
            .collect();
        assert_eq!(
            headings,
            [
                "## #cardio",
                "## #journal-club",
                "## #untagged",
                "## Untagged"
            ]
        );
        let untagged = digest.split("## Untagged").nth(1).unwrap();
        assert!(untagged.contains("Paper 1") && !untagged.contains("Paper 3"));
    }
}

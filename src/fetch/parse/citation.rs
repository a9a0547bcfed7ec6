//! Volume, issue and pages from the citation lines publishers put in item text
//! (`JAMA. 2026;336(21):2206-2215.`, `Diabetes Obes Metab. 2026 Nov;28(11):1234-45.`,
//! `BMJ 2026;395:s2517`, NEJM's `Volume 395, Issue 22, Page 2001-2012`), and the article type
//! from sections and categories.

use regex::Regex;
use std::sync::LazyLock;

/// `Journal. 2026 Nov 17;28(11):1234-45` (Vancouver style, as PubMed and JAMA write it).
static VANCOUVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[\s>(])(?P<journal>[A-Z][A-Za-z&'. -]{0,60}?)\.?\s+(?P<year>(?:19|20)\d{2})(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?;\s?(?P<volume>\d{1,4})(?:\((?P<issue>[^)]{1,12})\))?:\s?(?P<pages>[A-Za-z]?\d+(?:[-–][A-Za-z]?\d+)?)",
    )
    .expect("citation pattern")
});

/// NEJM's `Volume 395, Issue 22, Page 2001-2012`.
static VOLUME_ISSUE_PAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"Volume (?P<volume>\d+), Issue (?P<issue>\w+), Pages? (?P<pages>\d+(?:-\d+)?)")
        .expect("volume pattern")
});

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CitationLine {
    pub journal: Option<String>,
    pub volume: Option<String>,
    pub issue: Option<String>,
    pub pages: Option<String>,
}

/// The first citation line in plain text, if any.
pub fn find_citation(text: &str) -> Option<CitationLine> {
    // Every Vancouver line has `;` before its volume; NEJM's names its volume.
    let vancouver = memchr::memchr(b';', text.as_bytes())
        .is_some()
        .then(|| VANCOUVER.captures(text))
        .flatten();
    if let Some(found) = vancouver {
        let part = |name: &str| found.name(name).map(|m| m.as_str().trim().to_string());
        return Some(CitationLine {
            journal: part("journal").filter(|journal| journal.len() > 1),
            volume: part("volume"),
            issue: part("issue"),
            pages: part("pages").map(|pages| full_page_range(&pages)),
        });
    }
    crate::ident::prefilter::needle!(b"Volume ").find(text.as_bytes())?;
    let found = VOLUME_ISSUE_PAGE.captures(text)?;
    let part = |name: &str| found.name(name).map(|m| m.as_str().to_string());
    Some(CitationLine {
        journal: None,
        volume: part("volume"),
        issue: part("issue"),
        pages: part("pages").map(|pages| full_page_range(&pages)),
    })
}

/// `1234-45` → `1234-1245`, `e081234` stays; an en dash becomes a hyphen.
pub fn full_page_range(pages: &str) -> String {
    let pages = pages.trim().replace('–', "-");
    let Some((first, last)) = pages.split_once('-') else {
        return pages;
    };
    let (first, last) = (first.trim(), last.trim());
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if all_digits(first) && all_digits(last) && last.len() < first.len() {
        let prefix = &first[..first.len() - last.len()];
        return format!("{first}-{prefix}{last}");
    }
    format!("{first}-{last}")
}

/// `first-last` from PRISM's separate elements or its `pageRange`.
pub fn pages_from_parts(
    first: Option<&str>,
    last: Option<&str>,
    range: Option<&str>,
) -> Option<String> {
    match (first, last) {
        (Some(first), Some(last)) if first != last => Some(full_page_range(&format!(
            "{}-{}",
            first.trim(),
            last.trim()
        ))),
        (Some(first), _) => Some(first.trim().to_string()),
        _ => range.map(full_page_range),
    }
}

/// Section and category names publishers use, and the article type each means.
const TYPES: &[(&str, &[&str])] = &[
    (
        "Original Article",
        &[
            "original article",
            "original articles",
            "original investigation",
            "original research",
            "research",
            "research article",
            "research paper",
            "articles",
            "article",
            "clinical trial",
            "randomized controlled trial",
        ],
    ),
    (
        "Review",
        &[
            "review",
            "reviews",
            "review article",
            "systematic review",
            "meta-analysis",
            "narrative review",
            "clinical review",
            "state of the art review",
            "seminar",
        ],
    ),
    (
        "Editorial",
        &[
            "editorial",
            "editorials",
            "comment",
            "commentary",
            "invited commentary",
            "perspective",
            "viewpoint",
        ],
    ),
    (
        "Correspondence",
        &[
            "correspondence",
            "letter",
            "letters",
            "letter to the editor",
            "comment & response",
        ],
    ),
    (
        "Retraction",
        &[
            "retraction",
            "retraction notice",
            "retracted article",
            "retraction note",
        ],
    ),
    ("Expression of Concern", &["expression of concern"]),
    ("Correction", &["correction", "erratum", "corrigendum"]),
    ("Preprint", &["preprint"]),
];

fn known_type(name: &str) -> Option<&'static str> {
    let name = name.trim().to_lowercase();
    TYPES
        .iter()
        .find(|(_, names)| names.contains(&name.as_str()))
        .map(|(kind, _)| *kind)
}

/// The article type: a section or category we know, else `Preprint` for preprints, else the
/// publisher's own section name (`Clinical Problem-Solving`).
pub fn article_type(
    section: Option<&str>,
    categories: &[String],
    preprint: bool,
) -> Option<String> {
    let known = section
        .and_then(known_type)
        .or_else(|| categories.iter().find_map(|c| known_type(c)));
    match known {
        Some(kind) => Some(kind.to_string()),
        None if preprint => Some("Preprint".to_string()),
        None => section
            .map(str::trim)
            .filter(|s| !s.is_empty() && s.len() <= 60)
            .map(str::to_string),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(journal: Option<&str>, volume: &str, issue: Option<&str>, pages: &str) -> CitationLine {
        CitationLine {
            journal: journal.map(str::to_string),
            volume: Some(volume.into()),
            issue: issue.map(str::to_string),
            pages: Some(pages.into()),
        }
    }

    #[test]
    fn citation_lines_of_several_publishers() {
        assert_eq!(
            find_citation(
                "… may be sufficient. JAMA. 2026;336(21):2206-2215. doi:10.1001/jama.2026.20426"
            ),
            Some(line(Some("JAMA"), "336", Some("21"), "2206-2215"))
        );
        assert_eq!(
            find_citation("Diabetes Obes Metab. 2026 Nov;28(11):1234-45. doi: 10.1111/dom.16382."),
            Some(line(
                Some("Diabetes Obes Metab"),
                "28",
                Some("11"),
                "1234-1245"
            ))
        );
        assert_eq!(
            find_citation("promising. BMJ 2026;395:s2517 doi: 10.1136/bmj.s2517"),
            Some(line(Some("BMJ"), "395", None, "s2517"))
        );
        assert_eq!(
            find_citation(
                "New England Journal of Medicine, Volume 395, Issue 22, Page 2001-2012, November 26, 2026."
            ),
            Some(line(None, "395", Some("22"), "2001-2012"))
        );
        assert_eq!(
            find_citation("JAMA. Published online November 25, 2026."),
            None
        );
        assert_eq!(find_citation("10.5 mg; 12:30 daily"), None);
    }

    #[test]
    fn page_ranges() {
        assert_eq!(full_page_range("1234-45"), "1234-1245");
        assert_eq!(full_page_range("2206–2215"), "2206-2215");
        assert_eq!(full_page_range("e081234"), "e081234");
        assert_eq!(
            pages_from_parts(Some("1939"), Some("1940"), None).as_deref(),
            Some("1939-1940")
        );
        assert_eq!(
            pages_from_parts(Some("e1"), None, None).as_deref(),
            Some("e1")
        );
        assert_eq!(
            pages_from_parts(None, None, Some("101-9")).as_deref(),
            Some("101-109")
        );
    }

    #[test]
    fn article_types() {
        let none: [String; 0] = [];
        assert_eq!(
            article_type(Some("Original Article"), &none, false).as_deref(),
            Some("Original Article")
        );
        assert_eq!(
            article_type(None, &["Editorials".to_string()], false).as_deref(),
            Some("Editorial")
        );
        assert_eq!(
            article_type(Some("Infectious Diseases (except HIV/AIDS)"), &none, true).as_deref(),
            Some("Preprint")
        );
        assert_eq!(
            article_type(Some("Clinical Problem-Solving"), &none, false).as_deref(),
            Some("Clinical Problem-Solving")
        );
        assert_eq!(article_type(None, &["cardiology".to_string()], false), None);
    }
}

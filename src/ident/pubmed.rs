//! PubMed ids (PMID) and PubMed Central ids (PMCID), from links and `PMID:` / `PMCID:` text.

use super::prefilter::{may_hold_pmcid, may_hold_pmid};
use regex::Regex;
use std::sync::LazyLock;

static PMID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:pubmed\.ncbi\.nlm\.nih\.gov/|ncbi\.nlm\.nih\.gov/pubmed/|europepmc\.org/(?:article|abstract)/med/|\bpmid\s*[:=]?\s*|\bpubmed\s*:\s*)(\d{1,9})\b",
    )
    .expect("PMID pattern")
});

static PMCID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bPMC\s?(\d{3,9})\b").expect("PMCID pattern"));

/// The PubMed id in a PubMed or Europe PMC URL, or after a `pmid:` / `PMID ` / `pubmed:` prefix.
pub fn find_pmid(text: &str) -> Option<String> {
    find_pmids(text).into_iter().next()
}

/// Every distinct PubMed id, in order of appearance.
pub fn find_pmids(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    if !may_hold_pmid(text) {
        return found;
    }
    for captures in PMID.captures_iter(text) {
        let Some(digits) = captures.get(1) else {
            continue;
        };
        let pmid = digits.as_str().trim_start_matches('0');
        if !pmid.is_empty() && !found.iter().any(|known| known == pmid) {
            found.push(pmid.to_string());
        }
    }
    found
}

/// A PubMed Central id (`PMC1234567`, `PMCID: PMC1234567`, `/pmc/articles/PMC1234567/`),
/// written `PMC` + digits.
pub fn find_pmcid(text: &str) -> Option<String> {
    if !may_hold_pmcid(text) {
        return None;
    }
    PMCID
        .captures(text)
        .and_then(|captures| captures.get(1))
        .map(|digits| format!("PMC{}", digits.as_str()))
}

/// PubMed's own pages: a record there is PubMed's version of a paper, never the journal's.
pub fn is_pubmed_host(host: &str) -> bool {
    let host = host.trim_start_matches("www.").to_ascii_lowercase();
    host == "pubmed.ncbi.nlm.nih.gov" || host == "ncbi.nlm.nih.gov" || host == "europepmc.org"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pmid_from_urls_and_prefixes() {
        assert_eq!(
            find_pmid("https://pubmed.ncbi.nlm.nih.gov/38000000/?utm_source=rss"),
            Some("38000000".into())
        );
        assert_eq!(find_pmid("pmid:38000001"), Some("38000001".into()));
        assert_eq!(find_pmid("PMID: 38000002"), Some("38000002".into()));
        assert_eq!(find_pmid("pubmed:38000003"), Some("38000003".into()));
        assert_eq!(
            find_pmid("https://www.ncbi.nlm.nih.gov/pubmed/12345"),
            Some("12345".into())
        );
        assert_eq!(
            find_pmid("https://europepmc.org/article/MED/40412345"),
            Some("40412345".into())
        );
    }

    #[test]
    fn no_pmid_without_context() {
        assert_eq!(find_pmid("38000000 patients"), None);
        assert_eq!(find_pmid("pmid: none"), None);
    }

    #[test]
    fn several_pmids_are_distinct() {
        assert_eq!(
            find_pmids("PMID: 1, PMID: 2 and https://pubmed.ncbi.nlm.nih.gov/1/"),
            ["1", "2"]
        );
    }

    #[test]
    fn pmcid_forms() {
        assert_eq!(find_pmcid("PMCID: PMC11234567"), Some("PMC11234567".into()));
        assert_eq!(
            find_pmcid("https://pmc.ncbi.nlm.nih.gov/articles/PMC9876543/"),
            Some("PMC9876543".into())
        );
        assert_eq!(
            find_pmcid("https://www.ncbi.nlm.nih.gov/pmc/articles/pmc123456"),
            Some("PMC123456".into())
        );
        assert_eq!(find_pmcid("PMCA 12"), None);
        assert_eq!(find_pmcid("no id"), None);
    }

    #[test]
    fn pubmed_hosts() {
        assert!(is_pubmed_host("pubmed.ncbi.nlm.nih.gov"));
        assert!(is_pubmed_host("www.ncbi.nlm.nih.gov"));
        assert!(!is_pubmed_host("www.nejm.org"));
    }
}

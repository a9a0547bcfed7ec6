//! Cheap tests that let the identifier patterns run only on text that could hold a match.
//! Every item of every feed passes through them on every refresh, and most items name no
//! paper: a `memchr` over the text costs a fraction of a regex search's setup.

use memchr::memmem::Finder;

/// A `memmem` searcher for a literal needle, built once per call site: building one costs more
/// than searching an item's text with it.
macro_rules! needle {
    ($needle:literal) => {{
        static FINDER: ::std::sync::LazyLock<::memchr::memmem::Finder<'static>> =
            ::std::sync::LazyLock::new(|| ::memchr::memmem::Finder::new($needle));
        &*FINDER
    }};
}
pub(crate) use needle;

/// Whether `haystack` contains `needle` (lower-case ASCII), ignoring ASCII case. A pattern
/// compiled with `(?i)` also matches the Kelvin sign for `k` and the long s for `s`; callers
/// keep those letters out of their needles.
///
/// Made for short texts (links, ids, titles): it stops at each occurrence of the needle's
/// first letter. A long text tested several times is better [`Folded`] once.
pub fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    debug_assert!(!needle.bytes().any(|byte| byte.is_ascii_uppercase()));
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), haystack).any(|at| {
        haystack
            .get(at + 1..at + needle.len())
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(rest))
    })
}

/// A long text lower-cased once (ASCII letters only, so byte offsets stay), for several
/// case-blind tests with `memmem`.
pub struct Folded(Vec<u8>);

impl Folded {
    pub fn new(text: &str) -> Folded {
        Folded(text.as_bytes().to_ascii_lowercase())
    }

    /// Whether the text contains `needle` (lower-case ASCII, see [`needle!`]), ignoring
    /// ASCII case.
    pub fn contains(&self, needle: &Finder<'_>) -> bool {
        debug_assert!(!needle.needle().iter().any(u8::is_ascii_uppercase));
        needle.find(&self.0).is_some()
    }
}

/// Whether the text could hold a DOI: every DOI starts `10.`.
pub fn may_hold_doi(text: &str) -> bool {
    needle!(b"10.").find(text.as_bytes()).is_some()
}

/// Whether the text could hold a PubMed id: every form names `pmid`, `pubmed` or Europe PMC.
pub fn may_hold_pmid(text: &str) -> bool {
    contains_ignore_case(text, "pm") || contains_ignore_case(text, "pubmed")
}

/// Whether the text could hold a PubMed Central id (`PMC` and digits).
pub fn may_hold_pmcid(text: &str) -> bool {
    contains_ignore_case(text, "pmc")
}

/// Whether the text could hold a trial registration (`NCT` and digits).
pub fn may_hold_nct(text: &str) -> bool {
    contains_ignore_case(text, "nct")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_blind_search() {
        assert!(contains_ignore_case("see PubMed: 1", "pubmed"));
        assert!(contains_ignore_case("x pMc123", "pmc"));
        assert!(contains_ignore_case("pmc", "pmc"));
        assert!(!contains_ignore_case("pm", "pmc"));
        assert!(!contains_ignore_case("", "pmc"));
        assert!(contains_ignore_case("anything", ""));
        assert!(contains_ignore_case("caf\u{e9} NCT01234567", "nct"));
        assert!(!contains_ignore_case(&"pm ".repeat(400), "pmc"));
        let folded = Folded::new("Caf\u{e9} NCT01234567, PubMed");
        assert!(folded.contains(needle!(b"nct0123")) && folded.contains(needle!(b"pubmed")));
        assert!(!folded.contains(needle!(b"pmc")));
    }

    #[test]
    fn what_each_test_lets_through() {
        assert!(may_hold_doi("doi:10.1056/x") && !may_hold_doi("version 10"));
        assert!(may_hold_pmid("PMID: 1") && may_hold_pmid("pubmed:1"));
        assert!(may_hold_pmid("europepmc.org/article/MED/1"));
        assert!(!may_hold_pmid("a plain sentence"));
        assert!(may_hold_pmcid("PMC123") && !may_hold_pmcid("PM C"));
        assert!(may_hold_nct("nct0123") && !may_hold_nct("N C T"));
    }
}

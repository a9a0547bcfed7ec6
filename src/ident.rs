//! Identifiers that medical news is made of: DOI and PubMed id extraction. Pure.
//!
//! STUB: the parse helper replaces these with the real implementation.

/// The first DOI found in the text (a URL, `doi:` prefix or bare `10.NNNN/...`), lowercased.
pub fn find_doi(text: &str) -> Option<String> {
    let _ = text;
    None
}

/// The PubMed id in a pubmed URL or a `pmid:` prefix.
pub fn find_pmid(text: &str) -> Option<String> {
    let _ = text;
    None
}

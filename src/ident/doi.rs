//! DOIs: found in URLs, `doi:` prefixes and bare text, normalised, kept in the publisher's case
//! for display and compared case-insensitively (the DOI handbook says they are).

use super::prefilter::may_hold_doi;
use regex::Regex;
use std::sync::LazyLock;

/// `10.` + registrant + `/` (or its URL-encoded `%2F`) + suffix of printable ASCII. The suffix
/// stops at characters that end a DOI in URLs and markup: quotes, angle brackets, `?`, `#`, `&`.
static DOI: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\b10\.\d{4,9}(?:/|%2[Ff])[\x21-\x7E&&[^"'<>?#&\\]]+"#).expect("DOI pattern")
});

/// What publishers append to a DOI in their URLs (bioRxiv/medRxiv, HighWire, Springer, Frontiers),
/// compared case-insensitively.
const URL_SUFFIXES: [&str; 11] = [
    ".full.pdf+html",
    ".full.pdf",
    ".full-text",
    ".full",
    ".abstract",
    ".short",
    ".pdf",
    "/full",
    "/abstract",
    "/fulltext",
    "/pdf",
];

/// The first DOI in the text (a URL, `doi:` prefix or bare `10.NNNN/...`), normalised, in the
/// case the text gives it.
pub fn find_doi(text: &str) -> Option<String> {
    if !may_hold_doi(text) {
        return None;
    }
    DOI.find_iter(text)
        .find_map(|raw| normalize_doi(raw.as_str()))
}

/// Every distinct DOI in the text, in order of appearance (distinct case-insensitively).
pub fn find_dois(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    if !may_hold_doi(text) {
        return found;
    }
    for raw in DOI.find_iter(text) {
        let Some(doi) = normalize_doi(raw.as_str()) else {
            continue;
        };
        if !found.iter().any(|known| same_doi(known, &doi)) {
            found.push(doi);
        }
    }
    found
}

/// The form DOIs are compared and indexed in: lower case.
pub fn doi_key(doi: &str) -> String {
    doi.trim().to_lowercase()
}

pub fn same_doi(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// A DOI as found (`doi:10.1056/NEJMoa2406789.`, `https://doi.org/10.1056%2FNEJMoa2406789`,
/// `10.1101/2024.05.01.24306123v2.full`) reduced to the DOI itself, or `None` if nothing of
/// one is left.
pub fn normalize_doi(raw: &str) -> Option<String> {
    let start = raw.find("10.")?;
    let mut doi = percent_decode_ascii(&raw[start..]);
    trim_trailing_punctuation(&mut doi);
    strip_url_suffix(&mut doi);
    trim_trailing_punctuation(&mut doi);
    strip_preprint_version(&mut doi);
    let (_, suffix) = doi.split_once('/')?;
    (!suffix.is_empty()).then_some(doi)
}

fn strip_url_suffix(doi: &mut String) {
    let lower = doi.to_ascii_lowercase();
    if let Some(suffix) = URL_SUFFIXES.iter().find(|suffix| lower.ends_with(*suffix)) {
        let keep = doi.len() - suffix.len();
        // Never cut into the registrant: `10.1000/pdf` stays whole.
        if doi[..keep].contains('/') && !doi[..keep].ends_with('/') {
            doi.truncate(keep);
        }
    }
}

/// Decodes `%XX` escapes that stand for printable ASCII (`%2F`, `%28`); others stay as they are.
fn percent_decode_ascii(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let decoded = (bytes[index] == b'%')
            .then(|| text.get(index + 1..index + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok())
            .filter(u8::is_ascii_graphic);
        match decoded {
            Some(byte) => {
                out.push(byte);
                index += 3;
            }
            None => {
                out.push(bytes[index]);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Sentence punctuation after a DOI is not part of it; a closing bracket is only part of it
/// when the DOI opened one (`10.1016/S0140-6736(24)01234-5`).
fn trim_trailing_punctuation(doi: &mut String) {
    loop {
        let unbalanced =
            |open: char, close: char| doi.matches(close).count() > doi.matches(open).count();
        let trim = match doi.chars().last() {
            Some('.' | ',' | ';' | ':' | '!' | '\'' | '"' | '/') => true,
            Some(')') => unbalanced('(', ')'),
            Some(']') => unbalanced('[', ']'),
            Some('}') => unbalanced('{', '}'),
            _ => false,
        };
        if !trim {
            return;
        }
        doi.pop();
    }
}

/// bioRxiv and medRxiv URLs carry the version (`…123456v2`); the DOI does not.
fn strip_preprint_version(doi: &mut String) {
    if !doi.starts_with("10.1101/") {
        return;
    }
    let without_digits = doi.trim_end_matches(|c: char| c.is_ascii_digit());
    if without_digits.len() < doi.len()
        && let Some(stem) = without_digits.strip_suffix(['v', 'V'])
        && stem.ends_with(|c: char| c.is_ascii_digit())
    {
        let keep = stem.len();
        doi.truncate(keep);
    }
}

/// medRxiv and bioRxiv: Cold Spring Harbor's prefix.
pub fn is_preprint_doi(doi: &str) -> bool {
    doi.trim().starts_with("10.1101/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doi_from_prefixes_urls_and_text_keeps_the_publishers_case() {
        assert_eq!(
            find_doi("doi:10.1101/2024.05.01.24306123"),
            Some("10.1101/2024.05.01.24306123".into())
        );
        assert_eq!(
            find_doi("doi: 10.3390/fluids9060123"),
            Some("10.3390/fluids9060123".into())
        );
        assert_eq!(
            find_doi("https://doi.org/10.1056/NEJMoa2406789"),
            Some("10.1056/NEJMoa2406789".into())
        );
        assert_eq!(
            find_doi(
                "See https://www.nejm.org/doi/full/10.1056/NEJMoa2406789?query=TOC for details."
            ),
            Some("10.1056/NEJMoa2406789".into())
        );
        assert_eq!(
            find_doi("(published as 10.1001/jama.2024.1234)."),
            Some("10.1001/jama.2024.1234".into())
        );
    }

    #[test]
    fn doi_keeps_balanced_parentheses_and_decodes_url_escapes() {
        assert_eq!(
            find_doi("Lancet 10.1016/S0140-6736(24)01234-5, online"),
            Some("10.1016/S0140-6736(24)01234-5".into())
        );
        assert_eq!(
            find_doi("https://doi.org/10.1056%2FNEJMoa2406789"),
            Some("10.1056/NEJMoa2406789".into())
        );
        assert_eq!(
            find_doi("https://doi.org/10.1016%2FS0140-6736%2824%2901234-5"),
            Some("10.1016/S0140-6736(24)01234-5".into())
        );
        assert_eq!(
            find_doi(r#"<a href="https://doi.org/10.1234/abc">x</a>"#),
            Some("10.1234/abc".into())
        );
    }

    #[test]
    fn publisher_url_shapes() {
        let cases = [
            (
                "https://onlinelibrary.wiley.com/doi/full/10.1002/ejhf.3744",
                "10.1002/ejhf.3744",
            ),
            (
                "https://onlinelibrary.wiley.com/doi/epdf/10.1111/dom.16382",
                "10.1111/dom.16382",
            ),
            (
                "https://link.springer.com/article/10.1007/s00125-026-06123-4",
                "10.1007/s00125-026-06123-4",
            ),
            (
                "https://link.springer.com/content/pdf/10.1007/s00125-026-06123-4.pdf",
                "10.1007/s00125-026-06123-4",
            ),
            (
                "https://www.frontiersin.org/articles/10.3389/fmed.2026.123456/full",
                "10.3389/fmed.2026.123456",
            ),
            (
                "https://www.ahajournals.org/doi/abs/10.1161/CIRCULATIONAHA.126.079106?af=R",
                "10.1161/CIRCULATIONAHA.126.079106",
            ),
        ];
        for (url, doi) in cases {
            assert_eq!(find_doi(url).as_deref(), Some(doi), "{url}");
        }
        // An Elsevier PII is not a DOI.
        assert_eq!(
            find_doi("https://www.sciencedirect.com/science/article/pii/S0140673626026949"),
            None
        );
        assert_eq!(
            find_doi(
                "https://www.thelancet.com/journals/lancet/article/PIIS0140-6736(26)02694-9/fulltext"
            ),
            None
        );
    }

    #[test]
    fn preprint_urls_lose_version_and_view_suffix() {
        let url = "https://www.medrxiv.org/content/10.1101/2024.05.01.24306123v2.full?rss=1";
        assert_eq!(find_doi(url), Some("10.1101/2024.05.01.24306123".into()));
        let older = "http://biorxiv.org/cgi/content/short/10.1101/745505v1";
        assert_eq!(find_doi(older), Some("10.1101/745505".into()));
        assert!(is_preprint_doi("10.1101/745505"));
        assert!(!is_preprint_doi("10.1056/NEJMoa2406789"));
    }

    #[test]
    fn no_doi_in_ordinary_numbers() {
        assert_eq!(find_doi("10.5 mg/kg over 10 minutes"), None);
        assert_eq!(find_doi("version 10.12345/"), None);
        assert_eq!(find_doi(""), None);
    }

    #[test]
    fn distinct_dois_compare_case_insensitively() {
        let text = "doi:10.1056/NEJMoa2406789 and https://doi.org/10.1056/nejmoa2406789, \
                    then 10.1001/jama.2026.19103.";
        assert_eq!(
            find_dois(text),
            ["10.1056/NEJMoa2406789", "10.1001/jama.2026.19103"]
        );
        assert_eq!(doi_key(" 10.1056/NEJMoa2406789 "), "10.1056/nejmoa2406789");
        assert!(same_doi("10.1056/NEJMoa2406789", "10.1056/NEJMOA2406789"));
    }

    #[test]
    fn normalize_handles_prefixes_and_leftovers() {
        assert_eq!(
            normalize_doi("doi:10.1056/NEJMoa2406789.").as_deref(),
            Some("10.1056/NEJMoa2406789")
        );
        assert_eq!(
            normalize_doi("https://dx.doi.org/10.1056%2FNEJMoa2406789;").as_deref(),
            Some("10.1056/NEJMoa2406789")
        );
        assert_eq!(normalize_doi("10.1056/"), None);
        assert_eq!(normalize_doi("no doi"), None);
    }
}

//! Identifiers that medical news is made of: DOI and PubMed id extraction, and URL
//! canonicalization for clustering the same paper across feeds. Pure.

use regex::Regex;
use std::sync::LazyLock;
use url::Url;

/// `10.` + registrant + `/` (or its URL-encoded `%2F`) + suffix of printable ASCII. The suffix
/// stops at characters that end a DOI in URLs and markup: quotes, angle brackets, `?`, `#`, `&`.
static DOI: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\b10\.\d{4,9}(?:/|%2[Ff])[\x21-\x7E&&[^"'<>?#&\\]]+"#).expect("DOI pattern")
});

static PMID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:pubmed\.ncbi\.nlm\.nih\.gov/|ncbi\.nlm\.nih\.gov/pubmed/|\bpmid\s*[:=]?\s*|\bpubmed\s*:\s*)(\d{1,9})\b",
    )
    .expect("PMID pattern")
});

/// What publishers append to a DOI in their URLs (bioRxiv/medRxiv, HighWire).
const URL_SUFFIXES: [&str; 6] = [
    ".full.pdf+html",
    ".full.pdf",
    ".full-text",
    ".full",
    ".abstract",
    ".short",
];

/// The first DOI found in the text (a URL, `doi:` prefix or bare `10.NNNN/...`), lowercased.
pub fn find_doi(text: &str) -> Option<String> {
    DOI.find_iter(text)
        .map(|found| normalize_doi(found.as_str()))
        .find(|doi| doi.contains('/') && !doi.ends_with('/'))
}

fn normalize_doi(raw: &str) -> String {
    let mut doi = percent_decode_ascii(raw).to_lowercase();
    trim_trailing_punctuation(&mut doi);
    for suffix in URL_SUFFIXES {
        if let Some(stripped) = doi.strip_suffix(suffix) {
            doi.truncate(stripped.len());
            break;
        }
    }
    strip_preprint_version(&mut doi);
    doi
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
/// when the DOI opened one (`10.1016/s0140-6736(24)01234-5`).
fn trim_trailing_punctuation(doi: &mut String) {
    loop {
        let unbalanced =
            |open: char, close: char| doi.matches(close).count() > doi.matches(open).count();
        let trim = match doi.chars().last() {
            Some('.' | ',' | ';' | ':' | '!' | '\'' | '"') => true,
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
        && let Some(stem) = without_digits.strip_suffix('v')
        && stem.ends_with(|c: char| c.is_ascii_digit())
    {
        let keep = stem.len();
        doi.truncate(keep);
    }
}

/// The PubMed id in a pubmed URL or a `pmid:` / `pubmed:` prefix.
pub fn find_pmid(text: &str) -> Option<String> {
    PMID.captures(text)
        .and_then(|captures| captures.get(1))
        .map(|digits| digits.as_str().trim_start_matches('0').to_string())
        .filter(|digits| !digits.is_empty())
}

/// Query parameters that say where a click came from, not what the page is.
fn is_tracking_param(key: &str, value: &str) -> bool {
    let key = key.to_ascii_lowercase();
    let value = value.to_ascii_lowercase();
    key.starts_with("utm_")
        || matches!(
            key.as_str(),
            "rss" | "fbclid" | "gclid" | "mc_cid" | "mc_eid" | "_hsenc" | "_hsmi" | "igshid"
        )
        || (key == "src" && value == "rss")
        || (key == "af" && value == "r")
        || (key == "cmp" && value.contains("rss"))
}

/// A URL reduced to what identifies the page, for clustering the same article across feeds:
/// lowercase scheme and host, no fragment, no tracking parameters (`utm_*`, `rss=1`,
/// `src=rss`...), no trailing slash on the path. Text that is not a URL comes back trimmed.
pub fn canonical_url(url: &str) -> String {
    let trimmed = url.trim();
    let Ok(mut parsed) = Url::parse(trimmed) else {
        return trimmed.to_string();
    };
    parsed.set_fragment(None);
    let kept: Vec<(String, String)> = parsed
        .query_pairs()
        .filter(|(key, value)| !is_tracking_param(key, value))
        .map(|(key, value)| (key.into_owned(), value.into_owned()))
        .collect();
    if kept.is_empty() {
        parsed.set_query(None);
    } else {
        parsed.query_pairs_mut().clear().extend_pairs(kept);
    }
    let path = parsed.path().to_string();
    if path.len() > 1 && path.ends_with('/') {
        parsed.set_path(path.trim_end_matches('/'));
    }
    parsed.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doi_from_prefixes_urls_and_text() {
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
            Some("10.1056/nejmoa2406789".into())
        );
        assert_eq!(
            find_doi(
                "See https://www.nejm.org/doi/full/10.1056/NEJMoa2406789?query=TOC for details."
            ),
            Some("10.1056/nejmoa2406789".into())
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
            Some("10.1016/s0140-6736(24)01234-5".into())
        );
        assert_eq!(
            find_doi("https://doi.org/10.1056%2FNEJMoa2406789"),
            Some("10.1056/nejmoa2406789".into())
        );
        assert_eq!(
            find_doi(r#"<a href="https://doi.org/10.1234/abc">x</a>"#),
            Some("10.1234/abc".into())
        );
    }

    #[test]
    fn preprint_urls_lose_version_and_view_suffix() {
        let url = "https://www.medrxiv.org/content/10.1101/2024.05.01.24306123v2.full?rss=1";
        assert_eq!(find_doi(url), Some("10.1101/2024.05.01.24306123".into()));
        let older = "http://biorxiv.org/cgi/content/short/10.1101/745505v1";
        assert_eq!(find_doi(older), Some("10.1101/745505".into()));
    }

    #[test]
    fn no_doi_in_ordinary_numbers() {
        assert_eq!(find_doi("10.5 mg/kg over 10 minutes"), None);
        assert_eq!(find_doi("version 10.12345/"), None);
        assert_eq!(find_doi(""), None);
    }

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
    }

    #[test]
    fn no_pmid_without_context() {
        assert_eq!(find_pmid("38000000 patients"), None);
        assert_eq!(find_pmid("pmid: none"), None);
    }

    #[test]
    fn canonical_url_drops_tracking_and_fragment() {
        assert_eq!(
            canonical_url(" HTTPS://WWW.Example.ORG/Path/?utm_source=rss&id=7&utm_medium=x#top "),
            "https://www.example.org/Path?id=7"
        );
        assert_eq!(
            canonical_url("https://jpeds.com/article/x/fulltext?rss=yes"),
            "https://jpeds.com/article/x/fulltext"
        );
        assert_eq!(
            canonical_url("https://medscape.com/viewarticle/1?src=rss"),
            "https://medscape.com/viewarticle/1"
        );
        assert_eq!(
            canonical_url("https://biorxiv.org/a?rss=1"),
            "https://biorxiv.org/a"
        );
        assert_eq!(
            canonical_url("https://example.org/"),
            "https://example.org/"
        );
        assert_eq!(
            canonical_url("https://example.org/a/b/"),
            "https://example.org/a/b"
        );
    }

    #[test]
    fn canonical_url_keeps_meaningful_params_and_non_urls() {
        assert_eq!(
            canonical_url("https://x.org/search?q=sepsis&src=home"),
            "https://x.org/search?q=sepsis&src=home"
        );
        assert_eq!(canonical_url("  not a url "), "not a url");
    }
}

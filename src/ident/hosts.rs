//! Which web hosts publish papers: journals and their platforms, preprint servers, PubMed.
//! A link to one of them (not to its home page) is a link to a paper.

/// Journal publishers and their hosting platforms. A host matches itself and its subdomains.
const PUBLISHERS: &[&str] = &[
    "nejm.org",
    "thelancet.com",
    "bmj.com",
    "jamanetwork.com",
    "nature.com",
    "science.org",
    "cell.com",
    "sciencedirect.com",
    "wiley.com",
    "springer.com",
    "springeropen.com",
    "biomedcentral.com",
    "oup.com",
    "ahajournals.org",
    "acpjournals.org",
    "annals.org",
    "atsjournals.org",
    "plos.org",
    "frontiersin.org",
    "mdpi.com",
    "tandfonline.com",
    "sagepub.com",
    "karger.com",
    "thieme-connect.com",
    "lww.com",
    "cochranelibrary.com",
    "pnas.org",
    "jci.org",
    "elifesciences.org",
    "cmaj.ca",
    "mja.com.au",
    "aafp.org",
    "jacc.org",
    "diabetesjournals.org",
    "ashpublications.org",
    "asco.org",
    "aap.org",
    "elsevier.com",
    "doi.org",
];

/// Preprint servers.
const PREPRINT_SERVERS: &[&str] = &[
    "medrxiv.org",
    "biorxiv.org",
    "arxiv.org",
    "researchsquare.com",
    "ssrn.com",
    "preprints.org",
    "authorea.com",
];

fn matches_any(host: &str, domains: &[&str]) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    domains.iter().any(|domain| {
        host == *domain
            || host
                .strip_suffix(domain)
                .is_some_and(|rest| rest.ends_with('.'))
    })
}

pub fn is_publisher_host(host: &str) -> bool {
    matches_any(host, PUBLISHERS)
}

pub fn is_preprint_host(host: &str) -> bool {
    matches_any(host, PREPRINT_SERVERS)
}

/// A host where a link (other than to the home page) is a link to a paper.
pub fn is_paper_host(host: &str) -> bool {
    is_publisher_host(host) || is_preprint_host(host) || super::pubmed::is_pubmed_host(host)
}

/// The host of an http(s) URL, lower-cased.
pub fn host_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    matches!(parsed.scheme(), "http" | "https")
        .then(|| parsed.host_str().map(str::to_ascii_lowercase))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_subdomains() {
        assert!(is_publisher_host("www.nejm.org"));
        assert!(is_publisher_host("onlinelibrary.wiley.com"));
        assert!(is_publisher_host("link.springer.com"));
        assert!(!is_publisher_host("notnejm.org"));
        assert!(is_preprint_host("www.medrxiv.org"));
        assert!(is_paper_host("pubmed.ncbi.nlm.nih.gov"));
        assert!(!is_paper_host("med-mastodon.com"));
        assert_eq!(
            host_of("https://WWW.NEJM.org/doi/x").as_deref(),
            Some("www.nejm.org")
        );
        assert_eq!(host_of("mailto:a@b.org"), None);
    }
}

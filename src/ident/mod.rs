//! Identifiers that medical news is made of, and the web addresses of papers. Pure.
//!
//! - [`doi`]: DOIs from URLs, prefixes and text, in the publisher's case, compared case-blind.
//! - [`pubmed`]: PubMed and PubMed Central ids.
//! - [`trials`]: ClinicalTrials.gov NCT numbers.
//! - [`canonical`]: URLs reduced to what identifies the page.
//! - [`hosts`]: which hosts publish papers, preprints and PubMed records.
//! - [`papers`]: which paper an item is, or links to.
//! - [`evidence`]: preprints, retractions and expressions of concern.
//! - [`prefilter`]: cheap tests that keep the patterns above off text that cannot match.

pub mod canonical;
pub mod doi;
pub mod evidence;
pub mod hosts;
pub mod papers;
pub mod prefilter;
pub mod pubmed;
pub mod trials;

pub use canonical::{canonical_url, is_home_page, story_link};
pub use doi::{doi_key, find_doi, find_dois, is_preprint_doi, normalize_doi, same_doi};
pub use evidence::evidence;
pub use papers::{Mentions, PaperIdentity, PaperRole, identify};
pub use pubmed::{find_pmcid, find_pmid, find_pmids, is_pubmed_host};
pub use trials::{find_ncts, normalize_nct};

//! Identifiers and bibliographic fields, extracted from every place publishers put them:
//! NEJM (Atypon), PubMed, medRxiv, The Lancet, JAMA, The BMJ, Wiley and Springer item shapes,
//! and posts that link a paper (or several).

use super::*;
use rounds::ident::evidence;
use rounds::model::{Notice, PaperRole};

fn item<'a>(feed: &'a ParsedFeed, title_start: &str) -> &'a NewItem {
    feed.items
        .iter()
        .find(|item| item.title.starts_with(title_start))
        .unwrap_or_else(|| panic!("no item titled {title_start:?} in {:?}", titles(feed)))
}

fn notice(item: &NewItem) -> Option<Notice> {
    evidence(
        &item.title,
        item.paper.article_type.as_deref(),
        item.doi.as_deref(),
        item.url.as_deref(),
    )
    .notice
}

#[test]
fn nejm_atypon_prism_fields() {
    let feed = parse(
        "nejm-atypon-toc.rdf.xml",
        "https://www.nejm.org/action/showFeed?type=etoc&feed=rss&jc=nejm",
    );
    let trial = item(&feed, "Balanced Crystalloids");
    assert_eq!(trial.doi.as_deref(), Some("10.1056/NEJMoa2406789"));
    assert_eq!(trial.paper.role, PaperRole::Own);
    assert_eq!(
        trial.paper.authors,
        [
            "Maria L. Okafor",
            "Daniel R. Brennan",
            "Wei Zhang",
            "Priya Raman",
            "Tomas Lindqvist"
        ]
    );
    assert_eq!(
        trial.paper.journal.as_deref(),
        Some("New England Journal of Medicine")
    );
    assert_eq!(trial.paper.volume.as_deref(), Some("392"));
    assert_eq!(trial.paper.issue.as_deref(), Some("23"));
    assert_eq!(trial.paper.pages.as_deref(), Some("2281-2292"));
    assert_eq!(
        trial.paper.article_type.as_deref(),
        Some("Original Article")
    );
    // No PRISM volume here: NEJM's description line gives it; the channel names the journal.
    let editorial = item(&feed, "Fluids, Salt");
    assert_eq!(editorial.paper.pages.as_deref(), Some("2340-2341"));
    assert_eq!(editorial.paper.volume.as_deref(), Some("392"));
    assert_eq!(editorial.paper.article_type.as_deref(), Some("Editorial"));
    assert_eq!(
        editorial.paper.journal.as_deref(),
        Some("New England Journal of Medicine")
    );
}

#[test]
fn pubmed_identifiers_journal_and_citation() {
    let feed = parse(
        "pubmed-search.rss.xml",
        "https://pubmed.ncbi.nlm.nih.gov/rss/search/1x9Qm3/?limit=20",
    );
    let first = item(&feed, "Early vasopressors");
    assert_eq!(first.pmid.as_deref(), Some("40412345"));
    assert_eq!(first.doi.as_deref(), Some("10.1016/S0140-6736(25)00812-4"));
    assert_eq!(first.paper.pmcid.as_deref(), Some("PMC11987654"));
    assert_eq!(first.paper.journal.as_deref(), Some("Lancet"));
    assert_eq!(first.paper.volume.as_deref(), Some("405"));
    assert_eq!(first.paper.issue.as_deref(), Some("10494"));
    assert_eq!(first.paper.pages.as_deref(), Some("2101-2112"));
    assert_eq!(
        first.paper.authors,
        ["Rahul Menon", "Sofia Alvarez", "Kwame Mensah"]
    );
    let second = item(&feed, "Restrictive fluid");
    assert_eq!(second.paper.journal.as_deref(), Some("Crit Care"));
    assert_eq!(second.paper.pages.as_deref(), Some("231"));
}

#[test]
fn medrxiv_preprints() {
    let feed = parse(
        "medrxiv-infectious-diseases.rdf.xml",
        "http://connect.medrxiv.org/medrxiv_xml.php?subject=Infectious_Diseases",
    );
    let measles = item(&feed, "Measles seroprevalence");
    assert_eq!(measles.doi.as_deref(), Some("10.1101/2025.06.01.25328765"));
    assert_eq!(measles.paper.article_type.as_deref(), Some("Preprint"));
    assert_eq!(
        measles.paper.authors,
        ["Nguyen, T. H.", "Osei, A.", "Kowalski, M.", "Reyes, C."]
    );
    assert!(
        evidence(&measles.title, None, measles.doi.as_deref(), None).preprint,
        "a preprint DOI is a preprint"
    );
}

#[test]
fn lancet_bare_dc_identifier_and_notices() {
    let feed = parse(
        "lancet-online-first.rss.xml",
        "https://www.thelancet.com/rssfeed/lancet_online.xml",
    );
    let trial = item(&feed, "Respiratory syncytial virus");
    assert_eq!(trial.doi.as_deref(), Some("10.1016/S0140-6736(25)01177-4"));
    assert_eq!(trial.paper.ncts, ["NCT05123456"]);
    assert_eq!(
        trial.paper.article_type.as_deref(),
        Some("Original Article")
    );
    assert_eq!(trial.paper.authors.len(), 4);
    assert_eq!(trial.paper.authors[1], "Tomasz Wiśniewski");
    let retraction = item(&feed, "Retraction");
    assert_eq!(retraction.paper.article_type.as_deref(), Some("Retraction"));
    assert_eq!(notice(retraction), Some(Notice::Retraction));
    let comment = item(&feed, "Dengue");
    assert_eq!(comment.paper.article_type.as_deref(), Some("Editorial"));
    assert_eq!(
        comment.paper.authors,
        ["Sofía Ramírez-Ortega", "Henrik Lund"]
    );
    assert_eq!(notice(comment), None);
}

#[test]
fn jama_doi_only_in_the_citation_line() {
    let feed = parse(
        "jama-current-issue.rss.xml",
        "https://jamanetwork.com/rss/site_3/67.xml",
    );
    let trial = item(&feed, "Home Hospital");
    assert_eq!(trial.doi.as_deref(), Some("10.1001/jama.2025.6101"));
    assert_eq!(trial.paper.role, PaperRole::Own, "a citation, not a link");
    assert_eq!(trial.paper.journal.as_deref(), Some("JAMA"));
    assert_eq!(trial.paper.volume.as_deref(), Some("333"));
    assert_eq!(trial.paper.issue.as_deref(), Some("22"));
    assert_eq!(trial.paper.pages.as_deref(), Some("1961-1970"));
    assert_eq!(trial.paper.ncts, ["NCT04987654"]);
    assert_eq!(
        trial.paper.article_type.as_deref(),
        Some("Original Article")
    );
    assert_eq!(
        trial.paper.authors,
        [
            "Gabriel D. Almeida",
            "Elena A. Marchetti",
            "Kamau Wanjiku",
            "Thabo Ndlovu"
        ]
    );
    let online_first = item(&feed, "Ceftriaxone");
    assert_eq!(online_first.doi.as_deref(), Some("10.1001/jama.2025.7042"));
    assert_eq!(online_first.paper.volume, None, "not in an issue yet");
}

#[test]
fn bmj_atom_authors_and_citation() {
    let feed = parse("bmj-latest.atom.xml", "https://www.bmj.com/rss/recent.xml");
    let cohort = item(&feed, "Risk of sepsis");
    assert_eq!(cohort.doi.as_deref(), Some("10.1136/bmj-2025-084412"));
    assert_eq!(
        cohort.paper.authors,
        ["Claire Moreau", "Sarah Clarke", "Min-jun Kim"]
    );
    assert_eq!(cohort.paper.journal.as_deref(), Some("BMJ"));
    assert_eq!(cohort.paper.volume.as_deref(), Some("389"));
    assert_eq!(cohort.paper.pages.as_deref(), Some("e084412"));
    assert_eq!(
        cohort.paper.article_type.as_deref(),
        Some("Original Article")
    );
    let concern = item(&feed, "Expression of concern");
    assert_eq!(notice(concern), Some(Notice::ExpressionOfConcern));
    assert_eq!(concern.doi, None, "the BMJ gives no DOI for it");
}

#[test]
fn wiley_doi_links_and_prism() {
    let feed = parse(
        "wiley-ejhf.rss.xml",
        "https://onlinelibrary.wiley.com/feed/18790844/most-recent",
    );
    let article = item(&feed, "Finerenone");
    assert_eq!(article.doi.as_deref(), Some("10.1002/ejhf.3671"));
    assert_eq!(
        article.paper.authors,
        ["Jonas B. Eriksen", "Marta Kowalczyk", "Pieter van der Meer"]
    );
    assert_eq!(
        article.paper.journal.as_deref(),
        Some("European Journal of Heart Failure")
    );
    assert_eq!(article.paper.pages.as_deref(), Some("1020-1031"));
    assert_eq!(article.paper.issue.as_deref(), Some("6"));
    assert_eq!(
        article.paper.article_type.as_deref(),
        Some("Original Article")
    );
    let concern = item(&feed, "Expression of Concern");
    assert_eq!(
        concern.paper.article_type.as_deref(),
        Some("Expression of Concern")
    );
    assert_eq!(notice(concern), Some(Notice::ExpressionOfConcern));
    assert_eq!(
        concern.paper.journal.as_deref(),
        Some("European Journal of Heart Failure"),
        "from the channel"
    );
}

#[test]
fn springer_doi_in_the_link_path() {
    let feed = parse(
        "springer-diabetologia.rss.xml",
        "https://link.springer.com/search.rss?facet-journal-id=125",
    );
    let study = item(&feed, "Tirzepatide");
    assert_eq!(study.doi.as_deref(), Some("10.1007/s00125-025-06431-2"));
    assert_eq!(
        study.paper.authors,
        ["Henrik Sørensen", "Yuki Tanaka", "Ana Luísa Ferreira"]
    );
    let correction = item(&feed, "Correction to");
    assert_eq!(
        correction.doi.as_deref(),
        Some("10.1007/s00125-025-06440-1")
    );
}

#[test]
fn a_post_links_one_paper_and_a_digest_links_none() {
    let feed = parse(
        "mastodon-hashtag-sepsis.rss.xml",
        "https://med-mastodon.com/tags/sepsis.rss",
    );
    let post = feed
        .items
        .iter()
        .find(|item| item.doi.is_some())
        .expect("the post about the paper");
    assert_eq!(post.doi.as_deref(), Some("10.1056/NEJMoa2406789"));
    assert_eq!(post.paper.role, PaperRole::Linked);
    let digest = parse(
        "journal-club-digest.json",
        "https://journalclub.example.net/feed.json",
    );
    let three = item(&digest, "Journal club, 13 June");
    assert_eq!((three.doi.as_deref(), three.pmid.as_deref()), (None, None));
    assert_eq!(
        three.paper.candidates.len(),
        3,
        "three papers: the store joins it to none"
    );
    let one = item(&digest, "One paper this week");
    assert_eq!(one.paper.role, PaperRole::Linked);
    assert_eq!(
        one.paper.linked_url.as_deref(),
        Some("https://jamanetwork.com/journals/jama/fullarticle/2834411")
    );
}

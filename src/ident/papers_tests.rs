use super::*;

fn body(links: &[&'static str], text: &'static str) -> Mentions<'static> {
    Mentions {
        own: Vec::new(),
        own_url: Some("https://med-mastodon.com/@h_okafor_id/117627246542852562"),
        links: links.to_vec(),
        text,
        relations: Vec::new(),
    }
}

#[test]
fn a_journal_item_names_itself() {
    let mentions = Mentions {
        own: vec!["doi:10.1056/NEJMoa2611487"],
        own_url: Some("https://www.nejm.org/doi/full/10.1056/NEJMoa2611487?af=R"),
        links: vec!["https://www.nejm.org/doi/suppl/10.1056/NEJMoa2611487/suppl_file/a.pdf"],
        text: "Obesity is associated with recurrence of atrial fibrillation.",
        relations: Vec::new(),
    };
    let identity = identify(&mentions);
    assert_eq!(identity.doi.as_deref(), Some("10.1056/NEJMoa2611487"));
    assert_eq!(identity.role, PaperRole::Own);
    assert_eq!(identity.linked_url, None);
}

#[test]
fn a_pubmed_record_takes_its_doi_from_the_citation_line() {
    let mentions = Mentions {
        own: vec!["pubmed:42318806"],
        own_url: Some("https://pubmed.ncbi.nlm.nih.gov/42318806/?utm_source=Other"),
        links: Vec::new(),
        text: "N Engl J Med. 2026 Nov 17. doi: 10.1056/NEJMoa2611487. Online ahead of print. \
               PMID:42318806 | DOI:10.1056/NEJMoa2611487",
        relations: Vec::new(),
    };
    let identity = identify(&mentions);
    assert_eq!(identity.pmid.as_deref(), Some("42318806"));
    assert_eq!(identity.doi.as_deref(), Some("10.1056/NEJMoa2611487"));
    assert_eq!(identity.role, PaperRole::Own);
}

#[test]
fn a_citation_line_is_the_items_own_doi() {
    let mentions = Mentions {
        own: vec!["jama-2841426"],
        own_url: Some("https://jamanetwork.com/journals/jama/fullarticle/2841426"),
        links: Vec::new(),
        text: "Importance ... JAMA. 2026;336(21):2206-2215. doi:10.1001/jama.2026.20426",
        relations: Vec::new(),
    };
    let identity = identify(&mentions);
    assert_eq!(identity.doi.as_deref(), Some("10.1001/jama.2026.20426"));
    assert_eq!(identity.role, PaperRole::Own);
}

#[test]
fn a_post_linking_one_paper_is_about_it() {
    let text = "Not my field, but the WAVE-AF trial is out. \
                https://www.nejm.org/doi/full/10.1056/NEJMoa2611487 #Cardiology #GLP1";
    let links = [
        "https://www.nejm.org/doi/full/10.1056/NEJMoa2611487",
        "https://med-mastodon.com/tags/cardiology",
        "https://med-mastodon.com/tags/glp1",
    ];
    let identity = identify(&body(&links, text));
    assert_eq!(identity.doi.as_deref(), Some("10.1056/NEJMoa2611487"));
    assert_eq!(identity.role, PaperRole::Linked);
    assert_eq!(
        identity.linked_url.as_deref(),
        Some("https://nejm.org/doi/full/10.1056/NEJMoa2611487")
    );
}

#[test]
fn a_bare_doi_link_in_plain_text_counts_as_a_link() {
    let text =
        "WAVE-AF is out. Semaglutide after AF ablation.\n\nhttps://doi.org/10.1056/NEJMoa2611487";
    let identity = identify(&body(&[], text));
    assert_eq!(identity.doi.as_deref(), Some("10.1056/NEJMoa2611487"));
    assert_eq!(identity.role, PaperRole::Linked);
}

#[test]
fn a_link_shown_as_text_is_not_a_citation() {
    let text = "Out today nejm.org/doi/full/10.1056/NEJ… read it";
    let links = ["https://www.nejm.org/doi/full/10.1056/NEJMoa2611487"];
    let identity = identify(&body(&links, text));
    assert_eq!(identity.doi.as_deref(), Some("10.1056/NEJMoa2611487"));
    assert_eq!(identity.role, PaperRole::Linked);
}

#[test]
fn a_link_to_a_paper_page_without_a_doi_joins_by_url() {
    let links = [
        "https://www.thelancet.com/journals/lancet/article/PIIS0140-6736(26)02231-6/fulltext?utm_source=mastodon",
    ];
    let identity = identify(&body(&links, "RSV vaccine in older adults, in the Lancet."));
    assert_eq!(identity.doi, None);
    assert_eq!(identity.role, PaperRole::Linked);
    assert_eq!(
        identity.linked_url.as_deref(),
        Some("https://thelancet.com/journals/lancet/article/PIIS0140-6736(26)02231-6/fulltext")
    );
}

#[test]
fn the_same_paper_linked_twice_is_one_paper() {
    let links = [
        "https://doi.org/10.1056/NEJMoa2611487",
        "https://www.nejm.org/doi/full/10.1056/nejmoa2611487",
    ];
    let identity = identify(&body(&links, "(doi:10.1056/NEJMoa2611487)"));
    assert_eq!(identity.doi.as_deref(), Some("10.1056/NEJMoa2611487"));
    // Cited in the text too: a blog that cites the paper.
    assert_eq!(identity.role, PaperRole::Own);
}

#[test]
fn a_digest_of_several_papers_is_about_none() {
    let links = [
        "https://doi.org/10.1056/NEJMoa2611487",
        "https://pubmed.ncbi.nlm.nih.gov/40412345/",
        "https://www.bmj.com/content/395/bmj-2026-083070",
    ];
    let identity = identify(&body(&links, "This week's journal club: three papers."));
    assert_eq!((identity.doi, identity.pmid), (None, None));
    assert_eq!(
        identity.candidates.len(),
        3,
        "the store tells whether they are one paper"
    );
}

#[test]
fn links_that_are_not_papers_do_not_count() {
    let links = [
        "https://www.nejm.org/",
        "https://en.wikipedia.org/wiki/Atrial_fibrillation",
        "https://med-mastodon.com/@colleague",
    ];
    assert_eq!(
        identify(&body(&links, "Nothing to see")),
        PaperIdentity::default()
    );
}

#[test]
fn pmc_links_and_pubmed_links() {
    let links = ["https://pmc.ncbi.nlm.nih.gov/articles/PMC9876543/"];
    let identity = identify(&body(&links, ""));
    assert_eq!(identity.pmcid.as_deref(), Some("PMC9876543"));
    let links = ["https://pubmed.ncbi.nlm.nih.gov/40412345/"];
    let identity = identify(&body(&links, ""));
    assert_eq!(identity.pmid.as_deref(), Some("40412345"));
    assert_eq!(identity.role, PaperRole::Linked);
}

#[test]
fn a_preprint_names_the_article_it_became() {
    let from_text = Mentions {
        own: vec!["doi:10.1101/2026.05.02.26312345"],
        own_url: Some("http://medrxiv.org/cgi/content/short/2026.05.02.26312345v2?rss=1"),
        links: Vec::new(),
        text: "Now published in New England Journal of Medicine doi: 10.1056/NEJMoa2611487",
        relations: Vec::new(),
    };
    let identity = identify(&from_text);
    assert_eq!(identity.doi.as_deref(), Some("10.1101/2026.05.02.26312345"));
    assert_eq!(
        identity.published_as.as_deref(),
        Some("10.1056/NEJMoa2611487")
    );
    let from_relation = Mentions {
        relations: vec!["https://doi.org/10.1056/NEJMoa2611487"],
        text: "",
        ..from_text.clone()
    };
    assert_eq!(
        identify(&from_relation).published_as.as_deref(),
        Some("10.1056/NEJMoa2611487")
    );
    // Only preprints become articles.
    let journal = Mentions {
        own: vec!["doi:10.1056/NEJMoa2611487"],
        text: "Published in the same issue: doi: 10.1056/NEJMe2600001",
        ..from_text
    };
    assert_eq!(identify(&journal).published_as, None);
}

//! Journals, PubMed, preprint servers and regulators.

use super::*;

#[test]
fn nejm_atypon_toc() {
    let feed = parse(
        "nejm-atypon-toc.rdf.xml",
        "https://www.nejm.org/action/showFeed?type=etoc&feed=rss&jc=nejm",
    );
    assert_eq!(feed.kind, SourceKind::Rss);
    assert_eq!(
        feed.title.as_deref(),
        Some("The New England Journal of Medicine: Table of Contents")
    );
    assert_eq!(
        feed.site_url.as_deref(),
        Some("https://www.nejm.org/toc/nejm/current?af=R")
    );
    assert_eq!(
        titles(&feed),
        [
            "Balanced Crystalloids versus Saline in Sepsis — A Pragmatic Trial",
            "Fluids, Salt, and the Septic Patient",
            "Case 18-2025: A 54-Year-Old Man with Fever & Rash",
        ]
    );
    let dois: Vec<_> = feed.items.iter().map(|item| item.doi.as_deref()).collect();
    assert_eq!(
        dois,
        [
            Some("10.1056/NEJMoa2406789"),
            Some("10.1056/NEJMe2505123"),
            Some("10.1056/NEJMcps2412345")
        ]
    );
    let trial = &feed.items[0];
    assert_eq!(trial.published, Some(utc(2025, 6, 12, 14, 0, 0)));
    assert_eq!(
        trial.guid,
        "https://www.nejm.org/doi/full/10.1056/NEJMoa2406789?af=R"
    );
    assert_eq!(
        trial.author.as_deref(),
        Some("Maria L. Okafor, Daniel R. Brennan, Wei Zhang, Priya Raman, Tomas Lindqvist")
    );
    let content = trial.content.as_deref().expect("content:encoded");
    assert!(content.contains("href=\"https://www.nejm.org/doi/suppl/10.1056/NEJMoa2406789/"));
}

#[test]
fn pubmed_search_with_dc_identifiers() {
    let feed = parse(
        "pubmed-search.rss.xml",
        "https://pubmed.ncbi.nlm.nih.gov/rss/search/1x9Qm3/?limit=20",
    );
    assert_eq!(feed.items.len(), 2);
    let first = &feed.items[0];
    assert_eq!(first.guid, "pubmed:40412345");
    assert_eq!(first.pmid.as_deref(), Some("40412345"));
    assert_eq!(first.doi.as_deref(), Some("10.1016/S0140-6736(25)00812-4"));
    assert_eq!(
        first.author.as_deref(),
        Some("Rahul Menon, Sofia Alvarez, Kwame Mensah")
    );
    assert_eq!(first.published, Some(utc(2025, 6, 10, 0, 0, 0)));
    assert!(
        first
            .url
            .as_deref()
            .is_some_and(|url| url.starts_with("https://pubmed.ncbi.nlm.nih.gov/40412345/"))
    );
    assert_eq!(
        feed.items[1].doi.as_deref(),
        Some("10.1186/s13054-025-05412-7")
    );
    assert_eq!(feed.items[1].pmid.as_deref(), Some("40409876"));
}

#[test]
fn medrxiv_rdf_without_declaration() {
    let feed = parse(
        "medrxiv-infectious-diseases.rdf.xml",
        "http://connect.medrxiv.org/medrxiv_xml.php?subject=Infectious_Diseases",
    );
    assert_eq!(
        titles(&feed),
        [
            "Measles seroprevalence among healthcare workers after the 2025 outbreak: a cross-sectional study",
            "Wastewater surveillance of H5N1 in dairy regions",
        ]
    );
    assert_eq!(
        feed.items[0].doi.as_deref(),
        Some("10.1101/2025.06.01.25328765")
    );
    assert_eq!(
        feed.items[1].doi.as_deref(),
        Some("10.1101/2025.05.29.25328501")
    );
    assert_eq!(feed.items[0].published, Some(utc(2025, 6, 3, 0, 0, 0)));
    assert_eq!(
        feed.items[0].author.as_deref(),
        Some("Nguyen, T. H., Osei, A., Kowalski, M., Reyes, C.")
    );
    assert_eq!(
        feed.items[0].guid,
        "http://medrxiv.org/cgi/content/short/2025.06.01.25328765v1?rss=1"
    );
}

#[test]
fn fda_drupal_time_in_pub_date_and_padded_links() {
    let feed = parse(
        "fda-recalls-drupal.rss.xml",
        "https://www.fda.gov/about-fda/contact-fda/stay-informed/rss-feeds/recalls/rss.xml",
    );
    assert_eq!(
        feed.title.as_deref(),
        Some("Recalls, Market Withdrawals, & Safety Alerts")
    );
    assert_eq!(
        feed.site_url.as_deref(),
        Some("https://www.fda.gov/safety/recalls-market-withdrawals-safety-alerts")
    );
    let recall = &feed.items[0];
    assert_eq!(
        recall.title,
        "Meridian Pharma Recalls Metformin Extended-Release Tablets Due to Elevated NDMA Levels"
    );
    assert_eq!(
        recall.url.as_deref(),
        Some(
            "https://www.fda.gov/safety/recalls-market-withdrawals-safety-alerts/meridian-pharma-recalls-metformin-extended-release-tablets"
        )
    );
    assert_eq!(recall.guid, "1189532 at https://www.fda.gov");
    assert_eq!(recall.published, Some(utc(2025, 6, 9, 14, 5, 0)));
    assert_eq!(feed.items[1].published, Some(utc(2025, 6, 6, 20, 30, 0)));
    assert_eq!(
        feed.items[1].summary, None,
        "empty <description /> is no summary"
    );
}

#[test]
fn cdc_atom_with_xml_base_and_html_titles() {
    let feed = parse(
        "cdc-han-health-updates.atom.xml",
        "https://tools.cdc.gov/api/v2/resources/media/413690.rss",
    );
    assert_eq!(feed.kind, SourceKind::Atom);
    assert_eq!(
        feed.site_url.as_deref(),
        Some("https://emergency.cdc.gov/han/index.asp")
    );
    let measles = &feed.items[0];
    assert_eq!(measles.title, "Increased Measles Activity and Importations");
    assert_eq!(
        measles.url.as_deref(),
        Some("https://emergency.cdc.gov/han/2025/han00520.asp")
    );
    assert_eq!(measles.guid, "tag:emergency.cdc.gov,2025:han00520");
    assert_eq!(
        measles.published,
        Some(utc(2025, 6, 5, 19, 30, 0)),
        "only <updated>: it is the date"
    );
    assert_eq!(
        measles.author.as_deref(),
        Some("Centers for Disease Control and Prevention"),
        "inherited"
    );
    assert_eq!(measles.categories, ["Measles", "Vaccination"]);
    let summary = measles.summary.as_deref().expect("summary");
    assert!(summary.contains("href=\"https://emergency.cdc.gov/measles/hcp/index.html\""));
    assert!(summary.contains("src=\"https://emergency.cdc.gov/han/2025/images/measles-map.png\""));
    let semaglutide = &feed.items[1];
    assert_eq!(semaglutide.published, Some(utc(2025, 5, 22, 15, 0, 0)));
    assert_eq!(semaglutide.updated, Some(utc(2025, 5, 23, 13, 15, 0)));
    assert_eq!(
        semaglutide.author.as_deref(),
        Some("CDC Division of Diabetes Translation")
    );
    assert!(
        semaglutide
            .content
            .as_deref()
            .is_some_and(|c| c.contains("https://emergency.cdc.gov/han/poison-centers.html"))
    );
}

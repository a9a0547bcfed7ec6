//! Encodings, broken markup, non-feeds and parser panics.

use super::*;

#[test]
fn latin1_without_declaration_or_version() {
    let feed = parse(
        "latin1-no-declaration.rss.xml",
        "https://www.revmed.example.ch/rss",
    );
    assert_eq!(
        feed.title.as_deref(),
        Some("Revue Médicale Suisse – Dernières parutions")
    );
    assert_eq!(
        titles(&feed),
        [
            "Café et santé : 5 µg/L à 37°C",
            "Fièvre chez l'enfant : quand s'inquiéter ?"
        ]
    );
    assert_eq!(
        feed.items[0].published,
        Some(utc(2025, 6, 4, 6, 30, 0)),
        "French day and month names"
    );
    assert_eq!(feed.items[1].published, Some(utc(2025, 5, 29, 5, 0, 0)));
}

#[test]
fn windows_1252_with_declaration() {
    let feed = parse(
        "windows-1252-declared.rss.xml",
        "https://www.pharmacy.example.com/rss",
    );
    assert_eq!(feed.title.as_deref(), Some("Pharmacy Times — Drug News"));
    assert_eq!(
        feed.items[0].title,
        "“Ozempic shortage” ends — what pharmacists should know about the €12 copay"
    );
    assert_eq!(
        feed.items[0].summary.as_deref(),
        Some("It’s over… for now.")
    );
}

#[test]
fn bare_ampersands_and_html_entities() {
    let feed = parse(
        "bare-ampersand-nbsp.rss.xml",
        "https://www.stmarys-hospital.example.org/news/rss",
    );
    assert_eq!(feed.title.as_deref(), Some("Hospital News & Events"));
    assert_eq!(
        titles(&feed),
        [
            "A&E waiting times fall for third month — café opens in main atrium",
            "Visiting hours & parking changes"
        ]
    );
    assert_eq!(
        feed.items[0].url.as_deref(),
        Some("https://www.stmarys-hospital.example.org/news/item.php?id=4411&cat=7")
    );
    assert_eq!(feed.items[0].guid, "news-4411");
    assert_eq!(feed.items[0].published, Some(utc(2025, 6, 6, 8, 0, 0)));
}

#[test]
fn missing_item_close_tags_are_recovered() {
    let feed = parse(
        "malformed-missing-item-close.rss.xml",
        "https://health.county.example.gov/bulletins/rss",
    );
    assert_eq!(
        titles(&feed),
        [
            "Pertussis cases rising in school-age children",
            "Heat advisory: medication review for older adults",
            "Tick season: Lyme disease prophylaxis reminder",
        ]
    );
    let guids: Vec<&str> = feed.items.iter().map(|item| item.guid.as_str()).collect();
    assert_eq!(
        guids,
        [
            "bulletin-2025-117",
            "bulletin-2025-116",
            "bulletin-2025-115"
        ]
    );
}

#[test]
fn truncated_download_is_a_clear_error() {
    let error = try_parse(
        "truncated-download.rss.xml",
        "https://anesthesia.example.org/rss",
    )
    .expect_err("truncated");
    assert_eq!(
        error.to_string(),
        "malformed XML at line 11: the document ends before <description> is closed (truncated download?)"
    );
}

#[test]
fn html_page_is_not_a_feed() {
    let error = try_parse(
        "hospital-login-page.html",
        "https://intranet.example.nhs.uk/news/rss.xml",
    )
    .expect_err("HTML");
    assert_eq!(
        error,
        ParseError::NotAFeed("the document is HTML (no RSS, Atom or JSON Feed root)".into())
    );
    assert_eq!(
        error.to_string(),
        "not a feed: the document is HTML (no RSS, Atom or JSON Feed root)"
    );
}

#[test]
fn broken_json_feed_reports_line_and_column() {
    let error = try_parse("broken-jsonfeed.json", "https://ward.example.net/feed.json")
        .expect_err("broken JSON");
    assert_eq!(
        error.to_string(),
        "malformed JSON Feed at line 5, column 48: expected `,` or `}`"
    );
}

#[test]
fn author_glued_to_an_email_address_is_recovered() {
    let feed = parse(
        "author-email-glued-to-nbsp.rss.xml",
        "https://rheumreg.example.org/feed",
    );
    let authors: Vec<Option<&str>> = feed
        .items
        .iter()
        .map(|item| item.author.as_deref())
        .collect();
    assert_eq!(authors, [Some("Dr. Jane Doe"), Some("Tom Ng")]);
}

#[test]
fn http_charset_decides_for_undeclared_documents() {
    let body = "<rss version=\"2.0\"><channel><title>Новости</title><item><title>Грипп</title></item></channel></rss>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(body);
    let feed = parse_feed(
        &bytes,
        Some("windows-1251"),
        "https://example.ru/rss",
        fetched_at(),
    )
    .expect("parsed");
    assert_eq!(feed.title.as_deref(), Some("Новости"));
    assert_eq!(feed.items[0].title, "Грипп");
}

#[test]
fn parsing_is_deterministic() {
    for name in [
        "mastodon-hashtag-sepsis.rss.xml",
        "medrxiv-infectious-diseases.rdf.xml",
        "jsonfeed-1.1-clinician-blog.json",
    ] {
        let first = parse(name, "https://example.org/feed");
        let second = parse(name, "https://example.org/feed");
        assert_eq!(first, second, "{name}");
        assert!(
            first
                .items
                .iter()
                .all(|item: &NewItem| !item.guid.is_empty())
        );
    }
}

//! The specific traps PROVENANCE.md lists for individual files of the real-feed corpus.

use super::Results;
use chrono::{DateTime, TimeZone, Utc};
use rounds::model::{NewItem, SourceKind};

/// Every quirk check; each file is looked up by name.
pub fn check(results: &Results, fetched_at: DateTime<Utc>) {
    check_dates(results, fetched_at);
    check_encodings(results);
    check_links(results);
    check_social(results);
    check_identifiers(results);
    check_enclosures(results);
    check_recovery(results);
}

/// CDC's GovDelivery extract lost its `</item>`: we close it where `</channel>` shows it
/// belonged, or say exactly where the document breaks.
fn check_recovery(results: &Results) {
    match &results["cdc-govdelivery-flu-update.EXTRACT-malformed.xml"] {
        Ok(feed) => {
            let item = &feed.items[0];
            assert_eq!(item.title, "Flu vaccine prevents pediatric deaths.");
            assert_eq!(item.guid, "27081201");
            assert_eq!(item.published, Some(utc(2017, 5, 26, 17, 0, 7)));
        }
        Err(error) => assert!(error.to_string().contains("at line 438"), "{error}"),
    }
}

fn check_dates(results: &Results, _fetched_at: DateTime<Utc>) {
    // Medscape: named zone EST, one with a double space, and no guid anywhere.
    let medscape = items(results, "medscape-family-medicine.rss.xml");
    assert_eq!(medscape.len(), 20);
    assert!(
        medscape
            .iter()
            .any(|item| item.published == Some(utc(2025, 11, 5, 18, 52, 10)))
    );
    assert!(
        medscape.iter().all(|item| item.published.is_some()),
        "Medscape date fell back"
    );
    assert!(
        medscape
            .iter()
            .all(|item| item.url.as_ref() == Some(&item.guid))
    );
    // UOL: Portuguese day and month names.
    let uol = items(results, "uol-noticias-iso-8859-1.rss.xml");
    assert_eq!(uol[0].published, Some(utc(2018, 9, 24, 22, 42, 40)));
    assert!(
        uol.iter().all(|item| item.published.is_some()),
        "UOL date fell back"
    );
    // FDA: the date is a Drupal <time datetime> element.
    let fda = items(results, "fda-drug-recalls.rss.xml");
    assert_eq!(fda[0].published, Some(utc(2019, 5, 3, 19, 21, 28)));
    // bioRxiv: date-only dc:date; Elsevier/Atypon: dc:date; MDPI: pubDate inside an RDF item.
    let biorxiv = items(results, "biorxiv-plant-biology.rdf.xml");
    assert!(biorxiv.iter().all(|item| {
        item.published
            .is_some_and(|date| date.format("%Y-%m").to_string() == "2019-08")
    }));
    assert_eq!(
        items(results, "mdpi-fluids-journal.rdf.xml")[0].published,
        Some(utc(2024, 5, 22, 0, 0, 0))
    );
    assert_eq!(
        items(results, "journal-of-pediatrics-elsevier.rdf.xml")[0].published,
        Some(utc(2018, 10, 11, 0, 0, 0))
    );
    // TypePad: +10:30 and +11:00 offsets become UTC.
    let ent = items(results, "ent-expert-opinion-typepad.atom.xml");
    assert_eq!(ent[0].published, Some(utc(2017, 4, 7, 1, 50, 50)));
}

fn check_encodings(results: &Results) {
    let uol = items(results, "uol-noticias-iso-8859-1.rss.xml");
    assert_eq!(uol.len(), 15);
    assert!(
        uol[0].title.contains("simulações de 2º turno"),
        "{}",
        uol[0].title
    );
    assert!(
        uol.iter()
            .all(|item| !item.title.contains('\u{fffd}') && !item.title.contains("Ã"))
    );
    let oren = results["iconv-windows-1251.rss.xml"]
        .as_ref()
        .expect("parsed");
    assert_eq!(
        oren.title.as_deref(),
        Some("Новости Оренбурга и области / Раздел Новости")
    );
    assert_eq!(oren.items.len(), 10);
    assert!(oren.items[0].title.starts_with("В Бузулуке"));
    let slashdot = items(results, "slashdot-iso-8859-1.rdf.xml");
    assert_eq!(slashdot.len(), 15);
    assert!(slashdot.iter().all(|item| !item.title.contains('\u{fffd}')));
    assert_eq!(
        items(results, "youtube-channel.atom.xml").len(),
        15,
        "leading blank line"
    );
}

fn check_links(results: &Results) {
    // FDA: links and guids padded with newlines and spaces.
    let fda = &items(results, "fda-drug-recalls.rss.xml")[0];
    let url = fda.url.as_deref().expect("FDA link");
    assert!(url.starts_with("http://www.fda.gov/safety/") && !url.contains(char::is_whitespace));
    assert!(!fda.title.contains("  ") && fda.title.ends_with("(NMBA) Impurity"));
    // Reddit: a relative href inside the HTML content, resolved against the entry link.
    let reddit = items(results, "reddit-r-homelab-new.atom.xml");
    let bodies = || reddit.iter().filter_map(|item| item.content.as_deref());
    assert!(bodies().all(|body| !body.contains("href=\"/r/")));
    assert!(bodies().any(|body| body.contains("href=\"https://ud.reddit.com/r/Proxmox/")));
    // Squarespace: protocol-relative iframe sources take the (http) item link's scheme.
    let katie = items(results, "katie-floyd-squarespace-blog.rss.xml");
    let bodies = || {
        katie
            .iter()
            .flat_map(|item| [item.summary.as_deref(), item.content.as_deref()])
            .flatten()
    };
    assert!(bodies().all(|body| !body.contains("src=\"//")));
    assert!(bodies().any(|body| body.contains("src=\"http://www.youtube.com/embed/")));
    // Daring Fireball: `url` (the permalink) wins over `external_url`.
    let fireball = items(results, "daringfireball.jsonfeed-1.0.json");
    assert_eq!(fireball.len(), 48);
    assert!(fireball.iter().all(|item| {
        item.url
            .as_deref()
            .is_some_and(|url| url.starts_with("https://daringfireball.net/"))
    }));
}

fn check_social(results: &Results) {
    let kind = |name: &str| results[name].as_ref().expect("parsed").kind;
    assert_eq!(
        kind("mastodon-account-click-ba-it.rss.xml"),
        SourceKind::Mastodon
    );
    assert_eq!(
        kind("bluesky-profile-kaedotcom.rss.xml"),
        SourceKind::Bluesky
    );
    assert_eq!(kind("reddit-r-homelab-new.atom.xml"), SourceKind::Atom);
    assert_eq!(kind("journal-3960-org.jsonfeed-1.1.json"), SourceKind::Json);
    assert_eq!(
        kind("scripting-news-untitled-items.rss.xml"),
        SourceKind::Rss
    );
    // Bluesky: no title, a date without weekday or seconds.
    let bluesky = &items(results, "bluesky-profile-kaedotcom.rss.xml")[0];
    assert!(bluesky.title.starts_with("But the Starlink hardware"));
    assert_eq!(bluesky.published, Some(utc(2026, 1, 14, 16, 33, 0)));
    // Mastodon: untitled posts, hashtags as categories.
    let mastodon = items(results, "mastodon-account-click-ba-it.rss.xml");
    assert_eq!(mastodon.len(), 12);
    assert_eq!(mastodon[0].title, "I really can't decide");
    assert!(
        mastodon
            .iter()
            .any(|item| item.categories.iter().any(|tag| tag == "blogging"))
    );
    // Scripting News: 39 of 50 items untitled; their titles come from the text.
    let scripting = items(results, "scripting-news-untitled-items.rss.xml");
    assert_eq!(scripting.len(), 50);
    assert!(
        scripting
            .iter()
            .all(|item| item.title != "(untitled)" && item.title.chars().count() <= 100)
    );
    assert!(
        scripting
            .iter()
            .any(|item| item.title == "Good morning students and teachers!")
    );
}

fn check_identifiers(results: &Results) {
    let biorxiv = items(results, "biorxiv-plant-biology.rdf.xml");
    assert_eq!(biorxiv.len(), 30);
    assert!(biorxiv.iter().all(|item| {
        item.doi
            .as_deref()
            .is_some_and(|doi| doi.starts_with("10.1101/"))
    }));
    let jpeds = &items(results, "journal-of-pediatrics-elsevier.rdf.xml")[0];
    assert_eq!(jpeds.doi.as_deref(), Some("10.1016/j.jpeds.2018.08.009"));
    let mdpi = &items(results, "mdpi-fluids-journal.rdf.xml")[0];
    assert_eq!(mdpi.doi.as_deref(), Some("10.3390/fluids9060120"));
}

fn check_enclosures(results: &Results) {
    let atp = items(results, "atp-podcast-enclosures.rss.xml");
    assert_eq!(atp.len(), 100);
    assert!(
        atp.iter()
            .all(|item| item.enclosure_type.as_deref() == Some("audio/mpeg"))
    );
    let ent = items(results, "ent-expert-opinion-typepad.atom.xml");
    assert!(ent.iter().any(|item| {
        item.enclosure_url
            .as_deref()
            .is_some_and(|url| url.ends_with(".mp3"))
    }));
    let anchor = &items(results, "anchorfm-special-needs-podcast.rss.xml")[0];
    assert_eq!(anchor.enclosure_type.as_deref(), Some("audio/x-m4a"));
    let mastodon = items(results, "mastodon-account-click-ba-it.rss.xml");
    assert!(
        mastodon
            .iter()
            .any(|item| item.enclosure_type.as_deref() == Some("image/jpeg"))
    );
}

fn utc(year: i32, month: u32, day: u32, hour: u32, minute: u32, second: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(year, month, day, hour, minute, second)
        .single()
        .expect("valid date")
}

fn items<'a>(results: &'a Results, name: &str) -> &'a [NewItem] {
    match results.get(name) {
        Some(Ok(feed)) => &feed.items,
        Some(Err(error)) => panic!("{name}: {error}"),
        None => panic!("{name} missing from the corpus"),
    }
}

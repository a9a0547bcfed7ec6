//! Ingests the real-world feed corpus in `/work/shared/feeds/real/` (see its PROVENANCE.md)
//! when it is present. Run with `--nocapture` to see `file: N items` for each document.

use chrono::{DateTime, Duration, TimeZone, Utc};
use rounds::fetch::parse::{ParseError, ParsedFeed, in_parse, parse_feed};
use rounds::model::{NewItem, SourceKind};
use rounds::text::sanitize_line;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const MALFORMED_SUFFIX: &str = ".EXTRACT-malformed.xml";

/// The corpus folder: `ROUNDS_REAL_FEEDS`, else `shared/feeds/real` next to the repository
/// (the main checkout) or next to its parent folder (a worktree under `wt/`).
fn corpus_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("ROUNDS_REAL_FEEDS") {
        return Some(PathBuf::from(dir)).filter(|dir| dir.is_dir());
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["../shared/feeds/real", "../../shared/feeds/real"]
        .iter()
        .map(|relative| manifest.join(relative))
        .find(|dir| dir.is_dir())
}

/// Where each document was served from, so relative links resolve as they would in use.
fn feed_url(file: &str) -> String {
    match file {
        "reddit-r-homelab-new.atom.xml" => "https://www.reddit.com/r/homelab/new/.rss".into(),
        "bluesky-profile-kaedotcom.rss.xml" => {
            "https://bsky.app/profile/kaedotcom.bsky.social/rss".into()
        }
        "mastodon-account-click-ba-it.rss.xml" => "https://click.ba.it/@jason.rss".into(),
        "katie-floyd-squarespace-blog.rss.xml" => {
            "https://www.katiefloyd.com/blog?format=rss".into()
        }
        other => format!("https://feeds.example.net/{other}"),
    }
}

type Results = BTreeMap<String, Result<ParsedFeed, ParseError>>;

fn ingest_all(dir: &Path, fetched_at: DateTime<Utc>) -> Results {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("readable corpus folder")
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| ext == "xml" || ext == "json")
        })
        .collect();
    files.sort();
    let mut results = Results::new();
    for path in files {
        let name = path
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or_default()
            .to_string();
        let body = std::fs::read(&path).expect("readable feed file");
        let parsed = parse_feed(&body, None, &feed_url(&name), fetched_at);
        assert!(!in_parse(), "{name}: parse flag left raised");
        match &parsed {
            Ok(feed) => println!(
                "{name}: {} items ({})",
                feed.items.len(),
                feed.kind.as_str()
            ),
            Err(error) => println!("{name}: error: {error}"),
        }
        results.insert(name, parsed);
    }
    results
}

#[test]
fn real_feeds() {
    let Some(dir) = corpus_dir() else {
        println!("real feed corpus not found (set ROUNDS_REAL_FEEDS); skipping");
        return;
    };
    let fetched_at = Utc::now();
    let results = ingest_all(&dir, fetched_at);
    assert!(
        results.len() >= 20,
        "expected the whole corpus, found {}",
        results.len()
    );
    for (name, parsed) in &results {
        if name.ends_with(MALFORMED_SUFFIX) {
            check_malformed(name, parsed);
        } else {
            let feed = parsed
                .as_ref()
                .unwrap_or_else(|error| panic!("{name}: {error}"));
            check_well_formed(name, feed, fetched_at);
        }
    }
    check_quirks(&results, fetched_at);
}

fn check_malformed(name: &str, parsed: &Result<ParsedFeed, ParseError>) {
    match parsed {
        Ok(feed) => assert!(!feed.items.is_empty(), "{name}: recovered but empty"),
        Err(error) => assert!(
            error.to_string().contains("line"),
            "{name}: unclear error {error}"
        ),
    }
}

fn check_well_formed(name: &str, feed: &ParsedFeed, fetched_at: DateTime<Utc>) {
    assert!(!feed.items.is_empty(), "{name}: no items");
    let earliest = Utc
        .with_ymd_and_hms(1990, 1, 1, 0, 0, 0)
        .single()
        .expect("date");
    for item in &feed.items {
        assert!(!item.title.is_empty(), "{name}: empty title in {item:?}");
        assert_eq!(
            item.title,
            sanitize_line(&item.title),
            "{name}: unsanitized title"
        );
        assert!(!item.guid.is_empty(), "{name}: empty guid");
        if let Some(url) = &item.url {
            assert!(
                url.starts_with("http://") || url.starts_with("https://"),
                "{name}: link {url}"
            );
        }
        let published = item
            .published
            .unwrap_or_else(|| panic!("{name}: no date on {}", item.title));
        assert!(published > earliest, "{name}: {published} too early");
        assert!(
            published <= fetched_at + Duration::days(1),
            "{name}: {published} in the future"
        );
    }
}

/// The specific traps PROVENANCE.md lists for individual files.
fn check_quirks(results: &Results, fetched_at: DateTime<Utc>) {
    check_dates(results, fetched_at);
    check_encodings(results);
    check_links(results);
    check_social(results);
    check_identifiers(results);
    check_enclosures(results);
}

fn check_dates(results: &Results, fetched_at: DateTime<Utc>) {
    // Medscape: named zone EST, one with a double space, and no guid anywhere.
    let medscape = items(results, "medscape-family-medicine.rss.xml");
    assert_eq!(medscape.len(), 20);
    assert!(
        medscape
            .iter()
            .any(|item| item.published == Some(utc(2025, 11, 5, 18, 52, 10)))
    );
    assert!(
        medscape
            .iter()
            .all(|item| item.published != Some(fetched_at)),
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
        uol.iter().all(|item| item.published != Some(fetched_at)),
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

use super::*;

fn no_bridges() -> BTreeMap<String, String> {
    BTreeMap::new()
}

fn url_of(target: &str) -> String {
    resolve(target, Path::new("/"), &no_bridges()).unwrap().url
}

#[test]
fn social_forms_become_their_feeds() {
    let cases = [
        (
            "@ericdoc@mastodon.social",
            "https://mastodon.social/@ericdoc.rss",
        ),
        ("#DocTocToc@mamot.fr", "https://mamot.fr/tags/DocTocToc.rss"),
        ("r/medicine", "https://www.reddit.com/r/medicine/.rss"),
        (
            "drjane.bsky.social",
            "https://bsky.app/profile/drjane.bsky.social/rss",
        ),
        ("@drokafor.com", "https://bsky.app/profile/drokafor.com/rss"),
        (
            "bsky:Drokafor.com",
            "https://bsky.app/profile/drokafor.com/rss",
        ),
        (
            "https://bsky.app/profile/drjane.bsky.social",
            "https://bsky.app/profile/drjane.bsky.social/rss",
        ),
        (
            "https://bsky.app/profile/did:plc:4x7qkz2m5vw3jdp8yhnb6tce",
            "https://bsky.app/profile/did:plc:4x7qkz2m5vw3jdp8yhnb6tce/rss",
        ),
        (
            "did:plc:4x7qkz2m5vw3jdp8yhnb6tce",
            "https://bsky.app/profile/did:plc:4x7qkz2m5vw3jdp8yhnb6tce/rss",
        ),
        (
            "https://mastodon.social/@hokafor@med-mastodon.com",
            "https://med-mastodon.com/@hokafor.rss",
        ),
        (
            "https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv",
            "https://www.youtube.com/feeds/videos.xml?channel_id=UCabcdefghijklmnopqrstuv",
        ),
        (
            "https://medium.com/@drnash",
            "https://medium.com/feed/@drnash",
        ),
        (
            "https://www.nejm.org/action/showFeed?jc=nejm&type=etoc",
            "https://www.nejm.org/action/showFeed?jc=nejm&type=etoc",
        ),
    ];
    for (target, feed) in cases {
        assert_eq!(url_of(target), feed, "{target}");
    }
}

#[test]
fn pages_and_bare_domains_go_to_discovery() {
    let page = resolve("www.nejm.org", Path::new("/"), &no_bridges()).unwrap();
    assert_eq!(page.url, "https://www.nejm.org/");
    assert!(page.discover);
    let profile = resolve(
        "https://med-mastodon.com/@hokafor",
        Path::new("/"),
        &no_bridges(),
    );
    assert!(
        profile.unwrap().discover,
        "profile pages carry their feed link"
    );
    let feed = resolve("@ericdoc@mastodon.social", Path::new("/"), &no_bridges()).unwrap();
    assert!(!feed.discover);
}

#[test]
fn walled_networks_explain_without_a_bridge() {
    for target in [
        "https://x.com/CDCgov",
        "https://twitter.com/CDCgov/status/1234",
        "x:CDCgov",
        "@CDCgov@x.com",
        "https://www.instagram.com/who/",
        "https://www.facebook.com/groups/icu.nurses.uk",
        "https://www.threads.net/@nhsengland",
        "https://www.linkedin.com/company/nice",
    ] {
        let error = resolve(target, Path::new("/"), &no_bridges()).unwrap_err();
        let TargetError::NoFeed(walled) = &error else {
            panic!("{target}: {error:?}");
        };
        let text = error.to_string();
        assert_eq!(text.lines().count(), 4, "{text}");
        assert!(
            text.contains("Mastodon or Bluesky") && text.contains("[bridges]"),
            "{text}"
        );
        assert!(text.contains("private groups"), "{text}");
        assert!(!walled.name.is_empty());
    }
}

#[test]
fn a_bridge_template_subscribes_and_remembers_the_origin() {
    let bridges = BTreeMap::from([(
        "x".to_string(),
        "https://bridge.example/?bridge=XBridge&u={user}&format=Atom".to_string(),
    )]);
    let resolved = resolve("https://x.com/CDCgov", Path::new("/"), &bridges).unwrap();
    assert_eq!(
        resolved.url,
        "https://bridge.example/?bridge=XBridge&u=CDCgov&format=Atom"
    );
    assert_eq!(resolved.origin.as_deref(), Some("https://x.com/CDCgov"));
    assert_eq!(resolved.category, Some("social"));
    let by_url = BTreeMap::from([(
        "instagram".to_string(),
        "https://rss.example/feed?src={url}".to_string(),
    )]);
    let resolved = resolve("instagram:who", Path::new("/"), &by_url).unwrap();
    assert_eq!(
        resolved.url,
        "https://rss.example/feed?src=https%3A%2F%2Fwww.instagram.com%2Fwho"
    );
}

#[test]
fn other_things_are_refused_clearly() {
    let refuse = |target: &str| resolve(target, Path::new("/"), &no_bridges()).unwrap_err();
    assert!(matches!(refuse("ftp://x.org/feed"), TargetError::Scheme(_)));
    assert!(matches!(refuse("not a feed"), TargetError::Unrecognised(_)));
    assert!(matches!(refuse("@nobody"), TargetError::AmbiguousHandle(_)));
    assert!(matches!(refuse("https://"), TargetError::BadUrl(..)));
    let pubmed = refuse("https://pubmed.ncbi.nlm.nih.gov/?term=sepsis+lactate");
    assert!(matches!(pubmed, TargetError::PubMedSearch(_)));
    assert!(pubmed.to_string().contains("Create RSS"), "{pubmed}");
    assert_eq!(
        refuse("https://x.example/\u{1b}[31m"),
        TargetError::Control(0x1b)
    );
}

#[test]
fn files_become_absolute_paths() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("feed.xml"), "<rss/>").unwrap();
    let resolved = resolve("feed.xml", dir.path(), &no_bridges()).unwrap();
    assert!(Path::new(&resolved.url).is_absolute() && resolved.url.ends_with("feed.xml"));
}

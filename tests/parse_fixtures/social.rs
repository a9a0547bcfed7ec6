//! Mastodon, Bluesky and a JSON Feed blog: untitled posts, social kinds, attachments.

use super::*;

#[test]
fn mastodon_hashtag_feed_with_untitled_posts() {
    let feed = parse(
        "mastodon-hashtag-sepsis.rss.xml",
        "https://med-mastodon.com/tags/sepsis.rss",
    );
    assert_eq!(feed.kind, SourceKind::Mastodon);
    assert_eq!(
        feed.items[0].title,
        "Night shift reminder: reassess lactate within 2 h if the first one was >2 mmol/L"
    );
    assert_eq!(feed.items[0].categories, ["sepsis", "icu"]);
    let paper = &feed.items[1];
    assert!(
        paper.title.ends_with('…') && paper.title.chars().count() <= 100,
        "{}",
        paper.title
    );
    assert_eq!(paper.doi.as_deref(), Some("10.1056/NEJMoa2406789"));
    assert_eq!(paper.enclosure_type.as_deref(), Some("image/png"));
    assert!(
        paper
            .summary
            .as_deref()
            .is_some_and(|s| s.contains("image: Forest plot of 90-day mortality by subgroup</a>")),
        "the author's description labels the link"
    );
    let media_only = &feed.items[2];
    assert_eq!(
        media_only.title,
        "https://med-mastodon.com/@pharm_alex/114657000011112222"
    );
    let attached = media_only.summary.as_deref().unwrap_or_default();
    assert!(
        attached.starts_with("<p>Attached:</p><ol><li><a href=\"https://files.med-mastodon.com/")
            && attached.contains("antibiogram.jpg\">image</a>"),
        "media are numbered links: {attached}"
    );
    assert_eq!(media_only.enclosure_type.as_deref(), Some("image/jpeg"));
}

#[test]
fn bluesky_profile_posts() {
    let feed = parse(
        "bluesky-profile.rss.xml",
        "https://bsky.app/profile/dr-ana-em.bsky.social/rss",
    );
    assert_eq!(feed.kind, SourceKind::Bluesky);
    assert_eq!(
        titles(&feed),
        [
            "Three patients tonight with the same viral rash",
            "[contains quote post or other embedded content]"
        ]
    );
    assert_eq!(feed.items[0].published, Some(utc(2025, 6, 10, 2, 41, 0)));
    assert_eq!(feed.items[1].published, Some(utc(2025, 6, 9, 18, 7, 0)));
    assert!(feed.items[0].guid.starts_with("at://did:plc:"));
}

#[test]
fn json_feed_11_blog() {
    let feed = parse(
        "jsonfeed-1.1-clinician-blog.json",
        "https://nightregistrar.example.blog/feed.json",
    );
    assert_eq!(feed.kind, SourceKind::Json);
    assert_eq!(
        feed.site_url.as_deref(),
        Some("https://nightregistrar.example.blog/")
    );
    let pathway = &feed.items[0];
    assert_eq!(
        pathway.url.as_deref(),
        Some("https://nightregistrar.example.blog/2025/06/hyperkalaemia-pathway/"),
        "url, not external_url"
    );
    assert_eq!(pathway.author.as_deref(), Some("Dr Sam Okonjo"));
    assert_eq!(pathway.categories, ["acute medicine", "renal", "QI"]);
    assert_eq!(pathway.published, Some(utc(2025, 6, 8, 20, 14, 0)));
    assert_eq!(pathway.updated, Some(utc(2025, 6, 9, 7, 2, 0)));
    assert!(pathway.content.as_deref().is_some_and(|c| {
        c.contains("href=\"https://nightregistrar.example.blog/2024/06/insulin-dextrose/\"")
    }));
    let microblog = &feed.items[1];
    assert_eq!(
        microblog.title,
        "Reminder that a normal CRP at 2 hours does not rule out anything"
    );
    assert_eq!(microblog.guid, "mb-2025-06-07-2210");
    let episode = &feed.items[2];
    assert_eq!(
        episode.published, None,
        "2099 is in the future: no usable date"
    );
    assert_eq!(
        episode.enclosure_url.as_deref(),
        Some("https://cdn.example.blog/audio/episode-12.mp3")
    );
    assert_eq!(episode.enclosure_type.as_deref(), Some("audio/mpeg"));
}

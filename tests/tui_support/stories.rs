//! The river as stories: the same NEJM trial in four feeds, badges, and the reader's versions.

use super::{article_item, key, loaded_app, now, river_generation, rows};
use chrono::Duration;
use rounds::model::{Item, ItemId, ItemSummary, SourceId};
use rounds::tui::app::{App, Msg};
use rounds::tui::protocol::Event;

/// The river as stories: the NEJM trial is in four feeds, a medRxiv preprint and a retracted
/// Lancet paper carry their badges.
pub fn story_rows(count: usize) -> Vec<ItemSummary> {
    let mut rows = rows(count);
    for row in rows.iter_mut() {
        match row.id.0 {
            3 => row.story.versions = 4,
            6 => row.evidence.preprint = true,
            10 => {
                row.story.versions = 2;
                row.evidence.notice = Some(rounds::model::Notice::Retraction);
            }
            11 => row.evidence.preprint = true,
            _ => {}
        }
    }
    rows
}

/// The NEJM trial with its bibliographic fields, as the journal's feed gives it.
pub fn story_article_item() -> Item {
    let mut item = article_item();
    item.paper = rounds::model::Paper {
        authors: vec![
            "J. Butler".into(),
            "S.S. Jones".into(),
            "M.C. Petrie".into(),
        ],
        journal: Some("New England Journal of Medicine".into()),
        volume: Some("390".into()),
        issue: Some("16".into()),
        pages: Some("1455-1466".into()),
        article_type: Some("Original Article".into()),
        ncts: vec!["NCT04509674".into()],
        role: rounds::model::PaperRole::Own,
        ..rounds::model::Paper::default()
    };
    item.story.versions = 4;
    item
}

/// The versions of the NEJM trial: the journal (read now), PubMed, the preprint, a post.
pub fn story_versions() -> Vec<rounds::model::Version> {
    let version =
        |id: i64, source: &str, title: &str, hours: i64, preprint: bool| rounds::model::Version {
            id: ItemId(id),
            source_id: SourceId(id),
            source_title: source.into(),
            category: None,
            title: title.into(),
            url: Some(format!("https://example.org/{id}")),
            published: Some(now() - Duration::hours(hours)),
            read: true,
            evidence: rounds::model::Evidence {
                preprint,
                notice: None,
            },
            lead: id == 3,
        };
    vec![
        version(
            3,
            "NEJM",
            "Empagliflozin after Acute Myocardial Infarction",
            3,
            false,
        ),
        version(
            301,
            "PubMed: SGLT2 in MI",
            "Empagliflozin after Acute Myocardial Infarction.",
            30,
            false,
        ),
        version(
            302,
            "medRxiv",
            "Empagliflozin after myocardial infarction: the EMPACT-MI trial",
            900,
            true,
        ),
        version(
            303,
            "@cardio_jane@med-mastodon.com",
            "EMPACT-MI is out: no significant reduction in HF hospitalisation or death…",
            2,
            false,
        ),
    ]
}

/// An app whose river shows stories (`story_rows`), in lane All after a visit to Unread.
pub fn story_app(width: u16, height: u16) -> App {
    let mut app = loaded_app(width, height);
    for lane in ['2', '1'] {
        let generation = river_generation(&app.update(Msg::Key(key(lane))));
        app.update(Msg::Worker(Event::RiverLoaded {
            generation,
            total: 1_180,
            offset: 0,
            rows: story_rows(200),
        }));
    }
    app
}

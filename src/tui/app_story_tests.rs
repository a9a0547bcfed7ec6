//! The story keys without a terminal: identifiers, the flat river, versions, export.

use super::tests::{app_with_rows, char_key, commands, key};
use super::*;
use crate::model::{Evidence, Mark, SourceId, Version};
use crate::test_fixtures::{item, now};
use crate::tui::status;
use ratatui::crossterm::event::KeyCode;

fn opened(effects: &[Effect]) -> Vec<String> {
    effects
        .iter()
        .filter_map(|effect| match effect {
            Effect::OpenUrl(url) => Some(url.clone()),
            _ => None,
        })
        .collect()
}

fn version(id: i64, source: &str, read: bool) -> Version {
    Version {
        id: ItemId(id),
        source_id: SourceId(id),
        source_title: source.into(),
        category: None,
        title: format!("Version {id}"),
        url: Some(format!("https://example.org/{id}")),
        published: Some(now()),
        read,
        evidence: Evidence::default(),
        lead: id == 1,
    }
}

#[test]
fn identifier_keys_open_doi_pubmed_and_trial_pages() {
    let mut app = app_with_rows(5);
    app.river.rows[0].doi = Some("10.1056/NEJMoa2611487".into());
    app.river.rows[0].pmid = Some("42318806".into());
    assert_eq!(
        opened(&app.update(char_key('D'))),
        ["https://doi.org/10.1056/NEJMoa2611487"]
    );
    assert_eq!(
        opened(&app.update(char_key('P'))),
        ["https://pubmed.ncbi.nlm.nih.gov/42318806/"]
    );
    assert!(opened(&app.update(char_key('T'))).is_empty());
    assert_eq!(
        app.status.message,
        Some(status::Message::Info(
            "This item names no ClinicalTrials.gov registration".into()
        ))
    );
}

#[test]
fn equals_switches_between_stories_and_the_flat_river() {
    let mut app = app_with_rows(5);
    assert!(app.river.wanted.stories, "stories by default");
    let sent = commands(&app.update(char_key('=')));
    let Some(Command::LoadRiver { query, .. }) = sent.first() else {
        panic!("a reload: {sent:?}")
    };
    assert!(!query.stories);
    let sent = commands(&app.update(char_key('=')));
    assert!(matches!(sent.first(), Some(Command::LoadRiver { query, .. }) if query.stories));
}

#[test]
fn v_reads_the_next_version_and_wraps() {
    let mut app = app_with_rows(5);
    app.update(key(KeyCode::Enter));
    let first = app.reader.as_ref().unwrap().id;
    app.update(Msg::Worker(Event::ItemLoaded(Box::new(item(
        first.0, "<p>x</p>",
    )))));
    let versions = vec![version(first.0, "NEJM", true), version(40, "PubMed", false)];
    app.update(Msg::Worker(Event::VersionsLoaded {
        id: first,
        versions,
    }));
    let lines: Vec<String> = app
        .reader
        .as_ref()
        .unwrap()
        .article
        .as_ref()
        .unwrap()
        .lines
        .iter()
        .map(|line| line.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Versions (2) · v reads the next")),
        "{lines:#?}"
    );
    let sent = commands(&app.update(char_key('v')));
    assert_eq!(
        sent,
        [
            Command::LoadItem(ItemId(40)),
            Command::Mark {
                ids: vec![ItemId(40)],
                mark: Mark::Read
            }
        ]
    );
    assert_eq!(app.reader.as_ref().unwrap().id, ItemId(40));
    let sent = commands(&app.update(char_key('v')));
    assert_eq!(
        sent,
        [Command::LoadItem(first)],
        "round to the first, already read"
    );
}

#[test]
fn e_asks_for_a_file_and_exports_what_is_shown() {
    let mut app = app_with_rows(5);
    app.update(char_key('e'));
    assert!(app.exporting.is_some());
    for _ in 0..3 {
        app.update(key(KeyCode::Backspace));
    }
    for c in "txt".chars() {
        app.update(char_key(c));
    }
    assert!(commands(&app.update(key(KeyCode::Enter))).is_empty());
    let error = app.exporting.as_ref().unwrap().error.clone();
    assert!(error.unwrap().contains(".ris"));
    for _ in 0..3 {
        app.update(key(KeyCode::Backspace));
    }
    for c in "bib".chars() {
        app.update(char_key(c));
    }
    let sent = commands(&app.update(key(KeyCode::Enter)));
    assert_eq!(
        sent,
        [Command::Export {
            query: app.river.shown.clone(),
            path: "~/rounds-export.bib".into()
        }]
    );
    assert!(app.exporting.is_none());
    app.update(Msg::Worker(Event::Exported {
        path: "/home/me/rounds-export.bib".into(),
        count: 5,
        format: "BibTeX",
        papers: true,
    }));
    assert_eq!(
        app.status.message,
        Some(status::Message::Info(
            "Exported 5 references to /home/me/rounds-export.bib (BibTeX)".into()
        ))
    );
    app.update(char_key('e'));
    assert_eq!(
        app.exporting.as_ref().unwrap().input.text(),
        "~/rounds-export.bib",
        "the last name is offered again"
    );
    app.update(key(KeyCode::Esc));
    assert!(app.exporting.is_none());
}

#[test]
fn reading_a_story_applies_the_marks_of_all_its_versions() {
    let mut app = app_with_rows(5);
    let ids: Vec<ItemId> = app.river.rows.iter().map(|row| row.id).take(3).collect();
    app.update(Msg::Worker(Event::Marked {
        ids: ids.clone(),
        mark: Mark::Read,
    }));
    assert!(app.river.rows.iter().take(3).all(|row| row.read));
    assert!(!app.river.rows[3].read);
}

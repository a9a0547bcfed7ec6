//! The main screens, drawn on a TestBackend with a fixed `now`.

mod tui_support;

use chrono::Duration;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use rounds::config::Config;
use rounds::model::SourceId;
use rounds::query::QueryError;
use rounds::sync::progress::{Progress, SourceOutcome, SourceReport};
use rounds::tui::app::{App, Msg};
use rounds::tui::protocol::Event;
use tui_support::{
    article_item, draw, key, loaded_app, now, pinned_rows, river_generation, story_app,
    story_article_item, story_versions, watches,
};

fn open_article(app: &mut App) {
    // The third row is the NEJM article.
    app.update(Msg::Key(key('j')));
    app.update(Msg::Key(key('j')));
    app.update(Msg::Key(KeyEvent::from(KeyCode::Enter)));
    app.update(Msg::Worker(Event::ItemLoaded(Box::new(article_item()))));
}

#[test]
fn river_80x24() {
    let mut app = loaded_app(80, 24);
    app.update(Msg::Key(key('j')));
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn river_wide_160x40() {
    let app = loaded_app(160, 40);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn reader_80x24() {
    let mut app = loaded_app(80, 24);
    open_article(&mut app);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn reader_scrolled_to_links_80x24() {
    let mut app = loaded_app(80, 24);
    open_article(&mut app);
    app.update(Msg::Key(key('G')));
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn reader_beside_river_160x40() {
    let mut app = loaded_app(160, 40);
    open_article(&mut app);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn help_80x24() {
    let mut app = loaded_app(80, 24);
    app.update(Msg::Key(key('?')));
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn filter_error_80x24() {
    let mut app = loaded_app(80, 24);
    app.update(Msg::Key(key('/')));
    let query = "sglt2 OR (heart";
    let mut generation = 0;
    for c in query.chars() {
        generation = river_generation(&app.update(Msg::Key(key(c))));
    }
    // The error the parser really gives, as the worker would send it.
    let error = rounds::query::parse(query).expect_err("an unclosed parenthesis");
    app.update(Msg::Worker(Event::RiverRejected { generation, error }));
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn empty_state_80x24() {
    let config = Config {
        refresh_on_start: false,
        ..Config::default()
    };
    let mut app = App::new(&config, now(), 80, 24);
    let generation = river_generation(&app.start());
    app.update(Msg::Worker(Event::SourcesLoaded(Vec::new())));
    app.update(Msg::Worker(Event::RiverLoaded {
        generation,
        total: 0,
        offset: 0,
        rows: Vec::new(),
    }));
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn refresh_in_progress_80x24() {
    let mut app = loaded_app(80, 24);
    app.update(Msg::Key(key('R')));
    app.update(Msg::Worker(Event::Refresh(Progress::Started { total: 8 })));
    for (id, outcome) in [
        (1, SourceOutcome::Updated { new: 4, updated: 1 }),
        (2, SourceOutcome::NotModified),
        (
            5,
            SourceOutcome::Failed {
                error: "HTTP 503".into(),
            },
        ),
    ] {
        let report = SourceReport {
            source_id: SourceId(id),
            title: format!("source {id}"),
            url: format!("https://feeds.example.org/{id}.xml"),
            outcome,
        };
        app.update(Msg::Worker(Event::Refresh(Progress::SourceFinished(
            report,
        ))));
    }
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn tag_prompt_80x24() {
    let mut app = loaded_app(80, 24);
    app.update(Msg::Worker(Event::TagsLoaded(vec![
        "cardio".into(),
        "cardiology".into(),
        "infectious".into(),
        "journal-club".into(),
    ])));
    app.update(Msg::Key(key('t')));
    app.update(Msg::Key(key('c')));
    app.update(Msg::Key(key('a')));
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn relative_times_follow_the_clock() {
    // The newest row, an hour old at `now`; other rows are days old already, so the whole
    // screen containing "2d" would prove nothing.
    let newest_row = |app: &App| {
        let screen = draw(app).backend().to_string();
        screen
            .lines()
            .nth(1)
            .expect("the first river row")
            .to_string()
    };
    let mut app = loaded_app(80, 24);
    let before = newest_row(&app);
    assert!(
        before.contains(" 1h ") && !before.contains(" 2d "),
        "{before}"
    );
    app.update(Msg::Tick(now() + Duration::days(2)));
    let after = newest_row(&app);
    assert!(after.contains(" 2d ") && !after.contains(" 1h "), "{after}");
}

/// Tiny or odd terminals never panic, whatever is open.
#[test]
fn any_size_draws_without_panic() {
    for (width, height) in [
        (1, 1),
        (8, 3),
        (20, 5),
        (45, 12),
        (79, 23),
        (119, 30),
        (250, 70),
    ] {
        let mut app = loaded_app(80, 24);
        app.update(Msg::Resize { width, height });
        draw(&app);
        open_article(&mut app);
        draw(&app);
        app.update(Msg::Key(key('t')));
        draw(&app);
        app.update(Msg::Key(KeyEvent::from(KeyCode::Esc)));
        app.update(Msg::Key(key('/')));
        let generation = river_generation(&app.update(Msg::Key(key('('))));
        let error = QueryError {
            column: 1,
            message: "unclosed parenthesis".into(),
        };
        app.update(Msg::Worker(Event::RiverRejected { generation, error }));
        assert!(app.filter.error.is_some());
        draw(&app);
        app.update(Msg::Key(KeyEvent::from(KeyCode::Enter)));
        app.update(Msg::Key(key('?')));
        draw(&app);
    }
}

/// Story rows: `+3` for the trial in four feeds, the preprint and retraction badges.
#[test]
fn river_stories_80x24() {
    let mut app = story_app(80, 24);
    app.update(Msg::Key(key('j')));
    let screen = draw(&app);
    let text = screen.backend().to_string();
    assert!(text.contains("+3"), "{text}");
    assert!(text.contains("RETRACTED"), "{text}");
    assert!(text.contains("preprint"), "{text}");
    insta::assert_snapshot!(screen.backend());
}

fn open_story(app: &mut App) {
    app.update(Msg::Key(key('j')));
    app.update(Msg::Key(key('j')));
    app.update(Msg::Key(KeyEvent::from(KeyCode::Enter)));
    app.update(Msg::Worker(Event::ItemLoaded(Box::new(
        story_article_item(),
    ))));
    app.update(Msg::Worker(Event::VersionsLoaded {
        id: rounds::model::ItemId(3),
        versions: story_versions(),
    }));
}

/// The reader lists every version of the story, the one being read marked.
#[test]
fn reader_versions_80x24() {
    let mut app = story_app(80, 24);
    open_story(&mut app);
    let text = draw(&app).backend().to_string();
    assert!(text.contains("Versions (4)"), "{text}");
    insta::assert_snapshot!(draw(&app).backend());
}

/// A preprint whose story was retracted: both badges, on top of the article.
#[test]
fn reader_badges_80x24() {
    let mut app = story_app(80, 24);
    app.update(Msg::Key(key('j')));
    app.update(Msg::Key(key('j')));
    app.update(Msg::Key(KeyEvent::from(KeyCode::Enter)));
    let mut item = story_article_item();
    item.evidence.preprint = true;
    app.update(Msg::Worker(Event::ItemLoaded(Box::new(item))));
    let mut versions = story_versions();
    versions[1].evidence.notice = Some(rounds::model::Notice::Retraction);
    versions[1].title = "Retracted: Empagliflozin after Acute Myocardial Infarction.".into();
    app.update(Msg::Worker(Event::VersionsLoaded {
        id: rounds::model::ItemId(3),
        versions,
    }));
    let text = draw(&app).backend().to_string();
    assert!(
        text.contains("Retracted") && text.contains("Preprint, not peer reviewed"),
        "{text}"
    );
    insta::assert_snapshot!(draw(&app).backend());
}

/// The loaded app with its watches and two urgent items pinned.
fn watching_app(width: u16, height: u16) -> App {
    let mut app = loaded_app(width, height);
    app.update(Msg::Worker(Event::WatchesLoaded(watches())));
    app.update(Msg::Worker(Event::PinnedLoaded(pinned_rows())));
    app
}

#[test]
fn pinned_urgent_lane_80x24() {
    let mut app = watching_app(80, 24);
    // Up from the river's first row: into the pinned lane.
    app.update(Msg::Key(key('k')));
    assert_eq!(app.pinned.selected, Some(1));
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn watches_group_100x30() {
    let mut app = watching_app(100, 30);
    app.update(Msg::Key(KeyEvent::from(KeyCode::Tab)));
    app.update(Msg::Key(key('j')));
    app.update(Msg::Key(key('j')));
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn watch_editor_80x24() {
    let mut app = watching_app(80, 24);
    app.update(Msg::Key(key('W')));
    app.update(Msg::Key(key('j')));
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn watch_editor_naming_the_filter_80x24() {
    let mut app = watching_app(80, 24);
    app.update(Msg::Key(key('/')));
    for c in "\"blood donation\" OR donors".chars() {
        app.update(Msg::Key(key(c)));
    }
    app.update(Msg::Key(KeyEvent::from(KeyCode::Enter)));
    app.update(Msg::Key(key('W')));
    app.update(Msg::Key(key('n')));
    for c in "donors".chars() {
        app.update(Msg::Key(key(c)));
    }
    insta::assert_snapshot!(draw(&app).backend());
}

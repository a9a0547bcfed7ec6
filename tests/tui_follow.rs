//! The sources panels of the newsfeed, drawn on a TestBackend with a fixed `now`: the add
//! prompt (and its explanation of a network without feeds), the chooser, the editor, the
//! health view and the first-run starter offer.

mod tui_support;

use chrono::Duration;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use rounds::config::Config;
use rounds::tui::app::{App, Effect, Msg};
use rounds::tui::protocol::{Command, Event, FeedChoice, Pick};
use tui_support::{draw, key, loaded_app, now, river_generation, sent};

fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in text.chars() {
        effects = app.update(Msg::Key(key(c)));
    }
    effects
}

fn enter(app: &mut App) -> Vec<Effect> {
    app.update(Msg::Key(KeyEvent::from(KeyCode::Enter)))
}

#[test]
fn add_prompt_80x24() {
    let mut app = loaded_app(80, 24);
    app.update(Msg::Key(key('+')));
    type_text(&mut app, "https://www.nejm.org/");
    insta::assert_snapshot!(draw(&app).backend());
    let commands = sent(&enter(&mut app));
    assert_eq!(
        commands,
        vec![Command::AddSource {
            target: "https://www.nejm.org/".into(),
            pick: Pick::Ask
        }]
    );
}

#[test]
fn add_prompt_explains_a_network_without_feeds_80x24() {
    let mut app = loaded_app(80, 24);
    app.update(Msg::Key(key('+')));
    type_text(&mut app, "x.com/CDCgov");
    enter(&mut app);
    let error = "X (Twitter) publishes no feed for @CDCgov. The choices:\n  - follow the same account on Mastodon or Bluesky, where many institutions mirror their posts (rounds add @user@instance, rounds add name.bsky.social);\n  - use a bridge you run or trust (RSS-Bridge, a Nitter instance, an RSS service) through a template in the config, such as [bridges] x = \"https://bridge.example/?action=display&bridge=XBridge&u={user}&format=Atom\", then add it again;\n  - private groups cannot be followed from outside, by design (confidentiality).";
    app.update(Msg::Worker(Event::AddFailed {
        target: "x.com/CDCgov".into(),
        error: error.into(),
    }));
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn chooser_80x24() {
    let mut app = loaded_app(80, 24);
    app.update(Msg::Key(key('+')));
    type_text(&mut app, "https://www.thelancet.com/");
    enter(&mut app);
    let choice = |path: &str, title: &str| FeedChoice {
        url: format!("https://www.thelancet.com/rssfeed/{path}"),
        title: Some(title.into()),
    };
    app.update(Msg::Worker(Event::FeedsToChoose {
        target: "https://www.thelancet.com/".into(),
        choices: vec![
            choice("lancet_current.xml", "The Lancet: current issue"),
            choice("lancet_online.xml", "The Lancet: online first"),
            choice("laninf_current.xml", "The Lancet Infectious Diseases"),
        ],
    }));
    app.update(Msg::Key(key('j')));
    insta::assert_snapshot!(draw(&app).backend());
    assert_eq!(
        sent(&enter(&mut app)),
        vec![Command::AddSource {
            target: "https://www.thelancet.com/".into(),
            pick: Pick::Number(2)
        }]
    );
}

#[test]
fn editor_80x24() {
    let mut app = loaded_app(80, 24);
    app.update(Msg::Key(KeyEvent::from(KeyCode::Tab)));
    for _ in 0..3 {
        app.update(Msg::Key(key('j')));
    }
    let selected = app.sources.selected_source().expect("a source row");
    app.update(Msg::Key(key('E')));
    app.update(Msg::Key(KeyEvent::from(KeyCode::Tab)));
    app.update(Msg::Key(KeyEvent::from(KeyCode::Tab)));
    type_text(&mut app, "cardio");
    app.update(Msg::Key(KeyEvent::from(KeyCode::Tab)));
    type_text(&mut app, "2h");
    insta::assert_snapshot!(draw(&app).backend());
    let commands = sent(&enter(&mut app));
    let [Command::EditSource { id, edit }] = commands.as_slice() else {
        panic!("{commands:?}");
    };
    assert_eq!(*id, selected, "the selected source");
    assert_eq!(edit.tags, Some(vec!["cardio".to_string()]));
    assert_eq!(
        edit.refresh_every,
        Some(Some(std::time::Duration::from_secs(7200)))
    );
}

#[test]
fn health_view_80x24() {
    let mut app = loaded_app(80, 24);
    app.update(Msg::Key(key('H')));
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn removal_asks_first() {
    let mut app = loaded_app(80, 24);
    let commands = sent(&app.update(Msg::Key(key('d'))));
    let [Command::PlanRemoval(id)] = commands.as_slice() else {
        panic!("{commands:?}");
    };
    app.update(Msg::Worker(Event::RemovalPlanned {
        id: *id,
        title: "FDA MedWatch".into(),
        deleted: 22,
        kept: 0,
    }));
    let screen = draw(&app).backend().to_string();
    assert!(screen.contains("Stop following FDA MedWatch?"), "{screen}");
    assert!(
        screen.contains("22 items of this source will be deleted"),
        "{screen}"
    );
    assert!(
        sent(&app.update(Msg::Key(key('n')))).is_empty(),
        "n keeps it"
    );
    app.update(Msg::Key(key('d')));
    app.update(Msg::Worker(Event::RemovalPlanned {
        id: *id,
        title: "FDA MedWatch".into(),
        deleted: 22,
        kept: 0,
    }));
    assert_eq!(
        sent(&app.update(Msg::Key(key('y')))),
        vec![Command::RemoveSource(*id)]
    );
}

fn first_run(width: u16, height: u16) -> App {
    let config = Config {
        refresh_on_start: false,
        ..Config::default()
    };
    let mut app = App::new(&config, now(), width, height);
    let generation = river_generation(&app.start());
    app.update(Msg::Worker(Event::StarterLoaded(vec![
        ("Public health".into(), 7),
        ("Regulators".into(), 6),
        ("Journals".into(), 8),
        ("Preprints".into(), 4),
    ])));
    app.update(Msg::Worker(Event::SourcesLoaded(Vec::new())));
    app.update(Msg::Worker(Event::RiverLoaded {
        generation,
        total: 0,
        offset: 0,
        rows: Vec::new(),
    }));
    app
}

#[test]
fn first_run_starter_offer_80x24() {
    let mut app = first_run(80, 24);
    insta::assert_snapshot!(draw(&app).backend());
    assert_eq!(
        sent(&app.update(Msg::Key(key('i')))),
        vec![Command::ImportStarter {
            categories: Vec::new()
        }]
    );
}

#[test]
fn first_run_starter_picker_80x24() {
    let mut app = first_run(80, 24);
    app.update(Msg::Key(key('p')));
    app.update(Msg::Key(key(' ')));
    app.update(Msg::Key(key('j')));
    app.update(Msg::Key(key('j')));
    app.update(Msg::Key(key(' ')));
    insta::assert_snapshot!(draw(&app).backend());
    assert_eq!(
        sent(&enter(&mut app)),
        vec![Command::ImportStarter {
            categories: vec!["Public health".into(), "Journals".into()]
        }]
    );
    let _ = Duration::zero();
}

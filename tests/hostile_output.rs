//! Property: any feed text or URL, through every output path, reaches the screen or a pipe
//! with no C0 or C1 control character but line feed and tab, and no bidi override. In the
//! newsfeed: the river, the sources pane, the status bar and the reader. On the command line:
//! `list`, `show`, `sources`, `refresh` and errors, plain and JSON.

mod support;
mod tui_support;

use chrono::Utc;
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use rounds::model::{ItemId, NewItem, NewSource, SourceId};
use rounds::store::{FetchRecord, SourceUpdate, Store};
use rounds::sync::progress::{Progress, SourceOutcome, SourceReport};
use rounds::tui::app::{App, Msg};
use rounds::tui::protocol::Event;
use support::cli::Sandbox;
use tui_support::{article_item, draw, loaded_app, river_generation, rows, sources};

/// What a terminal (or `jq -r`) would act on.
fn dangerous(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text as a hostile feed writes it: pieces of escape sequences, raw and as character
/// references, markup, bidi overrides and any character at all, mixed with words.
fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\u{1b}[".to_string()),
        Just("\u{1b}]52;c;".to_string()),
        Just("\u{1b}]0;".to_string()),
        Just("\u{1b}P".to_string()),
        Just("\u{1b}\\".to_string()),
        Just("\u{7}".to_string()),
        Just("\u{9b}".to_string()),
        Just("\u{9d}".to_string()),
        Just("\u{8}\r".to_string()),
        Just("&#27;[".to_string()),
        Just("&#x1b;]".to_string()),
        Just("&#155;".to_string()),
        Just("<p>".to_string()),
        Just("<a href=\"https://x.example/\u{1b}[1m\">".to_string()),
        Just("\u{202e}".to_string()),
        Just("31m".to_string()),
        "[a-z ]{1,6}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

fn assert_clean_screen(app: &App, what: &str) -> Result<(), TestCaseError> {
    let terminal = draw(app);
    for cell in terminal.backend().buffer().content() {
        let bad = cell
            .symbol()
            .chars()
            .find(|c| c.is_control() || dangerous(*c));
        prop_assert!(bad.is_none(), "{what}: {bad:?} drawn");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn the_newsfeed_draws_no_control_from_feed_text(
        title in hostile(),
        source in hostile(),
        url in hostile(),
        body in hostile(),
        error in hostile(),
        size in prop::sample::select(vec![(60u16, 20u16), (80, 24), (200, 60)]),
    ) {
        let mut app = loaded_app(size.0, size.1);
        let mut hostile_sources = sources();
        hostile_sources[0].title = source.clone();
        hostile_sources[0].category = Some(source.clone());
        hostile_sources[4].last_error = Some(error.clone());
        app.update(Msg::Worker(Event::SourcesLoaded(hostile_sources)));
        let generation = river_generation(&app.update(Msg::Key(KeyEvent::from(KeyCode::Char('2')))));
        let mut river = rows(40);
        river[0].title = title.clone();
        river[0].source_title = source.clone();
        river[0].tags = vec![title.clone()];
        river[0].url = Some(format!("https://x.example/{url}"));
        app.update(Msg::Worker(Event::RiverLoaded { generation, total: 40, offset: 0, rows: river }));
        assert_clean_screen(&app, "river and sources")?;

        app.update(Msg::Worker(Event::Refresh(Progress::SourceFinished(SourceReport {
            source_id: SourceId(1),
            title: source.clone(),
            url: url.clone(),
            outcome: SourceOutcome::Failed { error: error.clone() },
        }))));
        app.update(Msg::Worker(Event::Failed(error.clone())));
        assert_clean_screen(&app, "status")?;

        app.update(Msg::Key(KeyEvent::from(KeyCode::Enter)));
        let mut item = article_item();
        item.id = ItemId(1);
        item.title = title;
        item.author = Some(source);
        item.url = Some(format!("https://x.example/{url}"));
        item.content = Some(body);
        app.update(Msg::Worker(Event::ItemLoaded(Box::new(item))));
        assert_clean_screen(&app, "reader")?;
    }
}

/// A database whose one source and one item carry the hostile texts, as a feed left them.
fn seed(db: &std::path::Path, text: &str, url: &str) {
    let mut store = Store::open(db).unwrap();
    let source = store
        .add_source(
            &NewSource {
                // Loopback, closed port: `refresh` fails at once, without the network.
                url: format!("http://127.0.0.1:9/{url}"),
                title: Some(text.into()),
                category: Some(text.into()),
                ..NewSource::default()
            },
            Utc::now(),
        )
        .unwrap();
    let item = NewItem {
        guid: "one".into(),
        url: Some(format!("https://x.example/{url}")),
        title: format!("title {text}"),
        author: Some(text.into()),
        published: Some(Utc::now()),
        summary: Some(text.into()),
        content: Some(format!("<p>{text}</p>")),
        ..NewItem::default()
    };
    store
        .store_feed(source, &SourceUpdate::default(), &[item], Utc::now())
        .unwrap();
    let failed = FetchRecord::Failed {
        status: None,
        error: text.into(),
        at: Utc::now(),
    };
    store.record_fetch(source, &failed).unwrap();
}

proptest! {
    // Each case runs the binary a dozen times: few cases, each a whole tour.
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

    #[test]
    fn commands_print_no_control_from_feed_text(text in hostile(), url in hostile()) {
        let sandbox = Sandbox::new();
        seed(&sandbox.db(), &text, &url);
        // A command line cannot hold a NUL; everything else goes as it is.
        let argument = text.replace('\0', " ");
        let query = format!("title:\"{argument}\" (");
        let runs: Vec<Vec<&str>> = vec![
            vec!["sources"],
            vec!["sources", "--json"],
            vec!["list"],
            vec!["list", "--json"],
            vec!["show", "1"],
            vec!["show", "1", "--json"],
            vec!["refresh"],
            vec!["refresh", "--json"],
            vec!["list", "--query", &query],
            vec!["show", &argument],
            vec!["remove", &argument],
        ];
        for args in runs {
            let (_, stdout, stderr) = sandbox.run(&args);
            let bad = stdout.chars().chain(stderr.chars()).find(|c| dangerous(*c));
            prop_assert!(bad.is_none(), "rounds {args:?} printed {bad:?}:\n{stdout}\n{stderr}");
        }
    }
}

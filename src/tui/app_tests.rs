use super::*;
use crate::model::{ItemSummary, Mark};
use crate::query::QueryError;
use crate::test_fixtures::{item, now, source, summaries};
use crate::tui::status;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

pub(super) fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub(super) fn char_key(c: char) -> Msg {
    key(KeyCode::Char(c))
}

pub(crate) fn commands(effects: &[Effect]) -> Vec<Command> {
    effects
        .iter()
        .filter_map(Effect::command)
        .cloned()
        .collect()
}

/// The (generation, text, lane, offset) of the only LoadRiver among the effects.
pub(super) fn river_request(effects: &[Effect]) -> (u64, RiverQueryView, usize) {
    let loads: Vec<_> = commands(effects)
        .into_iter()
        .filter_map(|command| match command {
            Command::LoadRiver {
                generation,
                query,
                offset,
                ..
            } => Some((
                generation,
                RiverQueryView {
                    text: query.text,
                    lane: query.lane,
                },
                offset,
            )),
            _ => None,
        })
        .collect();
    assert_eq!(loads.len(), 1, "expected one LoadRiver in {effects:?}");
    loads.into_iter().next().expect("one load")
}

#[derive(Debug, PartialEq)]
pub(super) struct RiverQueryView {
    pub(super) text: String,
    pub(super) lane: Lane,
}

pub(super) fn loaded(generation: u64, total: usize, offset: usize, rows: Vec<ItemSummary>) -> Msg {
    Msg::Worker(Event::RiverLoaded {
        generation,
        total,
        offset,
        rows,
    })
}

/// An 80×24 app whose river shows `count` rows (of `count` in total).
pub(super) fn app_with_rows(count: i64) -> App {
    let config = Config {
        refresh_on_start: false,
        ..Config::default()
    };
    let mut app = App::new(&config, now(), 80, 24);
    let effects = app.start();
    let (generation, _, _) = river_request(&effects);
    app.update(Msg::Worker(Event::SourcesLoaded(vec![source(
        1,
        "NEJM",
        Some("journal"),
        9,
    )])));
    app.update(loaded(generation, count as usize, 0, summaries(count)));
    app
}

#[test]
fn start_loads_everything_and_refreshes_what_is_due() {
    let mut app = App::new(&Config::default(), now(), 80, 24);
    let sent = commands(&app.start());
    assert!(sent.contains(&Command::LoadSources));
    assert!(sent.contains(&Command::LoadTags));
    assert!(sent.contains(&Command::LoadStarter));
    assert!(
        !sent.contains(&Command::RefreshDue),
        "not before the sources are known"
    );
    let mut stale = source(1, "NEJM", Some("journal"), 9);
    stale.last_fetch = Some(now() - chrono::Duration::hours(7));
    stale.due = Some(now() - chrono::Duration::hours(1));
    let sent = commands(&app.update(Msg::Worker(Event::SourcesLoaded(vec![stale.clone()]))));
    assert_eq!(sent, vec![Command::RefreshDue]);
    assert!(app.status.is_refreshing());
    let again = commands(&app.update(Msg::Worker(Event::SourcesLoaded(vec![stale]))));
    assert!(!again.contains(&Command::RefreshDue), "only once");
}

#[test]
fn the_next_automatic_refresh_waits_for_the_earliest_due_source() {
    let mut app = App::new(&Config::default(), now(), 80, 24);
    app.start();
    let mut journal = source(1, "NEJM", Some("journal"), 9);
    journal.due = Some(now() + chrono::Duration::minutes(20));
    let mut social = source(2, "Dr Okafor", Some("social"), 2);
    social.due = Some(now() + chrono::Duration::minutes(12));
    let sent = commands(&app.update(Msg::Worker(Event::SourcesLoaded(vec![journal, social]))));
    assert!(!sent.contains(&Command::RefreshDue));
    let tick = |minutes| Msg::Tick(now() + chrono::Duration::minutes(minutes));
    assert!(!commands(&app.update(tick(11))).contains(&Command::RefreshDue));
    assert_eq!(
        commands(&app.update(tick(12))),
        vec![Command::RefreshDue],
        "when the social source is due"
    );
    assert!(
        !commands(&app.update(tick(13))).contains(&Command::RefreshDue),
        "one at a time"
    );
}

#[test]
fn nothing_due_still_looks_again_within_the_interval() {
    let mut app = App::new(&Config::default(), now(), 80, 24);
    app.start();
    let mut journal = source(1, "NEJM", Some("journal"), 9);
    journal.due = Some(now() + chrono::Duration::hours(5));
    app.update(Msg::Worker(Event::SourcesLoaded(vec![journal])));
    let tick = |minutes| Msg::Tick(now() + chrono::Duration::minutes(minutes));
    assert!(!commands(&app.update(tick(29))).contains(&Command::RefreshDue));
    assert_eq!(commands(&app.update(tick(30))), vec![Command::RefreshDue]);
}

#[test]
fn moving_and_paging_the_river() {
    let mut app = app_with_rows(100);
    app.update(char_key('j'));
    app.update(key(KeyCode::Down));
    assert_eq!(app.river.selected, 2);
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('d'),
        KeyModifiers::CONTROL,
    )));
    // 24 rows - status - 2 borders = 21 rows; a page keeps one row of context.
    assert_eq!(app.river.selected, 22);
    assert_eq!(app.river.top, 2);
    app.update(char_key('G'));
    assert_eq!(app.river.selected, 99);
    app.update(char_key('g'));
    assert_eq!((app.river.selected, app.river.top), (0, 0));
    app.update(char_key('k'));
    assert_eq!(app.river.selected, 0, "saturates at the top");
}

#[test]
fn bottom_of_a_large_river_asks_for_its_last_window() {
    let config = Config {
        refresh_on_start: false,
        ..Config::default()
    };
    let mut app = App::new(&config, now(), 80, 24);
    let (generation, _, _) = river_request(&app.start());
    app.update(loaded(generation, 5000, 0, summaries(200)));
    let effects = app.update(char_key('G'));
    let (_, _, offset) = river_request(&effects);
    assert_eq!(offset, 4899);
    assert_eq!(app.river.selected, 4999);
}

#[test]
fn open_reader_marks_read_and_renders_on_arrival() {
    let mut app = app_with_rows(5);
    let sent = commands(&app.update(key(KeyCode::Enter)));
    assert_eq!(
        sent,
        vec![
            Command::LoadItem(ItemId(1)),
            Command::Mark {
                ids: vec![ItemId(1)],
                mark: Mark::Read
            }
        ]
    );
    assert_eq!(app.focus, Focus::Reader);
    let body = r#"<p>See <a href="https://www.fda.gov/drugs">the FDA</a>.</p>"#;
    app.update(Msg::Worker(Event::ItemLoaded(Box::new(item(1, body)))));
    let reader = app.reader.as_ref().expect("reader open");
    let article = reader.article.as_ref().expect("rendered on arrival");
    assert_eq!(article.width, 76, "full-screen reader at 80 columns");
    app.update(Msg::Resize {
        width: 100,
        height: 30,
    });
    let reader = app.reader.as_ref().expect("reader open");
    assert_eq!(
        reader.article.as_ref().map(|a| a.width),
        Some(96),
        "re-rendered on resize"
    );
    app.update(char_key('h'));
    assert!(app.reader.is_none());
    assert_eq!(app.focus, Focus::River);
}

#[test]
fn item_for_a_closed_reader_is_ignored() {
    let mut app = app_with_rows(5);
    app.update(key(KeyCode::Enter));
    app.update(key(KeyCode::Esc));
    app.update(Msg::Worker(Event::ItemLoaded(Box::new(item(
        1,
        "<p>late</p>",
    )))));
    assert!(app.reader.is_none());
}

#[test]
fn digits_in_the_reader_open_links() {
    let mut app = app_with_rows(5);
    app.update(key(KeyCode::Enter));
    let links: String = (1..=12)
        .map(|n| format!(r#"<a href="https://example.org/{n}">l{n}</a> "#))
        .collect();
    app.update(Msg::Worker(Event::ItemLoaded(Box::new(item(
        1,
        &format!("<p>{links}</p>"),
    )))));
    // Twelve links: "1" could still become 10, 11 or 12, so it waits for Enter.
    assert_eq!(app.update(char_key('1')), vec![]);
    assert_eq!(
        app.update(key(KeyCode::Enter)),
        vec![Effect::OpenUrl("https://example.org/1".into())]
    );
    // "4" cannot grow into a valid number: it opens at once.
    assert_eq!(
        app.update(char_key('4')),
        vec![Effect::OpenUrl("https://example.org/4".into())]
    );
    app.update(char_key('1'));
    assert_eq!(
        app.update(char_key('2')),
        vec![Effect::OpenUrl("https://example.org/12".into())]
    );
    app.update(char_key('f'));
    assert_eq!(
        app.update(char_key('9')),
        vec![Effect::OpenUrl("https://example.org/9".into())]
    );
}

#[test]
fn only_web_links_are_opened() {
    let mut app = app_with_rows(5);
    app.update(key(KeyCode::Enter));
    let body = r#"<p><a href="javascript:alert(1)">x</a> <a href="file:///etc/passwd">y</a></p>"#;
    let mut loaded_item = item(1, body);
    loaded_item.url = None;
    app.update(Msg::Worker(Event::ItemLoaded(Box::new(loaded_item))));
    assert_eq!(app.update(char_key('1')), vec![]);
    assert_eq!(app.update(char_key('2')), vec![]);
    assert!(matches!(
        app.status.message,
        Some(status::Message::Error(_))
    ));
}

#[test]
fn filter_sends_a_generation_per_keystroke_and_drops_stale_answers() {
    let mut app = app_with_rows(10);
    app.update(char_key('/'));
    let (first, query, _) = river_request(&app.update(char_key('c')));
    assert_eq!(query.text, "c");
    let (second, query, _) = river_request(&app.update(char_key('(')));
    assert_eq!(query.text, "c(");
    assert!(second > first);
    // The answer to "c" arrives late: dropped.
    app.update(loaded(first, 1, 0, summaries(1)));
    assert_eq!(app.river.total, 10);
    let error = QueryError {
        column: 2,
        message: "unclosed parenthesis".into(),
    };
    app.update(Msg::Worker(Event::RiverRejected {
        generation: second,
        error: error.clone(),
    }));
    assert_eq!(app.filter.error, Some(error));
    assert_eq!(app.river.total, 10, "the last good rows stay");
    let (third, _, _) = river_request(&app.update(key(KeyCode::Backspace)));
    app.update(loaded(third, 3, 0, summaries(3)));
    assert_eq!(app.filter.error, None);
    assert_eq!(app.river.total, 3);
    app.update(key(KeyCode::Enter));
    assert!(!app.filter.editing);
    assert_eq!(app.filter.text(), "c", "Enter keeps the filter");
    app.update(char_key('/'));
    let (_, query, _) = river_request(&app.update(key(KeyCode::Esc)));
    assert_eq!(query.text, "", "Esc clears the filter");
    assert!(!app.filter.is_visible());
}

#[test]
fn typing_in_the_filter_does_not_trigger_actions() {
    let mut app = app_with_rows(10);
    app.update(char_key('/'));
    let effects = app.update(char_key('q'));
    assert!(!effects.contains(&Effect::Quit));
    assert_eq!(app.filter.text(), "q");
}

#[test]
fn lanes_switch_with_one_key() {
    let mut app = app_with_rows(10);
    assert_eq!(app.river.wanted.lane, Lane::Unread);
    let (_, query, _) = river_request(&app.update(char_key('3')));
    assert_eq!(query.lane, Lane::Saved);
    let (_, query, _) = river_request(&app.update(Msg::Action(Action::LaneUnread)));
    assert_eq!(query.lane, Lane::Unread);
    let (_, query, _) = river_request(&app.update(char_key('1')));
    assert_eq!(query.lane, Lane::All);
    assert_eq!(
        commands(&app.update(char_key('1'))),
        vec![],
        "same lane: nothing to load"
    );
}

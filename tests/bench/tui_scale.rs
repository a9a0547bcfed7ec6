//! The newsfeed at scale (issue 3), on a database that `tests/bench/tui_scale.sh` filled with
//! 100,000 items from loopback, about 20% of them in stories (issue 7: the same paper in
//! several feeds, one river row):
//!
//! 1. The real binary in a pseudo-terminal: time from start to the first full frame (river rows
//!    drawn, one per story), a scroll from the top to the bottom of the river page by page, and
//!    the process's peak memory (VmHWM) afterwards.
//! 2. In process, with the real worker and SQLite: each filter keystroke timed from the key to
//!    the redrawn frame with its results (ratatui's TestBackend stands in for the terminal),
//!    over the river of stories and then over the flat river (`=`).
//!
//! cargo run --release --example tui_scale -- DB ROUNDS_BINARY

#[path = "../support/pty.rs"]
#[allow(dead_code)]
mod pty;

use chrono::Utc;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rounds::config::Config;
use rounds::query::parse;
use rounds::store::{Store, compile};
use rounds::tui::app::{App, Effect, Msg};
use rounds::tui::protocol::{Command, Event};
use rounds::tui::{views, worker};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};

const ROWS: u16 = 40;
const COLUMNS: u16 = 120;
const QUERIES: &[&str] = &[
    "measles",
    "h5n1 OR dengue",
    "recall insulin",
    "source:outlet",
    "\"heart failure\" since:30d",
    "-covid sepsis",
];

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(db), Some(binary)) = (args.get(1), args.get(2)) else {
        anyhow::bail!("usage: tui_scale DB ROUNDS_BINARY");
    };
    let db = PathBuf::from(db);
    let config_dir = tempfile::tempdir()?;
    let config = config_dir.path().join("config.toml");
    std::fs::write(
        &config,
        "refresh_interval = \"off\"\nrefresh_on_start = false\n",
    )?;
    store_queries(&db)?;
    in_a_terminal(&db, Path::new(binary), &config)?;
    filter_latency(&db)
}

/// The store's river and count queries at this size, each the median of 21 runs.
fn store_queries(db: &Path) -> anyhow::Result<()> {
    let store = Store::open(db)?;
    let source = store.sources()?.remove(0).id;
    let time = |f: &dyn Fn() -> anyhow::Result<()>| -> anyhow::Result<f64> {
        let mut runs = Vec::new();
        for _ in 0..21 {
            let started = Instant::now();
            f()?;
            runs.push(ms(started.elapsed()));
        }
        runs.sort_by(f64::total_cmp);
        Ok(runs[10])
    };
    let filter = |text: &str| compile(&parse(text).expect("a valid query"), Utc::now());
    let (all, unread, word) = (filter(""), filter("is:unread"), filter("measles"));
    let items = store.count_items(&all)?;
    let stories = store.count_stories(&all)?;
    println!(
        "store queries over {items} items, {stories} stories (median of 21); \
         items in a story of 2 or more: {:.1}%",
        100.0 * (items - stories_alone(&store)?) as f64 / items as f64
    );
    let story_rows = |f: &rounds::store::Compiled| store.list_stories(f, 200, 0).map(drop);
    println!(
        "  newest 200 stories       {:>6.2} ms",
        time(&|| Ok(story_rows(&all)?))?
    );
    println!(
        "  newest 200 unread stories{:>6.2} ms",
        time(&|| Ok(story_rows(&unread)?))?
    );
    println!(
        "  stories matching measles {:>6.2} ms",
        time(&|| Ok(story_rows(&word)?))?
    );
    println!(
        "  count stories all/unread {:>6.2} / {:.2} ms",
        time(&|| Ok(store.count_stories(&all).map(drop)?))?,
        time(&|| Ok(store.count_stories(&unread).map(drop)?))?
    );
    let rows = |f: &rounds::store::Compiled| store.list_items(f, 200, 0).map(drop);
    println!(
        "  newest 200               {:>6.2} ms",
        time(&|| Ok(rows(&all)?))?
    );
    println!(
        "  newest 200 unread        {:>6.2} ms",
        time(&|| Ok(rows(&unread)?))?
    );
    println!(
        "  newest 200 of one source {:>6.2} ms",
        time(&|| Ok(rows(&all.clone().only_source(source))?))?
    );
    println!(
        "  200 at offset 99,000     {:>6.2} ms",
        time(&|| Ok(store.list_items(&all, 200, 99_000).map(drop)?))?
    );
    println!(
        "  count all / unread       {:>6.2} / {:.2} ms",
        time(&|| Ok(store.count_items(&all).map(drop)?))?,
        time(&|| Ok(store.count_items(&unread).map(drop)?))?
    );
    println!(
        "  count \"measles\"          {:>6.2} ms",
        time(&|| Ok(store.count_items(&word).map(drop)?))?
    );
    println!(
        "  sources with counts      {:>6.2} ms",
        time(&|| Ok(store.sources().map(drop)?))?
    );
    Ok(())
}

/// Items alone in their story (the rest are versions of a paper in several feeds).
fn stories_alone(store: &Store) -> anyhow::Result<usize> {
    let all = compile(&parse("")?, Utc::now());
    let rows = store.count_stories(&all)?;
    // Count the items of multi-version stories through the store's own page of story rows.
    let mut in_stories = 0;
    let mut offset = 0;
    while offset < rows {
        let page = store.list_stories(&all, 5_000, offset)?;
        in_stories += page
            .iter()
            .filter(|row| row.story.versions > 1)
            .map(|row| row.story.versions)
            .sum::<usize>();
        offset += page.len().max(1);
    }
    Ok(store.count_items(&all)? - in_stories)
}

/// The river the newsfeed opens on: unread stories.
fn titles(db: &Path) -> anyhow::Result<(usize, String, String)> {
    let store = Store::open(db)?;
    let unread = compile(&parse("is:unread")?, Utc::now());
    let total = store.count_stories(&unread)?;
    let newest = store.list_stories(&unread, 1, 0)?.remove(0).title;
    let oldest = store.list_stories(&unread, 1, total - 1)?.remove(0).title;
    let cut = |t: String| t.chars().take(40).collect::<String>();
    Ok((total, cut(newest), cut(oldest)))
}

fn in_a_terminal(db: &Path, binary: &Path, config: &Path) -> anyhow::Result<()> {
    let (total, newest, oldest) = titles(db)?;
    let mut command = std::process::Command::new(binary);
    command.arg("--db").arg(db).arg("--config").arg(config);
    let started = Instant::now();
    let mut terminal = pty::Pty::spawn(command, ROWS, COLUMNS);
    let counted = format!("· {} stories", thousands(total));
    terminal.wait_for("the first rows", |s| {
        s.contains(&newest) && s.contains(&counted)
    });
    let first_frame = started.elapsed();

    // Page by page, each key sent once the previous page is drawn (a burst of thousands of
    // keys would overflow the terminal's input queue, which no keyboard does).
    // The first Page Down only moves the selection to the bottom of the view; from then on
    // each one scrolls a page.
    terminal.send(b"\x1b[6~");
    let mut pages = Vec::new();
    let mut screen = terminal.contents();
    // The river shows ROWS - 3 rows (borders and status bar) and a page keeps one of them.
    let shown = usize::from(ROWS) - 3;
    let expected_pages = (total - shown).div_ceil(shown - 1);
    while pages.len() < expected_pages {
        let before = first_row(&screen);
        let started = Instant::now();
        terminal.send(b"\x1b[6~"); // Page Down
        screen = terminal.wait_for("the next page", |s| first_row(s) != before);
        pages.push(started.elapsed());
    }
    let last_row = |s: &str| s.lines().nth(shown).unwrap_or_default().contains(&oldest);
    terminal.wait_for("the oldest item on the last row", last_row);
    let scrolled: Duration = pages.iter().sum();
    pages.sort();
    let peak = peak_memory_kb(terminal.pid());
    terminal.send(b"q");
    let status = terminal.wait_exit();

    println!("river of {total} unread stories, {COLUMNS}×{ROWS} terminal");
    println!(
        "  first full frame          {:>8.1} ms after start",
        ms(first_frame)
    );
    println!(
        "  top to bottom, {} pages   {:>8.1} ms (a page: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms)",
        pages.len(),
        ms(scrolled),
        ms(pages[pages.len() / 2]),
        ms(pages[pages.len() * 95 / 100]),
        ms(pages[pages.len() - 1])
    );
    println!(
        "  peak memory (VmHWM)       {:>8.1} MB",
        peak as f64 / 1024.0
    );
    println!("  exit                      {status}");
    Ok(())
}

/// The river's first row (the line under the title bar), to see that a page turned.
fn first_row(screen: &str) -> String {
    screen.lines().nth(1).unwrap_or_default().to_string()
}

/// 100000 → "100,000", as the river's title shows counts.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn peak_memory_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn filter_latency(db: &Path) -> anyhow::Result<()> {
    let (commands, mut events) = worker::spawn(db.to_path_buf(), worker::WorkerOptions::default());
    let config = Config {
        refresh_interval: None,
        refresh_on_start: false,
        ..Config::default()
    };
    let mut app = App::new(&config, Utc::now(), COLUMNS, ROWS);
    let mut terminal = Terminal::new(TestBackend::new(COLUMNS, ROWS))?;
    let effects = app.start();
    send(effects, &commands);
    settle(&mut app, &mut events, &commands);
    terminal.draw(|frame| views::draw(frame, &app))?;

    for river in ["stories", "flat river (=)"] {
        if river != "stories" {
            keystroke(&mut app, KeyCode::Char('='), &commands, &mut events);
        }
        let mut latencies = Vec::new();
        for query in QUERIES {
            keystroke(&mut app, KeyCode::Char('/'), &commands, &mut events);
            for c in query.chars() {
                let started = Instant::now();
                keystroke(&mut app, KeyCode::Char(c), &commands, &mut events);
                terminal.draw(|frame| views::draw(frame, &app))?;
                latencies.push(started.elapsed());
            }
            keystroke(&mut app, KeyCode::Esc, &commands, &mut events);
            // A kept filter would need a second Esc; the bar is closed now.
            if !app.filter.text().is_empty() {
                keystroke(&mut app, KeyCode::Esc, &commands, &mut events);
            }
        }
        latencies.sort();
        let at = |q: f64| ms(latencies[((latencies.len() - 1) as f64 * q).round() as usize]);
        println!(
            "filter keystrokes, {river} ({} keys over {} queries): key → requery → redraw",
            latencies.len(),
            QUERIES.len()
        );
        println!(
            "  p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
            at(0.5),
            at(0.95),
            at(1.0)
        );
    }
    let _ = commands.send(Command::Quit);
    Ok(())
}

fn keystroke(
    app: &mut App,
    code: KeyCode,
    commands: &UnboundedSender<Command>,
    events: &mut UnboundedReceiver<Event>,
) {
    let effects = app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    send(effects, commands);
    settle(app, events, commands);
}

fn send(effects: Vec<Effect>, commands: &UnboundedSender<Command>) {
    for effect in effects {
        if let Effect::Send(command) = effect {
            let _ = commands.send(command);
        }
    }
}

/// Applies worker events until the river has the answer to its latest request.
fn settle(
    app: &mut App,
    events: &mut UnboundedReceiver<Event>,
    commands: &UnboundedSender<Command>,
) {
    while app.river.is_pending() {
        let Some(event) = events.blocking_recv() else {
            return;
        };
        let effects = app.update(Msg::Worker(event));
        send(effects, commands);
    }
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

//! The terminal UI: the only home of ratatui and crossterm.
//!
//! The shape is Elm's: the event loop below turns terminal input, worker events and clock
//! ticks into `app::Msg`s; `App::update` changes the state and returns `app::Effect`s (commands
//! for the worker, a URL to open, text to copy); `views::draw` paints the state. Only this loop
//! awaits, and only `effects` touches the world. The worker that owns the database and the
//! network is reached through `protocol` messages alone.

pub mod action;
pub mod app;
pub mod article;
pub mod clock;
mod contrast;
pub mod effects;
pub mod filter;
pub mod fit;
pub mod help;
pub mod input;
mod keyboard;
pub mod keymap;
pub mod launch;
pub mod layout;
mod mouse;
pub mod notice;
mod perform;
pub mod protocol;
pub mod reader;
pub mod river;
pub mod sanitize;
pub mod settings;
mod signals;
pub mod sources;
pub mod sources_admin;
pub mod status;
pub mod stories;
pub mod tagging;
pub mod terminal;
pub mod theme;
mod unread;
pub mod views;
pub mod watches;
pub mod worker;
mod worker_events;

use crate::config::Config;
use app::{App, Effect, Msg};
use futures_util::StreamExt;
use protocol::{Command, Event};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    Event as TerminalEvent, EventStream, KeyEventKind, MouseEventKind,
};
use std::time::Duration;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};

/// How often the clock ticks: relative times and the automatic refresh are checked on it.
const TICK: Duration = Duration::from_secs(1);
/// Worker events applied before a redraw, so a burst (a refresh of many sources) costs one
/// frame, not one per message.
const EVENT_BURST: usize = 256;

/// Takes over the terminal, runs the UI until the user quits (or SIGTERM or SIGHUP asks it to),
/// and gives the terminal back, also when the UI fails.
pub async fn start(
    config: Config,
    commands: UnboundedSender<Command>,
    events: UnboundedReceiver<Event>,
) -> anyhow::Result<()> {
    let mut stop = signals::StopSignals::listen()?;
    let mut terminal = terminal::init()?;
    let result = run(&mut terminal, config, commands, events, &mut stop).await;
    let restored = terminal::restore();
    result?;
    Ok(restored?)
}

/// The event loop, on a terminal already set up (see `start`).
pub async fn run(
    terminal: &mut DefaultTerminal,
    config: Config,
    commands: UnboundedSender<Command>,
    mut events: UnboundedReceiver<Event>,
    stop: &mut signals::StopSignals,
) -> anyhow::Result<()> {
    let size = terminal.size()?;
    let mut app = App::new(&config, chrono::Utc::now(), size.width, size.height);
    let mut input = EventStream::new();
    let mut ticker = tokio::time::interval(TICK);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut quit = perform(app.start(), &mut app, &commands)?;
    while !quit {
        if app.dirty {
            terminal.draw(|frame| views::draw(frame, &app))?;
            app.dirty = false;
        }
        let msg = tokio::select! {
            next = input.next() => match next {
                Some(Ok(event)) => match terminal_msg(event) {
                    Some(msg) => msg,
                    None => continue,
                },
                Some(Err(error)) => return Err(error.into()),
                None => break,
            },
            event = events.recv() => match event {
                Some(event) => Msg::Worker(event),
                None => anyhow::bail!("the background worker stopped unexpectedly"),
            },
            _ = ticker.tick() => Msg::Tick(chrono::Utc::now()),
            () = stop.received() => break,
        };
        quit = perform(app.update(msg), &mut app, &commands)?;
        for _ in 0..EVENT_BURST {
            let Ok(event) = events.try_recv() else { break };
            quit |= perform(app.update(Msg::Worker(event)), &mut app, &commands)?;
        }
    }
    let _ = commands.send(Command::Quit);
    Ok(())
}

/// Terminal input worth a message; pointer motion is not (some terminals report every move).
fn terminal_msg(event: TerminalEvent) -> Option<Msg> {
    match event {
        TerminalEvent::Key(key) if key.kind != KeyEventKind::Release => Some(Msg::Key(key)),
        TerminalEvent::Mouse(mouse)
            if !matches!(mouse.kind, MouseEventKind::Moved | MouseEventKind::Drag(_)) =>
        {
            Some(Msg::Mouse(mouse))
        }
        TerminalEvent::Paste(text) => Some(Msg::Paste(text)),
        TerminalEvent::Resize(width, height) => Some(Msg::Resize { width, height }),
        _ => None,
    }
}

/// Carries out effects; true when the user quit.
fn perform(
    effects: Vec<Effect>,
    app: &mut App,
    commands: &UnboundedSender<Command>,
) -> anyhow::Result<bool> {
    let mut quit = false;
    for effect in effects {
        match effect {
            Effect::Send(command) => {
                if commands.send(command).is_err() {
                    anyhow::bail!("the background worker stopped unexpectedly");
                }
            }
            Effect::OpenUrl(url) => {
                if let Err(error) = effects::open_in_browser(&url) {
                    let follow = app.update(Msg::BrowserFailed { url, error });
                    quit |= perform(follow, app, commands)?;
                }
            }
            Effect::Copy(text) => {
                if let Err(error) = effects::copy_to_clipboard(&mut std::io::stdout(), &text) {
                    app.status.error(format!("Could not copy: {error}"));
                    app.dirty = true;
                }
            }
            Effect::Bell => effects::ring_bell(&mut std::io::stdout()),
            Effect::Quit => quit = true,
        }
    }
    Ok(quit)
}

//! Raw mode, the alternate screen, mouse capture and bracketed paste: switched on together,
//! and switched off on quit, on error and on panic.

use ratatui::DefaultTerminal;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use std::io::stdout;

/// Takes over the terminal. The panic hook is installed first so that a failure halfway
/// through still gives the terminal back.
pub fn init() -> std::io::Result<DefaultTerminal> {
    install_panic_hook();
    let setup = || -> std::io::Result<DefaultTerminal> {
        enable_raw_mode()?;
        execute!(
            stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste
        )?;
        Terminal::new(CrosstermBackend::new(stdout()))
    };
    setup().inspect_err(|_| {
        let _ = restore();
    })
}

/// Gives the terminal back; safe to call more than once.
pub fn restore() -> std::io::Result<()> {
    let raw = disable_raw_mode();
    let screen = execute!(
        stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
    raw.and(screen)
}

/// Restores the terminal before the panic message prints, except for panics that are caught
/// on purpose (the feed parser, html2text): tearing the screen down for those would leave a
/// running UI drawing on a normal terminal.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if crate::logging::contained_panic() {
            tracing::error!(%info, "caught panic in a parser");
            return;
        }
        let _ = restore();
        previous(info);
    }));
}

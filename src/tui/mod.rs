//! The terminal UI: the only home of ratatui and crossterm.

pub mod action;
pub mod app;
pub mod article;
pub mod clock;
pub mod filter;
pub mod fit;
pub mod input;
mod keyboard;
pub mod keymap;
pub mod layout;
mod mouse;
mod perform;
pub mod protocol;
pub mod reader;
pub mod river;
pub mod sanitize;
pub mod sources;
pub mod status;
pub mod tagging;
#[cfg(test)]
mod test_fixtures;
pub mod theme;
mod worker_events;

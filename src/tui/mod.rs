//! The terminal UI: the only home of ratatui and crossterm.

pub mod action;
pub mod keymap;
pub mod protocol;
pub mod theme;
pub mod clock;
pub mod fit;
pub mod input;
pub mod river;
pub mod sanitize;
pub mod sources;
pub mod filter;
pub mod status;
pub mod tagging;
pub mod article;
#[cfg(test)]
mod test_fixtures;

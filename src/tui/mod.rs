//! The terminal UI: the only home of ratatui and crossterm.

pub mod action;
pub mod keymap;
pub mod protocol;
pub mod theme;

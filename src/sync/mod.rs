//! Use cases shared by the CLI and the TUI. They report progress through a channel and never print.

pub mod add;
pub mod demo;
pub mod export;
pub mod import;
pub mod progress;
pub mod refresh;
pub mod retention;
pub mod schedule;
pub mod starter;
pub mod targets;

//! Use cases shared by the CLI and the TUI. They report progress through a channel and never print.

pub mod progress;

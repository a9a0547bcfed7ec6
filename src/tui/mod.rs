//! The terminal UI.

pub mod protocol;
pub mod worker;

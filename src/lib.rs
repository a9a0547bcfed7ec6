//! rounds: a terminal newsfeed for clinicians.
//!
//! Dependencies point one way: `model ← {query, ident, text, store, fetch, export} ← sync ← cli`;
//! `tui` uses `model` and reaches `sync` only through its worker's messages.

pub mod cli;
pub mod config;
pub mod export;
pub mod fetch;
pub mod fingerprint;
pub mod ident;
pub mod logging;
pub mod model;
pub mod query;
pub mod store;
pub mod sync;
pub mod text;
pub mod tui;

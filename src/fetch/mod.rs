//! The only home of reqwest and of feed parsing: HTTP with politeness and limits, and bytes →
//! model.

pub mod discover;
pub mod http;
pub mod parse;

//! The only home of reqwest and of feed parsing: HTTP with politeness and limits, local feed
//! files under the same limits, and bytes → model (feed-rs for the ordinary feed, our tolerant
//! reader for the rest).

pub mod discover;
pub mod http;
pub mod local;
pub mod parse;

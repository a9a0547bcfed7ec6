//! Shared by the integration tests: a loopback HTTP server and its canned responses.
//!
//! Each test crate uses only part of this, hence the `dead_code` allowance.
#![allow(dead_code, unused_imports)]

pub mod cli;
pub mod corpus;
pub mod feeds;
pub mod gzip;
pub mod pty;
pub mod response;
pub mod server;
mod wire;

pub use response::Response;
pub use server::{Request, TestServer};

use chrono::{DateTime, Utc};

/// The IMF-fixdate form of HTTP dates: `Sun, 06 Nov 1994 08:49:37 GMT`.
pub fn http_date(date: DateTime<Utc>) -> String {
    date.format("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

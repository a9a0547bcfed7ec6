//! HTTP for feeds: one shared client, conditional GET, limits and politeness.
//!
//! STUB: the http helper replaces this with the real implementation.

use chrono::{DateTime, Utc};
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct HttpOptions {
    pub connect_timeout: Duration,
    /// The whole request, redirects and body included.
    pub timeout: Duration,
    /// Cap on the body after decompression.
    pub max_body_bytes: usize,
    pub max_redirects: usize,
    /// Requests in flight at once to one host.
    pub per_host: usize,
}

impl Default for HttpOptions {
    fn default() -> Self {
        HttpOptions {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(60),
            max_body_bytes: 16 * 1024 * 1024,
            max_redirects: 10,
            per_host: 2,
        }
    }
}

/// Validators remembered from the last 200 response.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FetchOutcome {
    /// 304: nothing to parse.
    NotModified,
    Fetched(FetchedBody),
    /// 429 or 503 with Retry-After: come back at `until`.
    RetryLater { status: u16, until: DateTime<Utc> },
}

#[derive(Debug, Clone, PartialEq)]
pub struct FetchedBody {
    pub status: u16,
    /// Where the body came from, after all redirects; base for relative links.
    pub final_url: String,
    /// Set when every hop to the final URL was permanent (301/308): the new address to store.
    pub moved_permanently_to: Option<String>,
    pub validators: Validators,
    /// The charset parameter of Content-Type, if any.
    pub charset: Option<String>,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("the server answered HTTP {status}")]
    Status { status: u16 },
}

impl FetchError {
    /// The HTTP status to record for the source, when there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            FetchError::Status { status } => Some(*status),
        }
    }
}

/// One per process: shares connections and the per-host limits across all fetches.
pub struct HttpClient {
    _options: HttpOptions,
}

impl HttpClient {
    pub fn new(options: HttpOptions) -> anyhow::Result<HttpClient> {
        Ok(HttpClient { _options: options })
    }

    /// GET `url` with the validators; follows up to `max_redirects` redirects itself.
    pub async fn fetch(&self, url: &str, validators: &Validators) -> Result<FetchOutcome, FetchError> {
        let _ = (url, validators);
        Err(FetchError::Status { status: 501 })
    }
}

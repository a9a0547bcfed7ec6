//! HTTP for feeds: one shared client, conditional GET, limits and politeness.
//!
//! reqwest's own redirect policy is off: we follow redirects ourselves so that we can tell a
//! permanent move (store the new address) from a temporary one (keep the old), cap the hops,
//! and hold each host's politeness permit only for the hop that talks to it.

mod body;
mod error;
mod headers;
mod politeness;
mod redirect;

pub use error::FetchError;

use chrono::{DateTime, Utc};
use politeness::HostLimits;
use redirect::RedirectTrail;
use reqwest::StatusCode;
use reqwest::header::{self, HeaderMap, HeaderValue};
use std::time::Duration;
use url::Url;

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
    /// Requests in flight at once over all hosts (`--jobs`).
    pub max_in_flight: usize,
}

impl Default for HttpOptions {
    fn default() -> Self {
        HttpOptions {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(60),
            max_body_bytes: 16 * 1024 * 1024,
            max_redirects: 10,
            per_host: 2,
            max_in_flight: 8,
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
    RetryLater {
        status: u16,
        until: DateTime<Utc>,
    },
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
    /// The media type of Content-Type, lowercased and without parameters
    /// (`application/rss+xml`).
    pub content_type: Option<String>,
    /// Raw bytes after content decoding (gzip, deflate, brotli); never transcoded.
    pub body: Vec<u8>,
    /// How long the server says its answer stays fresh (`Cache-Control: max-age`).
    pub max_age: Option<Duration>,
}

/// The start of a web page, for discovery.
#[derive(Debug, Clone, PartialEq)]
pub struct PagePrefix {
    pub final_url: String,
    pub content_type: Option<String>,
    pub charset: Option<String>,
    pub body: Vec<u8>,
    /// The page went on past the limit.
    pub truncated: bool,
}

/// How much of a body to read.
#[derive(Debug, Clone, Copy)]
enum Reading {
    /// All of it, failing past this many bytes.
    Whole(usize),
    /// At most this many bytes; the rest is left unread.
    Prefix(usize),
}

enum Answer {
    NotModified,
    RetryLater { status: u16, until: DateTime<Utc> },
    Body(FetchedBody, bool),
}

const USER_AGENT: &str = concat!(
    "rounds/",
    env!("CARGO_PKG_VERSION"),
    " (+https://github.com/rounds-reader/rounds)"
);

/// Feeds first, but some servers answer `*/*` with an HTML page, which discovery can use.
const ACCEPT: &str = "application/atom+xml, application/rss+xml, application/feed+json, \
                      application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";

/// One per process: shares connections and the per-host limits across all fetches.
pub struct HttpClient {
    client: reqwest::Client,
    options: HttpOptions,
    hosts: HostLimits,
}

impl HttpClient {
    pub fn new(options: HttpOptions) -> anyhow::Result<HttpClient> {
        // reqwest is built with `rustls-no-provider`: without a provider `build()` panics.
        // Err only means another part of the process installed one first.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut default_headers = HeaderMap::new();
        default_headers.insert(header::ACCEPT, HeaderValue::from_static(ACCEPT));
        let client = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .default_headers(default_headers)
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(options.connect_timeout)
            .build()?;
        let hosts = HostLimits::new(options.per_host, options.max_in_flight);
        Ok(HttpClient {
            client,
            options,
            hosts,
        })
    }

    pub fn options(&self) -> &HttpOptions {
        &self.options
    }

    /// GET `url` with the validators; follows up to `max_redirects` redirects itself.
    ///
    /// The time limit starts once the first host lets us in, so waiting behind other
    /// fetches to the same host does not count against it.
    pub async fn fetch(
        &self,
        url: &str,
        validators: &Validators,
    ) -> Result<FetchOutcome, FetchError> {
        let reading = Reading::Whole(self.options.max_body_bytes);
        Ok(match self.exchange(url, validators, reading).await? {
            Answer::NotModified => FetchOutcome::NotModified,
            Answer::RetryLater { status, until } => FetchOutcome::RetryLater { status, until },
            Answer::Body(body, _) => FetchOutcome::Fetched(body),
        })
    }

    /// GET the first `limit` bytes of a page (no validators); a 304 or a Retry-After is an
    /// error here, since there is nothing to read.
    pub async fn fetch_prefix(&self, url: &str, limit: usize) -> Result<PagePrefix, FetchError> {
        let reading = Reading::Prefix(limit);
        match self.exchange(url, &Validators::default(), reading).await? {
            Answer::Body(body, truncated) => Ok(PagePrefix {
                final_url: body.final_url,
                content_type: body.content_type,
                charset: body.charset,
                body: body.body,
                truncated,
            }),
            Answer::NotModified => Err(FetchError::Status { status: 304 }),
            Answer::RetryLater { status, .. } => Err(FetchError::Status { status }),
        }
    }

    async fn exchange(
        &self,
        url: &str,
        validators: &Validators,
        reading: Reading,
    ) -> Result<Answer, FetchError> {
        let start = redirect::parse_web_url(url)?;
        let permit = self.hosts.acquire(&start).await;
        let timeout = self.options.timeout;
        let exchange = self.follow_redirects(start, permit, validators, reading);
        match tokio::time::timeout(timeout, exchange).await {
            Ok(outcome) => outcome,
            Err(_elapsed) => Err(FetchError::TimedOut { after: timeout }),
        }
    }

    async fn follow_redirects(
        &self,
        start: Url,
        mut permit: politeness::HostPermit,
        validators: &Validators,
        reading: Reading,
    ) -> Result<Answer, FetchError> {
        let mut trail = RedirectTrail::new(start, self.options.max_redirects);
        loop {
            let response = self.send(trail.current(), validators).await?;
            let Some(next) = redirect::target(&response, trail.current())? else {
                // `permit` lives to the end of this function, so it covers the body too.
                return self.finish(response, &trail, reading).await;
            };
            let host_changes = politeness::host_key(&next) != politeness::host_key(trail.current());
            trail.follow(response.status(), next)?;
            if host_changes {
                // Let go of the old host before queueing for the new one, so that two
                // fetches redirecting across each other's hosts cannot deadlock.
                drop(permit);
                permit = self.hosts.acquire(trail.current()).await;
            }
        }
    }

    async fn send(
        &self,
        url: &Url,
        validators: &Validators,
    ) -> Result<reqwest::Response, FetchError> {
        let mut request = self.client.get(url.clone());
        // Validators come back from the database; a value that is not a valid header is skipped
        // rather than failing the fetch.
        let conditions = [
            (header::IF_NONE_MATCH, &validators.etag),
            (header::IF_MODIFIED_SINCE, &validators.last_modified),
        ];
        for (name, value) in conditions {
            if let Some(value) = value.as_deref().and_then(|v| HeaderValue::from_str(v).ok()) {
                request = request.header(name, value);
            }
        }
        request
            .send()
            .await
            .map_err(|e| error::from_transport(&e, url, self.options.connect_timeout))
    }

    /// The answer of the last hop: not modified, come back later, an error, or a body.
    async fn finish(
        &self,
        response: reqwest::Response,
        trail: &RedirectTrail,
        reading: Reading,
    ) -> Result<Answer, FetchError> {
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Answer::NotModified);
        }
        let busy =
            status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::SERVICE_UNAVAILABLE;
        if busy && let Some(until) = headers::retry_after(response.headers(), Utc::now()) {
            let status = status.as_u16();
            return Ok(Answer::RetryLater { status, until });
        }
        if !status.is_success() {
            let status = status.as_u16();
            return Err(FetchError::Status { status });
        }
        let validators = headers::validators(response.headers());
        let (content_type, charset) = headers::content_type(response.headers());
        let max_age = headers::max_age(response.headers());
        let (body, truncated) = match reading {
            Reading::Whole(limit) => (body::read_capped(response, limit).await?, false),
            Reading::Prefix(limit) => body::read_prefix(response, limit).await?,
        };
        let body = FetchedBody {
            status: status.as_u16(),
            final_url: trail.current().to_string(),
            moved_permanently_to: trail.moved_permanently_to(),
            validators,
            charset,
            content_type,
            body,
            max_age,
        };
        Ok(Answer::Body(body, truncated))
    }
}

//! What a route of the test server answers, built up with small chained calls.

use super::gzip;

/// A canned answer. `Clone` because the server hands out a copy per request, so a test can
/// replace a route while a slow request is still being served the old one.
#[derive(Debug, Clone)]
pub struct Response {
    pub(super) status: u16,
    pub(super) headers: Vec<(String, String)>,
    pub(super) body: Body,
    pub(super) etag: Option<String>,
    pub(super) last_modified: Option<String>,
    pub(super) framing: Framing,
    pub(super) stall: Stall,
}

#[derive(Debug, Clone)]
pub(super) enum Body {
    Bytes(Vec<u8>),
    /// `len` copies of one byte, written in chunks rather than held in memory.
    Repeated {
        byte: u8,
        len: usize,
    },
}

impl Body {
    pub(super) fn len(&self) -> usize {
        match self {
            Body::Bytes(bytes) => bytes.len(),
            Body::Repeated { len, .. } => *len,
        }
    }
}

/// How the end of the body is told to the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Framing {
    ContentLength,
    /// No Content-Length: closing the connection ends the body.
    CloseDelimited,
    /// Announces the full length, sends this many bytes, then closes.
    TruncatedAfter(usize),
}

/// Where the server stops and waits. Stalls last until the server is dropped; held
/// responses go on when the test calls `release_one`/`release_all`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stall {
    None,
    BeforeHeaders,
    AfterHeaders,
    UntilReleased,
}

impl Response {
    /// 200 with this body and Content-Type.
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Response {
        Response::status(200)
            .with_header("Content-Type", content_type)
            .with_body(body)
    }

    /// Any status with a short text body.
    pub fn status(code: u16) -> Response {
        Response {
            status: code,
            headers: Vec::new(),
            body: Body::Bytes(format!("HTTP {code}\n").into_bytes()),
            etag: None,
            last_modified: None,
            framing: Framing::ContentLength,
            stall: Stall::None,
        }
    }

    /// A redirect (301, 302, 303, 307, 308) to `location`, relative or absolute.
    pub fn redirect(code: u16, location: &str) -> Response {
        Response::status(code).with_header("Location", location)
    }

    /// `len` bytes of XML-ish filler, streamed; with Content-Length unless
    /// `.close_delimited()` follows.
    pub fn oversized(len: usize) -> Response {
        let mut response = Response::status(200).with_header("Content-Type", "application/xml");
        response.body = Body::Repeated { byte: b'x', len };
        response
    }

    /// A gzip stream that inflates to `len` copies of `byte` but is only about `len / 160`
    /// bytes on the wire: for testing that a size cap applies after decompression.
    pub fn gzip_of_repeated(content_type: &str, byte: u8, len: usize) -> Response {
        Response::ok(content_type, gzip::encode_repeated(byte, len))
            .with_header("Content-Encoding", "gzip")
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Response {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    pub fn with_body(mut self, body: impl Into<Vec<u8>>) -> Response {
        self.body = Body::Bytes(body.into());
        self
    }

    /// Sends this ETag (give the quotes: `"\"v1\""`) and answers 304 to a matching
    /// If-None-Match.
    pub fn with_etag(mut self, etag: &str) -> Response {
        self.etag = Some(etag.to_string());
        self
    }

    /// Sends this Last-Modified (an HTTP-date) and answers 304 to an If-Modified-Since at or
    /// after it, when the request has no If-None-Match.
    pub fn with_last_modified(mut self, http_date: &str) -> Response {
        self.last_modified = Some(http_date.to_string());
        self
    }

    pub fn with_retry_after(self, value: &str) -> Response {
        self.with_header("Retry-After", value)
    }

    /// Gzip-encodes the current body (stored blocks, no compression) and says so.
    pub fn gzip(mut self) -> Response {
        if let Body::Bytes(bytes) = &self.body {
            self.body = Body::Bytes(gzip::encode_stored(bytes));
        }
        self.with_header("Content-Encoding", "gzip")
    }

    pub fn close_delimited(mut self) -> Response {
        self.framing = Framing::CloseDelimited;
        self
    }

    /// Announces the whole body but closes the connection after `sent` bytes.
    pub fn truncated_after(mut self, sent: usize) -> Response {
        self.framing = Framing::TruncatedAfter(sent);
        self
    }

    /// Reads the request, then sends nothing until the server is dropped.
    pub fn stall_before_headers(mut self) -> Response {
        self.stall = Stall::BeforeHeaders;
        self
    }

    /// Sends the status line and headers, then nothing until the server is dropped.
    pub fn stall_after_headers(mut self) -> Response {
        self.stall = Stall::AfterHeaders;
        self
    }

    /// Waits, counted by `TestServer::held`, until the test releases it.
    pub fn held_until_released(mut self) -> Response {
        self.stall = Stall::UntilReleased;
        self
    }
}

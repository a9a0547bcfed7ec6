//! One connection of the test server: read a request head, write the route's response.

use super::response::{Body, Framing, Response, Stall};
use super::server::{Request, Shared};
use chrono::{DateTime, Utc};
use std::io::{self, Read, Write};
use std::net::TcpStream;

const MAX_HEAD_BYTES: usize = 64 * 1024;

enum ReadError {
    /// The client closed the connection or it broke.
    Closed,
    /// Not an HTTP/1.1 request head: a TLS ClientHello, for instance.
    NotHttp,
}

pub(super) fn serve(shared: &Shared, mut stream: TcpStream) {
    let request = match read_request(&mut stream) {
        Ok(request) => request,
        Err(ReadError::NotHttp) => {
            let _ = stream.write_all(
                b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
            return;
        }
        Err(ReadError::Closed) => return,
    };
    let response = shared.accept_request(&request);
    let _in_flight = shared.enter();
    // A client that gave up makes writes fail; that is its right, not a test failure.
    let _ = respond(shared, &mut stream, &request, &response);
}

fn read_request(stream: &mut TcpStream) -> Result<Request, ReadError> {
    let mut head = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let read = stream.read(&mut chunk).map_err(|_| ReadError::Closed)?;
        if read == 0 {
            return Err(ReadError::Closed);
        }
        head.extend_from_slice(&chunk[..read]);
        if !head[0].is_ascii_uppercase() || head.len() > MAX_HEAD_BYTES {
            return Err(ReadError::NotHttp);
        }
        if let Some(end) = head.windows(4).position(|window| window == b"\r\n\r\n") {
            return parse_head(&head[..end]).ok_or(ReadError::NotHttp);
        }
    }
}

fn parse_head(head: &[u8]) -> Option<Request> {
    let text = std::str::from_utf8(head).ok()?;
    let mut lines = text.split("\r\n");
    let mut request_line = lines.next()?.split(' ');
    let method = request_line.next()?.to_string();
    let target = request_line.next()?.to_string();
    let headers = lines
        .map(|line| {
            let (name, value) = line.split_once(':')?;
            Some((name.trim().to_string(), value.trim().to_string()))
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Request {
        method,
        target,
        headers,
    })
}

fn respond(
    shared: &Shared,
    stream: &mut TcpStream,
    request: &Request,
    response: &Response,
) -> io::Result<()> {
    match response.stall {
        Stall::BeforeHeaders => {
            shared.wait_until_shutdown();
            return Ok(());
        }
        Stall::UntilReleased if !shared.wait_for_release() => return Ok(()),
        _ => {}
    }
    if is_not_modified(request, response) {
        return stream.write_all(head(304, &validator_headers(response), None).as_bytes());
    }
    let mut headers = response.headers.clone();
    headers.extend(validator_headers(response));
    let content_length = match response.framing {
        Framing::ContentLength | Framing::TruncatedAfter(_) => Some(response.body.len()),
        Framing::CloseDelimited => None,
    };
    stream.write_all(head(response.status, &headers, content_length).as_bytes())?;
    if response.stall == Stall::AfterHeaders {
        stream.flush()?;
        shared.wait_until_shutdown();
        return Ok(());
    }
    let sent = match response.framing {
        Framing::TruncatedAfter(sent) => sent.min(response.body.len()),
        _ => response.body.len(),
    };
    write_body(stream, &response.body, sent)?;
    stream.flush()
}

fn head(status: u16, headers: &[(String, String)], content_length: Option<usize>) -> String {
    let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if let Some(length) = content_length {
        head.push_str(&format!("Content-Length: {length}\r\n"));
    }
    head.push_str("Connection: close\r\n\r\n");
    head
}

fn write_body(stream: &mut TcpStream, body: &Body, sent: usize) -> io::Result<()> {
    match body {
        Body::Bytes(bytes) => stream.write_all(&bytes[..sent]),
        Body::Repeated { byte, .. } => {
            let chunk = vec![*byte; 64 * 1024];
            let mut left = sent;
            while left > 0 {
                let part = left.min(chunk.len());
                stream.write_all(&chunk[..part])?;
                left -= part;
            }
            Ok(())
        }
    }
}

fn validator_headers(response: &Response) -> Vec<(String, String)> {
    let etag = response
        .etag
        .iter()
        .map(|etag| ("ETag".to_string(), etag.clone()));
    let modified = response.last_modified.iter();
    etag.chain(modified.map(|date| ("Last-Modified".to_string(), date.clone())))
        .collect()
}

/// RFC 9110 §13.2.2: If-None-Match decides when present; If-Modified-Since only otherwise.
fn is_not_modified(request: &Request, response: &Response) -> bool {
    if response.status != 200 {
        return false;
    }
    if let Some(candidates) = request.header("If-None-Match") {
        let Some(etag) = &response.etag else {
            return false;
        };
        let opaque = |tag: &str| tag.trim().trim_start_matches("W/").to_string();
        return candidates
            .split(',')
            .any(|candidate| candidate.trim() == "*" || opaque(candidate) == opaque(etag));
    }
    let since = request
        .header("If-Modified-Since")
        .and_then(parse_http_date);
    let modified = response.last_modified.as_deref().and_then(parse_http_date);
    matches!((since, modified), (Some(since), Some(modified)) if since >= modified)
}

fn parse_http_date(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc2822(text)
        .ok()
        .map(|date| date.to_utc())
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        404 => "Not Found",
        410 => "Gone",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Unknown",
    }
}

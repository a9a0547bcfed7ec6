//! What went wrong with a fetch, in one sentence a clinician can act on.

use std::error::Error as StdError;
use std::io;
use std::time::Duration;
use url::Url;

#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("not a web address (http or https): {url} ({reason})")]
    InvalidUrl { url: String, reason: String },
    #[error("could not find the server {host} (DNS lookup failed)")]
    Dns { host: String },
    #[error("could not connect to {address}: {reason}")]
    Connect { address: String, reason: String },
    #[error("the secure connection to {address} failed: {reason}")]
    Tls { address: String, reason: String },
    #[error("the request to {url} failed: {reason}")]
    Request { url: String, reason: String },
    #[error("timed out after {}", describe_duration(*after))]
    TimedOut { after: Duration },
    #[error("the server answered HTTP {}", describe_status(*status))]
    Status { status: u16 },
    #[error("too many redirects (more than {max})")]
    TooManyRedirects { max: usize },
    #[error("the server answered HTTP {status} with an unusable redirect: {reason}")]
    BadRedirect { status: u16, reason: String },
    #[error("the response is larger than {}", describe_size(*limit))]
    TooLarge { status: u16, limit: usize },
    #[error("the response could not be decompressed: {reason}")]
    Decode { status: u16, reason: String },
    #[error("the connection broke while reading the response: {reason}")]
    Body { status: u16, reason: String },
}

impl FetchError {
    /// The HTTP status to record for the source, when there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            FetchError::Status { status }
            | FetchError::BadRedirect { status, .. }
            | FetchError::TooLarge { status, .. }
            | FetchError::Decode { status, .. }
            | FetchError::Body { status, .. } => Some(*status),
            FetchError::InvalidUrl { .. }
            | FetchError::Dns { .. }
            | FetchError::Connect { .. }
            | FetchError::Tls { .. }
            | FetchError::Request { .. }
            | FetchError::TimedOut { .. }
            | FetchError::TooManyRedirects { .. } => None,
        }
    }
}

/// A failure before any response arrived: DNS, connect, TLS, or the exchange itself.
pub(super) fn from_transport(
    error: &reqwest::Error,
    url: &Url,
    connect_timeout: Duration,
) -> FetchError {
    let host = url.host_str().unwrap_or_default().to_string();
    let address = format!("{host}:{}", url.port_or_known_default().unwrap_or_default());
    if error.is_dns() {
        return FetchError::Dns { host };
    }
    if let Some(reason) = tls_failure(error) {
        return FetchError::Tls { address, reason };
    }
    if error.is_timeout() {
        // The whole-exchange limit is ours (tokio::time::timeout), so reqwest's can only be
        // the connect timeout.
        let reason = format!("timed out after {}", describe_duration(connect_timeout));
        return FetchError::Connect { address, reason };
    }
    if error.is_connect() {
        let reason = innermost_reason(error);
        return FetchError::Connect { address, reason };
    }
    let reason = innermost_reason(error);
    FetchError::Request {
        url: url.to_string(),
        reason,
    }
}

/// A failure while streaming the body of a response with `status`.
pub(super) fn from_body(error: &reqwest::Error, status: u16) -> FetchError {
    let reason = innermost_reason(error);
    // reqwest calls every body error "decode" once the decompression layer is in, even a
    // connection cut short; only the decompressor reports InvalidData.
    let deepest_io_kind = causes(error)
        .filter_map(|cause| cause.downcast_ref::<io::Error>())
        .last()
        .map(io::Error::kind);
    if deepest_io_kind == Some(io::ErrorKind::InvalidData) {
        FetchError::Decode { status, reason }
    } else {
        FetchError::Body { status, reason }
    }
}

fn causes<'a>(
    error: &'a (dyn StdError + 'static),
) -> impl Iterator<Item = &'a (dyn StdError + 'static)> {
    std::iter::successors(Some(error), |&e| e.source())
}

/// rustls errors travel inside (nested) `io::Error`s, whose `source()` skips the error they
/// wrap: look inside each layer.
fn tls_failure(error: &reqwest::Error) -> Option<String> {
    causes(error).find_map(|cause| {
        let mut layer: &(dyn StdError + 'static) = cause;
        loop {
            if let Some(tls) = layer.downcast_ref::<rustls::Error>() {
                return Some(tls.to_string());
            }
            layer = layer.downcast_ref::<io::Error>()?.get_ref()?;
        }
    })
}

/// The deepest cause says what happened ("connection refused"); the outer layers only say
/// where ("error sending request", "client error (Connect)").
fn innermost_reason(error: &reqwest::Error) -> String {
    let deepest = causes(error).last().map(|e| e.to_string());
    tidy(&deepest.unwrap_or_default())
}

/// `Connection refused (os error 111)` → `connection refused`.
fn tidy(message: &str) -> String {
    let message = match message.rfind(" (os error ") {
        Some(at) if message.ends_with(')') => &message[..at],
        _ => message,
    };
    let mut chars = message.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => first
            .to_lowercase()
            .chain(message[first.len_utf8()..].chars())
            .collect(),
        _ => message.to_string(),
    }
}

/// `60 s`, `300 ms`, `1.5 s`.
pub(super) fn describe_duration(duration: Duration) -> String {
    if duration < Duration::from_secs(1) {
        format!("{} ms", duration.as_millis())
    } else if duration.subsec_millis() == 0 {
        format!("{} s", duration.as_secs())
    } else {
        format!("{:.1} s", duration.as_secs_f64())
    }
}

/// `16 MiB`, `64 KiB`, `1000 bytes`.
pub(super) fn describe_size(bytes: usize) -> String {
    const KIB: usize = 1024;
    const MIB: usize = 1024 * KIB;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= KIB && bytes.is_multiple_of(KIB) {
        format!("{} KiB", bytes / KIB)
    } else {
        format!("{bytes} bytes")
    }
}

/// `404 Not Found`, or the bare number for codes without a standard reason.
fn describe_status(status: u16) -> String {
    let reason = reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|code| code.canonical_reason());
    match reason {
        Some(reason) => format!("{status} {reason}"),
        None => status.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_limit_and_the_status() {
        let too_large = FetchError::TooLarge {
            status: 200,
            limit: 16 * 1024 * 1024,
        };
        assert_eq!(too_large.to_string(), "the response is larger than 16 MiB");
        let timed_out = FetchError::TimedOut {
            after: Duration::from_secs(60),
        };
        assert_eq!(timed_out.to_string(), "timed out after 60 s");
        let not_found = FetchError::Status { status: 404 };
        assert_eq!(
            not_found.to_string(),
            "the server answered HTTP 404 Not Found"
        );
        assert_eq!(
            FetchError::Status { status: 599 }.to_string(),
            "the server answered HTTP 599"
        );
    }

    #[test]
    fn durations_and_sizes_read_naturally() {
        assert_eq!(describe_duration(Duration::from_millis(300)), "300 ms");
        assert_eq!(describe_duration(Duration::from_millis(1500)), "1.5 s");
        assert_eq!(describe_size(64 * 1024), "64 KiB");
        assert_eq!(describe_size(1000), "1000 bytes");
    }

    #[test]
    fn os_error_noise_is_removed() {
        assert_eq!(
            tidy("Connection refused (os error 111)"),
            "connection refused"
        );
        assert_eq!(tidy("TLS handshake eof"), "TLS handshake eof");
    }
}

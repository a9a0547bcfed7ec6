//! Reading a body without trusting the server about its size.

use super::FetchError;
use super::error;

/// The decoded body, or `TooLarge` as soon as it passes `limit` bytes. The cap applies after
/// decompression, so a small gzip bomb is stopped as early as a huge plain body.
pub(super) async fn read_capped(
    mut response: reqwest::Response,
    limit: usize,
) -> Result<Vec<u8>, FetchError> {
    let status = response.status().as_u16();
    let too_large = FetchError::TooLarge { status, limit };
    // reqwest drops Content-Length when it decodes, so a known length is the decoded one.
    let declared = response.content_length();
    if declared.is_some_and(|length| length > limit as u64) {
        return Err(too_large);
    }
    // Trust the declared length for the first allocation only up to a modest size.
    let first_allocation = declared.map_or(0, |length| length.min(1 << 20) as usize);
    let mut body = Vec::with_capacity(first_allocation);
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| error::from_body(&e, status))?
    {
        if body.len() + chunk.len() > limit {
            return Err(too_large);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// At most `limit` bytes of the decoded body, and whether there was more: for discovery,
/// which reads the start of a page and never needs the rest.
pub(super) async fn read_prefix(
    mut response: reqwest::Response,
    limit: usize,
) -> Result<(Vec<u8>, bool), FetchError> {
    let status = response.status().as_u16();
    let mut body = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| error::from_body(&e, status))?
    {
        let room = limit - body.len();
        if chunk.len() > room {
            body.extend_from_slice(&chunk[..room]);
            return Ok((body, true));
        }
        body.extend_from_slice(&chunk);
    }
    Ok((body, false))
}

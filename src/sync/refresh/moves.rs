//! Feeds that say they have moved: `<redirect><newLocation>` or `itunes:new-feed-url` in the
//! document. Like a permanent HTTP redirect, the stored address changes, but only once the new
//! address has answered with a feed: a typo in a publisher's template must not cost the user
//! the subscription.

use super::fetching::{Fetched, parse_body};
use crate::fetch::http::{FetchOutcome, HttpClient, Validators};
use crate::model::Source;
use tokio::sync::Semaphore;

/// When `fetched` announces a new address, fetches it once: if it answers with a feed, that
/// feed is stored and the source moves there; otherwise the announcing document is kept.
pub(super) async fn follow(
    client: &HttpClient,
    source: &Source,
    fetched: Fetched,
    parsers: &Semaphore,
) -> Fetched {
    let Fetched::Parsed {
        announced_move: Some(new_url),
        ..
    } = &fetched
    else {
        return fetched;
    };
    if !super::is_http(new_url) || *new_url == source.url {
        return fetched;
    }
    let body = match client.fetch(new_url, &Validators::default()).await {
        Ok(FetchOutcome::Fetched(body)) => body,
        Ok(_) => return fetched,
        Err(error) => {
            tracing::info!(from = %source.url, to = %new_url, %error, "announced new address did not answer");
            return fetched;
        }
    };
    // The new address is a different document: parse it whatever the old body's fingerprint.
    let at_new_address = Source {
        url: new_url.clone(),
        body_hash: None,
        ..source.clone()
    };
    let final_url = body
        .moved_permanently_to
        .clone()
        .unwrap_or_else(|| new_url.clone());
    let _parser = parsers.acquire().await;
    match parse_body(&at_new_address, body).await {
        Fetched::Parsed {
            mut update, items, ..
        } => {
            update.moved_to = Some(final_url);
            Fetched::Parsed {
                update,
                items,
                announced_move: None,
            }
        }
        _ => fetched,
    }
}

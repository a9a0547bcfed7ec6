//! The JSON documents scripts read: stable field names, built from the model, never the model.
//! The item JSON lives with the exports (`export json` writes it too).

pub use crate::export::json::{ItemJson, rfc3339};
use crate::model::Source;
use serde::Serialize;

#[derive(Serialize)]
pub struct SourceJson {
    pub id: i64,
    pub url: String,
    pub title: String,
    pub site_url: Option<String>,
    pub kind: &'static str,
    pub category: Option<String>,
    pub tags: Vec<String>,
    pub last_fetch: Option<String>,
    pub last_success: Option<String>,
    pub last_status: Option<u16>,
    pub last_error: Option<String>,
    pub failures: u32,
    /// When its schedule next wants it (or a server's Retry-After, if later); null: now.
    pub next_fetch: Option<String>,
    /// What the last document needed repaired (`bare-ampersand`, `salvaged-items: 12 of 14`).
    pub repairs: Vec<String>,
    pub items: u64,
    pub unread: u64,
    /// The refresh interval in force, in seconds, and whether the user chose it.
    pub every_seconds: u64,
    pub every_chosen: bool,
    /// What was followed when the feed is a bridge's: `https://x.com/CDCgov`.
    pub origin: Option<String>,
}

impl SourceJson {
    pub fn new(source: Source, policy: &crate::sync::schedule::SchedulePolicy) -> SourceJson {
        let every_seconds = policy.interval(&source).as_secs();
        let next_fetch = policy.due_at(&source).map(rfc3339);
        SourceJson {
            every_seconds,
            every_chosen: source.refresh_every.is_some(),
            origin: source.origin.clone(),
            id: source.id.0,
            url: source.url,
            title: source.title,
            site_url: source.site_url,
            kind: source.kind.as_str(),
            category: source.category,
            tags: source.tags,
            last_fetch: source.last_fetch.map(rfc3339),
            last_success: source.last_success.map(rfc3339),
            last_status: source.last_status,
            last_error: source.last_error,
            failures: source.failures,
            next_fetch,
            repairs: source.repairs,
            items: source.item_count,
            unread: source.unread_count,
        }
    }
}

//! The JSON documents scripts read: stable field names, built from the model, never the model.

use crate::model::{Item, ItemAlert, Source};
use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

#[derive(Serialize)]
pub struct ItemJson {
    pub id: i64,
    pub source_id: i64,
    pub source_title: String,
    pub source_url: String,
    pub category: Option<String>,
    pub title: String,
    pub url: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub read: bool,
    pub saved: bool,
    pub tags: Vec<String>,
    pub doi: Option<String>,
    pub pmid: Option<String>,
    pub alerts: Vec<ItemAlertJson>,
    pub also_in: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
}

impl ItemJson {
    /// `with_bodies` adds summary and content (for `show`).
    pub fn new(item: Item, also_in: Vec<String>, with_bodies: bool) -> ItemJson {
        ItemJson {
            id: item.id.0,
            source_id: item.source_id.0,
            source_title: item.source_title,
            source_url: item.source_url,
            category: item.category,
            title: item.title,
            url: item.url,
            author: item.author,
            published: item.published.map(rfc3339),
            read: item.read.is_some(),
            saved: item.saved.is_some(),
            tags: item.tags,
            doi: item.doi,
            pmid: item.pmid,
            alerts: item.alerts.iter().map(ItemAlertJson::from).collect(),
            also_in,
            summary: if with_bodies { item.summary } else { None },
            content: if with_bodies { item.content } else { None },
        }
    }
}

/// A watch that alerted an item.
#[derive(Serialize)]
pub struct ItemAlertJson {
    pub watch: String,
    pub urgent: bool,
    pub acknowledged: bool,
    pub raised: String,
}

impl From<&ItemAlert> for ItemAlertJson {
    fn from(alert: &ItemAlert) -> ItemAlertJson {
        ItemAlertJson {
            watch: alert.watch.clone(),
            urgent: alert.urgent,
            acknowledged: alert.acknowledged.is_some(),
            raised: rfc3339(alert.raised),
        }
    }
}

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

pub fn rfc3339(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Secs, true)
}

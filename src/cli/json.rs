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
    pub last_status: Option<u16>,
    pub last_error: Option<String>,
    pub failures: u32,
    pub next_fetch: Option<String>,
    pub items: u64,
    pub unread: u64,
}

impl From<Source> for SourceJson {
    fn from(source: Source) -> SourceJson {
        SourceJson {
            id: source.id.0,
            url: source.url,
            title: source.title,
            site_url: source.site_url,
            kind: source.kind.as_str(),
            category: source.category,
            tags: source.tags,
            last_fetch: source.last_fetch.map(rfc3339),
            last_status: source.last_status,
            last_error: source.last_error,
            failures: source.failures,
            next_fetch: source.next_fetch.map(rfc3339),
            items: source.item_count,
            unread: source.unread_count,
        }
    }
}

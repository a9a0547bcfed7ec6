//! What the store's tests share: a day of November 2026; for the watch and alert tests, an FDA
//! recall as it arrives and a store with one regulator feed and no watch yet.

use super::Store;
use crate::model::{NewItem, NewSource, SourceId};
use chrono::{DateTime, TimeZone, Utc};

/// Noon (UTC) on that day of November 2026.
pub fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, 12, 0, 0).unwrap()
}

pub fn recall(guid: &str, title: &str, day: u32) -> NewItem {
    NewItem {
        guid: guid.into(),
        url: Some(format!("https://fda.example/{guid}")),
        title: title.into(),
        published: Some(at(day)),
        summary: Some(format!("<p>{title}</p>")),
        ..NewItem::default()
    }
}

/// A store without the default watches, with one source.
pub fn empty_store() -> (Store, SourceId) {
    let mut store = Store::open_in_memory().unwrap();
    for watch in store.watches().unwrap() {
        store.remove_watch(watch.id).unwrap();
    }
    let source = NewSource {
        url: "https://fda.example/recalls.rss".into(),
        title: Some("FDA recalls".into()),
        category: Some("regulator".into()),
        ..NewSource::default()
    };
    let id = store.add_source(&source, at(1)).unwrap();
    (store, id)
}

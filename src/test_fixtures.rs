//! Model values for the unit tests of every module: items and river rows, sources, watches,
//! all dated from one fixed `now`.

use crate::model::{Item, ItemId, ItemSummary, Source, SourceId, SourceKind, Watch, WatchId};
use chrono::{DateTime, TimeZone, Utc};

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 9, 30, 0)
        .single()
        .expect("valid date")
}

pub fn summary(id: i64, title: &str) -> ItemSummary {
    ItemSummary {
        id: ItemId(id),
        source_id: SourceId(1),
        source_title: "NEJM".into(),
        title: title.into(),
        url: Some(format!(
            "https://www.nejm.org/doi/full/10.1056/NEJMoa26{id:05}"
        )),
        published: Some(now() - chrono::Duration::hours(id)),
        read: false,
        saved: false,
        tags: Vec::new(),
        doi: None,
        pmid: None,
        nct: None,
        evidence: crate::model::Evidence::default(),
        story: crate::model::StoryInfo {
            id: crate::model::StoryId(id),
            versions: 1,
            lead: true,
        },
        watches: Vec::new(),
        alert: crate::model::AlertState::None,
    }
}

pub fn summaries(count: i64) -> Vec<ItemSummary> {
    (1..=count)
        .map(|id| summary(id, &format!("Trial report {id}")))
        .collect()
}

pub fn item(id: i64, content: &str) -> Item {
    Item {
        id: ItemId(id),
        source_id: SourceId(1),
        source_title: "NEJM".into(),
        source_url: "https://www.nejm.org/rss".into(),
        category: Some("journal".into()),
        guid: format!("nejm-{id}"),
        url: Some("https://www.nejm.org/doi/full/10.1056/NEJMoa2600001".into()),
        title: "Empagliflozin after Acute Myocardial Infarction".into(),
        author: Some("S. Butler, J. Jones".into()),
        published: Some(now() - chrono::Duration::hours(3)),
        updated: None,
        summary: None,
        content: Some(content.into()),
        enclosure_url: None,
        enclosure_type: None,
        categories: Vec::new(),
        doi: Some("10.1056/NEJMoa2600001".into()),
        pmid: None,
        fetched: now(),
        read: None,
        saved: None,
        tags: vec!["cardio".into()],
        paper: crate::model::Paper::default(),
        evidence: crate::model::Evidence::default(),
        story: crate::model::StoryInfo {
            id: crate::model::StoryId(id),
            versions: 1,
            lead: true,
        },
        alerts: Vec::new(),
    }
}

pub fn source(id: i64, title: &str, category: Option<&str>, unread: u64) -> Source {
    Source {
        id: SourceId(id),
        url: format!("https://example.org/{id}.xml"),
        site_url: None,
        title: title.into(),
        kind: SourceKind::Rss,
        category: category.map(str::to_string),
        tags: Vec::new(),
        etag: None,
        last_modified: None,
        body_hash: None,
        last_fetch: None,
        last_success: None,
        last_status: None,
        last_error: None,
        failures: 0,
        next_fetch: None,
        repairs: Vec::new(),
        item_count: unread,
        unread_count: unread,
        refresh_every: None,
        feed_interval: None,
        origin: None,
        // Fetched a while ago: due again in half an hour.
        due: Some(now() + chrono::Duration::minutes(30)),
    }
}

pub fn watch(id: i64, name: &str, urgent: bool, unacknowledged: u64) -> Watch {
    Watch {
        id: WatchId(id),
        name: name.into(),
        query: format!("{name} OR recall"),
        urgent,
        created: now(),
        alerts: unacknowledged + 2,
        unacknowledged,
    }
}

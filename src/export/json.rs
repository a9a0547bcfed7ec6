//! The item JSON that scripts read (`list --json`, `show --json`, `export json`): stable field
//! names, built from the model, never the model itself.

use crate::model::{Item, ItemAlert, Version};
use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

#[derive(Debug, Serialize)]
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
    /// The watches that alerted the item, with urgent and acknowledged.
    pub alerts: Vec<ItemAlertJson>,
    /// The other versions of the item's story (the same paper in other feeds).
    pub also_in: Vec<AlsoInJson>,
    pub story: i64,
    pub authors: Vec<String>,
    pub journal: Option<String>,
    pub volume: Option<String>,
    pub issue: Option<String>,
    pub pages: Option<String>,
    pub article_type: Option<String>,
    pub pmcid: Option<String>,
    /// The first ClinicalTrials.gov registration the item names; `ncts` has them all.
    pub nct: Option<String>,
    pub ncts: Vec<String>,
    pub preprint: bool,
    /// `retraction` or `expression_of_concern` when a version of the story says so.
    pub notice: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct AlsoInJson {
    pub id: i64,
    pub source_id: i64,
    pub source: String,
    pub title: String,
    pub url: Option<String>,
}

impl From<&Version> for AlsoInJson {
    fn from(version: &Version) -> AlsoInJson {
        AlsoInJson {
            id: version.id.0,
            source_id: version.source_id.0,
            source: version.source_title.clone(),
            title: version.title.clone(),
            url: version.url.clone(),
        }
    }
}

impl ItemJson {
    /// `with_bodies` adds summary and content (for `show`). A notice on another version of
    /// the story counts for this one too.
    pub fn new(item: Item, also_in: &[Version], with_bodies: bool) -> ItemJson {
        let notice = also_in
            .iter()
            .filter_map(|version| version.evidence.notice)
            .chain(item.evidence.notice)
            .max();
        let paper = item.paper;
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
            also_in: also_in.iter().map(AlsoInJson::from).collect(),
            story: item.story.id.0,
            authors: paper.authors,
            journal: paper.journal,
            volume: paper.volume,
            issue: paper.issue,
            pages: paper.pages,
            article_type: paper.article_type,
            pmcid: paper.pmcid,
            nct: paper.ncts.first().cloned(),
            ncts: paper.ncts,
            preprint: item.evidence.preprint,
            notice: notice.map(|notice| notice.name()),
            summary: if with_bodies { item.summary } else { None },
            content: if with_bodies { item.content } else { None },
        }
    }
}

pub fn rfc3339(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Items as one pretty JSON array, as `list --json` prints them.
pub fn write_json(items: &[ItemJson]) -> String {
    let mut text = serde_json::to_string_pretty(items).unwrap_or_else(|_| "[]".to_string());
    text.push('\n');
    text
}

/// A watch that alerted an item.
#[derive(Debug, Serialize)]
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

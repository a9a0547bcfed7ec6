//! Watches and the urgent items they pinned.

use super::now;
use chrono::Duration;
use rounds::model::{AlertState, ItemId, ItemSummary, SourceId, Watch, WatchId};

pub fn watches() -> Vec<Watch> {
    let watch = |id, name: &str, query: &str, urgent, alerts, unacknowledged| Watch {
        id: WatchId(id),
        name: name.into(),
        query: query.into(),
        urgent,
        created: now() - Duration::days(30),
        alerts,
        unacknowledged,
    };
    vec![
        watch(
            1,
            "safety",
            "title:recall OR \"safety communication\" OR \"boxed warning\" OR title:shortage",
            true,
            14,
            2,
        ),
        watch(
            3,
            "blood",
            "\"blood donation\" OR \"blood supply\"",
            false,
            3,
            0,
        ),
        watch(
            2,
            "outbreaks",
            "title:outbreak OR \"health advisory\" OR source:\"disease outbreak news\"",
            false,
            9,
            4,
        ),
    ]
}

/// Two urgent items waiting to be acknowledged, newest first.
pub fn pinned_rows() -> Vec<ItemSummary> {
    let row =
        |id: i64, source_id, source: &str, title: &str, hours, watches: &[&str]| ItemSummary {
            id: ItemId(id),
            source_id: SourceId(source_id),
            source_title: source.into(),
            title: title.into(),
            url: Some(format!("https://www.example.org/article/{id}")),
            published: Some(now() - Duration::hours(hours)),
            read: false,
            saved: false,
            tags: Vec::new(),
            doi: None,
            pmid: None,
            nct: None,
            evidence: rounds::model::Evidence::default(),
            story: rounds::model::StoryInfo {
                id: rounds::model::StoryId(id),
                versions: 1,
                lead: true,
            },
            watches: watches.iter().map(|w| w.to_string()).collect(),
            alert: AlertState::Urgent,
        };
    vec![
        row(
            901,
            4,
            "FDA MedWatch",
            "Recall: insulin pump controllers may stop delivering insulin",
            7,
            &["safety"],
        ),
        row(
            902,
            5,
            "EMA news",
            "Shortage of benzathine benzylpenicillin: prioritise syphilis in pregnancy",
            30,
            &["outbreaks", "safety"],
        ),
    ]
}

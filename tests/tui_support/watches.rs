//! Watches and the urgent items they pinned.

use super::now;
use super::river::summary;
use chrono::Duration;
use rounds::model::{AlertState, ItemSummary, Watch, WatchId};

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
    let row = |id, source, title: &str, hours, watches: &[&str]| ItemSummary {
        watches: watches.iter().map(|w| w.to_string()).collect(),
        alert: AlertState::Urgent,
        ..summary(id, source, title, hours)
    };
    vec![
        row(
            901,
            (4, "FDA MedWatch"),
            "Recall: insulin pump controllers may stop delivering insulin",
            7,
            &["safety"],
        ),
        row(
            902,
            (5, "EMA news"),
            "Shortage of benzathine benzylpenicillin: prioritise syphilis in pregnancy",
            30,
            &["outbreaks", "safety"],
        ),
    ]
}

//! The notification command: a program the user names in the config (`notify_command`, an
//! argv list, never a shell line), run once per new alert after the refresh has committed, with
//! the alert in its arguments (`{title}`, `{url}`, ...) and in `ROUNDS_ALERT_*` variables. Each
//! run has a time limit; a failure is logged and reported, never fatal. More alerts than the
//! burst limit in one refresh send one summary instead.

use crate::model::NewAlert;
use crate::text::sanitize_line;
use std::process::Stdio;
use std::time::Duration;
use tokio::process::Command;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotifySettings {
    /// Program and arguments; empty: no notifications.
    pub command: Vec<String>,
    /// How long one run may take before it is stopped.
    pub timeout: Duration,
    /// More alerts than this in one refresh send one summary notification.
    pub burst_limit: usize,
}

impl Default for NotifySettings {
    fn default() -> Self {
        NotifySettings {
            command: Vec::new(),
            timeout: Duration::from_secs(10),
            burst_limit: 5,
        }
    }
}

/// What a round of notifications did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NotifyReport {
    /// Runs that exited successfully.
    pub sent: usize,
    /// One sentence per run that failed, timed out or could not start.
    pub failures: Vec<String>,
}

/// One notification's values, by placeholder name.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Message {
    title: String,
    url: String,
    source: String,
    watch: String,
    urgent: bool,
    id: String,
    published: String,
    count: usize,
}

/// Sends the notifications for `alerts` (urgent ones first), one after the other.
pub async fn notify(alerts: &[NewAlert], settings: &NotifySettings) -> NotifyReport {
    let mut report = NotifyReport::default();
    if settings.command.is_empty() || alerts.is_empty() {
        return report;
    }
    for message in messages(alerts, settings.burst_limit) {
        match run(&settings.command, &message, settings.timeout).await {
            Ok(()) => report.sent += 1,
            Err(failure) => {
                tracing::warn!(%failure, "notification failed");
                report.failures.push(failure);
            }
        }
    }
    report
}

/// One message per alert, or one summary when there are more than `burst_limit`.
fn messages(alerts: &[NewAlert], burst_limit: usize) -> Vec<Message> {
    let mut ordered: Vec<&NewAlert> = alerts.iter().collect();
    ordered.sort_by_key(|alert| !alert.urgent);
    if ordered.len() > burst_limit {
        return vec![summary(&ordered)];
    }
    ordered.into_iter().map(message).collect()
}

fn message(alert: &NewAlert) -> Message {
    Message {
        title: sanitize_line(&alert.title),
        url: alert.url.as_deref().map(sanitize_line).unwrap_or_default(),
        source: sanitize_line(&alert.source),
        watch: alert.watch.clone(),
        urgent: alert.urgent,
        id: alert.item_id.to_string(),
        published: alert
            .published
            .map(|time| time.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
            .unwrap_or_default(),
        count: 1,
    }
}

/// "12 new alerts, 3 urgent", with the watches and sources they came from.
fn summary(alerts: &[&NewAlert]) -> Message {
    let urgent = alerts.iter().filter(|alert| alert.urgent).count();
    let title = match urgent {
        0 => format!("{} new alerts", alerts.len()),
        n => format!("{} new alerts, {n} urgent", alerts.len()),
    };
    let watches = distinct(alerts.iter().map(|alert| alert.watch.as_str()));
    let sources = distinct(alerts.iter().map(|alert| alert.source.as_str()));
    let source = match sources.as_slice() {
        [one] => sanitize_line(one),
        many => format!("{} sources", many.len()),
    };
    Message {
        title,
        url: String::new(),
        source,
        watch: watches.join(", "),
        urgent: urgent > 0,
        id: String::new(),
        published: String::new(),
        count: alerts.len(),
    }
}

fn distinct<'a>(values: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen: Vec<&str> = Vec::new();
    for value in values {
        if !seen.contains(&value) {
            seen.push(value);
        }
    }
    seen
}

impl Message {
    fn fields(&self) -> [(&'static str, String); 8] {
        [
            ("title", self.title.clone()),
            ("url", self.url.clone()),
            ("source", self.source.clone()),
            ("watch", self.watch.clone()),
            ("urgent", self.urgent.to_string()),
            ("id", self.id.clone()),
            ("published", self.published.clone()),
            ("count", self.count.to_string()),
        ]
    }

    /// An argument with `{title}`, `{url}`, ... replaced; other braces are left as written.
    fn fill(&self, argument: &str) -> String {
        let mut filled = argument.to_string();
        for (name, value) in self.fields() {
            filled = filled.replace(&format!("{{{name}}}"), &value);
        }
        filled
    }
}

/// Runs the command once for `message`, stopping it after `timeout`.
async fn run(command: &[String], message: &Message, timeout: Duration) -> Result<(), String> {
    let program = &command[0];
    let mut process = Command::new(program);
    process
        .args(command[1..].iter().map(|argument| message.fill(argument)))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    for (name, value) in message.fields() {
        process.env(format!("ROUNDS_ALERT_{}", name.to_uppercase()), value);
    }
    let child = process
        .spawn()
        .map_err(|error| format!("cannot start the notify command {program}: {error}"))?;
    // Dropping the unfinished wait kills the child (kill_on_drop).
    let output = tokio::time::timeout(timeout, child.wait_with_output())
        .await
        .map_err(|_| {
            format!(
                "the notify command {program} took longer than {} s and was stopped",
                timeout.as_secs_f64()
            )
        })?
        .map_err(|error| format!("the notify command {program} failed: {error}"))?;
    if output.status.success() {
        return Ok(());
    }
    let said = String::from_utf8_lossy(&output.stderr);
    let said = said.lines().next().map(sanitize_line).unwrap_or_default();
    Err(format!(
        "the notify command {program} exited with {}{}",
        output.status,
        if said.is_empty() {
            String::new()
        } else {
            format!(": {said}")
        }
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ItemId;

    fn alert(id: i64, watch: &str, urgent: bool, source: &str) -> NewAlert {
        NewAlert {
            item_id: ItemId(id),
            watch: watch.into(),
            urgent,
            title: format!("Item {id}\u{1b}[31m recall"),
            source: source.into(),
            url: Some(format!("https://fda.example/{id}")),
            published: None,
        }
    }

    #[test]
    fn placeholders_are_filled_with_sanitized_values() {
        let message = message(&alert(7, "safety", true, "FDA"));
        assert_eq!(
            message.fill("{watch}: {title} <{url}> [{urgent}] #{id} {nope}"),
            "safety: Item 7 recall <https://fda.example/7> [true] #7 {nope}"
        );
    }

    #[test]
    fn urgent_first_and_a_summary_past_the_burst_limit() {
        let alerts = [
            alert(1, "outbreaks", false, "WHO"),
            alert(2, "safety", true, "FDA"),
        ];
        let ordered = messages(&alerts, 5);
        assert_eq!(
            ordered.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(),
            ["2", "1"]
        );
        let burst = messages(&alerts, 1);
        assert_eq!(burst.len(), 1);
        assert_eq!(burst[0].title, "2 new alerts, 1 urgent");
        assert_eq!(burst[0].watch, "safety, outbreaks");
        assert_eq!(burst[0].source, "2 sources");
        assert_eq!(burst[0].count, 2);
        assert!(burst[0].urgent);
    }

    #[tokio::test]
    async fn failures_are_reported_not_fatal() {
        let alerts = [alert(1, "safety", true, "FDA")];
        let missing = NotifySettings {
            command: vec!["/nonexistent/rounds-notify".into()],
            ..NotifySettings::default()
        };
        let report = notify(&alerts, &missing).await;
        assert_eq!(report.sent, 0);
        assert!(report.failures[0].contains("cannot start"), "{report:?}");

        let failing = NotifySettings {
            command: vec!["false".into()],
            ..NotifySettings::default()
        };
        let report = notify(&alerts, &failing).await;
        assert!(report.failures[0].contains("exited with"), "{report:?}");
    }

    #[tokio::test]
    async fn a_command_that_hangs_is_stopped_at_the_time_limit() {
        let settings = NotifySettings {
            command: vec!["sleep".into(), "30".into()],
            timeout: Duration::from_millis(200),
            ..NotifySettings::default()
        };
        let started = std::time::Instant::now();
        let report = notify(&[alert(1, "safety", true, "FDA")], &settings).await;
        assert!(started.elapsed() < Duration::from_secs(10));
        assert!(report.failures[0].contains("took longer"), "{report:?}");
    }
}

//! What the status bar says: refresh progress while fetching, then the last result or error.

use crate::sync::progress::{Progress, RefreshSummary};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RefreshProgress {
    pub done: usize,
    pub total: usize,
    pub new_items: usize,
    pub failed: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Info(String),
    Error(String),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    pub refresh: Option<RefreshProgress>,
    /// Another refresh was asked for while this one runs; the worker starts it next.
    pub refresh_queued: bool,
    pub message: Option<Message>,
}

impl Status {
    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message::Info(text.into()));
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message::Error(text.into()));
    }

    pub fn is_refreshing(&self) -> bool {
        self.refresh.is_some()
    }

    /// A refresh was asked for: show it at once, before the worker counts the sources. While
    /// one runs, the new one waits for it.
    pub fn refresh_requested(&mut self) {
        if self.refresh.is_some() {
            self.refresh_queued = true;
        } else {
            self.refresh = Some(RefreshProgress::default());
        }
    }

    /// The refresh stopped without a summary.
    pub fn refresh_failed(&mut self, message: impl Into<String>) {
        self.refresh = None;
        self.refresh_queued = false;
        self.error(message);
    }

    /// Applies a progress message; true when the refresh is over.
    pub fn on_progress(&mut self, progress: &Progress) -> bool {
        match progress {
            Progress::Started { total } => {
                self.refresh = Some(RefreshProgress {
                    total: *total,
                    ..RefreshProgress::default()
                });
                false
            }
            Progress::SourceStarted { .. } => false,
            Progress::SourceFinished(report) => {
                let refresh = self.refresh.get_or_insert_with(RefreshProgress::default);
                refresh.done += 1;
                match &report.outcome {
                    crate::sync::progress::SourceOutcome::Updated { new, .. } => {
                        refresh.new_items += new
                    }
                    outcome if outcome.is_failure() => refresh.failed += 1,
                    _ => {}
                }
                false
            }
            Progress::Finished(summary) => {
                self.refresh = None;
                self.refresh_queued = false;
                self.message = Some(summary_message(summary));
                true
            }
        }
    }
}

/// "12 sources, 34 new, 2 failed", an error when any failed.
fn summary_message(summary: &RefreshSummary) -> Message {
    let sources = plural(summary.sources, "source");
    let mut text = format!(
        "Refreshed {sources}, {} new, {} failed",
        summary.new_items, summary.failed
    );
    if !summary.alerts.is_empty() {
        text.push_str(&format!(", {}", plural(summary.alerts.len(), "alert")));
    }
    if summary.failed > 0 {
        Message::Error(text)
    } else {
        Message::Info(text)
    }
}

pub fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

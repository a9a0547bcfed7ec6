//! Refresh progress for people: on a terminal an indicatif bar with the count and the
//! slowest sources still in flight; piped or with `--json`, plain lines (or nothing).

use crate::model::SourceId;
use crate::text::sanitize_line;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::HashMap;
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// Sources named on the bar, longest-running first.
const SLOWEST_SHOWN: usize = 2;

pub struct Printer {
    json: bool,
    bar: Option<ProgressBar>,
    in_flight: HashMap<SourceId, (String, Instant)>,
}

impl Printer {
    /// A bar only when both stdout and stderr are terminals and JSON was not asked for.
    pub fn new(json: bool) -> Printer {
        let terminal = std::io::stdout().is_terminal() && std::io::stderr().is_terminal();
        Printer {
            json,
            bar: (terminal && !json).then(ProgressBar::hidden),
            in_flight: HashMap::new(),
        }
    }

    pub fn started(&mut self, total: usize) {
        if let Some(bar) = &self.bar {
            bar.set_length(total as u64);
            bar.set_style(
                ProgressStyle::with_template("{bar:30} {pos}/{len} sources {wide_msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar.set_draw_target(ProgressDrawTarget::stderr());
            bar.enable_steady_tick(Duration::from_millis(250));
        }
    }

    pub fn fetching(&mut self, id: SourceId, title: &str) {
        self.in_flight
            .insert(id, (sanitize_line(title), Instant::now()));
        self.show_slowest();
    }

    /// One source done; `line` is what to say about it, if anything.
    pub fn finished(&mut self, id: SourceId, line: Option<&str>) -> std::io::Result<()> {
        self.in_flight.remove(&id);
        let Some(bar) = &self.bar else {
            if let (false, Some(line)) = (self.json, line) {
                super::output::line_now(line)?;
            }
            return Ok(());
        };
        if let Some(line) = line {
            bar.suspend(|| super::output::line_now(line))?;
        }
        bar.inc(1);
        self.show_slowest();
        Ok(())
    }

    pub fn done(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }

    pub fn show_slowest(&self) {
        let Some(bar) = &self.bar else { return };
        let mut slowest: Vec<&(String, Instant)> = self.in_flight.values().collect();
        slowest.sort_by_key(|(_, started)| *started);
        let names: Vec<String> = slowest
            .iter()
            .take(SLOWEST_SHOWN)
            .map(|(title, started)| format!("{title} {}s", started.elapsed().as_secs()))
            .collect();
        let message = if names.is_empty() {
            String::new()
        } else {
            format!("· waiting for {}", names.join(", "))
        };
        bar.set_message(message);
    }
}

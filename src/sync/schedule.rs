//! When each source is due: its interval (chosen, else its category's), never shorter than
//! what the feed asks for, doubled per consecutive failure up to a day, and never before a
//! server's Retry-After. Pure.

use crate::model::Source;
use chrono::{DateTime, TimeDelta, Utc};
use std::collections::BTreeMap;
use std::time::Duration;

const HOUR: u64 = 3600;
/// A failing source is retried at least this often, and a feed's own hint never asks for
/// less: a misconfigured `ttl` must not silence a regulator for a week.
pub const LONGEST_BACKOFF: Duration = Duration::from_secs(24 * HOUR);

/// Intervals by category. Categories are matched as people write them: `Journals`,
/// `journal` and `JOURNAL` are one.
#[derive(Debug, Clone, PartialEq)]
pub struct SchedulePolicy {
    by_category: BTreeMap<String, Duration>,
    other: Duration,
}

impl Default for SchedulePolicy {
    fn default() -> Self {
        SchedulePolicy::with_overrides(&BTreeMap::new())
    }
}

impl SchedulePolicy {
    /// The defaults with the config's `[schedules]` entries over them; `other` sets the
    /// interval of every category not listed.
    pub fn with_overrides(overrides: &BTreeMap<String, Duration>) -> SchedulePolicy {
        let mut policy = SchedulePolicy {
            by_category: BTreeMap::new(),
            other: Duration::from_secs(HOUR),
        };
        for (name, seconds) in crate::interval::CATEGORY_DEFAULTS {
            policy.set(name, Duration::from_secs(seconds));
        }
        for (category, every) in overrides {
            policy.set(category, *every);
        }
        policy
    }

    fn set(&mut self, category: &str, every: Duration) {
        let key = category_key(category);
        if key == "other" {
            self.other = every;
        } else {
            self.by_category.insert(key, every);
        }
    }

    /// The category's interval, the user's choice, or the default, at least the feed's hint.
    pub fn interval(&self, source: &Source) -> Duration {
        let chosen = source.refresh_every.unwrap_or_else(|| {
            source
                .category
                .as_deref()
                .and_then(|category| self.by_category.get(&category_key(category)))
                .copied()
                .unwrap_or(self.other)
        });
        let hint = source
            .feed_interval
            .map_or(Duration::ZERO, |hint| hint.min(LONGEST_BACKOFF));
        chosen.max(hint)
    }

    /// When the source is next due; `None` when it was never fetched (due now).
    pub fn due_at(&self, source: &Source) -> Option<DateTime<Utc>> {
        let last = source.last_fetch?;
        let interval = self.interval(source);
        let wait = backoff(interval, source.failures);
        let scheduled = last + TimeDelta::from_std(wait).unwrap_or(TimeDelta::days(1));
        Some(match source.next_fetch {
            Some(retry_after) => scheduled.max(retry_after),
            None => scheduled,
        })
    }

    pub fn is_due(&self, source: &Source, now: DateTime<Utc>) -> bool {
        self.due_at(source).is_none_or(|due| due <= now)
    }

    /// Fills in each source's `due`.
    pub fn annotate(&self, sources: &mut [Source]) {
        for source in sources {
            source.due = self.due_at(source);
        }
    }
}

/// The interval doubled per consecutive failure, up to a day (or the interval itself when
/// the user chose one longer than a day).
pub fn backoff(interval: Duration, failures: u32) -> Duration {
    let ceiling = interval.max(LONGEST_BACKOFF);
    let factor = 1u32.checked_shl(failures.min(16)).unwrap_or(u32::MAX);
    interval.saturating_mul(factor).min(ceiling)
}

/// `Journals ` → `journal`, `Public Health` → `public health`.
fn category_key(category: &str) -> String {
    let lower = category.trim().to_lowercase();
    match lower.strip_suffix('s') {
        Some(singular) if singular.len() > 2 && !lower.ends_with("ss") => singular.to_string(),
        _ => lower,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A source of `category`, never fetched.
    fn source(category: Option<&str>) -> Source {
        Source {
            due: None,
            ..crate::test_fixtures::source(1, "t", category, 0)
        }
    }

    fn minutes(m: u64) -> Duration {
        Duration::from_secs(m * 60)
    }

    #[test]
    fn categories_set_the_default_as_people_write_them() {
        let policy = SchedulePolicy::default();
        assert_eq!(policy.interval(&source(Some("Social"))), minutes(15));
        assert_eq!(policy.interval(&source(Some("Regulators"))), minutes(15));
        assert_eq!(policy.interval(&source(Some("Public health"))), minutes(30));
        assert_eq!(policy.interval(&source(Some("Journals"))), minutes(360));
        assert_eq!(policy.interval(&source(Some("preprint"))), minutes(360));
        assert_eq!(policy.interval(&source(Some("colleague"))), minutes(60));
        assert_eq!(policy.interval(&source(None)), minutes(60));
    }

    #[test]
    fn the_users_choice_wins_but_never_below_the_feeds_hint() {
        let policy = SchedulePolicy::default();
        let mut chosen = source(Some("journal"));
        chosen.refresh_every = Some(minutes(30));
        assert_eq!(policy.interval(&chosen), minutes(30));
        chosen.feed_interval = Some(minutes(120));
        assert_eq!(policy.interval(&chosen), minutes(120));
        chosen.feed_interval = Some(minutes(60 * 24 * 7));
        assert_eq!(
            policy.interval(&chosen),
            LONGEST_BACKOFF,
            "a week-long ttl is capped"
        );
    }

    #[test]
    fn config_overrides_categories_and_the_rest() {
        let overrides = BTreeMap::from([
            ("Journals".to_string(), minutes(120)),
            ("other".to_string(), minutes(240)),
        ]);
        let policy = SchedulePolicy::with_overrides(&overrides);
        assert_eq!(policy.interval(&source(Some("journal"))), minutes(120));
        assert_eq!(policy.interval(&source(Some("blogs"))), minutes(240));
        assert_eq!(policy.interval(&source(Some("social"))), minutes(15));
    }

    #[test]
    fn failures_back_off_exponentially_to_a_day_and_retry_after_is_a_floor() {
        assert_eq!(backoff(minutes(15), 0), minutes(15));
        assert_eq!(backoff(minutes(15), 1), minutes(30));
        assert_eq!(backoff(minutes(15), 3), minutes(120));
        assert_eq!(backoff(minutes(15), 12), LONGEST_BACKOFF);
        assert_eq!(backoff(minutes(15), u32::MAX), LONGEST_BACKOFF);
        assert_eq!(backoff(minutes(60 * 48), 5), minutes(60 * 48));

        let policy = SchedulePolicy::default();
        let now = Utc::now();
        let mut failing = source(Some("social"));
        assert!(policy.is_due(&failing, now), "never fetched: due");
        failing.last_fetch = Some(now - TimeDelta::minutes(20));
        assert!(policy.is_due(&failing, now));
        failing.failures = 2;
        assert!(!policy.is_due(&failing, now), "two failures: an hour");
        assert_eq!(
            failing.last_fetch.map(|t| t + TimeDelta::minutes(60)),
            policy.due_at(&failing)
        );
        failing.failures = 0;
        failing.next_fetch = Some(now + TimeDelta::hours(3));
        assert_eq!(policy.due_at(&failing), failing.next_fetch);
    }
}

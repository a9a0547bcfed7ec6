//! Times as the river and the reader show them, relative to a `now` kept in the state (so
//! snapshots can fix it).

use chrono::{DateTime, Utc};

/// The widest age `relative` writes ("11mo").
pub const AGE_WIDTH: usize = 4;

/// An age in at most 4 columns: "now", "12m", "3h", "5d", "3w", "4mo", "2y"; "+2d" for an item
/// dated ahead (a journal issue, a skewed clock). Full dates are `crate::dates`'.
pub fn relative(now: DateTime<Utc>, then: Option<DateTime<Utc>>) -> String {
    let Some(then) = then else {
        return String::new();
    };
    let minutes = now.signed_duration_since(then).num_minutes();
    // Feeds that date items slightly in the future (clock skew) still read as "now".
    if (-5..1).contains(&minutes) {
        return "now".to_string();
    }
    if minutes < 0 {
        return format!("+{}", age(-minutes));
    }
    age(minutes)
}

fn age(minutes: i64) -> String {
    const HOUR: i64 = 60;
    const DAY: i64 = 24 * HOUR;
    match minutes {
        0..HOUR => format!("{minutes}m"),
        HOUR..DAY => format!("{}h", minutes / HOUR),
        _ if minutes < 7 * DAY => format!("{}d", minutes / DAY),
        _ if minutes < 8 * 7 * DAY => format!("{}w", minutes / (7 * DAY)),
        _ if minutes < 365 * DAY => format!("{}mo", minutes / (30 * DAY)),
        _ => format!("{}y", minutes / (365 * DAY)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0)
            .single()
            .expect("valid date")
    }

    #[test]
    fn relative_steps() {
        let now = at(2026, 11, 26, 12, 0);
        assert_eq!(relative(now, None), "");
        assert_eq!(relative(now, Some(at(2026, 11, 26, 11, 59))), "1m");
        assert_eq!(relative(now, Some(at(2026, 11, 26, 12, 2))), "now");
        assert_eq!(relative(now, Some(at(2026, 11, 26, 9, 0))), "3h");
        assert_eq!(relative(now, Some(at(2026, 11, 24, 12, 0))), "2d");
        assert_eq!(relative(now, Some(at(2026, 11, 5, 12, 0))), "3w");
        assert_eq!(relative(now, Some(at(2026, 7, 2, 8, 0))), "4mo");
        assert_eq!(relative(now, Some(at(2025, 12, 20, 8, 0))), "11mo");
        assert_eq!(relative(now, Some(at(2024, 10, 2, 8, 0))), "2y");
        assert_eq!(relative(now, Some(at(2026, 11, 28, 12, 0))), "+2d");
    }

    #[test]
    fn every_age_fits_its_column() {
        let now = at(2026, 11, 26, 12, 0);
        for minutes in (0..2_000_000).step_by(97) {
            let then = now - chrono::Duration::minutes(minutes);
            let age = relative(now, Some(then));
            assert!(age.chars().count() <= AGE_WIDTH, "{minutes} min: {age}");
        }
    }
}

//! Times as the river and the reader show them, relative to a `now` kept in the state (so
//! snapshots can fix it).

use chrono::{DateTime, Datelike, Utc};

/// At most 6 columns: "now", "12m", "3h", "5d", "12 Nov" this year, "2024" before.
pub fn relative(now: DateTime<Utc>, then: Option<DateTime<Utc>>) -> String {
    let Some(then) = then else {
        return String::new();
    };
    let age = now.signed_duration_since(then);
    let minutes = age.num_minutes();
    // Feeds that date items slightly in the future (clock skew) still read as "now".
    if (-5..1).contains(&minutes) {
        return "now".to_string();
    }
    match minutes {
        1..60 => format!("{minutes}m"),
        60..1440 => format!("{}h", minutes / 60),
        1440..10080 => format!("{}d", minutes / 1440),
        _ if then.year() == now.year() => then.format("%d %b").to_string(),
        _ => then.format("%Y").to_string(),
    }
}

/// The reader's full date: "2026-11-26 09:30 UTC".
pub fn full(then: DateTime<Utc>) -> String {
    then.format("%Y-%m-%d %H:%M UTC").to_string()
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
        assert_eq!(relative(now, Some(at(2026, 10, 2, 8, 0))), "02 Oct");
        assert_eq!(relative(now, Some(at(2025, 10, 2, 8, 0))), "2025");
        assert_eq!(relative(now, Some(at(2027, 1, 1, 0, 0))), "2027");
    }
}

//! Dates as people read them: one style in every human-readable output, local time,
//! "2026-11-30 10:00" (the newsfeed adds a relative age). JSON keeps RFC 3339.

use chrono::{DateTime, Local, Utc};

/// The clock dates are shown in: the user's local time, or UTC (for tests that must not depend
/// on the machine's zone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Zone {
    #[default]
    Local,
    Utc,
}

const FORMAT: &str = "%Y-%m-%d %H:%M";

pub fn format(time: DateTime<Utc>, zone: Zone) -> String {
    match zone {
        Zone::Local => time.with_timezone(&Local).format(FORMAT).to_string(),
        Zone::Utc => time.format(FORMAT).to_string(),
    }
}

/// `format` in the user's local time.
pub fn local(time: DateTime<Utc>) -> String {
    format(time, Zone::Local)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn one_style_to_the_minute() {
        let time = Utc.with_ymd_and_hms(2026, 11, 30, 10, 0, 59).unwrap();
        assert_eq!(format(time, Zone::Utc), "2026-11-30 10:00");
        let local = local(time);
        assert_eq!(local.len(), "2026-11-30 10:00".len(), "{local}");
        assert_eq!(&local[4..5], "-");
    }
}

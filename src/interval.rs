//! Refresh intervals as people write them: `15m`, `2h`, `1d`, `90s`, `1h30m`. Pure.

use std::time::Duration;

/// The shortest interval a source may be given: a minute.
pub const SHORTEST: Duration = Duration::from_secs(60);
/// The longest: thirty days (a source checked less often is not being followed).
pub const LONGEST: Duration = Duration::from_secs(30 * 24 * 3600);

/// The refresh interval of each category when the config says nothing, in seconds; `other`
/// is every category not listed. Categories are matched singular and lowercase.
pub const CATEGORY_DEFAULTS: [(&str, u64); 7] = [
    ("social", 15 * 60),
    ("regulator", 15 * 60),
    ("public health", 30 * 60),
    ("institution", 30 * 60),
    ("journal", 6 * 3600),
    ("preprint", 6 * 3600),
    ("other", 3600),
];

/// Why a text is not an interval, as a sentence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "\"{0}\" is not a refresh interval (try \"15m\", \"2h\" or \"1d\", from 1 minute to 30 days)"
)]
pub struct IntervalError(pub String);

/// Parses `15m`, `2h`, `1d`, `90s`, `1h30m`, `45` (minutes), between a minute and 30 days.
pub fn parse(text: &str) -> Result<Duration, IntervalError> {
    let error = || IntervalError(text.to_string());
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        return Err(error());
    }
    if compact.bytes().all(|b| b.is_ascii_digit()) {
        let minutes: u64 = compact.parse().map_err(|_| error())?;
        return within_bounds(minutes.checked_mul(60).ok_or_else(error)?).ok_or_else(error);
    }
    let mut seconds: u64 = 0;
    let mut rest = compact.as_str();
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let number: u64 = rest[..digits].parse().map_err(|_| error())?;
        let after = &rest[digits..];
        let unit_len = after
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(after.len());
        let unit = match after[..unit_len].to_ascii_lowercase().as_str() {
            "s" | "sec" | "secs" => 1,
            "m" | "min" | "mins" => 60,
            "h" | "hr" | "hrs" | "hour" | "hours" => 3600,
            "d" | "day" | "days" => 86_400,
            _ => return Err(error()),
        };
        seconds = number
            .checked_mul(unit)
            .and_then(|part| seconds.checked_add(part))
            .ok_or_else(error)?;
        rest = &after[unit_len..];
    }
    within_bounds(seconds).ok_or_else(error)
}

fn within_bounds(seconds: u64) -> Option<Duration> {
    let duration = Duration::from_secs(seconds);
    (SHORTEST..=LONGEST).contains(&duration).then_some(duration)
}

/// `15m`, `6h`, `1d`, `1h30m`: the shortest text that `parse` reads back.
pub fn format(duration: Duration) -> String {
    let mut seconds = duration.as_secs();
    if seconds == 0 {
        return "0s".to_string();
    }
    let mut text = String::new();
    for (unit, name) in [(86_400, "d"), (3600, "h"), (60, "m"), (1, "s")] {
        if seconds >= unit {
            text.push_str(&format!("{}{name}", seconds / unit));
            seconds %= unit;
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_people_write() {
        assert_eq!(parse("15m"), Ok(Duration::from_secs(900)));
        assert_eq!(parse("2h"), Ok(Duration::from_secs(7200)));
        assert_eq!(parse("1d"), Ok(Duration::from_secs(86_400)));
        assert_eq!(parse("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse(" 45 "), Ok(Duration::from_secs(2700)));
        assert_eq!(parse("90s"), Ok(Duration::from_secs(90)));
    }

    #[test]
    fn refuses_nonsense_and_extremes() {
        for bad in [
            "",
            "soon",
            "10x",
            "30s",
            "31d",
            "h",
            "99999999999999999999d",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn format_reads_back() {
        for text in ["15m", "6h", "1d", "1h30m", "2d12h"] {
            assert_eq!(format(parse(text).unwrap()), text);
        }
    }
}

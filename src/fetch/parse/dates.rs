//! A forgiving date parser for what feeds put in `pubDate`, `dc:date`, `updated` and JSON Feed
//! dates; every timestamp of every format goes through it.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use regex::Regex;
use std::sync::LazyLock;

/// `2025-06-10`, `2025-06-10T04:00`, `2025-06-10 04:00:00.123Z`, `2018-12-17-08:00`...
static ISO_LIKE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?$",
    )
    .expect("ISO pattern")
});

/// `[weekday,] 14 Jan 2026 16:33[:07] [zone]`, in any language we know the month names of.
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[^\d\s,]+\.?,?\s+)?(\d{1,2})\.?\s+([^\d\s,.]+)\.?,?\s+(\d{2,4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(am|pm|AM|PM)?)?\s*(.*)$",
    )
    .expect("day-month-year pattern")
});

/// `June 10, 2025`, `Jun 10 2025 04:00:00 GMT`, `Tue, Jun 10, 2025 4:00 PM`.
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[^\d\s,]+\.?,?\s+)?([^\d\s,.]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(am|pm|AM|PM)?)?\s*(.*)$",
    )
    .expect("month-day-year pattern")
});

/// `<time datetime="2019-05-03T19:21:28Z">` pasted into a date by a CMS template.
static DATETIME_ATTRIBUTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"datetime\s*=\s*["']([^"']+)["']"#).expect("datetime attribute pattern")
});

/// Parses a feed timestamp; `None` when nothing sensible can be read from it.
pub fn parse_timestamp(raw: &str) -> Option<DateTime<Utc>> {
    if let Some(attribute) = DATETIME_ATTRIBUTE.captures(raw).and_then(|c| c.get(1)) {
        return parse_timestamp(attribute.as_str());
    }
    let text = if raw.contains('<') {
        crate::text::plain_text(raw)
    } else {
        raw.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    if text.is_empty() {
        return None;
    }
    DateTime::parse_from_rfc3339(&text)
        .ok()
        .map(|date| date.with_timezone(&Utc))
        .or_else(|| parse_iso_like(&text))
        .or_else(|| parse_day_month_year(&text))
        .or_else(|| parse_month_day_year(&text))
}

fn parse_iso_like(text: &str) -> Option<DateTime<Utc>> {
    let captures = ISO_LIKE.captures(text)?;
    let number = |index: usize| {
        captures
            .get(index)
            .and_then(|m| m.as_str().parse::<u32>().ok())
    };
    let year = i32::try_from(number(1)?).ok()?;
    let date = NaiveDate::from_ymd_opt(year, number(2)?, number(3)?)?;
    let time = NaiveTime::from_hms_opt(
        number(4).unwrap_or(0),
        number(5).unwrap_or(0),
        number(6).unwrap_or(0),
    )?;
    let offset = match captures.get(7) {
        Some(zone) => zone_offset(zone.as_str())?,
        None => utc(),
    };
    in_zone(date.and_time(time), offset)
}

fn parse_day_month_year(text: &str) -> Option<DateTime<Utc>> {
    let captures = DAY_MONTH_YEAR.captures(text)?;
    let get = |index: usize| captures.get(index).map(|m| m.as_str());
    from_parts(
        get(1)?,
        get(2)?,
        get(3)?,
        [get(4), get(5), get(6), get(7)],
        get(8),
    )
}

fn parse_month_day_year(text: &str) -> Option<DateTime<Utc>> {
    let captures = MONTH_DAY_YEAR.captures(text)?;
    let get = |index: usize| captures.get(index).map(|m| m.as_str());
    from_parts(
        get(2)?,
        get(1)?,
        get(3)?,
        [get(4), get(5), get(6), get(7)],
        get(8),
    )
}

/// `clock` is hour, minute, second and an AM/PM marker, each optional.
fn from_parts(
    day: &str,
    month: &str,
    year: &str,
    clock: [Option<&str>; 4],
    zone: Option<&str>,
) -> Option<DateTime<Utc>> {
    let year = full_year(year.parse().ok()?);
    let date = NaiveDate::from_ymd_opt(year, month_number(month)?, day.parse().ok()?)?;
    let [hour, minute, second, meridiem] = clock;
    let number = |part: Option<&str>| part.map_or(Some(0), |text| text.parse::<u32>().ok());
    let hour = to_24_hour(number(hour)?, meridiem)?;
    let time = NaiveTime::from_hms_opt(hour, number(minute)?, number(second)?)?;
    let offset = match zone.map(str::trim).filter(|zone| !zone.is_empty()) {
        Some(zone) => zone_offset(zone).unwrap_or_else(utc),
        None => utc(),
    };
    in_zone(date.and_time(time), offset)
}

fn full_year(year: i32) -> i32 {
    match year {
        0..=49 => 2000 + year,
        50..=99 => 1900 + year,
        _ => year,
    }
}

fn to_24_hour(hour: u32, meridiem: Option<&str>) -> Option<u32> {
    match meridiem.map(str::to_ascii_lowercase).as_deref() {
        None if hour == 24 => Some(0),
        None => Some(hour),
        Some("am") if hour == 12 => Some(0),
        Some("pm") if hour < 12 => Some(hour + 12),
        Some(_) if (1..=12).contains(&hour) => Some(hour),
        Some(_) => None,
    }
}

fn in_zone(local: NaiveDateTime, offset: FixedOffset) -> Option<DateTime<Utc>> {
    offset
        .from_local_datetime(&local)
        .single()
        .map(|date| date.with_timezone(&Utc))
}

fn utc() -> FixedOffset {
    FixedOffset::east_opt(0).expect("zero offset")
}

/// Month-name stems in English, Portuguese, Spanish, French, German, Italian and Dutch,
/// compared against the lowercased, accent-folded name. The longest matching stem wins, so
/// French `juin`/`juil` are told apart.
const MONTH_STEMS: &[(&str, u32)] = &[
    ("jan", 1),
    ("ene", 1),
    ("gen", 1),
    ("jän", 1),
    ("feb", 2),
    ("fev", 2),
    ("mar", 3),
    ("mrz", 3),
    ("maa", 3),
    ("mrt", 3),
    ("apr", 4),
    ("abr", 4),
    ("avr", 4),
    ("may", 5),
    ("mai", 5),
    ("mag", 5),
    ("mei", 5),
    ("jun", 6),
    ("juin", 6),
    ("giu", 6),
    ("jul", 7),
    ("juil", 7),
    ("lug", 7),
    ("aug", 8),
    ("ago", 8),
    ("aou", 8),
    ("sep", 9),
    ("set", 9),
    ("oct", 10),
    ("out", 10),
    ("okt", 10),
    ("ott", 10),
    ("nov", 11),
    ("dec", 12),
    ("dez", 12),
    ("dic", 12),
];

fn month_number(name: &str) -> Option<u32> {
    let folded: String = name
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' => 'e',
            'û' | 'ù' => 'u',
            'ä' | 'à' | 'â' => 'a',
            other => other,
        })
        .collect();
    MONTH_STEMS
        .iter()
        .filter(|(stem, _)| folded.starts_with(stem))
        .max_by_key(|(stem, _)| stem.len())
        .map(|&(_, month)| month)
}

/// Named zones seen in feeds, in minutes east of UTC.
const ZONES: &[(&str, i32)] = &[
    ("UT", 0),
    ("UTC", 0),
    ("GMT", 0),
    ("Z", 0),
    ("WET", 0),
    ("EST", -300),
    ("EDT", -240),
    ("CST", -360),
    ("CDT", -300),
    ("MST", -420),
    ("MDT", -360),
    ("PST", -480),
    ("PDT", -420),
    ("AKST", -540),
    ("AKDT", -480),
    ("HST", -600),
    ("BST", 60),
    ("CET", 60),
    ("CEST", 120),
    ("MET", 60),
    ("MEST", 120),
    ("EET", 120),
    ("EEST", 180),
    ("MSK", 180),
    ("IST", 330),
    ("JST", 540),
    ("KST", 540),
    ("AEST", 600),
    ("AEDT", 660),
    ("ACST", 570),
    ("AWST", 480),
    ("NZST", 720),
    ("NZDT", 780),
    ("BRT", -180),
    ("ART", -180),
];

/// `+0000`, `-03:00`, `+05`, `EST`, `GMT+1`... `None` when unrecognised.
fn zone_offset(zone: &str) -> Option<FixedOffset> {
    let zone = zone.trim().trim_matches(|c| c == '(' || c == ')');
    if let Some(minutes) = numeric_offset_minutes(zone) {
        return FixedOffset::east_opt(minutes * 60);
    }
    let upper = zone.to_ascii_uppercase();
    let (name, shift) = match upper.find(['+', '-']) {
        Some(sign) => (&upper[..sign], numeric_offset_minutes(&upper[sign..])?),
        None => (upper.as_str(), 0),
    };
    let base = ZONES
        .iter()
        .find(|(known, _)| *known == name)
        .map(|&(_, minutes)| minutes)?;
    FixedOffset::east_opt((base + shift) * 60)
}

fn numeric_offset_minutes(zone: &str) -> Option<i32> {
    let sign = match zone.chars().next()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (hours, minutes) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        4 => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    (hours <= 14 && minutes < 60).then_some(sign * (hours * 60 + minutes))
}

#[cfg(test)]
mod tests;

//! Turns `name:value` into a term, checking the names and values the language knows.

use chrono::NaiveDate;

use super::ast::{Attribute, Field, Flag, Term, TimeBound};
use super::{QueryError, is_separator};

const KNOWN_FIELDS: &str =
    "source, category, tag, author, title, journal, doi, pmid, nct, watch, is, has, since, before";
const FLAGS: &str = "unread, read, saved, alert, urgent, preprint or retracted";
const ATTRIBUTES: &str = "doi, pmid, pmcid, nct, tag or enclosure";
const TIME_FORMS: &str = "an age like 7d, 24h, 2w, 30m, 1y or a date like 2026-11-01";

/// The name in front of a `:`, already known to be a field of the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FieldName {
    Free(Field),
    Is,
    Has,
    Since,
    Before,
}

impl FieldName {
    /// Field names are case-insensitive.
    pub fn parse(name: &str, column: usize) -> Result<Self, QueryError> {
        let field = match name.to_ascii_lowercase().as_str() {
            "source" => FieldName::Free(Field::Source),
            "category" => FieldName::Free(Field::Category),
            "tag" => FieldName::Free(Field::Tag),
            "author" => FieldName::Free(Field::Author),
            "title" => FieldName::Free(Field::Title),
            "doi" => FieldName::Free(Field::Doi),
            "pmid" => FieldName::Free(Field::Pmid),
            "nct" => FieldName::Free(Field::Nct),
            "journal" => FieldName::Free(Field::Journal),
            "watch" => FieldName::Free(Field::Watch),
            "is" => FieldName::Is,
            "has" => FieldName::Has,
            "since" => FieldName::Since,
            "before" => FieldName::Before,
            _ => {
                let message = format!(
                    "unknown field '{name}' (known: {KNOWN_FIELDS}); quote the text to search for it"
                );
                return Err(QueryError::new(column, message));
            }
        };
        Ok(field)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            FieldName::Free(Field::Source) => "source",
            FieldName::Free(Field::Category) => "category",
            FieldName::Free(Field::Tag) => "tag",
            FieldName::Free(Field::Author) => "author",
            FieldName::Free(Field::Title) => "title",
            FieldName::Free(Field::Doi) => "doi",
            FieldName::Free(Field::Pmid) => "pmid",
            FieldName::Free(Field::Nct) => "nct",
            FieldName::Free(Field::Journal) => "journal",
            FieldName::Free(Field::Watch) => "watch",
            FieldName::Is => "is",
            FieldName::Has => "has",
            FieldName::Since => "since",
            FieldName::Before => "before",
        }
    }

    /// The term for this field with `value`. An empty value is reported at the field's column,
    /// a bad one at the value's.
    pub fn term(
        self,
        value: &str,
        field_column: usize,
        value_column: usize,
    ) -> Result<Term, QueryError> {
        if value.chars().all(is_separator) {
            let message = format!("{}: needs a value right after the colon", self.as_str());
            return Err(QueryError::new(field_column, message));
        }
        let invalid = |accepted: &str| {
            let message = format!("{}: expects {accepted}", self.as_str());
            QueryError::new(value_column, message)
        };
        Ok(match self {
            FieldName::Free(field) => Term::Field(field, value.to_string()),
            FieldName::Is => Term::Is(flag(value).ok_or_else(|| invalid(FLAGS))?),
            FieldName::Has => Term::Has(attribute(value).ok_or_else(|| invalid(ATTRIBUTES))?),
            FieldName::Since => Term::Since(time_bound(value, value_column, invalid(TIME_FORMS))?),
            FieldName::Before => {
                Term::Before(time_bound(value, value_column, invalid(TIME_FORMS))?)
            }
        })
    }
}

fn flag(value: &str) -> Option<Flag> {
    Some(match value.to_ascii_lowercase().as_str() {
        "unread" => Flag::Unread,
        "read" => Flag::Read,
        "saved" => Flag::Saved,
        "alert" => Flag::Alert,
        "urgent" => Flag::Urgent,
        "preprint" => Flag::Preprint,
        "retracted" => Flag::Retracted,
        _ => return None,
    })
}

fn attribute(value: &str) -> Option<Attribute> {
    Some(match value.to_ascii_lowercase().as_str() {
        "doi" => Attribute::Doi,
        "pmid" => Attribute::Pmid,
        "tag" => Attribute::Tag,
        "enclosure" => Attribute::Enclosure,
        "pmcid" => Attribute::Pmcid,
        "nct" => Attribute::Nct,
        _ => return None,
    })
}

/// `7d`-style ages and `2026-11-01` dates; `invalid` is the error for anything else.
fn time_bound(value: &str, column: usize, invalid: QueryError) -> Result<TimeBound, QueryError> {
    if let Some((count, unit)) = split_age(value) {
        let unit_seconds = match unit {
            'm' => 60,
            'h' => 3_600,
            'd' => 86_400,
            'w' => 7 * 86_400,
            'y' => 365 * 86_400,
            _ => return Err(invalid),
        };
        return count
            .parse::<i64>()
            .ok()
            .and_then(|count| count.checked_mul(unit_seconds))
            .map(TimeBound::Ago)
            .ok_or_else(|| QueryError::new(column, format!("'{value}' is too far back")));
    }
    if is_date_shaped(value) {
        return midnight_utc(value)
            .map(TimeBound::At)
            .ok_or_else(|| QueryError::new(column, format!("no such date '{value}'")));
    }
    Err(invalid)
}

/// `"24h"` → `("24", 'h')`: ASCII digits then one ASCII letter.
fn split_age(value: &str) -> Option<(&str, char)> {
    let unit = value.chars().last()?;
    let count = &value[..value.len() - unit.len_utf8()];
    let is_age = unit.is_ascii_alphabetic()
        && !count.is_empty()
        && count.bytes().all(|byte| byte.is_ascii_digit());
    is_age.then_some((count, unit))
}

fn is_date_shaped(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(index, byte)| match index {
            4 | 7 => *byte == b'-',
            _ => byte.is_ascii_digit(),
        })
}

/// Unix seconds of midnight UTC on a `YYYY-MM-DD` day, if that day exists.
fn midnight_utc(value: &str) -> Option<i64> {
    let number = |range: std::ops::Range<usize>| value.get(range)?.parse::<u32>().ok();
    let year = i32::try_from(number(0..4)?).ok()?;
    let date = NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)?;
    Some(date.and_hms_opt(0, 0, 0)?.and_utc().timestamp())
}

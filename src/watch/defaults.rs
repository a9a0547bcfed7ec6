//! The watches a new database starts with, so a clinician is covered on day one. They are
//! ordinary watches: `rounds watch edit` and `rounds watch remove` change them like any other.
//!
//! Checked against the demo feeds and the real feeds by `tests/watch_defaults.rs`: every
//! regulator recall alerts, and fewer than 1 journal item in 20 does.

/// A watch as shipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DefaultWatch {
    pub name: &'static str,
    pub query: &'static str,
    pub urgent: bool,
}

/// Product safety: recalls, market withdrawals, drug safety communications, boxed warnings,
/// shortages, field safety notices and "Dear Healthcare Provider" letters. Urgent: it pins.
pub const SAFETY: DefaultWatch = DefaultWatch {
    name: "safety",
    query: "recall OR \"market withdrawal\" OR \"safety communication\" OR \"drug safety\" \
            OR \"boxed warning\" OR shortage OR \"field safety notice\" \
            OR \"dear healthcare provider\" OR \"dear health care provider\"",
    urgent: true,
};

/// Outbreaks and public-health advisories.
pub const OUTBREAKS: DefaultWatch = DefaultWatch {
    name: "outbreaks",
    query: "outbreak OR \"disease outbreak news\" OR \"health advisory\" \
            OR \"health alert network\" OR \"health alert\" OR \"cluster of cases\"",
    urgent: false,
};

pub const DEFAULT_WATCHES: [DefaultWatch; 2] = [SAFETY, OUTBREAKS];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_watches() {
        for watch in DEFAULT_WATCHES {
            assert_eq!(
                super::super::normalize_name(watch.name),
                Ok(watch.name.into())
            );
            super::super::parse_query(watch.query).expect("a default query parses");
        }
    }
}

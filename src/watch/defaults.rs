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
/// shortages, field safety notices and "Dear Healthcare Provider" letters, and everything from
/// FDA MedWatch and the MHRA's Drug Safety Update. Urgent: it pins.
///
/// "Recall" and "shortage" count in titles only: regulators name a recall or a shortage in the
/// title, while research mentions them in passing ("recall bias", "a water shortage").
pub const SAFETY: DefaultWatch = DefaultWatch {
    name: "safety",
    query: "title:recall OR \"market withdrawal\" OR \"safety communication\" \
            OR \"drug safety\" OR \"boxed warning\" OR title:shortage \
            OR \"field safety notice\" OR \"dear healthcare provider\" \
            OR \"dear health care provider\" OR source:medwatch OR source:\"drug safety update\"",
    urgent: true,
};

/// Outbreaks and public-health advisories, and everything from WHO's Disease Outbreak News and
/// CDC's Health Alert Network. "Outbreak" counts in titles only, like "recall" above: a study
/// run "during an outbreak" is not news of one.
pub const OUTBREAKS: DefaultWatch = DefaultWatch {
    name: "outbreaks",
    query: "title:outbreak OR \"cluster of cases\" OR \"health advisory\" OR \"health alert\" \
            OR source:\"disease outbreak news\" OR source:\"health alert network\"",
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

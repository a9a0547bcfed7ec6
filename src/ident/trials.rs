//! ClinicalTrials.gov registrations: `NCT` and eight digits.

use super::prefilter::may_hold_nct;
use regex::Regex;
use std::sync::LazyLock;

static NCT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bNCT\s?(\d{8})\b").expect("NCT pattern"));

/// Every distinct NCT number in the text, in order, written `NCT01234567`.
pub fn find_ncts(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    if !may_hold_nct(text) {
        return found;
    }
    for captures in NCT.captures_iter(text) {
        if let Some(digits) = captures.get(1) {
            let nct = format!("NCT{}", digits.as_str());
            if !found.contains(&nct) {
                found.push(nct);
            }
        }
    }
    found
}

/// An NCT number as a user typed it (`nct01234567`, `NCT 01234567`), or `None`.
pub fn normalize_nct(text: &str) -> Option<String> {
    let found = find_ncts(text.trim());
    (found.len() == 1)
        .then(|| found.into_iter().next())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nct_numbers_in_text_and_links() {
        let text = "Registered at https://clinicaltrials.gov/study/NCT04509674 (nct04509674); \
                    see also NCT 01234567 and NCT123.";
        assert_eq!(find_ncts(text), ["NCT04509674", "NCT01234567"]);
        assert!(find_ncts("NCT0450967412").is_empty());
    }

    #[test]
    fn normalize_accepts_one_number_only() {
        assert_eq!(
            normalize_nct(" nct04509674 ").as_deref(),
            Some("NCT04509674")
        );
        assert_eq!(normalize_nct("NCT1"), None);
    }
}

//! Cheap evidence cues: a preprint (not peer reviewed), a retraction or an expression of
//! concern, read from the DOI, the host, the title and the article type.

use super::doi::is_preprint_doi;
use super::hosts::{host_of, is_preprint_host};
use super::prefilter::contains_ignore_case;
use crate::model::{Evidence, Notice};
use regex::Regex;
use std::sync::LazyLock;

/// Titles that announce a retraction: `Retracted: …`, `[Retracted] …`, `Retraction Notice …`,
/// `Notice of Retraction …`, `RETRACTED ARTICLE: …`, `… (Retracted)`.
static RETRACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:\[retracted\]|\(retracted\)|retracted\s*(?:article)?\s*[:\-–—]|retraction\s*(?:notice|note|statement)?\s*(?:[:\-–—]|\bfor\b|\bof\b|\bto\b)|notice of retraction\b|retraction notice\b)|[\[(]retracted[\])]",
    )
    .expect("retraction pattern")
});

static CONCERN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bexpression of concern\b").expect("concern pattern"));

/// The cues for one item. `article_type` is the normalised type (see the parser).
pub fn evidence(
    title: &str,
    article_type: Option<&str>,
    doi: Option<&str>,
    url: Option<&str>,
) -> Evidence {
    let preprint = doi.is_some_and(is_preprint_doi)
        || url
            .and_then(host_of)
            .is_some_and(|host| is_preprint_host(&host))
        || article_type.is_some_and(|kind| kind.eq_ignore_ascii_case("preprint"));
    Evidence {
        preprint,
        notice: notice(title, article_type),
    }
}

pub fn notice(title: &str, article_type: Option<&str>) -> Option<Notice> {
    let kind = article_type.unwrap_or_default().to_ascii_lowercase();
    // Every retraction title names "retract", every concern "concern": most titles need
    // neither pattern.
    let may_retract = || contains_ignore_case(title, "retract");
    if kind == "retraction" || (may_retract() && RETRACTION.is_match(title)) {
        return Some(Notice::Retraction);
    }
    let may_concern = || contains_ignore_case(title, "concern");
    if kind == "expression of concern" || (may_concern() && CONCERN.is_match(title)) {
        return Some(Notice::ExpressionOfConcern);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retraction_titles() {
        for title in [
            "Retracted: Dapagliflozin in acute heart failure",
            "RETRACTED ARTICLE: Ivermectin for COVID-19",
            "[Retracted] Vitamin D and sepsis",
            "Retraction Notice to: Effect of X on Y",
            "Retraction of: Effect of X on Y",
            "Notice of Retraction: Effect of X on Y",
            "Effect of X on Y (Retracted)",
            "Retraction—Vitamin D supplementation and sepsis mortality",
        ] {
            assert_eq!(notice(title, None), Some(Notice::Retraction), "{title}");
        }
    }

    #[test]
    fn concern_and_ordinary_titles() {
        assert_eq!(
            notice("Expression of Concern: Effect of X on Y", None),
            Some(Notice::ExpressionOfConcern)
        );
        assert_eq!(
            notice("Editorial Expression of Concern regarding a trial", None),
            Some(Notice::ExpressionOfConcern)
        );
        assert_eq!(
            notice("Effect of X on Y", Some("Retraction")),
            Some(Notice::Retraction)
        );
        for title in [
            "Retraction Watch turns 15",
            "Retracted papers and citation: a cohort study",
            "Why retractions matter",
        ] {
            assert_eq!(notice(title, None), None, "{title}");
        }
    }

    #[test]
    fn preprints() {
        assert!(evidence("t", None, Some("10.1101/2026.11.22.26325638"), None).preprint);
        assert!(evidence("t", None, None, Some("https://www.medrxiv.org/content/x")).preprint);
        assert!(evidence("t", Some("Preprint"), None, None).preprint);
        assert!(!evidence("t", None, Some("10.1056/NEJMoa2611487"), None).preprint);
    }
}

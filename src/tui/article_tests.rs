use super::*;
use crate::dates::Zone;
use crate::test_fixtures::item;

fn text_of(article: &Article) -> Vec<String> {
    article
        .lines
        .iter()
        .map(|line| line.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect()
}

const BODY: &str = r#"<p>In this trial, <a href="https://clinicaltrials.gov/study/NCT04509674">NCT04509674</a>,
empagliflozin did not reduce <b>hospitalization</b>. See the <a href="/doi/suppl/appendix">appendix</a>.</p>"#;

#[test]
fn links_are_numbered_resolved_and_listed() {
    let article = render(
        &item(1, BODY),
        &Story::default(),
        60,
        &Theme::default(),
        Zone::Utc,
    );
    assert_eq!(
        article.links,
        vec![
            "https://clinicaltrials.gov/study/NCT04509674".to_string(),
            "https://www.nejm.org/doi/suppl/appendix".to_string(),
        ]
    );
    let text = text_of(&article).join("\n");
    assert!(text.contains("NCT04509674[1]"), "{text}");
    assert!(text.contains("appendix[2]"), "{text}");
    assert!(
        text.contains("[2] https://www.nejm.org/doi/suppl/appendix"),
        "{text}"
    );
    assert!(
        !text.contains("[1]: "),
        "html2text footnotes left in: {text}"
    );
}

#[test]
fn lines_fit_the_width() {
    for width in [20u16, 40, 77] {
        let article = render(
            &item(1, BODY),
            &Story::default(),
            width,
            &Theme::default(),
            Zone::Utc,
        );
        for line in &article.lines {
            assert!(
                line.width() <= usize::from(width),
                "{line:?} wider than {width}"
            );
        }
    }
}

/// Whole sequences go, not only their ESC: a sanitizer that dropped the ESC alone would leave
/// `[2J` and `52;c;...` on the screen, and fails here.
#[test]
fn hostile_text_is_sanitized() {
    let mut hostile = item(
        1,
        "<p>Dose\u{1b}]52;c;ZXZpbA==\u{7} change \u{1b}[1;32mGREEN\u{1b}[0m \
         &#27;[1;33mYELLOW&#x1b;[0m \u{9b}2Jcleared \u{202e}txt.exe</p>",
    );
    hostile.title = "Recall\u{1b}[2J notice\u{7}".into();
    hostile.author = Some("Dr \u{1b}]0;pwned\u{7}Okafor".into());
    let text = text_of(&render(
        &hostile,
        &Story::default(),
        60,
        &Theme::default(),
        Zone::Utc,
    ))
    .join("\n");
    let control = text
        .chars()
        .find(|c| (c.is_control() && *c != '\n') || ('\u{202a}'..='\u{202e}').contains(c));
    assert_eq!(control, None, "{text:?}");
    for debris in [
        "[2J", "52;c", "ZXZpbA", "[1;32m", "[1;33m", "[0m", "0;pwned",
    ] {
        assert!(!text.contains(debris), "{debris} left in {text:?}");
    }
    assert!(text.contains("Recall notice"), "{text}");
    assert!(text.contains("Dose change GREEN YELLOW cleared"), "{text}");
    assert!(text.contains("Dr Okafor"), "{text}");
}

/// html2text panics on this markup: the reader shows the same plain paragraphs as `show`.
#[test]
fn a_body_html2text_panics_on_reads_as_plain_paragraphs() {
    let html = "<p>Before the table</p><table><td colspan=\"65535\"><th rowspan=\"3\">cell</table><p>After it</p>";
    let text = text_of(&render(
        &item(1, html),
        &Story::default(),
        60,
        &Theme::default(),
        Zone::Utc,
    ))
    .join("\n");
    assert!(
        text.contains("Before the table\n\ncell\n\nAfter it"),
        "{text}"
    );
    assert!(!text.contains("<td"), "no markup: {text}");
}

#[test]
fn item_without_text_says_so() {
    let mut empty = item(1, "");
    empty.content = None;
    let article = render(&empty, &Story::default(), 60, &Theme::default(), Zone::Utc);
    assert!(article.links.is_empty());
    assert!(text_of(&article).iter().any(|l| l.contains("no text")));
}

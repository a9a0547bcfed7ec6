use super::*;
use crate::tui::test_fixtures::item;

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
    let article = render(&item(1, BODY), &Story::default(), 60, &Theme::default());
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
        let article = render(&item(1, BODY), &Story::default(), width, &Theme::default());
        for line in &article.lines {
            assert!(
                line.width() <= usize::from(width),
                "{line:?} wider than {width}"
            );
        }
    }
}

#[test]
fn hostile_text_is_sanitized() {
    let mut hostile = item(1, "<p>Dose\u{1b}]52;c;ZXZpbA==\u{7} change</p>");
    hostile.title = "Recall\u{1b}[2J notice".into();
    let text = text_of(&render(&hostile, &Story::default(), 60, &Theme::default())).join("\n");
    assert!(!text.contains('\u{1b}'), "{text:?}");
    assert!(
        text.contains("Recall notice") || text.contains("Recall[2J notice"),
        "{text}"
    );
}

#[test]
fn item_without_text_says_so() {
    let mut empty = item(1, "");
    empty.content = None;
    let article = render(&empty, &Story::default(), 60, &Theme::default());
    assert!(article.links.is_empty());
    assert!(text_of(&article).iter().any(|l| l.contains("no text")));
}

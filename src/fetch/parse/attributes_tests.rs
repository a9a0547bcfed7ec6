use super::*;
use proptest::prelude::*;

/// The patterns the scanners replace: they must find the same values, in the same order.
static URL_ATTRIBUTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)(\s(?:href|src)\s*=\s*)(?:"([^"]*)"|'([^']*)')"#).expect("attribute pattern")
});
static HREF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')"#).expect("href pattern")
});

fn by_pattern(pattern: &Regex, html: &str) -> Vec<(usize, Range<usize>)> {
    pattern
        .captures_iter(html)
        .filter_map(|found| {
            let value = found.iter().skip(1).flatten().last()?;
            Some((found.get(0)?.start(), value.range()))
        })
        .collect()
}

fn url_ranges(html: &str) -> Vec<(usize, Range<usize>)> {
    url_attributes(html)
        .into_iter()
        .map(|attribute| (attribute.start, attribute.value))
        .collect()
}

fn href_strings(html: &str) -> Vec<&str> {
    by_pattern(&HREF, html)
        .into_iter()
        .map(|(_, value)| &html[value])
        .collect()
}

#[test]
fn values_in_both_quotes_any_case_and_spacing() {
    let html = "<a HREF = \"/a\">x</a><img\tsrc='b.png'><a href=\"https://x.org/?a=1&amp;b=2\">";
    let values: Vec<&str> = url_attributes(html)
        .into_iter()
        .map(|attribute| &html[attribute.value])
        .collect();
    assert_eq!(values, ["/a", "b.png", "https://x.org/?a=1&amp;b=2"]);
    assert_eq!(url_ranges(html), by_pattern(&URL_ATTRIBUTE, html));
    assert_eq!(href_values(html), ["/a", "https://x.org/?a=1&amp;b=2"]);
}

#[test]
fn what_the_patterns_refuse_is_refused() {
    for html in [
        "<a xhref=\"/a\">",
        "<a href=/a>",
        "<a href=\"/never closed>",
        "<a href>",
        "<a data-src=\"x\">",
        "href=\"at the start\"",
        "<a href=\"x\" href='y'>",
        "<a href=\"has src='inside'\">",
        "<a \u{a0}href=\"after a no-break space\">",
        "<a éhref=\"after a letter\">",
        "<a _href=\"after an underscore\">",
        "<a ²href=\"after a superscript\">",
        "<img \u{17f}rc=\"long s\">",
    ] {
        assert_eq!(url_ranges(html), by_pattern(&URL_ATTRIBUTE, html), "{html}");
        assert_eq!(href_values(html), href_strings(html), "{html}");
    }
}

proptest! {
    #[test]
    fn scanners_match_their_patterns(
        parts in proptest::collection::vec(
            prop_oneof![
                Just(" href".to_string()),
                Just("HREF".to_string()),
                Just(" src".to_string()),
                Just("sRc".to_string()),
                Just("\u{17f}rc".to_string()),
                Just("=".to_string()),
                Just("\"".to_string()),
                Just("'".to_string()),
                Just(" ".to_string()),
                Just("\u{a0}".to_string()),
                Just("<a".to_string()),
                Just(">".to_string()),
                "[a-z_/.:é²]{0,4}",
            ],
            0..24,
        )
    ) {
        let html = parts.concat();
        prop_assert_eq!(url_ranges(&html), by_pattern(&URL_ATTRIBUTE, &html));
        prop_assert_eq!(href_values(&html), href_strings(&html));
    }
}

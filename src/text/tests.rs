use super::*;
use proptest::prelude::*;

#[test]
fn strips_tags_and_decodes_entities() {
    assert_eq!(plain_text("<b>Bold</b> &amp; title"), "Bold & title");
    assert_eq!(
        plain_text("caf&eacute; 5&nbsp;&micro;g &#8212; &#x2014;"),
        "café 5 µg — —"
    );
    assert_eq!(plain_text("<p>One</p><p>Two</p>"), "One Two");
    assert_eq!(
        plain_text("H<sub>2</sub>O and CO<sup>2</sup>"),
        "H2O and CO2"
    );
}

#[test]
fn drops_script_style_and_comments() {
    let html = "<style>p { color: red }</style>Visible<script type='x'>alert('<b>')</script> \
                text<!-- hidden --> end";
    assert_eq!(plain_text(html), "Visible text end");
    assert_eq!(plain_text("<SCRIPT>evil()</SCRIPT>kept"), "kept");
    assert_eq!(plain_text("<script>never closed"), "");
    assert_eq!(plain_text("a<!-- never closed"), "a");
}

#[test]
fn inline_elements_are_found_by_binary_search() {
    assert!(INLINE_ELEMENTS.windows(2).all(|pair| pair[0] < pair[1]));
    let longest = INLINE_ELEMENTS.iter().map(|name| name.len()).max();
    assert_eq!(longest, Some(6));
    for name in INLINE_ELEMENTS {
        assert!(
            is_inline(name) && is_inline(&name.to_ascii_uppercase()),
            "{name}"
        );
    }
    for name in ["", "p", "div", "br", "strongest", "subx", "h1"] {
        assert!(!is_inline(name), "{name}");
    }
    assert_eq!(plain_text("H<SUB>2</Sub>O<BR>next"), "H2O next");
}

#[test]
fn keeps_less_than_signs_that_are_not_tags() {
    assert_eq!(plain_text("IL-6 <5 pg/mL"), "IL-6 <5 pg/mL");
    assert_eq!(plain_text("a < b & c"), "a < b & c");
    assert_eq!(plain_text("AT&T"), "AT&T");
    assert_eq!(plain_text("IL-6 <LLOQ in 40%"), "IL-6 <LLOQ in 40%");
}

#[test]
fn attribute_values_may_contain_greater_than() {
    assert_eq!(plain_text(r#"<a title="a > b" href="x">link</a>"#), "link");
    assert_eq!(
        plain_text("<p class=x'>unbalanced quote</p> ok"),
        "unbalanced quote ok"
    );
}

/// Linear, measured against itself rather than a wall-clock limit: eight times the input
/// must cost about eight times as much (a quadratic pass would cost sixty-four), whatever
/// the machine's speed or load. The best of a few runs keeps scheduling noise out.
#[test]
fn hostile_markup_stays_linear() {
    fn best_time(text: &str) -> std::time::Duration {
        (0..7)
            .map(|_| {
                let started = std::time::Instant::now();
                std::hint::black_box(plain_text(std::hint::black_box(text)));
                started.elapsed()
            })
            .min()
            .expect("seven runs")
    }
    /// A repeated unit, and what must hold of its plain text.
    type Pattern = (&'static str, fn(&str) -> bool);
    let patterns: [Pattern; 3] = [
        ("<a", |text| text.len() % 2 == 0),
        ("<script>x</script>y", |text| !text.contains('x')),
        ("<a '", |text| !text.is_empty()),
    ];
    for (unit, holds) in patterns {
        // Both sizes well past the CPU caches, so that the ratio measures the algorithm and
        // not where the input happens to fit.
        let small = unit.repeat(16_000);
        let large = unit.repeat(128_000);
        assert!(holds(&plain_text(&large)), "{unit}");
        let ratio = best_time(&large).as_secs_f64() / best_time(&small).as_secs_f64().max(1e-6);
        assert!(
            ratio < 24.0,
            "{unit:?}: 8× the input took {ratio:.1}× the time"
        );
    }
}

#[test]
fn cdata_inside_escaped_html_is_text() {
    assert_eq!(
        plain_text("<i><![CDATA[Medscape News Canada]]></i> story"),
        "Medscape News Canada story"
    );
}

#[test]
fn decoded_escape_characters_are_still_removed() {
    assert_eq!(plain_text("a&#27;[31mred&#x1b;]52;c;x&#7;b"), "aredb");
    assert_eq!(plain_text("x&#0;y"), "x\u{fffd}y");
}

#[test]
fn title_is_first_sentence() {
    let text = "<p>New guidance on sepsis bundles. It changes the 1-hour rule.</p>";
    assert_eq!(title_from_text(text, 100), "New guidance on sepsis bundles");
    assert_eq!(title_from_text("Is it flu? Probably.", 100), "Is it flu?");
    assert_eq!(
        title_from_text("Dr. Smith et al. report 5.3% mortality. More.", 100),
        "Dr. Smith et al. report 5.3% mortality"
    );
}

#[test]
fn long_title_is_cut_at_a_word_with_ellipsis() {
    let text = "word ".repeat(40);
    let title = title_from_text(&text, 100);
    assert!(title.ends_with("word…"), "{title}");
    assert!(title.chars().count() <= 100);
    let unbroken = "x".repeat(150);
    let title = title_from_text(&unbroken, 100);
    assert_eq!(title.chars().count(), 100);
    assert!(title.ends_with('…'));
}

#[test]
fn title_from_nothing_is_empty() {
    assert_eq!(title_from_text("  <p></p> ", 100), "");
}

proptest! {
    #[test]
    fn plain_text_never_contains_controls(input in any::<String>()) {
        let output = plain_text(&input);
        prop_assert!(!output.chars().any(is_unsafe));
        prop_assert_eq!(output.trim(), output.as_str());
    }

    #[test]
    fn sanitize_line_never_contains_controls(input in any::<String>()) {
        let output = sanitize_line(&input);
        prop_assert!(!output.chars().any(is_unsafe));
        prop_assert!(!output.contains("  "));
    }

    #[test]
    fn sanitize_multiline_keeps_only_newlines(input in any::<String>()) {
        let output = sanitize_multiline(&input);
        prop_assert!(!output.chars().any(|c| c != '\n' && is_unsafe(c)));
    }

    #[test]
    fn hostile_mixtures_never_leak(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("\u{1b}[".to_string()),
                Just("\u{1b}]52;c;".to_string()),
                Just("\u{9b}".to_string()),
                Just("&#27;".to_string()),
                Just("<script>".to_string()),
                Just("\u{202e}".to_string()),
                "[a-z ]{0,5}",
            ],
            0..12,
        )
    ) {
        let input = parts.concat();
        prop_assert!(!plain_text(&input).chars().any(is_unsafe));
    }

    #[test]
    fn titles_are_bounded(input in any::<String>(), max in 2usize..200) {
        let title = title_from_text(&input, max);
        prop_assert!(title.chars().count() <= max);
        prop_assert!(!title.chars().any(is_unsafe));
    }
}

fn is_unsafe(c: char) -> bool {
    c.is_control()
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

use super::*;

fn tokens(doc: &str) -> (Vec<Token<'_>>, Slips) {
    let mut tokenizer = Tokenizer::new(doc);
    let tokens: Vec<Token<'_>> = tokenizer.by_ref().collect();
    (tokens, tokenizer.slips)
}

fn text(value: &str) -> Token<'_> {
    Token::Text(Cow::Borrowed(value))
}

#[test]
fn tags_text_and_references() {
    let (found, slips) = tokens("<?xml version='1.0'?><a x='1>2'>t &amp; &#233;</a>");
    assert_eq!(
        found,
        [
            Token::Start {
                name: "a",
                attributes: " x='1>2'",
                self_closing: false,
                start: 21,
                end: 32
            },
            Token::Text(Cow::Owned("t & é".into())),
            Token::End {
                name: "a",
                start: 46
            },
        ]
    );
    assert_eq!(slips, Slips::default());
}

#[test]
fn stray_ampersands_and_less_than_signs_are_text() {
    let (found, slips) = tokens("<t>AT&T < 5 <3 &</t>");
    let texts: String = found
        .iter()
        .filter_map(|token| match token {
            Token::Text(text) => Some(text.as_ref()),
            _ => None,
        })
        .collect();
    assert_eq!(texts, "AT&T < 5 <3 &");
    assert!(slips.bare_ampersand && slips.bare_less_than);
}

#[test]
fn unclosed_comment_and_cdata_lose_only_their_opening() {
    let (found, slips) = tokens("<!-- open<a/><![CDATA[x<b/>");
    assert!(slips.unclosed_comment && slips.unclosed_cdata);
    let names: Vec<&str> = found
        .iter()
        .filter_map(|token| match token {
            Token::Start { name, .. } => Some(*name),
            _ => None,
        })
        .collect();
    assert_eq!(names, ["a", "b"]);
}

#[test]
fn doctype_with_internal_subset_is_skipped() {
    let (found, _) = tokens("<!DOCTYPE rss [<!ENTITY n \"&#160;\">]><rss/>");
    assert!(matches!(
        found[..],
        [Token::Start {
            name: "rss",
            self_closing: true,
            ..
        }]
    ));
}

#[test]
fn a_document_cut_inside_a_tag_says_so() {
    let (found, _) = tokens("<a><tit");
    assert_eq!(found[1], Token::CutInTag { start: 3 });
    let (found, _) = tokens("<a>x</a");
    assert_eq!(found[2], Token::CutInTag { start: 4 });
}

#[test]
fn a_stray_quote_does_not_swallow_the_document() {
    let (found, _) = tokens("<guid a=\"false>g</guid><link>x</link>\"");
    assert!(matches!(
        found[0],
        Token::Start {
            name: "guid",
            end: 15,
            ..
        }
    ));
    assert_eq!(found[1], text("g"));
}

#[test]
fn adversarial_input_is_linear() {
    let patterns = [
        "<a '",
        "<a \"",
        "<!--",
        "<![CDATA[",
        "<?x",
        "<!x",
        "&",
        "</a",
        "<a",
    ];
    for pattern in patterns {
        let doc = pattern.repeat(200_000);
        let started = std::time::Instant::now();
        let count = Tokenizer::new(&doc).count();
        assert!(count > 0 || doc.starts_with("<!--") || doc.starts_with("<?"));
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "{pattern}: {:?}",
            started.elapsed()
        );
    }
}

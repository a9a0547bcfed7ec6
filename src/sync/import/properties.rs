//! Property: whatever bytes an imported file holds, `parse_subscriptions` answers with a list
//! or an error naming a line inside the file, never a panic.

use super::parse_subscriptions;
use proptest::prelude::*;

/// Pieces of OPML and newsboat files, broken in the usual ways, and any bytes between them.
fn subscription_file() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>".to_vec()),
        Just(b"<?xml version=\"1.0\" encoding=\"latin1\"?>".to_vec()),
        Just(b"<opml version=\"2.0\">".to_vec()),
        Just(b"</opml>".to_vec()),
        Just(b"<body>".to_vec()),
        Just(b"</body>".to_vec()),
        Just(b"<outline text=\"Journals\">".to_vec()),
        Just(b"</outline>".to_vec()),
        Just(b"<outline text=\"NEJM\" xmlUrl=\"https://www.nejm.org/rss?a=1&amp;b=2\"/>".to_vec()),
        Just(b"<outline xmlUrl=\"https://x.example/?a=1&b=2\"/>".to_vec()),
        Just(b"<outline xmlUrl=\"&#27;[31m\" category=\"/a/b,,/\"/>".to_vec()),
        Just(b"<outline xmlUrl=\"file:///dev/zero\"/>".to_vec()),
        Just(b"<outline xmlUrl=\"../../etc/passwd\"/>".to_vec()),
        Just(b"<!DOCTYPE x [<!ENTITY e \"&e;&e;\">]>".to_vec()),
        Just(b"<![CDATA[".to_vec()),
        Just(b"https://www.bmj.com/rss journal \"heart failure\" ~\"The BMJ\"\n".to_vec()),
        Just(b"\"query:Unread:unread = \\\"yes\\\"\"\n".to_vec()),
        Just(b"~\"unterminated\n".to_vec()),
        Just(b"\xef\xbb\xbf".to_vec()),
        Just(b"\n".to_vec()),
        prop::collection::vec(any::<u8>(), 0..12),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|pieces| pieces.concat())
}

fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    let folder = std::env::temp_dir();
    let parsed = std::panic::catch_unwind(|| parse_subscriptions(bytes, Some(&folder)));
    prop_assert!(
        parsed.is_ok(),
        "panicked on {:?}",
        String::from_utf8_lossy(bytes)
    );
    if let Ok(Err(error)) = parsed {
        let lines = String::from_utf8_lossy(bytes).lines().count().max(1);
        prop_assert!(
            (1..=lines).contains(&error.line),
            "line {} of {lines}: {error}",
            error.line
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_give_a_list_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check(&bytes)?;
    }

    #[test]
    fn any_mix_of_opml_and_urls_pieces_gives_a_list_or_an_error(bytes in subscription_file()) {
        check(&bytes)?;
    }
}

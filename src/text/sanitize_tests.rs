//! Tests of the sanitizers: escape sequences, controls, and the fast path of `sanitize_line`
//! against the character-by-character reading.

use super::*;
use proptest::prelude::*;

#[test]
fn strips_csi_colour_and_cursor_sequences_whole() {
    assert_eq!(sanitize_line("\u{1b}[31mred\u{1b}[0m text"), "red text");
    assert_eq!(sanitize_line("a\u{1b}[2J\u{1b}[1;1Hb"), "ab");
    assert_eq!(sanitize_line("x\u{9b}31my"), "xy");
}

#[test]
fn strips_osc_52_clipboard_writes_and_titles() {
    let hostile = "safe\u{1b}]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u{07} text";
    assert_eq!(sanitize_line(hostile), "safe text");
    let with_st = "a\u{1b}]0;pwned title\u{1b}\\b";
    assert_eq!(sanitize_line(with_st), "ab");
    assert_eq!(sanitize_line("a\u{9d}8;;http://x\u{9c}b"), "ab");
}

#[test]
fn strips_dcs_and_short_escapes() {
    assert_eq!(sanitize_line("a\u{1b}P1$r\u{1b}\\b"), "ab");
    assert_eq!(sanitize_line("a\u{1b}cb"), "ab");
    assert_eq!(sanitize_line("a\u{1b}(Bb"), "ab");
    assert_eq!(sanitize_line("trailing\u{1b}"), "trailing");
}

#[test]
fn unterminated_osc_drops_the_rest() {
    assert_eq!(sanitize_line("ok \u{1b}]52;c;abc"), "ok");
}

#[test]
fn drops_nul_del_c1_and_bidi_overrides() {
    assert_eq!(sanitize_line("a\0b\u{7f}c\u{80}d"), "abcd");
    assert_eq!(sanitize_line("abc\u{202e}fdp.exe"), "abcfdp.exe");
    assert_eq!(sanitize_line("\u{2066}x\u{2069}"), "x");
}

#[test]
fn keeps_joiners_and_non_latin_text() {
    let emoji = "🏋\u{fe0f}\u{200d}\u{2640}\u{fe0f} ok";
    assert_eq!(sanitize_line(emoji), emoji);
    assert_eq!(sanitize_line("Новости  Оренбурга"), "Новости Оренбурга");
}

#[test]
fn collapses_whitespace_and_line_breaks() {
    assert_eq!(sanitize_line("  a\t\tb\r\n c\u{a0}\u{a0}d  "), "a b c d");
}

#[test]
fn verbatim_keeps_layout_and_drops_every_control() {
    let plain = "  indented\n\tcode <a href=\"x\">&amp;</a>";
    assert!(matches!(sanitize_verbatim(plain), Cow::Borrowed(_)));
    assert_eq!(sanitize_verbatim(plain), plain);
    let hostile = "a\u{1b}[1;32mGREEN\u{1b}[0m\r\nb\u{7}\u{85}c\u{202e}d\u{9b}2Je\rf";
    assert_eq!(sanitize_verbatim(hostile), "aGREEN\nb\ncde\nf");
}

/// The printable-ASCII shortcut lets through only what the character test would: DEL and
/// every C0 control but tab and line feed are still dropped, and text beyond ASCII is still
/// read character by character.
#[test]
fn verbatim_shortcut_for_plain_ascii_misses_no_control() {
    for byte in (0u8..0x80).filter(|b| !(b' '..=b'~').contains(b) && *b != b'\n' && *b != b'\t') {
        let text = format!("before{}after", byte as char);
        assert!(
            matches!(sanitize_verbatim(&text), Cow::Owned(_)),
            "{byte:#x}"
        );
    }
    assert!(matches!(
        sanitize_verbatim("Dépêche\tok\n"),
        Cow::Borrowed(_)
    ));
    assert_eq!(
        sanitize_verbatim("Dépêche \u{202e}fdp.exe"),
        "Dépêche fdp.exe"
    );
}

#[test]
fn multiline_keeps_paragraphs_but_not_escape_sequences() {
    let text = "  Title \n\n\n\nBody\u{1b}[1m bold\r\nnext  line \n";
    assert_eq!(sanitize_multiline(text), "Title\n\nBody bold\nnext line");
}

/// `sanitize_line` as every character goes through `classify`: what the fast path must equal.
fn line_by_characters(text: &str) -> String {
    let mut line = Line::default();
    for piece in cleaned(text) {
        line.push(piece);
    }
    line.out
}

#[test]
fn fast_path_matches_on_mixed_text() {
    for text in [
        "",
        "plain ascii",
        "  lead and trail  ",
        "tab\tand\r\nCRLF\x0b\x0cbreaks",
        "caf\u{e9} \u{2014} na\u{ef}ve\u{a0}\u{a0}space",
        "esc\u{1b}[1mbold\u{1b}[0m and \u{1b}]0;title\u{7} end",
        "\u{1b}",
        "c1 \u{85}next\u{9b}2Jx \u{202e}rtl",
        "nul\0del\u{7f}",
    ] {
        assert_eq!(sanitize_line(text), line_by_characters(text), "{text:?}");
    }
}

proptest! {
    #[test]
    fn fast_path_matches_character_by_character(
        parts in proptest::collection::vec(
            prop_oneof![
                "[ -~]{0,12}",
                "[\\x00-\\x1f\\x7f]{1,3}",
                Just("\u{1b}[31m".to_string()),
                Just("\u{1b}]52;c;x\u{7}".to_string()),
                Just("\u{1b}".to_string()),
                Just("\r\n".to_string()),
                "\\PC{0,4}",
                any::<char>().prop_map(String::from),
            ],
            0..16,
        )
    ) {
        let text = parts.concat();
        prop_assert_eq!(sanitize_line(&text), line_by_characters(&text));
    }
}

//! Removing what a terminal would interpret: control characters, escape sequences (CSI, OSC,
//! DCS...), and bidi overrides that can make displayed text lie about its order.

use std::borrow::Cow;
use std::iter::Peekable;
use std::str::Chars;

const ESC: char = '\u{1b}';
const BEL: char = '\u{07}';
/// C1 "string terminator", the 8-bit form of `ESC \`.
const C1_ST: char = '\u{9c}';

/// What survives of one character of input.
enum Cleaned {
    Keep(char),
    /// Whitespace other than line breaks (the character, for callers that keep layout).
    Space(char),
    LineBreak,
    Drop,
}

/// Yields the input's characters with escape sequences removed and controls classified.
fn cleaned(text: &str) -> impl Iterator<Item = Cleaned> + '_ {
    let mut chars = text.chars().peekable();
    std::iter::from_fn(move || {
        let c = chars.next()?;
        Some(classify(c, &mut chars))
    })
}

fn classify(c: char, rest: &mut Peekable<Chars<'_>>) -> Cleaned {
    match c {
        ESC => {
            skip_escape_sequence(rest);
            Cleaned::Drop
        }
        // C1 introducers: CSI, then OSC and the other string-type controls.
        '\u{9b}' => {
            skip_control_sequence(rest);
            Cleaned::Drop
        }
        '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => {
            skip_control_string(rest);
            Cleaned::Drop
        }
        // CR LF is one line break.
        '\r' if rest.peek() == Some(&'\n') => Cleaned::Drop,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
            Cleaned::LineBreak
        }
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Cleaned::Drop,
        c if c.is_control() => match c {
            '\t' => Cleaned::Space('\t'),
            _ => Cleaned::Drop,
        },
        c if c.is_whitespace() => Cleaned::Space(c),
        c => Cleaned::Keep(c),
    }
}

/// Called after an ESC: consumes the rest of the sequence it starts.
fn skip_escape_sequence(rest: &mut Peekable<Chars<'_>>) {
    match rest.peek().copied() {
        Some('[') => {
            rest.next();
            skip_control_sequence(rest);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            rest.next();
            skip_control_string(rest);
        }
        Some(_) => {
            // nF escapes: intermediates 0x20–0x2F, then one final byte 0x30–0x7E.
            while rest
                .next_if(|c| ('\u{20}'..='\u{2f}').contains(c))
                .is_some()
            {}
            rest.next_if(|c| ('\u{30}'..='\u{7e}').contains(c));
        }
        None => {}
    }
}

/// CSI body: parameters 0x30–0x3F, intermediates 0x20–0x2F, one final byte 0x40–0x7E.
/// Anything else ends the sequence without being consumed.
fn skip_control_sequence(rest: &mut Peekable<Chars<'_>>) {
    while rest
        .next_if(|c| ('\u{20}'..='\u{3f}').contains(c))
        .is_some()
    {}
    rest.next_if(|c| ('\u{40}'..='\u{7e}').contains(c));
}

/// OSC, DCS, SOS, PM, APC bodies run to BEL or a string terminator (`ESC \` or C1 ST).
/// An unterminated string swallows the rest of the text: better lost than sent to a terminal.
fn skip_control_string(rest: &mut Peekable<Chars<'_>>) {
    while let Some(c) = rest.next() {
        match c {
            BEL | C1_ST => return,
            ESC => {
                rest.next_if_eq(&'\\');
                return;
            }
            _ => {}
        }
    }
}

/// One line: controls and sequences dropped, all whitespace collapsed to single spaces, trimmed.
pub fn sanitize_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for piece in cleaned(text) {
        match piece {
            Cleaned::Keep(c) => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
            Cleaned::Space(_) | Cleaned::LineBreak => pending_space = true,
            Cleaned::Drop => {}
        }
    }
    out
}

/// Like [`sanitize_line`] but keeps line breaks: each line is collapsed and trimmed, and runs
/// of blank lines become one blank line. For reader bodies.
pub fn sanitize_multiline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut pending_breaks = 0usize;
    for piece in cleaned(text) {
        match piece {
            Cleaned::Keep(c) => {
                if !out.is_empty() {
                    if pending_breaks > 0 {
                        out.push_str(if pending_breaks > 1 { "\n\n" } else { "\n" });
                    } else if pending_space {
                        out.push(' ');
                    }
                }
                pending_space = false;
                pending_breaks = 0;
                out.push(c);
            }
            Cleaned::Space(_) => pending_space = true,
            Cleaned::LineBreak => pending_breaks += 1,
            Cleaned::Drop => {}
        }
    }
    out
}

/// Text laid out already (rendered article bodies, with indents and tables): line breaks and
/// spaces kept, tabs expanded to `tab_stop`, controls and escape sequences dropped.
pub fn sanitize_preformatted(text: &str, tab_stop: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut column = 0;
    for piece in cleaned(text) {
        match piece {
            Cleaned::Keep(c) => {
                out.push(c);
                column += 1;
            }
            Cleaned::Space('\t') => {
                let spaces = tab_stop.max(1) - column % tab_stop.max(1);
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            Cleaned::Space(_) => {
                out.push(' ');
                column += 1;
            }
            Cleaned::LineBreak => {
                out.push('\n');
                column = 0;
            }
            Cleaned::Drop => {}
        }
    }
    out
}

/// Text kept as it is (spacing, indents, tabs), but safe for a terminal and for `jq -r`:
/// escape sequences, C0 and C1 controls other than line feed and tab, and bidi overrides
/// removed; other line breaks become line feeds. Borrows when there is nothing to remove.
pub fn sanitize_verbatim(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_cleaning) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for piece in cleaned(text) {
        match piece {
            Cleaned::Keep(c) | Cleaned::Space(c) => out.push(c),
            Cleaned::LineBreak => out.push('\n'),
            Cleaned::Drop => {}
        }
    }
    Cow::Owned(out)
}

fn needs_cleaning(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn multiline_keeps_paragraphs_but_not_escape_sequences() {
        let text = "  Title \n\n\n\nBody\u{1b}[1m bold\r\nnext  line \n";
        assert_eq!(sanitize_multiline(text), "Title\n\nBody bold\nnext line");
    }
}

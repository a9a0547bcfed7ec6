//! Every feed string passes through here before it is drawn.

const TAB_STOP: usize = 4;

/// One line of feed text (title, source name, author, tag): control characters and escape
/// sequences dropped, whitespace collapsed.
pub fn line(text: &str) -> String {
    crate::text::sanitize_line(text)
}

/// Feed text that keeps its line structure (article bodies): newlines and spaces kept, tabs
/// expanded, other control characters and escape sequences dropped.
// integrator: replace with crate::text::sanitize_multiline
pub fn multiline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut column = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => {
                out.push('\n');
                column = 0;
            }
            '\t' => {
                let spaces = TAB_STOP - column % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            '\u{1b}' => skip_escape_sequence(&mut chars),
            '\u{9b}' => skip_until_final_byte(&mut chars),
            c if c.is_control() => {}
            c => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

/// After ESC: CSI (`ESC [ ... final`), OSC/DCS/APC/PM/SOS (`... BEL` or `... ESC \`), or a
/// two-character sequence.
fn skip_escape_sequence(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_until_final_byte(chars),
        Some(']' | 'P' | '_' | '^' | 'X') => {
            while let Some(c) = chars.next() {
                if c == '\u{7}' || (c == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
                    break;
                }
            }
        }
        _ => {}
    }
}

fn skip_until_final_byte(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_lines_and_drops_escapes() {
        let hostile = "Dose:\t5 mg\n\u{1b}[31mred\u{1b}[0m \u{1b}]0;title\u{7}ok\u{7}\r";
        assert_eq!(multiline(hostile), "Dose:   5 mg\nred ok");
    }

    #[test]
    fn one_line_collapses_whitespace() {
        assert_eq!(line("  Heart\tfailure\n update "), "Heart failure update");
    }
}

//! Every feed string passes through here before it is drawn.

const TAB_STOP: usize = 4;

/// One line of feed text (title, source name, author, tag): control characters and escape
/// sequences dropped, whitespace collapsed.
pub fn line(text: &str) -> String {
    crate::text::sanitize_line(text)
}

/// Feed text that keeps its layout (rendered article bodies): newlines and spaces kept, tabs
/// expanded, other control characters and escape sequences dropped.
pub fn multiline(text: &str) -> String {
    crate::text::sanitize_preformatted(text, TAB_STOP)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_lines_and_drops_escapes() {
        let hostile = "Dose:\t5 mg\n\u{1b}[31mred\u{1b}[0m \u{1b}]0;title\u{7}ok\u{7}\r";
        assert_eq!(multiline(hostile), "Dose:   5 mg\nred ok\n");
    }

    #[test]
    fn one_line_collapses_whitespace() {
        assert_eq!(line("  Heart\tfailure\n update "), "Heart failure update");
    }
}

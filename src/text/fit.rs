//! Fitting text into terminal columns: truncation with an ellipsis and word wrapping, both by
//! display width (CJK and emoji take two columns). For the newsfeed and the CLI's tables.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// `text` cut to at most `max` columns, ending in `…` when something was cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `text` truncated or padded with spaces to exactly `columns` columns.
pub fn pad(text: &str, columns: usize) -> String {
    let mut out = truncate(text, columns);
    let used = width(&out);
    out.extend(std::iter::repeat_n(' ', columns.saturating_sub(used)));
    out
}

/// Greedy word wrap to `max` columns; words longer than a line are cut across lines.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = if line.is_empty() {
            width(word)
        } else {
            width(&line) + 1 + width(word)
        };
        if needed <= max {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            if width(&line) + c.width().unwrap_or(0) > max {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_by_columns_with_an_ellipsis() {
        assert_eq!(truncate("Sepsis bundle", 20), "Sepsis bundle");
        assert_eq!(truncate("Sepsis bundle", 8), "Sepsis …");
        assert_eq!(truncate("流行性感冒", 5), "流行…");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn pads_to_exact_width() {
        assert_eq!(pad("BMJ", 6), "BMJ   ");
        assert_eq!(width(&pad("流行性感冒", 6)), 6);
    }

    #[test]
    fn wraps_words_and_cuts_long_ones() {
        assert_eq!(
            wrap("Measles outbreak in three counties", 16),
            vec!["Measles outbreak", "in three", "counties"]
        );
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("", 10), vec![""]);
    }
}

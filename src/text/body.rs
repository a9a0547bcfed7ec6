//! Article bodies, HTML as the feed sent it, made into text for a terminal. `show` and the
//! reader share this, so both read the same:
//!
//! - escape sequences are taken out of the HTML before html2text sees it, whole, also when
//!   written as character references (`&#27;[1;32m`): html2text drops the ESC itself and would
//!   leave `[1;32m` on the screen;
//! - html2text runs contained: if it fails or panics on hostile markup, that body falls back
//!   to plain paragraphs, and the panic prints nothing (the panic hooks ask `rendering`).

use super::{plain_text, sanitize_verbatim};
use regex::Regex;
use std::borrow::Cow;
use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::LazyLock;

thread_local! {
    static RENDERING: Cell<bool> = const { Cell::new(false) };
}

/// True while this thread runs html2text through `contained`: a panic then is caught and
/// handled, and the panic hooks keep it off the screen.
pub fn rendering() -> bool {
    RENDERING.with(Cell::get)
}

/// Raises `RENDERING` for its lifetime; lowering it in `drop` covers unwinding too.
struct RenderingFlag;

impl RenderingFlag {
    fn raise() -> RenderingFlag {
        RENDERING.with(|flag| flag.set(true));
        RenderingFlag
    }
}

impl Drop for RenderingFlag {
    fn drop(&mut self) {
        RENDERING.with(|flag| flag.set(false));
    }
}

/// Runs a renderer on one body; `None` when it panicked.
pub fn contained<T>(render: impl FnOnce() -> T) -> Option<T> {
    let _flag = RenderingFlag::raise();
    catch_unwind(AssertUnwindSafe(render)).ok()
}

/// The body as wrapped plain text, for `show`.
pub fn plain(html: &str, width: usize) -> String {
    let html = without_escapes(html);
    contained(|| html2text::from_read(html.as_bytes(), width).ok())
        .flatten()
        .unwrap_or_else(|| fallback(&html))
}

/// The HTML without terminal escape sequences or control characters, also those written as
/// numeric character references. Borrows when there is nothing to remove.
pub fn without_escapes(html: &str) -> Cow<'_, str> {
    let decoded = decode_control_references(html);
    match sanitize_verbatim(&decoded) {
        Cow::Borrowed(_) => decoded,
        Cow::Owned(clean) => Cow::Owned(clean),
    }
}

/// `&#27;`, `&#x1B;` and the like become the character itself, so that the sanitizer can see
/// (and remove) the whole sequence it starts. Only controls: every other reference is left to
/// the HTML parser, and `&#150;` stays the en dash HTML makes of it.
fn decode_control_references(html: &str) -> Cow<'_, str> {
    static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"&#(?:[xX]0*([0-9a-fA-F]{1,6})|0*([0-9]{1,7}));?").expect("a valid pattern")
    });
    let control = |captures: &regex::Captures| {
        let value = match (captures.get(1), captures.get(2)) {
            (Some(hex), _) => u32::from_str_radix(hex.as_str(), 16).ok(),
            (_, Some(decimal)) => decimal.as_str().parse().ok(),
            _ => None,
        };
        value.and_then(char::from_u32).filter(|c| stays_control(*c))
    };
    if !html.contains("&#") || !REFERENCE.captures_iter(html).any(|c| control(&c).is_some()) {
        return Cow::Borrowed(html);
    }
    REFERENCE.replace_all(html, |captures: &regex::Captures| match control(captures) {
        Some(c) => c.to_string(),
        None => captures[0].to_string(),
    })
}

/// A character reference HTML leaves as a control character (0x80–0x9F mostly become
/// windows-1252 punctuation; these five do not).
fn stays_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}')
        || matches!(c, '\u{81}' | '\u{8d}' | '\u{8f}' | '\u{90}' | '\u{9d}')
}

/// Plain text, one paragraph per block element: what shows when html2text cannot render.
pub fn fallback(html: &str) -> String {
    static BLOCK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)<\s*/?\s*(?:p|div|br|li|ul|ol|h[1-6]|tr|table|blockquote|pre|section|article|dd|dt|hr)\b[^>]*>",
        )
        .expect("a valid pattern")
    });
    BLOCK
        .split(html)
        .map(plain_text)
        .filter(|paragraph| !paragraph.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Markup html2text 0.17.4 panics on (an `unwrap` on `None` in its table layout).
    pub const PANICS_HTML2TEXT: &str = "<p>Before the table</p><table><td colspan=\"65535\"><th rowspan=\"3\">cell</table><p>After it</p>";

    #[test]
    fn escape_sequences_go_whole_also_as_character_references() {
        let html =
            "<p>Body \u{1b}[1;32mGREEN\u{1b}[0m and &#27;[1;33mYELLOW&#x1B;[0m, &#150; kept</p>";
        let text = plain(html, 80);
        assert!(text.contains("Body GREEN and YELLOW"), "{text:?}");
        assert!(!text.contains("[1;"), "{text:?}");
        assert!(
            text.contains('–'),
            "the en dash HTML makes of &#150;: {text:?}"
        );
    }

    #[test]
    fn nothing_to_remove_borrows() {
        let html = "<p>Plain &amp; simple &#8212; text</p>";
        assert!(matches!(without_escapes(html), Cow::Borrowed(_)));
    }

    #[test]
    fn a_panic_in_html2text_falls_back_to_paragraphs_quietly() {
        let text = plain(PANICS_HTML2TEXT, 80);
        assert_eq!(text, "Before the table\n\ncell\n\nAfter it");
        assert!(!rendering(), "the flag is lowered after the panic");
        assert_eq!(contained(|| 7), Some(7));
    }
}

//! Turning hostile feed text into something safe and readable. Pure functions.
//!
//! STUB: the parse helper replaces these bodies with the real implementation.

/// Strips HTML tags, decodes HTML entities (named, decimal, hex), drops control characters and
/// terminal escape sequences, and collapses runs of whitespace into one space. For titles,
/// authors, the full-text index and one-line displays.
pub fn plain_text(html: &str) -> String {
    sanitize_line(html)
}

/// Drops control characters (C0, C1, DEL) and whole escape sequences (CSI, OSC, DCS...), turns
/// tabs and newlines into spaces and collapses whitespace. Input is already plain text.
pub fn sanitize_line(text: &str) -> String {
    text.split_whitespace()
        .map(|word| word.chars().filter(|c| !c.is_control()).collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A title made from a post's text (Mastodon and Bluesky posts have none): the first sentence,
/// cut at a word boundary near `max_chars` characters with an ellipsis when cut.
pub fn title_from_text(text: &str, max_chars: usize) -> String {
    sanitize_line(text).chars().take(max_chars).collect()
}

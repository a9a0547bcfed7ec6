//! newsboat `urls` files: `URL tag "tag with spaces" ~"Custom title"`, `#` comments.

use super::ImportError;
use super::address::feed_address;
use crate::model::NewSource;
use crate::text::sanitize_line;
use std::path::Path;

/// Parses every line first; an error names its line and nothing is imported. newsboat's own
/// query and exec/filter feeds have no address to fetch and are reported as skipped.
pub fn parse(
    text: &str,
    folder: Option<&Path>,
) -> Result<(Vec<NewSource>, Vec<String>), ImportError> {
    let mut sources = Vec::new();
    let mut skipped = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let words = split_words(raw).map_err(|message| ImportError::new(line, message))?;
        let Some((url, rest)) = words.split_first() else {
            continue;
        };
        if url.starts_with('#') {
            continue;
        }
        if ["query:", "exec:", "filter:"]
            .iter()
            .any(|p| url.starts_with(p))
        {
            skipped.push(format!("line {line}: newsboat-only feed {url:?}"));
            continue;
        }
        let url = feed_address(url, folder, line)?;
        sources.push(source(url, rest));
    }
    Ok((sources, skipped))
}

fn source(url: String, words: &[String]) -> NewSource {
    let mut new = NewSource {
        url,
        ..NewSource::default()
    };
    // Names are shown everywhere: stored without controls or escape sequences.
    let clean = |text: &str| Some(sanitize_line(text)).filter(|t| !t.is_empty());
    for word in words {
        if let Some(title) = word.strip_prefix('~') {
            new.title = clean(title);
        } else if !word.starts_with('!') && !word.starts_with('#') {
            new.tags.extend(clean(word));
        }
    }
    new
}

/// Splits on blanks, keeping `"quoted words"` together (also `~"title"`); `#` starts a comment.
fn split_words(line: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut chars = line.char_indices().peekable();
    while let Some(&(_, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        if c == '#' && !words.is_empty() {
            break;
        }
        let mut word = String::new();
        while let Some(&(column, c)) = chars.peek() {
            if c.is_whitespace() {
                break;
            }
            chars.next();
            if c == '"' {
                word.push_str(
                    &quoted(&mut chars)
                        .ok_or(format!("unterminated quote at column {}", column + 1))?,
                );
            } else {
                word.push(c);
            }
        }
        words.push(word);
    }
    Ok(words)
}

fn quoted(chars: &mut std::iter::Peekable<std::str::CharIndices>) -> Option<String> {
    let mut text = String::new();
    while let Some((_, c)) = chars.next() {
        match c {
            '"' => return Some(text),
            '\\' => text.push(chars.next()?.1),
            _ => text.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_with_tags_titles_and_comments() {
        let text = "# my feeds\n\nhttps://www.bmj.com/rss/recent.xml journal \"heart failure\" ~\"The BMJ\"\n\
                    https://www.cdc.gov/han/rss.xml alerts # trailing comment\n\"query:Unread:unread = \\\"yes\\\"\"\n";
        let (sources, skipped) = parse(text, None).unwrap();
        assert_eq!(sources.len(), 2);
        assert_eq!(sources[0].tags, vec!["journal", "heart failure"]);
        assert_eq!(sources[0].title.as_deref(), Some("The BMJ"));
        assert_eq!(sources[1].tags, vec!["alerts"]);
        assert_eq!(skipped.len(), 1);
    }

    #[test]
    fn a_bad_line_is_named() {
        let folder = tempfile::tempdir().unwrap();
        let error = parse(
            "https://ok.example/feed\nnot-a-url tag\n",
            Some(folder.path()),
        )
        .unwrap_err();
        assert_eq!(error.line, 2);
        assert!(
            error.message.contains("neither a web address nor a file"),
            "{error}"
        );
        let error = parse("https://ok.example/feed \"open\n", None).unwrap_err();
        assert_eq!(error.line, 1);
        assert!(error.message.contains("unterminated"));
    }
}

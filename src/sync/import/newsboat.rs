//! newsboat `urls` files: `URL tag "tag with spaces" ~"Custom title"`, `#` comments.

use super::ImportError;
use crate::model::NewSource;

/// Parses every line first; an error names its line and nothing is imported. newsboat's own
/// query and exec/filter feeds have no address to fetch and are reported as skipped.
pub fn parse(text: &str) -> Result<(Vec<NewSource>, Vec<String>), ImportError> {
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
        check_url(url, line)?;
        sources.push(source(url, rest));
    }
    Ok((sources, skipped))
}

fn source(url: &str, words: &[String]) -> NewSource {
    let mut new = NewSource {
        url: url.to_string(),
        ..NewSource::default()
    };
    for word in words {
        if let Some(title) = word.strip_prefix('~') {
            new.title = Some(title.to_string());
        } else if !word.starts_with('!') && !word.starts_with('#') {
            new.tags.push(word.clone());
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

fn check_url(url: &str, line: usize) -> Result<(), ImportError> {
    match url::Url::parse(url) {
        Ok(parsed) if matches!(parsed.scheme(), "http" | "https") => Ok(()),
        _ => Err(ImportError::new(
            line,
            format!("{url:?} is not an http(s) feed address"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_with_tags_titles_and_comments() {
        let text = "# my feeds\n\nhttps://www.bmj.com/rss/recent.xml journal \"heart failure\" ~\"The BMJ\"\n\
                    https://www.cdc.gov/han/rss.xml alerts # trailing comment\n\"query:Unread:unread = \\\"yes\\\"\"\n";
        let (sources, skipped) = parse(text).unwrap();
        assert_eq!(sources.len(), 2);
        assert_eq!(sources[0].tags, vec!["journal", "heart failure"]);
        assert_eq!(sources[0].title.as_deref(), Some("The BMJ"));
        assert_eq!(sources[1].tags, vec!["alerts"]);
        assert_eq!(skipped.len(), 1);
    }

    #[test]
    fn a_bad_line_is_named() {
        let error = parse("https://ok.example/feed\nnot-a-url tag\n").unwrap_err();
        assert_eq!(error.line, 2);
        let error = parse("https://ok.example/feed \"open\n").unwrap_err();
        assert_eq!(error.line, 1);
        assert!(error.message.contains("unterminated"));
    }
}

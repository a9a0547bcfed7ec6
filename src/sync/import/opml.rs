//! OPML 1.0/2.0 subscription lists → sources. Folders become categories, `category`
//! attributes become tags. Any error names its line, and nothing is imported.

use super::ImportError;
use crate::model::NewSource;
use crate::text::sanitize_line;
use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use std::path::Path;

/// Parses the whole document first: a bad file yields an error, never half a list.
/// Relative `xmlUrl`s are local files next to the OPML file: `base` is its folder.
pub fn parse(text: &str, base: Option<&Path>) -> Result<Vec<NewSource>, ImportError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut folders: Vec<Option<String>> = Vec::new();
    let mut sources = Vec::new();
    let mut saw_opml = false;
    // Elements open now: quick-xml reports the end of the text as Eof even inside <body>.
    let mut open = 0usize;
    loop {
        let event = reader.read_event();
        let line = line_at(text, reader.buffer_position());
        match event {
            Err(error) => {
                let at = line_at(text, reader.error_position());
                return Err(ImportError::new(at, describe(&error)));
            }
            Ok(Event::Eof) if open > 0 => return Err(truncated(text)),
            Ok(Event::Eof) => break,
            Ok(Event::Start(element)) => {
                open += 1;
                saw_opml |= element.local_name().as_ref() == "opml";
                if element.local_name().as_ref() == "outline" {
                    let outline = Outline::read(&element, line)?;
                    folders.push(outline.folder_name());
                    outline.push_source(&folders, base, line, &mut sources)?;
                }
            }
            Ok(Event::Empty(element)) => {
                saw_opml |= element.local_name().as_ref() == "opml";
                if element.local_name().as_ref() == "outline" {
                    folders.push(None);
                    Outline::read(&element, line)?.push_source(
                        &folders,
                        base,
                        line,
                        &mut sources,
                    )?;
                    folders.pop();
                }
            }
            Ok(Event::End(element)) => {
                open = open.saturating_sub(1);
                if element.local_name().as_ref() == "outline" {
                    folders.pop();
                }
            }
            Ok(_) => {}
        }
    }
    if !saw_opml {
        return Err(ImportError::new(
            1,
            "not an OPML file: there is no <opml> element".into(),
        ));
    }
    Ok(sources)
}

/// The file stops before its elements are closed: a download or a copy cut short.
fn truncated(text: &str) -> ImportError {
    let last_line = text.trim_end().lines().count().max(1);
    ImportError::new(
        last_line,
        "the file ends here, before </opml>: it looks cut off".into(),
    )
}

/// quick-xml's errors, in words.
fn describe(error: &quick_xml::Error) -> String {
    use quick_xml::errors::{IllFormedError, SyntaxError};
    let name = |raw: &str| crate::text::sanitize_line(raw);
    match error {
        quick_xml::Error::Syntax(SyntaxError::UnclosedTag) => {
            "a tag is not closed with \">\" (is a \"<\" or a quote missing?)".into()
        }
        quick_xml::Error::Syntax(syntax) => format!("the XML is broken here ({syntax})"),
        quick_xml::Error::IllFormed(IllFormedError::MismatchedEndTag { expected, found }) => {
            format!(
                "<{}> is closed by </{}>: an element is missing or misspelt",
                name(expected),
                name(found)
            )
        }
        quick_xml::Error::IllFormed(IllFormedError::UnmatchedEndTag(found)) => {
            format!("</{}> closes an element that was never opened", name(found))
        }
        quick_xml::Error::Escape(escape) => bare_ampersand(escape),
        other => format!("the XML is broken here ({})", name(&other.to_string())),
    }
}

/// The usual mistake: an address such as `?jc=nejm&type=etoc` pasted with its `&` as is.
fn bare_ampersand(error: &quick_xml::escape::EscapeError) -> String {
    use quick_xml::escape::EscapeError;
    match error {
        EscapeError::UnrecognizedEntity(_, entity) => format!(
            "\"&{};\" is not a known entity: an \"&\" in an attribute must be written \"&amp;\"",
            crate::text::sanitize_line(entity)
        ),
        EscapeError::UnterminatedEntity(_) => "an \"&\" in an attribute is not written as \
                                               \"&amp;\" (a web address with several \
                                               parameters, pasted as is?)"
            .into(),
        EscapeError::InvalidCharRef(_) => {
            "a character reference (\"&#...;\") in an attribute is not a valid number".into()
        }
        EscapeError::TooManyNestedEntities => "too many nested entities in an attribute".into(),
    }
}

/// The attributes of one `<outline>` that matter to us.
#[derive(Default)]
struct Outline {
    text: Option<String>,
    title: Option<String>,
    xml_url: Option<String>,
    html_url: Option<String>,
    categories: Vec<String>,
}

impl Outline {
    fn read(element: &BytesStart, line: usize) -> Result<Outline, ImportError> {
        let mut outline = Outline::default();
        for attribute in element.attributes() {
            let attribute = attribute.map_err(|e| {
                let detail = crate::text::sanitize_line(&e.to_string());
                ImportError::new(
                    line,
                    format!("an attribute of <outline> is broken ({detail})"),
                )
            })?;
            let value = attribute
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|e| ImportError::new(line, describe(&e)))?
                .trim()
                .to_string();
            let value = (!value.is_empty()).then_some(value);
            match attribute.key.local_name().as_ref() {
                "text" => outline.text = value,
                "title" => outline.title = value,
                "xmlUrl" | "xmlurl" | "url" => outline.xml_url = value,
                "htmlUrl" | "htmlurl" => outline.html_url = value,
                "category" => outline.categories = split_categories(value.as_deref().unwrap_or("")),
                _ => {}
            }
        }
        Ok(outline)
    }

    /// A folder is an outline without a feed address; its name is the children's category.
    fn folder_name(&self) -> Option<String> {
        match self.xml_url {
            Some(_) => None,
            None => self.title.clone().or_else(|| self.text.clone()),
        }
    }

    fn push_source(
        self,
        folders: &[Option<String>],
        base: Option<&Path>,
        line: usize,
        sources: &mut Vec<NewSource>,
    ) -> Result<(), ImportError> {
        let Some(address) = self.xml_url else {
            return Ok(());
        };
        let url = super::address::feed_address(&address, base, line)?;
        // The innermost enclosing folder: `folders` ends with this outline's own entry.
        let category = folders[..folders.len().saturating_sub(1)]
            .iter()
            .rev()
            .flatten()
            .next()
            .cloned();
        // Names are shown everywhere: stored without controls or escape sequences.
        let clean = |text: String| Some(sanitize_line(&text)).filter(|t| !t.is_empty());
        sources.push(NewSource {
            url,
            title: self.title.or(self.text).and_then(clean),
            site_url: self
                .html_url
                .filter(|site| !site.chars().any(char::is_control)),
            category: category.and_then(clean),
            tags: self.categories.into_iter().filter_map(clean).collect(),
            ..NewSource::default()
        });
        Ok(())
    }
}

/// OPML 2.0 categories: comma-separated, each a slash-delimited path; the last part is the tag.
fn split_categories(value: &str) -> Vec<String> {
    value
        .split(',')
        .filter_map(|path| path.trim().trim_matches('/').rsplit('/').next())
        .map(str::trim)
        .filter(|tag| !tag.is_empty())
        .map(str::to_string)
        .collect()
}

/// 1-based line of a byte offset.
fn line_at(text: &str, offset: u64) -> usize {
    let offset = (offset as usize).min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Clinic feeds</title></head>
  <body>
    <outline text="Journals">
      <outline text="NEJM" type="rss" xmlUrl="https://www.nejm.org/action/showFeed?jc=nejm&amp;type=etoc" htmlUrl="https://www.nejm.org/" category="/cardio,/Medicine/ID"/>
      <outline text="Nested"><outline title="The BMJ" xmlUrl="https://www.bmj.com/rss/recent.xml"/></outline>
    </outline>
    <outline text="CDC HAN" xmlUrl="https://tools.cdc.gov/api/v2/resources/media/413690.rss"/>
  </body>
</opml>"#;

    #[test]
    fn folders_become_categories_and_categories_tags() {
        let sources = parse(GOOD, None).unwrap();
        assert_eq!(sources.len(), 3);
        assert_eq!(
            sources[0].url,
            "https://www.nejm.org/action/showFeed?jc=nejm&type=etoc"
        );
        assert_eq!(sources[0].category.as_deref(), Some("Journals"));
        assert_eq!(sources[0].tags, vec!["cardio", "ID"]);
        assert_eq!(sources[1].category.as_deref(), Some("Nested"));
        assert_eq!(sources[1].title.as_deref(), Some("The BMJ"));
        assert_eq!(sources[2].category, None);
    }

    #[test]
    fn errors_name_their_line() {
        let broken = GOOD.replace("<outline text=\"CDC HAN\"", "<outline text=\"CDC HAN\" <");
        let error = parse(&broken, None).unwrap_err();
        assert_eq!(error.line, 9, "{error}");
        let bad_url = GOOD.replace("https://www.bmj.com/rss/recent.xml", "javascript:alert(1)");
        let error = parse(&bad_url, None).unwrap_err();
        assert_eq!(error.line, 7, "{error}");
        assert!(error.message.contains("javascript"), "{error}");
        let unclosed = GOOD.replace("</body>", "");
        assert!(parse(&unclosed, None).is_err());
        assert!(parse("<html><body>hi</body></html>", None).is_err());
    }
}

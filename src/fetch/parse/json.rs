//! JSON Feed 1.0 and 1.1, read field by field: a field of the wrong type is left out (and noted),
//! never the reason a whole feed is lost.

use super::document::{Enclosure, Entry, Feed, Format, Link, Text, When};
use super::errors::ParseError;
use super::repairs::{Repair, Repairs};
use serde_json::{Map, Value};

pub fn read(body: &[u8], repairs: &mut Repairs) -> Result<Feed, ParseError> {
    let value: Value = serde_json::from_slice(body).map_err(|error| ParseError::MalformedJson {
        line: error.line(),
        column: error.column(),
        detail: strip_serde_position(&error.to_string()),
    })?;
    let Value::Object(top) = value else {
        return Err(ParseError::NotAFeed(
            "the JSON document is not a JSON Feed (no object at its top)".into(),
        ));
    };
    let mut fields = Fields { repairs };
    match top.get("version") {
        Some(Value::String(version)) if !is_json_feed_1(version) => {
            return Err(ParseError::UnsupportedJsonVersion(version.clone()));
        }
        Some(Value::String(_)) => {}
        _ if top.contains_key("items") => fields.repairs.note(Repair::MissingVersion),
        _ => {
            return Err(ParseError::NotAFeed(
                "the JSON document has no version and no items".into(),
            ));
        }
    }
    let mut feed = Feed::new(Format::Json);
    feed.title = fields.string(&top, "title").map(Text::plain);
    feed.links
        .extend(fields.string(&top, "home_page_url").map(Link::page));
    feed.authors = fields.authors(&top);
    let items = match top.get("items") {
        Some(Value::Array(items)) => items.as_slice(),
        Some(_) => {
            fields.repairs.note(Repair::FieldType);
            &[]
        }
        None => &[],
    };
    for item in items {
        match item {
            Value::Object(item) => feed.entries.push(fields.entry(item, &feed.authors)),
            _ => feed.skipped += 1,
        }
    }
    Ok(feed)
}

fn is_json_feed_1(version: &str) -> bool {
    let version = version.trim();
    [
        "https://jsonfeed.org/version/1",
        "http://jsonfeed.org/version/1",
    ]
    .iter()
    .any(|known| version.starts_with(known))
}

struct Fields<'r> {
    repairs: &'r mut Repairs,
}

impl Fields<'_> {
    /// A string field; a number is taken as its digits, anything else is left out.
    fn string(&mut self, object: &Map<String, Value>, key: &str) -> Option<String> {
        let text = match object.get(key)? {
            Value::String(text) => text.clone(),
            Value::Number(number) => {
                self.repairs.note(Repair::FieldType);
                number.to_string()
            }
            Value::Null => return None,
            _ => {
                self.repairs.note(Repair::FieldType);
                return None;
            }
        };
        (!text.trim().is_empty()).then_some(text)
    }

    /// A list of strings; a single string is a list of one.
    fn strings(&mut self, object: &Map<String, Value>, key: &str) -> Vec<String> {
        match object.get(key) {
            Some(Value::Array(values)) => values
                .iter()
                .filter_map(|value| value.as_str().map(str::to_string))
                .collect(),
            Some(Value::String(value)) => {
                self.repairs.note(Repair::FieldType);
                vec![value.clone()]
            }
            _ => Vec::new(),
        }
    }

    /// `authors` (1.1) and `author` (1.0): their names.
    fn authors(&mut self, object: &Map<String, Value>) -> Vec<String> {
        let one = object.get("author").into_iter();
        let many = object
            .get("authors")
            .and_then(Value::as_array)
            .into_iter()
            .flatten();
        let mut names: Vec<String> = Vec::new();
        for author in one.chain(many) {
            let name = match author {
                Value::Object(author) => self.string(author, "name"),
                Value::String(name) => Some(name.clone()),
                _ => None,
            };
            if let Some(name) = name
                && !names.contains(&name)
            {
                names.push(name);
            }
        }
        names
    }

    fn entry(&mut self, item: &Map<String, Value>, feed_authors: &[String]) -> Entry {
        let mut entry = Entry {
            id: self.string(item, "id").map(|id| id.trim().to_string()),
            title: self.string(item, "title").map(Text::plain),
            published: self.string(item, "date_published").map(When::Written),
            updated: self.string(item, "date_modified").map(When::Written),
            categories: self.strings(item, "tags"),
            ..Entry::default()
        };
        entry.links.extend(self.string(item, "url").map(Link::page));
        entry
            .links
            .extend(self.string(item, "external_url").map(Link::page));
        let html = self.string(item, "content_html").map(Text::html);
        let text = self.string(item, "content_text").map(Text::plain);
        entry.summary = self.string(item, "summary").map(Text::plain);
        // HTML is the content when there is both; the text then stands in for a summary.
        match (html, text) {
            (Some(html), text) => {
                entry.content = Some(html);
                if entry.summary.is_none() {
                    entry.summary = text;
                }
            }
            (None, text) => entry.content = text,
        }
        entry.authors = self.authors(item);
        if entry.authors.is_empty() {
            entry.authors = feed_authors.to_vec();
        }
        if let Some(Value::Array(attachments)) = item.get("attachments") {
            for attachment in attachments.iter().filter_map(Value::as_object) {
                if let Some(url) = self.string(attachment, "url") {
                    let media_type = self.string(attachment, "mime_type");
                    entry.enclosures.push(Enclosure {
                        url,
                        media_type,
                        description: None,
                    });
                }
            }
        }
        entry
    }
}

/// serde_json appends " at line L column C", which our message already says.
fn strip_serde_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(position) => message[..position].to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_types_cost_the_field_not_the_feed() {
        let body = br#"{"version": "https://jsonfeed.org/version/1.1", "title": 7,
            "items": [{"id": 42, "title": ["x"], "tags": "solo", "url": "https://x.org/a"}, "junk"]}"#;
        let mut repairs = Repairs::default();
        let feed = read(body, &mut repairs).expect("feed");
        assert_eq!(feed.entries.len(), 1);
        assert_eq!(feed.skipped, 1);
        let entry = &feed.entries[0];
        assert_eq!(entry.id.as_deref(), Some("42"));
        assert_eq!(entry.title, None);
        assert_eq!(entry.categories, ["solo"]);
        assert_eq!(repairs.names(), ["field-type"]);
    }

    #[test]
    fn versions() {
        let mut repairs = Repairs::default();
        let error = read(
            br#"{"version": "https://jsonfeed.org/version/2", "items": []}"#,
            &mut repairs,
        );
        assert_eq!(
            error.map(|_| ()),
            Err(ParseError::UnsupportedJsonVersion(
                "https://jsonfeed.org/version/2".into()
            ))
        );
        assert!(read(br#"{"items": []}"#, &mut repairs).is_ok());
        assert_eq!(repairs.names(), ["missing-version"]);
        assert!(read(b"[1, 2]", &mut repairs).is_err());
    }
}

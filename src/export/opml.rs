//! Sources → OPML 2.0, one folder per category, tags in the `category` attribute.

use crate::model::Source;
use chrono::{DateTime, Utc};
use std::fmt::Write;

/// The removed sources' placeholder is left out: it is no feed anyone can subscribe to.
pub fn write_opml(sources: &[Source], now: DateTime<Utc>) -> String {
    let sources: Vec<&Source> = sources.iter().filter(|s| !s.is_placeholder()).collect();
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n");
    out.push_str("    <title>rounds subscriptions</title>\n");
    let _ = writeln!(out, "    <dateCreated>{}</dateCreated>", now.to_rfc2822());
    out.push_str("  </head>\n  <body>\n");
    let mut categories: Vec<Option<&str>> = sources.iter().map(|s| s.category.as_deref()).collect();
    categories.sort_by_key(|c| c.map(str::to_lowercase));
    categories.dedup();
    for category in categories {
        let members = sources.iter().filter(|s| s.category.as_deref() == category);
        match category {
            Some(name) => {
                let _ = writeln!(out, "    <outline text=\"{}\">", escape(name));
                members.for_each(|s| outline(&mut out, s, 6));
                out.push_str("    </outline>\n");
            }
            None => members.for_each(|s| outline(&mut out, s, 4)),
        }
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

fn outline(out: &mut String, source: &Source, indent: usize) {
    let _ = write!(
        out,
        "{:indent$}<outline type=\"rss\" text=\"{title}\" title=\"{title}\" xmlUrl=\"{url}\"",
        "",
        title = escape(&source.title),
        url = escape(&source.url),
    );
    if let Some(site) = &source.site_url {
        let _ = write!(out, " htmlUrl=\"{}\"", escape(site));
    }
    if !source.tags.is_empty() {
        let _ = write!(out, " category=\"{}\"", escape(&source.tags.join(",")));
    }
    out.push_str("/>\n");
}

/// Attribute escaping; control characters are dropped (XML 1.0 cannot carry them).
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\n' => escaped.push_str("&#10;"),
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}

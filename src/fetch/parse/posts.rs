//! Social posts (Mastodon, Bluesky, accounts through a bridge): the content warning first,
//! boosts and replies marked in the title, attached media as numbered links in the body.

use super::document::Entry;
use super::links;
use crate::model::NewItem;
use crate::text;
use url::Url;

/// An attachment: its address, media type and the description its author gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Media {
    pub url: String,
    pub kind: Option<String>,
    pub description: Option<String>,
}

/// Every media attachment of an entry, in order.
pub fn media(entry: &Entry, base: Option<&Url>) -> Vec<Media> {
    let mut found: Vec<Media> = Vec::new();
    for enclosure in &entry.enclosures {
        let Some(url) = links::absolute_http(&enclosure.url, base) else {
            continue;
        };
        if !found.iter().any(|known| known.url == url) {
            found.push(Media {
                url,
                kind: enclosure.media_type.clone(),
                description: enclosure
                    .description
                    .as_deref()
                    .map(text::plain_text)
                    .filter(|description| !description.is_empty()),
            });
        }
    }
    found
}

/// Applies the post conventions to an item of a social feed.
pub fn shape(item: &mut NewItem, media: &[Media]) {
    let body = item
        .content
        .as_deref()
        .or(item.summary.as_deref())
        .unwrap_or("");
    if let Some(warning) = content_warning(body) {
        item.title = format!("CW: {warning}");
    } else if let Some(marked) = marked_title(&item.title, body) {
        item.title = marked;
    }
    if !media.is_empty() {
        append_media(item, media);
    }
}

/// Mastodon's feeds put a post's warning first: `<p><strong>Content warning:</strong> …</p><hr>`.
fn content_warning(body: &str) -> Option<String> {
    let head = body.trim_start();
    let paragraph_end = head.find("</p>")?;
    let after = head[paragraph_end + 4..].trim_start();
    if !head.starts_with("<p><strong>") || !after.starts_with("<hr") {
        return None;
    }
    let paragraph = &head[..paragraph_end];
    let label_end = paragraph.find("</strong>")?;
    let warning = text::plain_text(&paragraph[label_end + 9..]);
    let warning = warning.trim();
    (!warning.is_empty()).then(|| warning.to_string())
}

/// Boosts and replies, as bridges (`RT by @x:`, `R to @x:`) and Mastodon (a leading mention)
/// show them.
fn marked_title(title: &str, body: &str) -> Option<String> {
    if let Some(rest) = title.strip_prefix("RT by @") {
        let (_, text) = rest.split_once(':')?;
        return Some(format!("Boost: {}", text.trim()));
    }
    if let Some(rest) = title.strip_prefix("R to @") {
        let (user, text) = rest.split_once(':')?;
        return Some(format!("Reply to @{user}: {}", text.trim()));
    }
    let starts_with_mention = body.trim_start().starts_with("<p><span class=\"h-card\"");
    if starts_with_mention && title.starts_with('@') {
        let (user, text) = title.split_once(' ')?;
        return Some(format!("Reply to {user}: {}", text.trim()));
    }
    None
}

/// The attachments as a numbered list of links after the post, so the reader numbers them.
fn append_media(item: &mut NewItem, media: &[Media]) {
    let list: String = media
        .iter()
        .map(|m| {
            let kind = m
                .kind
                .as_deref()
                .and_then(|kind| kind.split('/').next())
                .unwrap_or("media");
            let label = match &m.description {
                Some(description) => format!("{kind}: {}", escape(description)),
                None => kind.to_string(),
            };
            format!("<li><a href=\"{}\">{label}</a></li>", escape(&m.url))
        })
        .collect();
    let html = format!("<p>Attached:</p><ol>{list}</ol>");
    match (&mut item.content, &mut item.summary) {
        (Some(content), _) => content.push_str(&html),
        (None, Some(summary)) => summary.push_str(&html),
        (None, None) => item.summary = Some(html),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(title: &str, body: &str) -> NewItem {
        NewItem {
            title: title.into(),
            summary: Some(body.into()),
            ..NewItem::default()
        }
    }

    #[test]
    fn the_content_warning_is_the_title() {
        let mut item = post(
            "Content warning:graphic wound photos",
            "<p><strong>Content warning:</strong> graphic wound photos</p><hr /><p>Day 5 of the flap.</p>",
        );
        shape(&mut item, &[]);
        assert_eq!(item.title, "CW: graphic wound photos");
    }

    #[test]
    fn boosts_and_replies_are_marked() {
        let mut boost = post("RT by @CDCgov: Measles cases rise in 12 states", "");
        shape(&mut boost, &[]);
        assert_eq!(boost.title, "Boost: Measles cases rise in 12 states");
        let mut reply = post("R to @drokafor: Agreed, lactate at 2 h", "");
        shape(&mut reply, &[]);
        assert_eq!(reply.title, "Reply to @drokafor: Agreed, lactate at 2 h");
        let mastodon = "<p><span class=\"h-card\"><a href=\"https://med.example/@kim\" class=\"u-url mention\">@<span>kim</span></a></span> same here</p>";
        let mut reply = post("@kim same here", mastodon);
        shape(&mut reply, &[]);
        assert_eq!(reply.title, "Reply to @kim: same here");
        let mut plain = post("Journal club tonight", "<p>Journal club tonight</p>");
        shape(&mut plain, &[]);
        assert_eq!(plain.title, "Journal club tonight");
    }

    #[test]
    fn media_become_numbered_links_after_the_post() {
        let mut item = post("Antibiogram", "<p>New antibiogram</p>");
        let media = [
            Media {
                url: "https://files.example/a.png".into(),
                kind: Some("image/png".into()),
                description: Some("Antibiogram <2026>".into()),
            },
            Media {
                url: "https://files.example/b.mp4".into(),
                kind: None,
                description: None,
            },
        ];
        shape(&mut item, &media);
        let summary = item.summary.unwrap();
        assert!(summary.ends_with(
            "<ol><li><a href=\"https://files.example/a.png\">image: Antibiogram &lt;2026&gt;</a></li>\
             <li><a href=\"https://files.example/b.mp4\">media</a></li></ol>"
        ), "{summary}");
    }
}

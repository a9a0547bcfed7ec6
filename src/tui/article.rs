//! An item turned into styled, wrapped lines for the reader, once per width, in `update`:
//! header, body (HTML through html2text with numbered links) and the list of those links.

use super::stories::versions;
use super::theme::Theme;
use super::{fit, sanitize};
use crate::dates::{self, Zone};
use crate::model::{Item, Version};
use crate::text::body;
use html2text::render::RichAnnotation;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

/// An item as the reader draws it at one width.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub width: u16,
    pub lines: Vec<Line<'static>>,
    /// Link N of the body is `links[N - 1]`, resolved against the item's URL.
    pub links: Vec<String>,
}

/// What the reader knows of the item's story.
#[derive(Debug, Clone, Copy, Default)]
pub struct Story<'a> {
    /// Every version, most authoritative first (empty: not loaded, or the item alone).
    pub versions: &'a [Version],
    /// The key that reads the next version.
    pub next_key: &'a str,
}

pub fn render(item: &Item, story: &Story<'_>, width: u16, theme: &Theme, zone: Zone) -> Article {
    let columns = usize::from(width.max(10));
    let mut lines = header(item, story, columns, theme, zone);
    let body = item
        .content
        .as_deref()
        .or(item.summary.as_deref())
        .unwrap_or("");
    let mut links = Vec::new();
    if body.trim().is_empty() {
        lines.push(Line::styled(
            "The feed gives no text for this item; open it in the browser.",
            theme.dim,
        ));
    } else {
        let (body_lines, hrefs) = render_body(body, columns, theme);
        lines.extend(body_lines);
        links = hrefs
            .iter()
            .map(|href| resolve(item.url.as_deref(), href))
            .collect();
    }
    if !links.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled("Links", theme.heading));
        for (number, link) in links.iter().enumerate() {
            let label = format!("[{}] ", number + 1);
            let room = columns.saturating_sub(label.len());
            lines.push(Line::from(vec![
                Span::styled(label, theme.accent),
                Span::styled(fit::truncate(&sanitize::line(link), room), theme.link),
            ]));
        }
    }
    Article {
        width,
        lines,
        links,
    }
}

fn header(
    item: &Item,
    story: &Story<'_>,
    columns: usize,
    theme: &Theme,
    zone: Zone,
) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = fit::wrap(&sanitize::line(&item.title), columns)
        .into_iter()
        .map(|line| Line::styled(line, theme.heading))
        .collect();
    let badges = versions::badges(&versions::story_evidence(item, story.versions), theme);
    if !badges.is_empty() {
        lines.push(Line::from(badges));
    }
    let mut meta = vec![sanitize::line(&item.source_title)];
    meta.extend(
        item.author
            .as_deref()
            .map(sanitize::line)
            .filter(|a| !a.is_empty()),
    );
    meta.extend(item.published.map(|date| dates::format(date, zone)));
    lines.extend(
        fit::wrap(&meta.join(" · "), columns)
            .into_iter()
            .map(|l| Line::styled(l, theme.dim)),
    );
    if let Some(citation) = versions::citation(item) {
        lines.push(Line::styled(fit::truncate(&citation, columns), theme.dim));
    }
    if let Some(identifiers) = versions::identifiers(item) {
        lines.push(Line::styled(
            fit::truncate(&identifiers, columns),
            theme.dim,
        ));
    }
    if !item.tags.is_empty() {
        let tags: Vec<String> = item
            .tags
            .iter()
            .map(|t| format!("#{}", sanitize::line(t)))
            .collect();
        lines.push(Line::styled(
            fit::truncate(&tags.join(" "), columns),
            theme.tag,
        ));
    }
    if let Some(line) = alerts_line(item, columns, theme) {
        lines.push(line);
    }
    if let Some(url) = &item.url {
        lines.push(Line::styled(
            fit::truncate(&sanitize::line(url), columns),
            theme.link,
        ));
    }
    lines.push(Line::default());
    lines.extend(versions::version_lines(item, story, zone, columns, theme));
    lines
}

/// `! Alert: safety (urgent) · outbreaks (acknowledged)`, in the error colour while any is open.
fn alerts_line(item: &Item, columns: usize, theme: &Theme) -> Option<Line<'static>> {
    if item.alerts.is_empty() {
        return None;
    }
    let watches: Vec<String> = item
        .alerts
        .iter()
        .map(|alert| {
            let state = match (alert.urgent, alert.acknowledged.is_some()) {
                (true, false) => " (urgent)",
                (_, true) => " (acknowledged)",
                (false, false) => "",
            };
            format!("{}{state}", sanitize::line(&alert.watch))
        })
        .collect();
    let open = item.alerts.iter().any(|alert| alert.acknowledged.is_none());
    let style = if open { theme.error } else { theme.dim };
    let text = format!("! Alert: {}", watches.join(" · "));
    Some(Line::styled(fit::truncate(&text, columns), style))
}

/// The body's lines and its link targets in footnote order. Falls back to plain paragraphs,
/// as `show` does, if html2text fails (or panics) on it.
fn render_body(html: &str, columns: usize, theme: &Theme) -> (Vec<Line<'static>>, Vec<String>) {
    let html = body::without_escapes(html);
    let rendered = body::contained(|| {
        html2text::config::rich()
            .link_footnotes(true)
            .lines_from_read(html.as_bytes(), columns)
    });
    let Some(Ok(mut tagged)) = rendered else {
        let text = sanitize::multiline(&body::fallback(&html));
        let lines = text
            .lines()
            .flat_map(|l| fit::wrap(l, columns))
            .map(Line::from)
            .collect();
        return (lines, Vec::new());
    };
    let links = split_footnotes(&mut tagged);
    let lines = tagged.iter().map(|line| styled_line(line, theme)).collect();
    (lines, links)
}

type TaggedLine = html2text::render::TaggedLine<Vec<RichAnnotation>>;

/// html2text appends `[N]: url` lines for N = 1..; takes them off the end and returns the urls.
fn split_footnotes(lines: &mut Vec<TaggedLine>) -> Vec<String> {
    let mut footnotes = Vec::new();
    for line in lines.iter().rev() {
        let Some((number, url)) = parse_footnote(&line_text(line)) else {
            break;
        };
        footnotes.push((number, url));
        if number == 1 {
            break;
        }
    }
    footnotes.reverse();
    let numbered_in_order = footnotes
        .iter()
        .enumerate()
        .all(|(i, (number, _))| *number == i + 1);
    if footnotes.is_empty() || !numbered_in_order {
        return Vec::new();
    }
    lines.truncate(lines.len() - footnotes.len());
    while lines
        .last()
        .is_some_and(|line| line_text(line).trim().is_empty())
    {
        lines.pop();
    }
    footnotes.into_iter().map(|(_, url)| url).collect()
}

fn line_text(line: &TaggedLine) -> String {
    line.tagged_strings().map(|s| s.s.as_str()).collect()
}

fn parse_footnote(text: &str) -> Option<(usize, String)> {
    let rest = text.strip_prefix('[')?;
    let (number, url) = rest.split_once("]: ")?;
    Some((number.parse().ok()?, url.to_string()))
}

fn styled_line(line: &TaggedLine, theme: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    let mut after_link = false;
    for piece in line.tagged_strings() {
        let text = sanitize::multiline(&piece.s);
        let is_link = piece
            .tag
            .iter()
            .any(|a| matches!(a, RichAnnotation::Link(_)));
        // The footnote marker html2text puts after a link starts the next piece: "[3] and".
        if after_link
            && !is_link
            && let Some(end) = marker_end(&text)
        {
            spans.push(Span::styled(text[..end].to_string(), theme.accent));
            spans.push(Span::raw(text[end..].to_string()));
            after_link = false;
            continue;
        }
        after_link = is_link;
        spans.push(Span::styled(text, style_for(&piece.tag, theme)));
    }
    Line::from(spans)
}

fn marker_end(text: &str) -> Option<usize> {
    let rest = text.strip_prefix('[')?;
    let digits = rest.find(|c: char| !c.is_ascii_digit())?;
    (digits > 0 && rest[digits..].starts_with(']')).then_some(digits + 2)
}

fn style_for(annotations: &[RichAnnotation], theme: &Theme) -> Style {
    annotations
        .iter()
        .fold(Style::new(), |style, annotation| match annotation {
            RichAnnotation::Link(_) => style.patch(theme.link),
            RichAnnotation::Strong => style.add_modifier(Modifier::BOLD),
            RichAnnotation::Emphasis => style.add_modifier(Modifier::ITALIC),
            RichAnnotation::Strikeout => style.add_modifier(Modifier::CROSSED_OUT),
            RichAnnotation::Code | RichAnnotation::Preformat(_) => style.patch(theme.tag),
            RichAnnotation::Image(_) => style.patch(theme.dim),
            // Feed-chosen colours are ignored: they fight the user's theme.
            _ => style,
        })
}

/// A relative link made absolute against the item's page; left as it is when that fails.
fn resolve(base: Option<&str>, href: &str) -> String {
    base.and_then(|base| url::Url::parse(base).ok())
        .and_then(|base| base.join(href).ok())
        .map_or_else(|| href.to_string(), String::from)
}

#[cfg(test)]
#[path = "article_tests.rs"]
mod tests;

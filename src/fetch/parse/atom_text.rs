//! Atom text constructs and content (RFC 4287 §3.1, §4.1.3; Atom 0.3's `mode`), read by one
//! rule for titles, summaries, content, rights and subtitles: whatever the `type`, the reader
//! gets the text a person would see, and a `type` the spec does not allow is noted, never fatal.

use super::document::Text;
use super::xml::{Document, NodeId, Ns};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};

/// Which rules apply: text constructs allow only `text`, `html` and `xhtml`; content allows any
/// media type, inline or in base64, or a `src`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Text,
    Content,
}

/// The construct's text (`None` when empty, out of line or undecodable) and whether its type
/// was irregular.
pub fn read(document: &Document<'_>, id: NodeId, role: Role) -> (Option<Text>, bool) {
    let element = document.element(id);
    let atom03 = element.ns == Ns::Atom03;
    let media_type = document
        .attribute(id, Ns::None, "type")
        .map(normalize_type)
        .unwrap_or_default();
    if role == Role::Content && document.attribute(id, Ns::None, "src").is_some() {
        return (None, !document.text(id).trim().is_empty());
    }
    let mode = document
        .attribute(id, Ns::None, "mode")
        .map(|mode| mode.trim().to_ascii_lowercase());
    let (text, irregular) = match mode.as_deref() {
        Some("base64") => (base64_text(document, id, &media_type), false),
        Some("escaped") => (Some(escaped(document, id, &media_type)), false),
        _ => by_type(document, id, &media_type, role, atom03),
    };
    (text.and_then(Text::non_empty), irregular)
}

/// `type="Text/HTML; charset=utf-8"` → `text/html`.
fn normalize_type(raw: &str) -> String {
    let without_parameters = raw.split(';').next().unwrap_or("");
    without_parameters.trim().to_ascii_lowercase()
}

fn by_type(
    document: &Document<'_>,
    id: NodeId,
    media_type: &str,
    role: Role,
    atom03: bool,
) -> (Option<Text>, bool) {
    // Atom 0.3 spoke in media types; Atom 1.0 text constructs may not.
    let media_type_allowed = atom03 || role == Role::Content;
    match media_type {
        "" | "text" => (Some(text_or_markup(document, id)), false),
        "html" => (Some(Text::html(document.content(id))), false),
        "xhtml" => (xhtml(document, id), false),
        "text/plain" => (Some(text_or_markup(document, id)), !media_type_allowed),
        "text/html" => (Some(Text::html(document.content(id))), !media_type_allowed),
        "application/xhtml+xml" => (xhtml(document, id), !media_type_allowed),
        xml if xml.ends_with("+xml") || xml.ends_with("/xml") => (
            Some(Text::plain(document.text_separated(id, " "))),
            !media_type_allowed,
        ),
        text if text.starts_with("text/") => {
            (Some(text_or_markup(document, id)), !media_type_allowed)
        }
        other if other.contains('/') && role == Role::Content => {
            (base64_text(document, id, other), false)
        }
        // Not a media type at all (`type="fancy"`): read the words.
        _ => (Some(text_or_markup(document, id)), true),
    }
}

/// Plain text, unless the publisher put markup in it (`<title>Example <b>Atom</b></title>`):
/// then the markup is HTML, so the whole text survives.
fn text_or_markup(document: &Document<'_>, id: NodeId) -> Text {
    match document.has_element_children(id) {
        true => Text::html(document.inner_source(id)),
        false => Text::plain(document.text(id)),
    }
}

/// Text that holds escaped markup (Atom 0.3 `mode="escaped"`).
fn escaped(document: &Document<'_>, id: NodeId, media_type: &str) -> Text {
    let text = document.text(id);
    match media_type.contains("html") {
        true => Text::html(text),
        false => Text::plain(text),
    }
}

/// XHTML content: what is inside the wrapping `div`, or the whole content when there is none.
fn xhtml(document: &Document<'_>, id: NodeId) -> Option<Text> {
    let mut elements = document.elements(id);
    let only_div = match (elements.next(), elements.next()) {
        (Some((div, element)), None) if element.local == "div" => Some((div, element)),
        _ => None,
    };
    let (inner, prefix) = match only_div {
        Some((div, element)) => {
            let prefix = element.name.split_once(':').map(|(prefix, _)| prefix);
            (document.inner_source(div), prefix)
        }
        None => (document.inner_source(id), None),
    };
    let html = match prefix {
        // `<xhtml:em>` would mean nothing to an HTML renderer.
        Some(prefix) => inner
            .replace(&format!("<{prefix}:"), "<")
            .replace(&format!("</{prefix}:"), "</"),
        None => inner.to_string(),
    };
    Some(Text::html(html))
}

/// Base64 content decoded, when it decodes to text (binary content is not shown).
fn base64_text(document: &Document<'_>, id: NodeId, media_type: &str) -> Option<Text> {
    let encoded: Vec<u8> = document
        .text(id)
        .bytes()
        .filter(|byte| !byte.is_ascii_whitespace())
        .collect();
    let bytes = STANDARD
        .decode(&encoded)
        .or_else(|_| STANDARD_NO_PAD.decode(&encoded))
        .ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let is_text = !text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'));
    match (is_text, media_type.contains("html")) {
        (false, _) => None,
        (true, true) => Some(Text::html(text)),
        (true, false) => Some(Text::plain(text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::parse::document::TextKind;
    use crate::fetch::parse::xml;

    fn construct(element: &str, role: Role) -> (Option<(TextKind, String)>, bool) {
        let source = format!(
            "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:x='http://www.w3.org/1999/xhtml'>{element}</feed>"
        );
        let document = xml::read(&source);
        let root = document.roots().next().expect("root");
        let id = document.elements(root).next().expect("element").0;
        let (text, irregular) = read(&document, id, role);
        (text.map(|text| (text.kind, text.value)), irregular)
    }

    #[test]
    fn each_type_gives_its_text() {
        use TextKind::{Html, Plain};
        let cases = [
            ("<title>a &lt; b</title>", Some((Plain, "a < b")), false),
            (
                "<title type='html'>&lt;b&gt;x&lt;/b&gt;</title>",
                Some((Html, "<b>x</b>")),
                false,
            ),
            (
                "<title type='xhtml'><x:div>Less: <x:em>&lt;</x:em></x:div></title>",
                Some((Html, "Less: <em>&lt;</em>")),
                false,
            ),
            (
                "<title type='xhtml'>no <b>div</b></title>",
                Some((Html, "no <b>div</b>")),
                false,
            ),
            (
                "<title type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'/></title>",
                None,
                false,
            ),
            (
                "<title type='text/plain'>media</title>",
                Some((Plain, "media")),
                true,
            ),
            (
                "<title type='Fancy'>word</title>",
                Some((Plain, "word")),
                true,
            ),
            (
                "<title>Example <b>Atom</b></title>",
                Some((Html, "Example <b>Atom</b>")),
                false,
            ),
        ];
        for (element, expected, irregular) in cases {
            let expected = expected.map(|(kind, text)| (kind, text.to_string()));
            assert_eq!(
                construct(element, Role::Text),
                (expected, irregular),
                "{element}"
            );
        }
    }

    #[test]
    fn content_may_be_any_media_type() {
        use TextKind::{Html, Plain};
        assert_eq!(
            construct("<content type='text/csv'>a,b</content>", Role::Content),
            (Some((Plain, "a,b".into())), false)
        );
        assert_eq!(
            construct(
                "<content type='application/x-markdown'>KipoaSoq</content>",
                Role::Content
            ),
            (Some((Plain, "**hi**".into())), false)
        );
        assert_eq!(
            construct(
                "<content type='image/png'>iVBORw0KGgo=</content>",
                Role::Content
            ),
            (None, false)
        );
        assert_eq!(
            construct(
                "<content type='application/xml'><a>x</a><b>y</b></content>",
                Role::Content
            )
            .0,
            Some((Plain, " x  y ".into()))
        );
        assert_eq!(
            construct(
                "<content src='https://x.org/a.pdf'>stray</content>",
                Role::Content
            ),
            (None, true)
        );
        assert_eq!(
            construct(
                "<content type='text/html; charset=utf-8'>&lt;p&gt;x</content>",
                Role::Content
            ),
            (Some((Html, "<p>x".into())), false)
        );
    }

    #[test]
    fn atom03_modes() {
        let atom03 = |element: &str| {
            let source = format!("<feed xmlns='http://purl.org/atom/ns#'>{element}</feed>");
            let document = xml::read(&source);
            let root = document.roots().next().expect("root");
            let id = document.elements(root).next().expect("element").0;
            read(&document, id, Role::Text).0.map(|text| text.value)
        };
        assert_eq!(
            atom03("<title mode='base64'>aGk=</title>").as_deref(),
            Some("hi")
        );
        assert_eq!(
            atom03("<title type='text/html' mode='escaped'>&lt;b&gt;x</title>").as_deref(),
            Some("<b>x")
        );
    }
}

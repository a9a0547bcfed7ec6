//! Reading a web page for its feeds with html5ever's tokenizer: a real HTML tokenizer, so
//! comments, attributes without quotes and `<script>` bodies are what a browser sees them to
//! be. Nothing is run; script and style bodies are skipped as raw text.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, CharacterTokens, TagKind, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
    TokenizerOpts,
};
use std::cell::RefCell;
use url::Url;

/// A link the page offers, before it is resolved against the page's base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub href: String,
    pub title: Option<String>,
}

/// What discovery needs from a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageScan {
    pub base: Option<String>,
    /// `<link rel="alternate">` of RSS, Atom and JSON Feed types, in page order.
    pub alternates: Vec<Link>,
    /// Every `<a href>` with its text, in page order.
    pub anchors: Vec<Link>,
    pub canonical: Option<String>,
    pub site_name: Option<String>,
    /// `<meta itemprop="channelId|identifier">`: YouTube's channel id.
    pub channel_id: Option<String>,
}

const FEED_TYPES: [&str; 5] = [
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/rdf+xml",
    "application/x.atom+xml",
];

/// Scans `html` (already decoded) for links, stopping at nothing: the caller caps the size.
pub fn scan(html: &str) -> PageScan {
    let sink = Sink::default();
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.page.take()
}

/// Resolves `href` against the page's base (itself relative to the page's address).
pub fn resolve(page: &PageScan, page_url: &Url, href: &str) -> Option<Url> {
    let base = page
        .base
        .as_deref()
        .and_then(|base| page_url.join(base).ok())
        .unwrap_or_else(|| page_url.clone());
    let url = base.join(href.trim()).ok()?;
    matches!(url.scheme(), "http" | "https").then_some(url)
}

#[derive(Default)]
struct Sink {
    page: RefCell<PageScan>,
    /// The anchor being read: its text accumulates until `</a>`.
    open_anchor: RefCell<Option<(String, String, Option<String>)>>,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            TagToken(tag) if tag.kind == TagKind::StartTag => {
                let attribute = |name: &str| {
                    tag.attrs
                        .iter()
                        .find(|a| &*a.name.local == name)
                        .map(|a| a.value.to_string())
                };
                match &*tag.name {
                    "script" => return TokenSinkResult::RawData(RawKind::ScriptData),
                    "style" | "noscript" | "iframe" | "xmp" => {
                        return TokenSinkResult::RawData(RawKind::Rawtext);
                    }
                    "title" | "textarea" => return TokenSinkResult::RawData(RawKind::Rcdata),
                    "base" => self.on_base(attribute("href")),
                    "link" => self.on_link(&attribute),
                    "meta" => self.on_meta(&attribute),
                    "a" => {
                        if let Some(href) = attribute("href") {
                            let title = attribute("title");
                            *self.open_anchor.borrow_mut() = Some((href, String::new(), title));
                        }
                    }
                    _ => {}
                }
            }
            TagToken(tag) if tag.kind == TagKind::EndTag && &*tag.name == "a" => {
                if let Some((href, text, title)) = self.open_anchor.borrow_mut().take() {
                    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    let title = if text.is_empty() { title } else { Some(text) };
                    self.page.borrow_mut().anchors.push(Link { href, title });
                }
            }
            CharacterTokens(text) => {
                if let Some((_, anchor_text, _)) = self.open_anchor.borrow_mut().as_mut() {
                    anchor_text.push(' ');
                    anchor_text.push_str(&text);
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

impl Sink {
    fn on_base(&self, href: Option<String>) {
        let mut page = self.page.borrow_mut();
        // Only the first <base> counts, as in browsers.
        if page.base.is_none() {
            page.base = href;
        }
    }

    fn on_link(&self, attribute: &dyn Fn(&str) -> Option<String>) {
        let rel = attribute("rel").unwrap_or_default().to_ascii_lowercase();
        let rels: Vec<&str> = rel.split_ascii_whitespace().collect();
        let Some(href) = attribute("href") else {
            return;
        };
        let mut page = self.page.borrow_mut();
        if rels.contains(&"canonical") && page.canonical.is_none() {
            page.canonical = Some(href);
            return;
        }
        let kind = attribute("type").unwrap_or_default().to_ascii_lowercase();
        let kind = kind.split(';').next().unwrap_or_default().trim();
        if rels.contains(&"alternate") && FEED_TYPES.contains(&kind) {
            let title = attribute("title").filter(|t| !t.trim().is_empty());
            page.alternates.push(Link { href, title });
        }
    }

    fn on_meta(&self, attribute: &dyn Fn(&str) -> Option<String>) {
        let Some(content) = attribute("content") else {
            return;
        };
        let mut page = self.page.borrow_mut();
        let property = attribute("property").unwrap_or_default();
        let itemprop = attribute("itemprop").unwrap_or_default();
        if property == "og:site_name" {
            page.site_name = Some(content);
        } else if (itemprop == "channelId" || itemprop == "identifier") && content.starts_with("UC")
        {
            page.channel_id = Some(content);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_alternates_anchors_and_base_as_a_browser_would() {
        let html = r#"<!doctype html><html><head>
            <base href="/journal/">
            <!-- <link rel="alternate" type="application/rss+xml" href="commented.xml"> -->
            <link rel=alternate type="application/rss+xml" title="Latest articles" href=latest.xml>
            <link rel="Alternate Feed" type="application/atom+xml; charset=utf-8" href="/atom">
            <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
            <link rel="stylesheet" href="/site.css">
            <script>document.write('<link rel="alternate" type="application/rss+xml" href="/evil.xml">')</script>
            <meta property="og:site_name" content="The Journal">
            </head><body><a href="/rss/cardiology.xml" title="t">Cardiology <b>RSS</b></a></body></html>"#;
        let page = scan(html);
        assert_eq!(page.base.as_deref(), Some("/journal/"));
        let hrefs: Vec<&str> = page.alternates.iter().map(|l| l.href.as_str()).collect();
        assert_eq!(hrefs, ["latest.xml", "/atom"]);
        assert_eq!(page.alternates[0].title.as_deref(), Some("Latest articles"));
        assert_eq!(page.anchors[0].title.as_deref(), Some("Cardiology RSS"));
        assert_eq!(page.site_name.as_deref(), Some("The Journal"));
        let url = Url::parse("https://journal.example/home/index.html").unwrap();
        let resolved = resolve(&page, &url, &page.alternates[0].href).unwrap();
        assert_eq!(
            resolved.as_str(),
            "https://journal.example/journal/latest.xml"
        );
        assert_eq!(resolve(&page, &url, "javascript:alert(1)"), None);
    }

    #[test]
    fn youtube_pages_reveal_their_channel() {
        let html = r#"<html><head><meta property="og:site_name" content="YouTube">
            <link rel="canonical" href="https://www.youtube.com/channel/UCx1">
            <meta itemprop="identifier" content="UCx1"></head></html>"#;
        let page = scan(html);
        assert_eq!(page.channel_id.as_deref(), Some("UCx1"));
        assert_eq!(
            page.canonical.as_deref(),
            Some("https://www.youtube.com/channel/UCx1")
        );
    }
}
